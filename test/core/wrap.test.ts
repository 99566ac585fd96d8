// Sequence numbers are modulo 2^32 (RFC 9293 3.4). ISNs at the top of the
// space: client 4294967295 (2^32-1), server 4294967290.

import { describe, expect, test } from 'vitest';
import { appCall, deliver, hostState, wait } from '../../src/core/index.js';
import { OOW_ACK_INTERVAL } from '../../src/core/tcb.js';
import { arrive, clearNet, establish, newWorld, out, seg, sent } from './harness.js';

const C = 4294967295;
const S = 4294967290;

describe('sequence number wrap', () => {
  test('wrap: handshake, data and close with ISNs near 2^32, the acks wrapping to 0', () => {
    const w = newWorld({ clientIsn: C, serverIsn: S });
    const step = (dir: 'c>s' | 's>c') => {
      expect(deliver(w, dir)).toBeNull();
      return { client: hostState(w, 'client'), server: hostState(w, 'server'), sent: sent(w) };
    };

    appCall(w, 'server', 'listen');
    appCall(w, 'client', 'connect');
    expect(sent(w)).toEqual([out('client', 'SYN', C)]);
    // The SYN occupies 4294967295; the next number is 0.
    expect(step('c>s')).toEqual({ client: 'SYN-SENT', server: 'SYN-RECEIVED', sent: [out('server', 'SYN,ACK', S, 0)] });
    expect(step('s>c')).toEqual({ client: 'ESTABLISHED', server: 'SYN-RECEIVED', sent: [out('client', 'ACK', 0, S + 1)] });
    expect(step('c>s')).toEqual({ client: 'ESTABLISHED', server: 'ESTABLISHED', sent: [] });

    // 10 bytes from 4294967291 end at 4294967300 = 4 mod 2^32: RCV.NXT becomes 5.
    appCall(w, 'server', 'send', 10);
    expect(sent(w)).toEqual([out('server', 'PSH,ACK', S + 1, 0, 10)]);
    expect(step('s>c')).toEqual({ client: 'ESTABLISHED', server: 'ESTABLISHED', sent: [out('client', 'ACK', 0, 5)] });
    expect(step('c>s')).toEqual({ client: 'ESTABLISHED', server: 'ESTABLISHED', sent: [] });

    appCall(w, 'client', 'close');
    expect(sent(w)).toEqual([out('client', 'FIN,ACK', 0, 5)]);
    expect(step('c>s')).toEqual({ client: 'FIN-WAIT-1', server: 'CLOSE-WAIT', sent: [out('server', 'ACK', 5, 1)] });
    expect(step('s>c')).toEqual({ client: 'FIN-WAIT-2', server: 'CLOSE-WAIT', sent: [] });
    appCall(w, 'server', 'close');
    expect(sent(w)).toEqual([out('server', 'FIN,ACK', 5, 1)]);
    expect(step('s>c')).toEqual({ client: 'TIME-WAIT', server: 'LAST-ACK', sent: [out('client', 'ACK', 1, 6)] });
    expect(step('c>s')).toEqual({ client: 'TIME-WAIT', server: 'CLOSED', sent: [] });
  });

  test('wrap: a CLOSED host answers a SYN at 2^32-1 with RST,ACK ack=0', () => {
    const w = newWorld();
    expect(arrive(w, 'server', seg.syn({ seq: C }))).toEqual({ state: 'CLOSED', sent: [out('server', 'RST,ACK', 0, 0)] });
  });

  test('wrap: window checks work across 0 (in-window RST gets a challenge ACK, one at RCV.NXT resets)', () => {
    const w = newWorld({ clientIsn: C, serverIsn: S });
    establish(w);
    clearNet(w);
    sent(w);
    // Client: SND.NXT=0, RCV.NXT=S+1=4294967291; seq 10 lies 15 into the window.
    expect(arrive(w, 'client', seg.rst({ seq: 10 }))).toEqual({ state: 'ESTABLISHED', sent: [out('client', 'ACK', 0, S + 1)] });
    wait(w, OOW_ACK_INTERVAL);
    // An ACK for 1 byte never sent (SND.NXT is 0) is answered with an ACK.
    expect(arrive(w, 'client', seg.ack({ seq: S + 1, ack: 1 }))).toEqual({ state: 'ESTABLISHED', sent: [out('client', 'ACK', 0, S + 1)] });
    expect(arrive(w, 'client', seg.rst({ seq: S + 1 }))).toEqual({ state: 'CLOSED', sent: [] });
  });

  test('wrap: an ACK of 0 (covering the SYN at 2^32-1) is acceptable in SYN-SENT; 2^32-1 itself is not', () => {
    const w = newWorld({ clientIsn: C });
    appCall(w, 'client', 'connect');
    clearNet(w);
    sent(w);
    expect(arrive(w, 'client', seg.synAck({ seq: S, ack: C }))).toEqual({ state: 'SYN-SENT', sent: [out('client', 'RST', C)] });
    expect(arrive(w, 'client', seg.synAck({ seq: S, ack: 0 }))).toEqual({ state: 'ESTABLISHED', sent: [out('client', 'ACK', 0, S + 1)] });
  });
});
