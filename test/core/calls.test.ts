// Application calls, RFC 9293 3.10.1-3.10.5, and a crash (3.5.1, figure 10).

import { describe, expect, test } from 'vitest';
import { appCall, deliver, hostState, setIsn } from '../../src/core/index.js';
import { arrive, clearNet, establish, inState, newWorld, out, seg, sent } from './harness.js';

describe('app calls', () => {
  test('connect (3.10.1): CLOSED → SYN-SENT, sends <SEQ=ISS><CTL=SYN>', () => {
    const w = newWorld();
    expect(appCall(w, 'client', 'connect')).toBeNull();
    expect({ state: hostState(w, 'client'), sent: sent(w) }).toEqual({ state: 'SYN-SENT', sent: [out('client', 'SYN', 1000)] });
  });

  test('listen (3.10.1): CLOSED → LISTEN, sends nothing', () => {
    const w = newWorld();
    expect(appCall(w, 'server', 'listen')).toBeNull();
    expect({ state: hostState(w, 'server'), sent: sent(w) }).toEqual({ state: 'LISTEN', sent: [] });
  });

  test('connect in ESTABLISHED (3.10.1): "connection already exists", nothing sent', () => {
    const { w, host } = inState('ESTABLISHED');
    expect(appCall(w, host, 'connect')).toMatch(/connection already exists/);
    expect({ state: hostState(w, host), sent: sent(w) }).toEqual({ state: 'ESTABLISHED', sent: [] });
  });

  test('connect while in TIME-WAIT returns an error and sends nothing (rfc: "connection already exists")', () => {
    const { w, host } = inState('TIME-WAIT', { profile: 'rfc' });
    expect(appCall(w, host, 'connect')).toMatch(/connection already exists/);
    expect({ state: hostState(w, host), sent: sent(w) }).toEqual({ state: 'TIME-WAIT', sent: [] });
  });

  // The kernel proved the old expectation (an error, nothing sent) wrong: on Linux 6.18 with the default
  // tcp_timestamps=1, a socket bound to the TIME-WAIT connection's port connects to the same server at once
  // (`tcp-trainer live reuse-same-server`). __inet_hash_connect (net/ipv4/inet_hashtables.c) calls
  // check_established with twp == NULL for a bound port, and tcp_twsk_unique (net/ipv4/tcp_ipv4.c) then takes
  // the TIME-WAIT socket over whenever the old connection saw timestamps, setting write_seq to
  // tw_snd_nxt + 65535 + 2.
  test('linux: connect while in TIME-WAIT takes the 4-tuple over: SYN with ISN = old SND.NXT + 65537 (tcp_twsk_unique)', () => {
    const { w, host } = inState('TIME-WAIT', { profile: 'linux' }); // the client, SND.NXT = 1002
    expect(appCall(w, host, 'connect')).toBeNull();
    expect({ state: hostState(w, host), sent: sent(w) }).toEqual({ state: 'SYN-SENT', sent: [out('client', 'SYN', 1002 + 65537)] });
  });

  test('linux: after the takeover the listening server accepts the new connection', () => {
    const { w, host } = inState('TIME-WAIT', { profile: 'linux' });
    expect(hostState(w, 'server')).toBe('LISTEN');
    expect(appCall(w, host, 'connect')).toBeNull();
    expect(deliver(w, 'c>s')).toBeNull();
    expect(deliver(w, 's>c')).toBeNull();
    expect(deliver(w, 'c>s')).toBeNull();
    expect([hostState(w, 'client'), hostState(w, 'server')]).toEqual(['ESTABLISHED', 'ESTABLISHED']);
  });

  test('linux: an ISN set by the script is kept on takeover', () => {
    const { w, host } = inState('TIME-WAIT', { profile: 'linux' });
    setIsn(w, host, 42);
    expect(appCall(w, host, 'connect')).toBeNull();
    expect(sent(w)).toEqual([out('client', 'SYN', 42)]);
  });

  test('send in ESTABLISHED (3.10.2): data goes out with <SEQ=SND.NXT><ACK=RCV.NXT>', () => {
    const { w, host } = inState('ESTABLISHED');
    expect(appCall(w, host, 'send', 10)).toBeNull();
    expect({ state: hostState(w, host), sent: sent(w) }).toEqual({ state: 'ESTABLISHED', sent: [out('client', 'PSH,ACK', 1001, 5001, 10)] });
  });

  test('send in CLOSED (3.10.2): "connection does not exist"', () => {
    const w = newWorld();
    expect(appCall(w, 'client', 'send', 10)).toBe('connection does not exist');
    expect(sent(w)).toEqual([]);
  });

  test('send in FIN-WAIT-1 returns "connection closing" and sends nothing', () => {
    const { w, host } = inState('FIN-WAIT-1');
    expect(appCall(w, host, 'send', 10)).toBe('connection closing');
    expect({ state: hostState(w, host), sent: sent(w) }).toEqual({ state: 'FIN-WAIT-1', sent: [] });
  });

  test('send in TIME-WAIT returns "connection closing"', () => {
    const { w, host } = inState('TIME-WAIT');
    expect(appCall(w, host, 'send', 10)).toBe('connection closing');
    expect(sent(w)).toEqual([]);
  });

  test('close in SYN-SENT deletes the TCB and sends nothing', () => {
    const { w, host } = inState('SYN-SENT');
    expect(appCall(w, host, 'close')).toBeNull();
    expect({ state: hostState(w, host), sent: sent(w) }).toEqual({ state: 'CLOSED', sent: [] });
    // The TCB is really gone: the late SYN,ACK meets a CLOSED host (3.10.7.1).
    expect(arrive(w, host, seg.synAck({ seq: 5000, ack: 1001 }))).toEqual({ state: 'CLOSED', sent: [out('client', 'RST', 1001)] });
  });

  test('close in SYN-RECEIVED with nothing queued sends FIN and enters FIN-WAIT-1 (3.10.4)', () => {
    const { w, host } = inState('SYN-RECEIVED');
    expect(appCall(w, host, 'close')).toBeNull();
    expect({ state: hostState(w, host), sent: sent(w) }).toEqual({ state: 'FIN-WAIT-1', sent: [out('server', 'FIN,ACK', 5001, 1001)] });
  });

  test('close in ESTABLISHED sends FIN <SEQ=SND.NXT><ACK=RCV.NXT> and enters FIN-WAIT-1 (figure 12 line 2)', () => {
    const { w, host } = inState('ESTABLISHED');
    expect(appCall(w, host, 'close')).toBeNull();
    expect({ state: hostState(w, host), sent: sent(w) }).toEqual({ state: 'FIN-WAIT-1', sent: [out('client', 'FIN,ACK', 1001, 5001)] });
  });

  test('close in CLOSE-WAIT sends FIN and enters LAST-ACK (figure 12 line 4)', () => {
    const { w, host } = inState('CLOSE-WAIT');
    expect(appCall(w, host, 'close')).toBeNull();
    expect({ state: hostState(w, host), sent: sent(w) }).toEqual({ state: 'LAST-ACK', sent: [out('server', 'FIN,ACK', 5001, 1002)] });
  });

  test('close in LAST-ACK returns "connection closing" and sends no second FIN', () => {
    const { w, host } = inState('LAST-ACK');
    expect(appCall(w, host, 'close')).toBe('connection closing');
    expect({ state: hostState(w, host), sent: sent(w) }).toEqual({ state: 'LAST-ACK', sent: [] });
  });

  test('close in LISTEN (3.10.4): CLOSED, nothing sent', () => {
    const { w, host } = inState('LISTEN');
    expect(appCall(w, host, 'close')).toBeNull();
    expect({ state: hostState(w, host), sent: sent(w) }).toEqual({ state: 'CLOSED', sent: [] });
  });

  test('abort in ESTABLISHED sends <SEQ=SND.NXT><CTL=RST> (rfc) and the peer resets', () => {
    const { w, host } = inState('ESTABLISHED', { profile: 'rfc' });
    expect(appCall(w, host, 'abort')).toBeNull();
    expect({ state: hostState(w, host), sent: sent(w) }).toEqual({ state: 'CLOSED', sent: [out('client', 'RST', 1001)] });
    expect(deliver(w, 'c>s')).toBeNull();
    expect({ state: hostState(w, 'server'), sent: sent(w) }).toEqual({ state: 'CLOSED', sent: [] });
  });

  test('abort in ESTABLISHED sends RST,ACK <SEQ=SND.NXT><ACK=RCV.NXT> (linux)', () => {
    const { w, host } = inState('ESTABLISHED', { profile: 'linux' });
    expect(appCall(w, host, 'abort')).toBeNull();
    expect({ state: hostState(w, host), sent: sent(w) }).toEqual({ state: 'CLOSED', sent: [out('client', 'RST,ACK', 1001, 5001)] });
  });

  test('abort in CLOSE-WAIT sends <SEQ=SND.NXT><CTL=RST>', () => {
    const { w, host } = inState('CLOSE-WAIT', { profile: 'rfc' });
    expect(appCall(w, host, 'abort')).toBeNull();
    expect({ state: hostState(w, host), sent: sent(w) }).toEqual({ state: 'CLOSED', sent: [out('server', 'RST', 5001)] });
  });

  test('abort in FIN-WAIT-1 sends <SEQ=SND.NXT><CTL=RST>, SND.NXT being past our FIN', () => {
    const { w, host } = inState('FIN-WAIT-1', { profile: 'rfc' });
    expect(appCall(w, host, 'abort')).toBeNull();
    expect({ state: hostState(w, host), sent: sent(w) }).toEqual({ state: 'CLOSED', sent: [out('client', 'RST', 1002)] });
  });

  test('close in SYN-RECEIVED: the handshake ACK (acking only the SYN) leaves FIN-WAIT-1; the ACK of the FIN reaches FIN-WAIT-2', () => {
    const { w, host } = inState('SYN-RECEIVED');
    appCall(w, host, 'close');
    sent(w);
    expect(arrive(w, host, seg.ack({ seq: 1001, ack: 5001 }))).toEqual({ state: 'FIN-WAIT-1', sent: [] });
    expect(arrive(w, host, seg.ack({ seq: 1001, ack: 5002 }))).toEqual({ state: 'FIN-WAIT-2', sent: [] });
  });

  test('abort in TIME-WAIT sends nothing and deletes the TCB', () => {
    const { w, host } = inState('TIME-WAIT');
    expect(appCall(w, host, 'abort')).toBeNull();
    expect({ state: hostState(w, host), sent: sent(w) }).toEqual({ state: 'CLOSED', sent: [] });
  });

  test('abort in LAST-ACK sends nothing and deletes the TCB', () => {
    const { w, host } = inState('LAST-ACK');
    expect(appCall(w, host, 'abort')).toBeNull();
    expect({ state: hostState(w, host), sent: sent(w) }).toEqual({ state: 'CLOSED', sent: [] });
  });

  test('abort in SYN-SENT sends nothing and deletes the TCB', () => {
    const { w, host } = inState('SYN-SENT');
    expect(appCall(w, host, 'abort')).toBeNull();
    expect({ state: hostState(w, host), sent: sent(w) }).toEqual({ state: 'CLOSED', sent: [] });
  });

  test('crash sends nothing; the peer\'s next data gets <SEQ=SEG.ACK><CTL=RST> and the peer aborts (figure 10)', () => {
    const w = newWorld();
    establish(w);
    clearNet(w);
    sent(w);
    expect(appCall(w, 'client', 'crash')).toBeNull();
    expect({ state: hostState(w, 'client'), sent: sent(w) }).toEqual({ state: 'CLOSED', sent: [] });
    expect(appCall(w, 'server', 'send', 10)).toBeNull();
    expect(sent(w)).toEqual([out('server', 'PSH,ACK', 5001, 1001, 10)]);
    expect(deliver(w, 's>c')).toBeNull();
    expect({ state: hostState(w, 'client'), sent: sent(w) }).toEqual({ state: 'CLOSED', sent: [out('client', 'RST', 1001)] });
    expect(deliver(w, 'c>s')).toBeNull();
    expect({ state: hostState(w, 'server'), sent: sent(w) }).toEqual({ state: 'CLOSED', sent: [] });
  });

  test('crash, then connect: half-open connection discovery (figure 9)', () => {
    const w = newWorld();
    establish(w);
    clearNet(w);
    sent(w);
    appCall(w, 'client', 'crash');
    setIsn(w, 'client', 400);
    appCall(w, 'client', 'connect');
    expect(sent(w)).toEqual([out('client', 'SYN', 400)]);
    // Line 3-4: the SYN is outside the server's window; it answers <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>.
    expect(deliver(w, 'c>s')).toBeNull();
    expect({ state: hostState(w, 'server'), sent: sent(w) }).toEqual({ state: 'ESTABLISHED', sent: [out('server', 'ACK', 5001, 1001)] });
    // Line 5: the ACK does not cover the client's SYN: <SEQ=SEG.ACK><CTL=RST>.
    expect(deliver(w, 's>c')).toBeNull();
    expect({ state: hostState(w, 'client'), sent: sent(w) }).toEqual({ state: 'SYN-SENT', sent: [out('client', 'RST', 1001)] });
    // Line 6: the RST is at the server's RCV.NXT: it aborts.
    expect(deliver(w, 'c>s')).toBeNull();
    expect({ state: hostState(w, 'server'), sent: sent(w) }).toEqual({ state: 'CLOSED', sent: [] });
  });
});
