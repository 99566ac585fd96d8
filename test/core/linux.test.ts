// Where the linux profile departs from RFC 9293 (see the comments in
// src/core/profile.ts): each test states the Linux behaviour and, where it
// helps, the rfc behaviour for the same arrival.

import { describe, expect, test } from 'vitest';
import { appCall, deliver, hostState, setIsn, type World } from '../../src/core/index.js';
import { arrive, clearNet, establish, inState, newWorld, out, seg, sent } from './harness.js';

function must(err: string | null): void {
  expect(err).toBeNull();
}

/** The server closes first and ends in TIME-WAIT; the client goes through LAST-ACK to CLOSED. Server: SND.NXT=5002, RCV.NXT=1002. */
function serverInTimeWait(profile: 'rfc' | 'linux'): World {
  const { w } = inState('TIME-WAIT', { profile, closer: 'server' });
  expect(hostState(w, 'client')).toBe('CLOSED');
  return w;
}

describe('linux profile', () => {
  test('linux: the listener persists: a RST in ESTABLISHED leaves the passive host in LISTEN (rfc: CLOSED)', () => {
    const linux = inState('ESTABLISHED', { profile: 'linux' });
    expect(arrive(linux.w, 'server', seg.rst({ seq: 1001 }))).toEqual({ state: 'LISTEN', sent: [] });
    const rfc = inState('ESTABLISHED', { profile: 'rfc' });
    expect(arrive(rfc.w, 'server', seg.rst({ seq: 1001 }))).toEqual({ state: 'CLOSED', sent: [] });
  });

  test('linux: the listener persists: LAST-ACK ends in LISTEN when our FIN is ACKed', () => {
    const { w, host } = inState('LAST-ACK', { profile: 'linux' });
    expect(arrive(w, host, seg.ack({ seq: 1002, ack: 5002 }))).toEqual({ state: 'LISTEN', sent: [] });
  });

  test('linux: the listener persists: after a full close the server accepts the next SYN', () => {
    const { w } = inState('TIME-WAIT', { profile: 'linux' });
    expect(hostState(w, 'server')).toBe('LISTEN');
    setIsn(w, 'server', 7000);
    expect(arrive(w, 'server', seg.syn({ seq: 3000 }))).toEqual({ state: 'SYN-RECEIVED', sent: [out('server', 'SYN,ACK', 7000, 3001)] });
  });

  test('linux: SYN-RECEIVED checks the ACK before the sequence number: a wrong ACK is reset even out of window (rfc: re-ACK)', () => {
    // Server in SYN-RECEIVED: ISS 5000, RCV.NXT 1001. The segment is outside the window and acknowledges 9999.
    const linux = inState('SYN-RECEIVED', { profile: 'linux' });
    expect(arrive(linux.w, 'server', seg.ack({ seq: 900_000, ack: 9999 }))).toEqual({ state: 'SYN-RECEIVED', sent: [out('server', 'RST', 9999)] });
    const rfc = inState('SYN-RECEIVED', { profile: 'rfc' });
    expect(arrive(rfc.w, 'server', seg.ack({ seq: 900_000, ack: 9999 }))).toEqual({ state: 'SYN-RECEIVED', sent: [out('server', 'ACK', 5001, 1001)] });
  });

  test('linux: SYN+FIN to a listener is dropped, nothing sent (rfc: answered as a SYN)', () => {
    const linux = inState('LISTEN', { profile: 'linux' });
    expect(arrive(linux.w, 'server', seg.synFin({ seq: 1000 }))).toEqual({ state: 'LISTEN', sent: [] });
    const rfc = inState('LISTEN', { profile: 'rfc' });
    expect(arrive(rfc.w, 'server', seg.synFin({ seq: 1000 }))).toEqual({ state: 'SYN-RECEIVED', sent: [out('server', 'SYN,ACK', 5000, 1001)] });
  });

  test('linux: a duplicate SYN in SYN-RECEIVED re-sends the SYN,ACK (rfc: ACK seq=SND.NXT)', () => {
    const linux = inState('SYN-RECEIVED', { profile: 'linux' });
    expect(arrive(linux.w, 'server', seg.syn({ seq: 1000 }))).toEqual({ state: 'SYN-RECEIVED', sent: [out('server', 'SYN,ACK', 5000, 1001)] });
    const rfc = inState('SYN-RECEIVED', { profile: 'rfc' });
    expect(arrive(rfc.w, 'server', seg.syn({ seq: 1000 }))).toEqual({ state: 'SYN-RECEIVED', sent: [out('server', 'ACK', 5001, 1001)] });
  });

  test('linux: after the re-sent SYN,ACK the handshake still completes', () => {
    const { w } = inState('SYN-RECEIVED', { profile: 'linux' });
    arrive(w, 'server', seg.syn({ seq: 1000 }));
    must(deliver(w, 's>c'));
    expect({ client: hostState(w, 'client'), sent: sent(w) }).toEqual({ client: 'ESTABLISHED', sent: [out('client', 'ACK', 1001, 5001)] });
    must(deliver(w, 'c>s'));
    expect({ server: hostState(w, 'server'), sent: sent(w) }).toEqual({ server: 'ESTABLISHED', sent: [] });
  });

  test('linux: another in-window SYN in SYN-RECEIVED is reset with RST,ACK seq=0 ack=SEG.SEQ+1 and the listener stays', () => {
    const { w } = inState('SYN-RECEIVED', { profile: 'linux' });
    expect(arrive(w, 'server', seg.syn({ seq: 2000 }))).toEqual({ state: 'LISTEN', sent: [out('server', 'RST,ACK', 0, 2001)] });
  });

  test('linux: a new SYN with a higher seq in TIME-WAIT of a listening host reopens the connection', () => {
    const w = serverInTimeWait('linux');
    setIsn(w, 'server', 9000);
    expect(arrive(w, 'server', seg.syn({ seq: 200_000 }))).toEqual({ state: 'SYN-RECEIVED', sent: [out('server', 'SYN,ACK', 9000, 200_001)] });
  });

  test('linux: with no ISN chosen, the reopened connection starts at the old SND.NXT + 65537 (tw_snd_nxt + 65535 + 2)', () => {
    const w = serverInTimeWait('linux'); // server SND.NXT = 5002
    expect(arrive(w, 'server', seg.syn({ seq: 200_000 }))).toEqual({ state: 'SYN-RECEIVED', sent: [out('server', 'SYN,ACK', 5002 + 65537, 200_001)] });
  });

  test('linux: the reopened connection completes its handshake', () => {
    const w = serverInTimeWait('linux');
    setIsn(w, 'client', 200_000);
    setIsn(w, 'server', 9000);
    must(appCall(w, 'client', 'connect'));
    expect(sent(w)).toEqual([out('client', 'SYN', 200_000)]);
    must(deliver(w, 'c>s'));
    expect({ server: hostState(w, 'server'), sent: sent(w) }).toEqual({ server: 'SYN-RECEIVED', sent: [out('server', 'SYN,ACK', 9000, 200_001)] });
    must(deliver(w, 's>c'));
    must(deliver(w, 'c>s'));
    expect([hostState(w, 'client'), hostState(w, 'server')]).toEqual(['ESTABLISHED', 'ESTABLISHED']);
  });

  test('linux: a SYN with a lower seq in TIME-WAIT does not reopen; it is ACKed (not acceptable)', () => {
    const w = serverInTimeWait('linux');
    expect(arrive(w, 'server', seg.syn({ seq: 500 }))).toEqual({ state: 'TIME-WAIT', sent: [out('server', 'ACK', 5002, 1002)] });
  });

  test('linux: in TIME-WAIT of a host that does not listen, a new SYN only gets an ACK', () => {
    const { w, host } = inState('TIME-WAIT', { profile: 'linux' }); // the client
    expect(arrive(w, host, seg.syn({ seq: 200_000 }))).toEqual({ state: 'TIME-WAIT', sent: [out('client', 'ACK', 1002, 5002)] });
  });

  test('rfc: the same higher SYN in TIME-WAIT gets a challenge ACK and does not reopen', () => {
    const w = serverInTimeWait('rfc');
    expect(arrive(w, 'server', seg.syn({ seq: 200_000 }))).toEqual({ state: 'TIME-WAIT', sent: [out('server', 'ACK', 5002, 1002)] });
  });

  test('linux: data after close() in FIN-WAIT-1 is answered with RST seq=SEG.ACK and the connection is gone', () => {
    const { w, host } = inState('FIN-WAIT-1', { profile: 'linux' });
    expect(arrive(w, host, seg.data({ seq: 5001, ack: 1001, len: 10 }))).toEqual({ state: 'CLOSED', sent: [out('client', 'RST', 1001)] });
  });

  test('linux: data after close() in FIN-WAIT-2 is answered with RST seq=SEG.ACK', () => {
    const { w, host } = inState('FIN-WAIT-2', { profile: 'linux' });
    expect(arrive(w, host, seg.data({ seq: 5001, ack: 1002, len: 10 }))).toEqual({ state: 'CLOSED', sent: [out('client', 'RST', 1002)] });
  });

  test('linux: data after shutdown() is still received and ACKed', () => {
    const { w, host } = inState('FIN-WAIT-2', { profile: 'linux', shutdown: true });
    expect(arrive(w, host, seg.data({ seq: 5001, ack: 1002, len: 10 }))).toEqual({ state: 'FIN-WAIT-2', sent: [out('client', 'ACK', 1002, 5011)] });
  });

  test('linux: a FIN with no data after close() is not "new data": TIME-WAIT and ACK', () => {
    const { w, host } = inState('FIN-WAIT-2', { profile: 'linux' });
    expect(arrive(w, host, seg.finAck({ seq: 5001, ack: 1002 }))).toEqual({ state: 'TIME-WAIT', sent: [out('client', 'ACK', 1002, 5002)] });
  });

  test('linux: abort in ESTABLISHED sends RST,ACK <SEQ=SND.NXT><ACK=RCV.NXT>', () => {
    const w = newWorld({ profile: 'linux' });
    establish(w);
    clearNet(w);
    sent(w);
    must(appCall(w, 'client', 'abort'));
    expect({ state: hostState(w, 'client'), sent: sent(w) }).toEqual({ state: 'CLOSED', sent: [out('client', 'RST,ACK', 1001, 5001)] });
    must(deliver(w, 'c>s'));
    expect({ state: hostState(w, 'server'), sent: sent(w) }).toEqual({ state: 'LISTEN', sent: [] });
  });
});
