// Timers: retransmission (RFC 9293 3.10.8 with RFC 6298: initial RTO 1 s,
// doubled on each timeout), the give-up after the profile's retries
// (RFC 1122 4.2.3.5 / Linux sysctls), 2MSL (RFC 9293 3.10.7.4: MSL is
// 2 minutes, 3.4.1) and Linux's fixed TIME-WAIT and orphaned FIN-WAIT-2 timer.

import { describe, expect, test } from 'vitest';
import { appCall, createWorld, drain, flood, hostState, wait, type HostId, type SegmentJson, type State, type World } from '../../src/core/index.js';
import { arrive, inState, newWorld, out, seg, sent, waitUntil } from './harness.js';

/** At each time in `times` (ms) `host` sends exactly `segment`, and nothing in the millisecond before. */
function expectSendsAt(w: World, host: HostId, times: number[], segment: SegmentJson, state: State): void {
  for (const t of times) {
    waitUntil(w, t - 1);
    expect({ t: w.now, state: hostState(w, host), sent: sent(w) }).toEqual({ t: t - 1, state, sent: [] });
    waitUntil(w, t);
    expect({ t: w.now, state: hostState(w, host), sent: sent(w) }).toEqual({ t, state, sent: [segment] });
  }
}

/** `host` stays in `before` until `at` - 1 ms, then is in `after` at `at`, sending nothing. */
function expectTransitionAt(w: World, host: HostId, at: number, before: State, after: State): void {
  waitUntil(w, at - 1);
  expect({ t: w.now, state: hostState(w, host), sent: sent(w) }).toEqual({ t: at - 1, state: before, sent: [] });
  waitUntil(w, at);
  expect({ t: w.now, state: hostState(w, host), sent: sent(w) }).toEqual({ t: at, state: after, sent: [] });
}

const s = (n: number): number => n * 1000;

describe('timers', () => {
  test('timers: rfc retransmits the SYN at 1, 3, 7, 15, 31, 63, 123 s (RTO 1 s doubling, capped at 60 s) and gives up at 183 s', () => {
    const w = newWorld({ profile: 'rfc' });
    appCall(w, 'client', 'connect');
    expect(sent(w)).toEqual([out('client', 'SYN', 1000)]);
    expectSendsAt(w, 'client', [1, 3, 7, 15, 31, 63, 123].map(s), out('client', 'SYN', 1000), 'SYN-SENT');
    expectTransitionAt(w, 'client', s(183), 'SYN-SENT', 'CLOSED');
  });

  test('timers: linux retransmits the SYN 6 times, the last at 63 s, and gives up at 127 s', () => {
    const w = newWorld({ profile: 'linux' });
    appCall(w, 'client', 'connect');
    expect(sent(w)).toEqual([out('client', 'SYN', 1000)]);
    expectSendsAt(w, 'client', [1, 3, 7, 15, 31, 63].map(s), out('client', 'SYN', 1000), 'SYN-SENT');
    expectTransitionAt(w, 'client', s(127), 'SYN-SENT', 'CLOSED');
  });

  test('timers: the SYN,ACK that completes the handshake stops SYN retransmission', () => {
    const w = newWorld({ profile: 'rfc' });
    appCall(w, 'client', 'connect');
    waitUntil(w, 500);
    expect(arrive(w, 'client', seg.synAck({ seq: 5000, ack: 1001 }))).toEqual({ state: 'ESTABLISHED', sent: [out('client', 'ACK', 1001, 5001)] });
    waitUntil(w, s(600));
    expect(sent(w)).toEqual([]);
  });

  test('timers: linux retransmits the SYN,ACK 5 times (1, 3, 7, 15, 31 s), gives up at 63 s and the server is back in LISTEN', () => {
    const { w, host } = inState('SYN-RECEIVED', { profile: 'linux' });
    appCall(w, 'client', 'abort'); // SYN-SENT: deletes the TCB and sends nothing, so only the server's timer runs
    expect(sent(w)).toEqual([]);
    expectSendsAt(w, host, [1, 3, 7, 15, 31].map(s), out('server', 'SYN,ACK', 5000, 1001), 'SYN-RECEIVED');
    expectTransitionAt(w, host, s(63), 'SYN-RECEIVED', 'LISTEN');
  });

  test('timers: rfc retransmits the SYN,ACK with the same doubling RTO', () => {
    const { w, host } = inState('SYN-RECEIVED', { profile: 'rfc' });
    appCall(w, 'client', 'abort');
    expectSendsAt(w, host, [1, 3, 7, 15, 31, 63, 123].map(s), out('server', 'SYN,ACK', 5000, 1001), 'SYN-RECEIVED');
  });

  test('timers: FIN-WAIT-1 retransmits the FIN after 1 s and 3 s', () => {
    const { w, host } = inState('FIN-WAIT-1');
    expectSendsAt(w, host, [1, 3].map(s), out('client', 'FIN,ACK', 1001, 5001), 'FIN-WAIT-1');
  });

  test('timers: LAST-ACK retransmits the FIN at 1, 3, 7, 15, 31, 63 s and gives up at 123 s (rfc)', () => {
    const { w, host } = inState('LAST-ACK', { profile: 'rfc' });
    expectSendsAt(w, host, [1, 3, 7, 15, 31, 63].map(s), out('server', 'FIN,ACK', 5001, 1002), 'LAST-ACK');
    expectTransitionAt(w, host, s(123), 'LAST-ACK', 'CLOSED');
  });

  test('timers: in LAST-ACK the ACK of the FIN stops the retransmissions', () => {
    const { w, host } = inState('LAST-ACK', { profile: 'rfc' });
    expectSendsAt(w, host, [s(1)], out('server', 'FIN,ACK', 5001, 1002), 'LAST-ACK');
    expect(arrive(w, host, seg.ack({ seq: 1002, ack: 5002 }))).toEqual({ state: 'CLOSED', sent: [] });
    waitUntil(w, s(600));
    expect(sent(w)).toEqual([]);
  });

  test('timers: rfc TIME-WAIT lasts 2MSL = 240 s, then the TCB is deleted silently', () => {
    const { w, host } = inState('TIME-WAIT', { profile: 'rfc' });
    expectTransitionAt(w, host, s(240), 'TIME-WAIT', 'CLOSED');
  });

  test('timers: linux TIME-WAIT is a fixed 60 s', () => {
    const { w, host } = inState('TIME-WAIT', { profile: 'linux' });
    expectTransitionAt(w, host, s(60), 'TIME-WAIT', 'CLOSED');
  });

  test('timers: linux re-ACKing a retransmitted FIN restarts the 60 s TIME-WAIT', () => {
    const { w, host } = inState('TIME-WAIT', { profile: 'linux' });
    waitUntil(w, s(30));
    expect(arrive(w, host, seg.finAck({ seq: 5001, ack: 1002 }))).toEqual({ state: 'TIME-WAIT', sent: [out('client', 'ACK', 1002, 5002)] });
    expectTransitionAt(w, host, s(90), 'TIME-WAIT', 'CLOSED');
  });

  test('timers: linux drops an orphaned FIN-WAIT-2 socket 60 s after it entered FIN-WAIT-2, sending nothing', () => {
    const { w, host } = inState('FIN-WAIT-1', { profile: 'linux' }); // close() at 0 s
    waitUntil(w, 500);
    expect(arrive(w, host, seg.ack({ seq: 5001, ack: 1002 }))).toEqual({ state: 'FIN-WAIT-2', sent: [] });
    expectTransitionAt(w, host, 60_500, 'FIN-WAIT-2', 'CLOSED');
  });

  test('timers: linux has no FIN-WAIT-2 timeout after shutdown()', () => {
    const { w, host } = inState('FIN-WAIT-2', { profile: 'linux', shutdown: true });
    waitUntil(w, s(3600));
    expect({ state: hostState(w, host), sent: sent(w) }).toEqual({ state: 'FIN-WAIT-2', sent: [] });
  });

  test('timers: linux close() after shutdown() in FIN-WAIT-2 orphans the socket: 60 s from the close()', () => {
    const { w, host } = inState('FIN-WAIT-2', { profile: 'linux', shutdown: true });
    waitUntil(w, s(100));
    expect(appCall(w, host, 'close')).toBeNull();
    expect(sent(w)).toEqual([]);
    expectTransitionAt(w, host, s(160), 'FIN-WAIT-2', 'CLOSED');
  });

  test('timers: rfc has no FIN-WAIT-2 timeout, even after close()', () => {
    const { w, host } = inState('FIN-WAIT-2', { profile: 'rfc' });
    waitUntil(w, s(3600));
    expect({ state: hostState(w, host), sent: sent(w) }).toEqual({ state: 'FIN-WAIT-2', sent: [] });
  });
});

describe('timers: a big flood', () => {
  test('20,000 half-open entries retransmit together and are all given up at 63 s (linux tcp_synack_retries 5)', () => {
    const w = createWorld({ profile: 'linux', backlog: 20_000 });
    appCall(w, 'server', 'listen');
    flood(w, 20_000);
    expect(drain(w).spoofedReplies).toBe(20_000);
    wait(w, 62_999);
    expect(w.server.listener!.queue).toHaveLength(20_000);
    expect(drain(w).spoofedReplies).toBe(5 * 20_000);
    wait(w, 1);
    expect(w.server.listener!.queue).toHaveLength(0);
    expect(drain(w).events.map((e) => e.text)).toEqual(['20000 half-open entries from spoofed sources given up after 5 SYN,ACK retransmissions; 0 of 20000 slots now taken']);
  });
});
