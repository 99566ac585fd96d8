// SEGMENT ARRIVES, state by state (RFC 9293 3.10.7), rfc profile: the model
// is RFC 9293 as written with the RFC 5961 checks that 3.10.7.4 describes.
// Every expectation below is worked out from the RFC text and figures 6-13,
// not from the model's output. Client ISN 1000, server ISN 5000; see
// harness.ts for each state's SND.UNA, SND.NXT and RCV.NXT.

import { describe, expect, test } from 'vitest';
import { appCall, deliver, hostState, setIsn, wait, type Direction, type HostId, type State, type World } from '../../src/core/index.js';
import { OOW_ACK_INTERVAL } from '../../src/core/tcb.js';
import { WINDOW, arrive, clearNet, establish, inState, newWorld, out, seg, sent, waitUntil, type Target } from './harness.js';

/**
 * Checks shared by the synchronized states (3.10.7.4 first, second and fifth steps, with RFC 5961):
 * the unacceptable segment, the RST window check, and the ACK range check.
 */
function synchronizedChecks(target: Target, v: { host: HostId; sndUna: number; sndNxt: number; rcvNxt: number }): void {
  const state = target as State;
  const { host, sndUna, sndNxt, rcvNxt } = v;
  const reAck = out(host, 'ACK', sndNxt, rcvNxt);

  test(`${state}: data beyond the receive window is not acceptable and is answered <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>`, () => {
    const { w } = inState(target);
    expect(arrive(w, host, seg.data({ seq: rcvNxt + WINDOW, ack: sndNxt }))).toEqual({ state, sent: [reAck] });
  });

  test(`${state}: an old duplicate (data wholly below RCV.NXT) is re-ACKed and dropped`, () => {
    const { w } = inState(target);
    expect(arrive(w, host, seg.data({ seq: rcvNxt - 10, ack: sndNxt, len: 10 }))).toEqual({ state, sent: [reAck] });
  });

  test(`${state}: an empty ACK with seq below RCV.NXT is not acceptable and is re-ACKed`, () => {
    const { w } = inState(target);
    expect(arrive(w, host, seg.ack({ seq: rcvNxt - 1, ack: sndNxt }))).toEqual({ state, sent: [reAck] });
  });

  test(`${state}: a RST outside the window is silently dropped`, () => {
    const { w } = inState(target);
    expect(arrive(w, host, seg.rst({ seq: rcvNxt + WINDOW }))).toEqual({ state, sent: [] });
  });

  test(`${state}: a RST in the window but not at RCV.NXT gets a challenge ACK (RFC 5961 3.2)`, () => {
    const { w } = inState(target);
    expect(arrive(w, host, seg.rst({ seq: rcvNxt + 1 }))).toEqual({ state, sent: [reAck] });
    wait(w, OOW_ACK_INTERVAL); // challenge ACKs are throttled (RFC 5961 7)
    expect(arrive(w, host, seg.rstAck({ seq: rcvNxt + WINDOW - 1, ack: sndNxt }))).toEqual({ state, sent: [reAck] });
  });

  test(`${state}: a second challenge ACK within 500 ms is not sent (RFC 5961 7 throttling)`, () => {
    const { w } = inState(target);
    expect(arrive(w, host, seg.rst({ seq: rcvNxt + 1 }))).toEqual({ state, sent: [reAck] });
    expect(arrive(w, host, seg.rst({ seq: rcvNxt + 2 }))).toEqual({ state, sent: [] });
    wait(w, OOW_ACK_INTERVAL - 1);
    expect(arrive(w, host, seg.rst({ seq: rcvNxt + 3 }))).toEqual({ state, sent: [] });
    wait(w, 1);
    expect(arrive(w, host, seg.rst({ seq: rcvNxt + 4 }))).toEqual({ state, sent: [reAck] });
  });

  test(`${state}: an ACK of something not yet sent (SEG.ACK > SND.NXT) is answered with an ACK and dropped`, () => {
    const { w } = inState(target);
    expect(arrive(w, host, seg.ack({ seq: rcvNxt, ack: sndNxt + 1 }))).toEqual({ state, sent: [reAck] });
  });

  test(`${state}: an ACK below SND.UNA - MAX.SND.WND is answered with an ACK and dropped (RFC 5961 5.2)`, () => {
    const { w } = inState(target);
    expect(arrive(w, host, seg.data({ seq: rcvNxt, ack: sndUna - WINDOW - 1 }))).toEqual({ state, sent: [reAck] });
  });
}

/** Delivers the oldest segment in flight in `dir`; returns both states and what that caused to be sent. */
function step(w: World, dir: Direction): { client: State; server: State; sent: ReturnType<typeof sent> } {
  expect(deliver(w, dir)).toBeNull();
  return { client: hostState(w, 'client'), server: hostState(w, 'server'), sent: sent(w) };
}

describe('CLOSED', () => {
  // The server, which never listened. 3.10.7.1: RST for anything but a RST;
  // <SEQ=SEG.ACK><CTL=RST> if ACK is on, else <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>.
  const at = () => inState('CLOSED');

  test('CLOSED: a SYN is answered with RST,ACK seq=0 ack=SEG.SEQ+1', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.syn({ seq: 1000 }))).toEqual({ state: 'CLOSED', sent: [out('server', 'RST,ACK', 0, 1001)] });
  });

  test('CLOSED: a SYN,ACK is answered with RST seq=SEG.ACK', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.synAck({ seq: 1000, ack: 5001 }))).toEqual({ state: 'CLOSED', sent: [out('server', 'RST', 5001)] });
  });

  test('CLOSED: an ACK is answered with RST seq=SEG.ACK', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.ack({ seq: 1001, ack: 5001 }))).toEqual({ state: 'CLOSED', sent: [out('server', 'RST', 5001)] });
  });

  test('CLOSED: a FIN without ACK is answered with RST,ACK seq=0 ack=SEG.SEQ+1 (the FIN counts in SEG.LEN)', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.fin({ seq: 1001 }))).toEqual({ state: 'CLOSED', sent: [out('server', 'RST,ACK', 0, 1002)] });
  });

  test('CLOSED: a FIN,ACK is answered with RST seq=SEG.ACK', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.finAck({ seq: 1001, ack: 5001 }))).toEqual({ state: 'CLOSED', sent: [out('server', 'RST', 5001)] });
  });

  test('CLOSED: a RST is discarded without reply', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.rst({ seq: 1001 }))).toEqual({ state: 'CLOSED', sent: [] });
  });

  test('CLOSED: a RST,ACK is discarded without reply', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.rstAck({ seq: 1001, ack: 5001 }))).toEqual({ state: 'CLOSED', sent: [] });
  });

  test('CLOSED: data with ACK is answered with RST seq=SEG.ACK', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.data({ seq: 1001, ack: 5001, len: 10 }))).toEqual({ state: 'CLOSED', sent: [out('server', 'RST', 5001)] });
  });

  test('CLOSED: data without ACK is answered with RST,ACK ack=SEG.SEQ+SEG.LEN', () => {
    const { w, host } = at();
    expect(arrive(w, host, { flags: ['PSH'], seq: 1001, len: 10 })).toEqual({ state: 'CLOSED', sent: [out('server', 'RST,ACK', 0, 1011)] });
  });

  test('CLOSED: SYN+FIN is answered with RST,ACK ack=SEG.SEQ+2 (SYN and FIN both occupy sequence space)', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.synFin({ seq: 1000 }))).toEqual({ state: 'CLOSED', sent: [out('server', 'RST,ACK', 0, 1002)] });
  });

  test('CLOSED: a segment with no flags is answered with RST,ACK ack=SEG.SEQ', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.none({ seq: 1000 }))).toEqual({ state: 'CLOSED', sent: [out('server', 'RST,ACK', 0, 1000)] });
  });
});

describe('LISTEN', () => {
  // The server listens. 3.10.7.2: RST ignored; any ACK gets <SEQ=SEG.ACK><CTL=RST>;
  // a SYN gets <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>; anything else is dropped.
  const at = () => inState('LISTEN');

  test('LISTEN: a SYN moves to SYN-RECEIVED and is answered with SYN,ACK seq=ISS ack=SEG.SEQ+1', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.syn({ seq: 1000 }))).toEqual({ state: 'SYN-RECEIVED', sent: [out('server', 'SYN,ACK', 5000, 1001)] });
  });

  test('LISTEN: a SYN,ACK is answered with RST seq=SEG.ACK (the ACK check comes before the SYN check)', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.synAck({ seq: 1000, ack: 4242 }))).toEqual({ state: 'LISTEN', sent: [out('server', 'RST', 4242)] });
  });

  test('LISTEN: an ACK is answered with RST seq=SEG.ACK', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.ack({ seq: 1001, ack: 5001 }))).toEqual({ state: 'LISTEN', sent: [out('server', 'RST', 5001)] });
  });

  test('LISTEN: a FIN without ACK is dropped', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.fin({ seq: 1001 }))).toEqual({ state: 'LISTEN', sent: [] });
  });

  test('LISTEN: a FIN,ACK is answered with RST seq=SEG.ACK', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.finAck({ seq: 1001, ack: 5001 }))).toEqual({ state: 'LISTEN', sent: [out('server', 'RST', 5001)] });
  });

  test('LISTEN: a RST is ignored', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.rst({ seq: 1001 }))).toEqual({ state: 'LISTEN', sent: [] });
  });

  test('LISTEN: a RST,ACK is ignored (the RST check comes before the ACK check)', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.rstAck({ seq: 1001, ack: 5001 }))).toEqual({ state: 'LISTEN', sent: [] });
  });

  test('LISTEN: data with ACK is answered with RST seq=SEG.ACK', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.data({ seq: 1001, ack: 5001 }))).toEqual({ state: 'LISTEN', sent: [out('server', 'RST', 5001)] });
  });

  test('LISTEN: SYN+FIN is taken as a SYN: SYN-RECEIVED, SYN,ACK acknowledges only the SYN', () => {
    // 3.10.7.2 third: RCV.NXT = SEG.SEQ+1; the FIN is left for SYN-RECEIVED, where without ACK it is dropped (fifth step).
    const { w, host } = at();
    expect(arrive(w, host, seg.synFin({ seq: 1000 }))).toEqual({ state: 'SYN-RECEIVED', sent: [out('server', 'SYN,ACK', 5000, 1001)] });
  });

  test('LISTEN: a segment with no flags is dropped', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.none({ seq: 1000 }))).toEqual({ state: 'LISTEN', sent: [] });
  });

  test('LISTEN: after answering a stray ACK with RST it still accepts a SYN', () => {
    const { w, host } = at();
    arrive(w, host, seg.ack({ seq: 1001, ack: 5001 }));
    expect(arrive(w, host, seg.syn({ seq: 1000 }))).toEqual({ state: 'SYN-RECEIVED', sent: [out('server', 'SYN,ACK', 5000, 1001)] });
  });
});

describe('SYN-SENT', () => {
  // The client sent <SEQ=1000><CTL=SYN>: ISS=1000, SND.UNA=1000, SND.NXT=1001. 3.10.7.3.
  const at = () => inState('SYN-SENT');

  test('SYN-SENT: a SYN (simultaneous open) moves to SYN-RECEIVED and is answered with SYN,ACK seq=ISS ack=SEG.SEQ+1', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.syn({ seq: 5000 }))).toEqual({ state: 'SYN-RECEIVED', sent: [out('client', 'SYN,ACK', 1000, 5001)] });
  });

  test('SYN-SENT: a SYN,ACK acknowledging our SYN moves to ESTABLISHED and is answered with ACK (figure 6)', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.synAck({ seq: 5000, ack: 1001 }))).toEqual({ state: 'ESTABLISHED', sent: [out('client', 'ACK', 1001, 5001)] });
  });

  test('SYN-SENT: a SYN,ACK with SEG.ACK =< ISS is answered with RST seq=SEG.ACK and ignored', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.synAck({ seq: 5000, ack: 1000 }))).toEqual({ state: 'SYN-SENT', sent: [out('client', 'RST', 1000)] });
  });

  test('SYN-SENT: a SYN,ACK with SEG.ACK > SND.NXT is answered with RST seq=SEG.ACK (figure 8)', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.synAck({ seq: 300, ack: 1002 }))).toEqual({ state: 'SYN-SENT', sent: [out('client', 'RST', 1002)] });
  });

  test('SYN-SENT: an acceptable ACK without SYN or RST is dropped', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.ack({ seq: 5001, ack: 1001 }))).toEqual({ state: 'SYN-SENT', sent: [] });
  });

  test('SYN-SENT: an ACK that does not cover our SYN is answered with RST seq=SEG.ACK (figure 9)', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.ack({ seq: 300, ack: 100 }))).toEqual({ state: 'SYN-SENT', sent: [out('client', 'RST', 100)] });
  });

  test('SYN-SENT: a FIN without ACK is dropped', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.fin({ seq: 5000 }))).toEqual({ state: 'SYN-SENT', sent: [] });
  });

  test('SYN-SENT: a FIN,ACK with an acceptable ACK is dropped (no SYN; FIN is not processed in SYN-SENT)', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.finAck({ seq: 5001, ack: 1001 }))).toEqual({ state: 'SYN-SENT', sent: [] });
  });

  test('SYN-SENT: a RST without ACK is dropped', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.rst({ seq: 5000 }))).toEqual({ state: 'SYN-SENT', sent: [] });
  });

  test('SYN-SENT: a RST,ACK acknowledging our SYN refuses the connection: CLOSED, nothing sent', () => {
    // Exactly what a CLOSED host answers to our SYN: <SEQ=0><ACK=ISS+1><CTL=RST,ACK>.
    const { w, host } = at();
    expect(arrive(w, host, seg.rstAck({ seq: 0, ack: 1001 }))).toEqual({ state: 'CLOSED', sent: [] });
  });

  test('SYN-SENT: a RST,ACK whose ACK does not cover our SYN is dropped without reply', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.rstAck({ seq: 0, ack: 1000 }))).toEqual({ state: 'SYN-SENT', sent: [] });
  });

  test('SYN-SENT: data with an acceptable ACK but no SYN is dropped', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.data({ seq: 5001, ack: 1001 }))).toEqual({ state: 'SYN-SENT', sent: [] });
  });

  test('SYN-SENT: SYN+FIN is handled as a crossing SYN: SYN-RECEIVED, SYN,ACK acknowledges only the SYN', () => {
    // 3.10.7.3 fourth: the FIN is queued until ESTABLISHED, not acknowledged now.
    const { w, host } = at();
    expect(arrive(w, host, seg.synFin({ seq: 5000 }))).toEqual({ state: 'SYN-RECEIVED', sent: [out('client', 'SYN,ACK', 1000, 5001)] });
  });

  test('SYN-SENT: a segment with no flags is dropped', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.none({ seq: 5000 }))).toEqual({ state: 'SYN-SENT', sent: [] });
  });
});

describe('SYN-RECEIVED', () => {
  describe('passive open', () => {
    // The server got <SEQ=1000><CTL=SYN> in LISTEN: ISS=5000, SND.UNA=5000, SND.NXT=5001, RCV.NXT=1001.
    const at = () => inState('SYN-RECEIVED');

    test('SYN-RECEIVED: a retransmitted SYN is outside the window and is answered with ACK seq=SND.NXT ack=RCV.NXT', () => {
      const { w, host } = at();
      expect(arrive(w, host, seg.syn({ seq: 1000 }))).toEqual({ state: 'SYN-RECEIVED', sent: [out('server', 'ACK', 5001, 1001)] });
    });

    test('SYN-RECEIVED: an in-window SYN after a passive open returns to LISTEN, nothing sent', () => {
      const { w, host } = at();
      expect(arrive(w, host, seg.syn({ seq: 1001 }))).toEqual({ state: 'LISTEN', sent: [] });
    });

    test('SYN-RECEIVED: an in-window SYN,ACK after a passive open returns to LISTEN, nothing sent', () => {
      const { w, host } = at();
      expect(arrive(w, host, seg.synAck({ seq: 1001, ack: 5001 }))).toEqual({ state: 'LISTEN', sent: [] });
    });

    test('SYN-RECEIVED: an ACK of our SYN moves to ESTABLISHED, nothing sent (figure 6 line 4)', () => {
      const { w, host } = at();
      expect(arrive(w, host, seg.ack({ seq: 1001, ack: 5001 }))).toEqual({ state: 'ESTABLISHED', sent: [] });
    });

    test('SYN-RECEIVED: an ACK with SEG.ACK = SND.UNA (not covering our SYN) is answered with RST seq=SEG.ACK', () => {
      const { w, host } = at();
      expect(arrive(w, host, seg.ack({ seq: 1001, ack: 5000 }))).toEqual({ state: 'SYN-RECEIVED', sent: [out('server', 'RST', 5000)] });
    });

    test('SYN-RECEIVED: an ACK of something not yet sent is answered with RST seq=SEG.ACK (3.5.2 group 2)', () => {
      const { w, host } = at();
      expect(arrive(w, host, seg.ack({ seq: 1001, ack: 5002 }))).toEqual({ state: 'SYN-RECEIVED', sent: [out('server', 'RST', 5002)] });
    });

    test('SYN-RECEIVED: a FIN without ACK is dropped', () => {
      const { w, host } = at();
      expect(arrive(w, host, seg.fin({ seq: 1001 }))).toEqual({ state: 'SYN-RECEIVED', sent: [] });
    });

    test('SYN-RECEIVED: a FIN,ACK of our SYN goes through ESTABLISHED to CLOSE-WAIT and the FIN is ACKed', () => {
      const { w, host } = at();
      expect(arrive(w, host, seg.finAck({ seq: 1001, ack: 5001 }))).toEqual({ state: 'CLOSE-WAIT', sent: [out('server', 'ACK', 5001, 1002)] });
    });

    test('SYN-RECEIVED: a RST at RCV.NXT after a passive open returns to LISTEN, nothing sent', () => {
      const { w, host } = at();
      expect(arrive(w, host, seg.rst({ seq: 1001 }))).toEqual({ state: 'LISTEN', sent: [] });
    });

    test('SYN-RECEIVED: a RST,ACK at RCV.NXT after a passive open returns to LISTEN, nothing sent', () => {
      const { w, host } = at();
      expect(arrive(w, host, seg.rstAck({ seq: 1001, ack: 5001 }))).toEqual({ state: 'LISTEN', sent: [] });
    });

    test('SYN-RECEIVED: an in-window RST not at RCV.NXT gets a challenge ACK (RFC 5961 3.2)', () => {
      const { w, host } = at();
      expect(arrive(w, host, seg.rst({ seq: 1500 }))).toEqual({ state: 'SYN-RECEIVED', sent: [out('server', 'ACK', 5001, 1001)] });
    });

    test('SYN-RECEIVED: a RST outside the window is dropped', () => {
      const { w, host } = at();
      expect(arrive(w, host, seg.rst({ seq: 1001 + WINDOW }))).toEqual({ state: 'SYN-RECEIVED', sent: [] });
    });

    test('SYN-RECEIVED: data with the ACK of our SYN moves to ESTABLISHED and is ACKed', () => {
      const { w, host } = at();
      expect(arrive(w, host, seg.data({ seq: 1001, ack: 5001, len: 10 }))).toEqual({ state: 'ESTABLISHED', sent: [out('server', 'ACK', 5001, 1011)] });
    });

    test('SYN-RECEIVED: an in-window SYN+FIN after a passive open returns to LISTEN, nothing sent', () => {
      const { w, host } = at();
      expect(arrive(w, host, seg.synFin({ seq: 1001 }))).toEqual({ state: 'LISTEN', sent: [] });
    });

    test('SYN-RECEIVED: a segment with no flags is dropped', () => {
      const { w, host } = at();
      expect(arrive(w, host, seg.none({ seq: 1001 }))).toEqual({ state: 'SYN-RECEIVED', sent: [] });
    });

    test('SYN-RECEIVED: after a RST returns it to LISTEN the host accepts the real SYN (figure 8 lines 5-7)', () => {
      const { w, host } = at();
      arrive(w, host, seg.rst({ seq: 1001 }));
      setIsn(w, 'server', 400);
      expect(arrive(w, host, seg.syn({ seq: 100 }))).toEqual({ state: 'SYN-RECEIVED', sent: [out('server', 'SYN,ACK', 400, 101)] });
    });
  });

  describe('active open (simultaneous open)', () => {
    // The client sent <SEQ=1000><CTL=SYN>, then got the server's <SEQ=5000><CTL=SYN>:
    // ISS=1000, SND.UNA=1000, SND.NXT=1001, RCV.NXT=5001; it sent <SEQ=1000><ACK=5001><CTL=SYN,ACK>.
    const at = () => inState('SYN-RECEIVED-active');

    test('SYN-RECEIVED (active): the peer\'s SYN,ACK moves to ESTABLISHED with nothing sent (figure 7 line 6)', () => {
      const { w, host } = at();
      expect(arrive(w, host, seg.synAck({ seq: 5000, ack: 1001 }))).toEqual({ state: 'ESTABLISHED', sent: [] });
    });

    test('SYN-RECEIVED (active): the whole of figure 7, segment by segment', () => {
      const w = newWorld();
      appCall(w, 'client', 'connect');
      appCall(w, 'server', 'connect');
      expect(sent(w)).toEqual([out('client', 'SYN', 1000), out('server', 'SYN', 5000)]);
      expect(step(w, 's>c')).toEqual({ client: 'SYN-RECEIVED', server: 'SYN-SENT', sent: [out('client', 'SYN,ACK', 1000, 5001)] });
      expect(step(w, 'c>s')).toEqual({ client: 'SYN-RECEIVED', server: 'SYN-RECEIVED', sent: [out('server', 'SYN,ACK', 5000, 1001)] });
      expect(step(w, 'c>s')).toEqual({ client: 'SYN-RECEIVED', server: 'ESTABLISHED', sent: [] });
      expect(step(w, 's>c')).toEqual({ client: 'ESTABLISHED', server: 'ESTABLISHED', sent: [] });
    });

    test('SYN-RECEIVED (active): a retransmitted SYN is answered with ACK seq=SND.NXT ack=RCV.NXT', () => {
      const { w, host } = at();
      expect(arrive(w, host, seg.syn({ seq: 5000 }))).toEqual({ state: 'SYN-RECEIVED', sent: [out('client', 'ACK', 1001, 5001)] });
    });

    test('SYN-RECEIVED (active): an in-window SYN is handled as in a synchronized state: challenge ACK', () => {
      const { w, host } = at();
      expect(arrive(w, host, seg.syn({ seq: 5001 }))).toEqual({ state: 'SYN-RECEIVED', sent: [out('client', 'ACK', 1001, 5001)] });
    });

    test('SYN-RECEIVED (active): an ACK of our SYN moves to ESTABLISHED, nothing sent', () => {
      const { w, host } = at();
      expect(arrive(w, host, seg.ack({ seq: 5001, ack: 1001 }))).toEqual({ state: 'ESTABLISHED', sent: [] });
    });

    test('SYN-RECEIVED (active): an ACK not covering our SYN is answered with RST seq=SEG.ACK', () => {
      const { w, host } = at();
      expect(arrive(w, host, seg.ack({ seq: 5001, ack: 1000 }))).toEqual({ state: 'SYN-RECEIVED', sent: [out('client', 'RST', 1000)] });
    });

    test('SYN-RECEIVED (active): a FIN without ACK is dropped', () => {
      const { w, host } = at();
      expect(arrive(w, host, seg.fin({ seq: 5001 }))).toEqual({ state: 'SYN-RECEIVED', sent: [] });
    });

    test('SYN-RECEIVED (active): a FIN,ACK of our SYN goes to CLOSE-WAIT and the FIN is ACKed', () => {
      const { w, host } = at();
      expect(arrive(w, host, seg.finAck({ seq: 5001, ack: 1001 }))).toEqual({ state: 'CLOSE-WAIT', sent: [out('client', 'ACK', 1001, 5002)] });
    });

    test('SYN-RECEIVED (active): a RST at RCV.NXT means connection refused: CLOSED, not LISTEN', () => {
      const { w, host } = at();
      expect(arrive(w, host, seg.rst({ seq: 5001 }))).toEqual({ state: 'CLOSED', sent: [] });
    });

    test('SYN-RECEIVED (active): a RST,ACK at RCV.NXT means connection refused: CLOSED', () => {
      const { w, host } = at();
      expect(arrive(w, host, seg.rstAck({ seq: 5001, ack: 1001 }))).toEqual({ state: 'CLOSED', sent: [] });
    });

    test('SYN-RECEIVED (active): data with the ACK of our SYN moves to ESTABLISHED and is ACKed', () => {
      const { w, host } = at();
      expect(arrive(w, host, seg.data({ seq: 5001, ack: 1001, len: 10 }))).toEqual({ state: 'ESTABLISHED', sent: [out('client', 'ACK', 1001, 5011)] });
    });

    test('SYN-RECEIVED (active): an in-window SYN+FIN gets a challenge ACK', () => {
      const { w, host } = at();
      expect(arrive(w, host, seg.synFin({ seq: 5001 }))).toEqual({ state: 'SYN-RECEIVED', sent: [out('client', 'ACK', 1001, 5001)] });
    });

    test('SYN-RECEIVED (active): a segment with no flags is dropped', () => {
      const { w, host } = at();
      expect(arrive(w, host, seg.none({ seq: 5001 }))).toEqual({ state: 'SYN-RECEIVED', sent: [] });
    });
  });
});

describe('ESTABLISHED', () => {
  // The client: SND.UNA=SND.NXT=1001, RCV.NXT=5001.
  const at = () => inState('ESTABLISHED');

  test('ESTABLISHED: an in-window SYN gets a challenge ACK and changes nothing (RFC 5961 4.2)', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.syn({ seq: 6000 }))).toEqual({ state: 'ESTABLISHED', sent: [out('client', 'ACK', 1001, 5001)] });
  });

  test('ESTABLISHED: an old SYN outside the window is answered with ACK seq=SND.NXT ack=RCV.NXT (figure 9 line 4)', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.syn({ seq: 400 }))).toEqual({ state: 'ESTABLISHED', sent: [out('client', 'ACK', 1001, 5001)] });
  });

  test('ESTABLISHED: a retransmitted SYN,ACK is re-ACKed', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.synAck({ seq: 5000, ack: 1001 }))).toEqual({ state: 'ESTABLISHED', sent: [out('client', 'ACK', 1001, 5001)] });
  });

  test('ESTABLISHED: a duplicate ACK is ignored', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.ack({ seq: 5001, ack: 1001 }))).toEqual({ state: 'ESTABLISHED', sent: [] });
  });

  test('ESTABLISHED: a FIN without ACK is dropped', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.fin({ seq: 5001 }))).toEqual({ state: 'ESTABLISHED', sent: [] });
  });

  test('ESTABLISHED: a FIN,ACK at RCV.NXT moves to CLOSE-WAIT and is ACKed (figure 12 line 2-3)', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.finAck({ seq: 5001, ack: 1001 }))).toEqual({ state: 'CLOSE-WAIT', sent: [out('client', 'ACK', 1001, 5002)] });
  });

  test('ESTABLISHED: data and FIN in one segment: CLOSE-WAIT, one ACK covering both', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.finData({ seq: 5001, ack: 1001, len: 10 }))).toEqual({ state: 'CLOSE-WAIT', sent: [out('client', 'ACK', 1001, 5012)] });
  });

  test('ESTABLISHED: a RST at RCV.NXT resets the connection: CLOSED, nothing sent', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.rst({ seq: 5001 }))).toEqual({ state: 'CLOSED', sent: [] });
  });

  test('ESTABLISHED: a RST,ACK at RCV.NXT resets the connection', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.rstAck({ seq: 5001, ack: 1001 }))).toEqual({ state: 'CLOSED', sent: [] });
  });

  test('ESTABLISHED: data at RCV.NXT is accepted and ACKed', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.data({ seq: 5001, ack: 1001, len: 10 }))).toEqual({ state: 'ESTABLISHED', sent: [out('client', 'ACK', 1001, 5011)] });
  });

  test('ESTABLISHED: an old ACK exactly at SND.UNA - MAX.SND.WND is still acceptable; its data is accepted (RFC 5961 5.2)', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.data({ seq: 5001, ack: 1001 - WINDOW, len: 10 }))).toEqual({ state: 'ESTABLISHED', sent: [out('client', 'ACK', 1001, 5011)] });
  });

  test('ESTABLISHED: a segment straddling RCV.NXT has only its new part processed', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.data({ seq: 4995, ack: 1001, len: 10 }))).toEqual({ state: 'ESTABLISHED', sent: [out('client', 'ACK', 1001, 5005)] });
  });

  test('ESTABLISHED: an in-window SYN+FIN gets a challenge ACK; the FIN is not processed', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.synFin({ seq: 5001 }))).toEqual({ state: 'ESTABLISHED', sent: [out('client', 'ACK', 1001, 5001)] });
  });

  test('ESTABLISHED: a segment with no flags is dropped', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.none({ seq: 5001 }))).toEqual({ state: 'ESTABLISHED', sent: [] });
  });

  synchronizedChecks('ESTABLISHED', { host: 'client', sndUna: 1001, sndNxt: 1001, rcvNxt: 5001 });
});

describe('FIN-WAIT-1', () => {
  // The client closed: it sent <SEQ=1001><ACK=5001><CTL=FIN,ACK>. SND.UNA=1001, SND.NXT=1002, RCV.NXT=5001.
  const at = () => inState('FIN-WAIT-1');

  test('FIN-WAIT-1: an in-window SYN gets a challenge ACK', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.syn({ seq: 5001 }))).toEqual({ state: 'FIN-WAIT-1', sent: [out('client', 'ACK', 1002, 5001)] });
  });

  test('FIN-WAIT-1: a SYN,ACK gets a challenge ACK, and its ACK of our FIN is not processed', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.synAck({ seq: 5001, ack: 1002 }))).toEqual({ state: 'FIN-WAIT-1', sent: [out('client', 'ACK', 1002, 5001)] });
  });

  test('FIN-WAIT-1: an ACK of our FIN moves to FIN-WAIT-2, nothing sent', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.ack({ seq: 5001, ack: 1002 }))).toEqual({ state: 'FIN-WAIT-2', sent: [] });
  });

  test('FIN-WAIT-1: an ACK that does not cover our FIN leaves it in FIN-WAIT-1', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.ack({ seq: 5001, ack: 1001 }))).toEqual({ state: 'FIN-WAIT-1', sent: [] });
  });

  test('FIN-WAIT-1: a FIN without ACK is dropped at the fifth step', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.fin({ seq: 5001 }))).toEqual({ state: 'FIN-WAIT-1', sent: [] });
  });

  test('FIN-WAIT-1: FIN+ACK acking our FIN goes straight to TIME-WAIT', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.finAck({ seq: 5001, ack: 1002 }))).toEqual({ state: 'TIME-WAIT', sent: [out('client', 'ACK', 1002, 5002)] });
  });

  test('FIN-WAIT-1: a FIN alone (its ACK does not cover our FIN) moves to CLOSING (figure 13)', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.finAck({ seq: 5001, ack: 1001 }))).toEqual({ state: 'CLOSING', sent: [out('client', 'ACK', 1002, 5002)] });
  });

  test('FIN-WAIT-1: a RST at RCV.NXT resets the connection', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.rst({ seq: 5001 }))).toEqual({ state: 'CLOSED', sent: [] });
  });

  test('FIN-WAIT-1: a RST,ACK at RCV.NXT resets the connection', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.rstAck({ seq: 5001, ack: 1002 }))).toEqual({ state: 'CLOSED', sent: [] });
  });

  test('FIN-WAIT-1: data is still received and ACKed', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.data({ seq: 5001, ack: 1001, len: 10 }))).toEqual({ state: 'FIN-WAIT-1', sent: [out('client', 'ACK', 1002, 5011)] });
  });

  test('FIN-WAIT-1: data that also acknowledges our FIN is ACKed and moves to FIN-WAIT-2', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.data({ seq: 5001, ack: 1002, len: 10 }))).toEqual({ state: 'FIN-WAIT-2', sent: [out('client', 'ACK', 1002, 5011)] });
  });

  test('FIN-WAIT-1: an in-window SYN+FIN gets a challenge ACK', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.synFin({ seq: 5001 }))).toEqual({ state: 'FIN-WAIT-1', sent: [out('client', 'ACK', 1002, 5001)] });
  });

  test('FIN-WAIT-1: a segment with no flags is dropped', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.none({ seq: 5001 }))).toEqual({ state: 'FIN-WAIT-1', sent: [] });
  });

  synchronizedChecks('FIN-WAIT-1', { host: 'client', sndUna: 1001, sndNxt: 1002, rcvNxt: 5001 });
});

describe('FIN-WAIT-2', () => {
  // Our FIN is acknowledged: SND.UNA=SND.NXT=1002, RCV.NXT=5001.
  const at = () => inState('FIN-WAIT-2');

  test('FIN-WAIT-2: an in-window SYN gets a challenge ACK', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.syn({ seq: 5001 }))).toEqual({ state: 'FIN-WAIT-2', sent: [out('client', 'ACK', 1002, 5001)] });
  });

  test('FIN-WAIT-2: a SYN,ACK gets a challenge ACK', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.synAck({ seq: 5001, ack: 1002 }))).toEqual({ state: 'FIN-WAIT-2', sent: [out('client', 'ACK', 1002, 5001)] });
  });

  test('FIN-WAIT-2: a duplicate ACK is ignored', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.ack({ seq: 5001, ack: 1002 }))).toEqual({ state: 'FIN-WAIT-2', sent: [] });
  });

  test('FIN-WAIT-2: a FIN without ACK is dropped', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.fin({ seq: 5001 }))).toEqual({ state: 'FIN-WAIT-2', sent: [] });
  });

  test('FIN-WAIT-2: the peer\'s FIN,ACK moves to TIME-WAIT and is ACKed (figure 12 lines 4-5)', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.finAck({ seq: 5001, ack: 1002 }))).toEqual({ state: 'TIME-WAIT', sent: [out('client', 'ACK', 1002, 5002)] });
  });

  test('FIN-WAIT-2: data and FIN in one segment: TIME-WAIT, one ACK covering both', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.finData({ seq: 5001, ack: 1002, len: 10 }))).toEqual({ state: 'TIME-WAIT', sent: [out('client', 'ACK', 1002, 5012)] });
  });

  test('FIN-WAIT-2: a RST at RCV.NXT resets the connection', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.rst({ seq: 5001 }))).toEqual({ state: 'CLOSED', sent: [] });
  });

  test('FIN-WAIT-2: a RST,ACK at RCV.NXT resets the connection', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.rstAck({ seq: 5001, ack: 1002 }))).toEqual({ state: 'CLOSED', sent: [] });
  });

  test('FIN-WAIT-2: data is still received and ACKed (half-close)', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.data({ seq: 5001, ack: 1002, len: 10 }))).toEqual({ state: 'FIN-WAIT-2', sent: [out('client', 'ACK', 1002, 5011)] });
  });

  test('FIN-WAIT-2: an in-window SYN+FIN gets a challenge ACK', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.synFin({ seq: 5001 }))).toEqual({ state: 'FIN-WAIT-2', sent: [out('client', 'ACK', 1002, 5001)] });
  });

  test('FIN-WAIT-2: a segment with no flags is dropped', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.none({ seq: 5001 }))).toEqual({ state: 'FIN-WAIT-2', sent: [] });
  });

  synchronizedChecks('FIN-WAIT-2', { host: 'client', sndUna: 1002, sndNxt: 1002, rcvNxt: 5001 });
});

describe('CLOSE-WAIT', () => {
  // The server received the client's FIN <SEQ=1001> and ACKed it: SND.NXT=5001, RCV.NXT=1002.
  const at = () => inState('CLOSE-WAIT');

  test('CLOSE-WAIT: an in-window SYN gets a challenge ACK', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.syn({ seq: 1002 }))).toEqual({ state: 'CLOSE-WAIT', sent: [out('server', 'ACK', 5001, 1002)] });
  });

  test('CLOSE-WAIT: a SYN,ACK gets a challenge ACK', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.synAck({ seq: 1002, ack: 5001 }))).toEqual({ state: 'CLOSE-WAIT', sent: [out('server', 'ACK', 5001, 1002)] });
  });

  test('CLOSE-WAIT: a duplicate ACK is ignored', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.ack({ seq: 1002, ack: 5001 }))).toEqual({ state: 'CLOSE-WAIT', sent: [] });
  });

  test('CLOSE-WAIT: a retransmitted FIN without ACK is below RCV.NXT and is re-ACKed', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.fin({ seq: 1001 }))).toEqual({ state: 'CLOSE-WAIT', sent: [out('server', 'ACK', 5001, 1002)] });
  });

  test('CLOSE-WAIT: a retransmitted FIN,ACK is re-ACKed and the state stays CLOSE-WAIT', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.finAck({ seq: 1001, ack: 5001 }))).toEqual({ state: 'CLOSE-WAIT', sent: [out('server', 'ACK', 5001, 1002)] });
  });

  test('CLOSE-WAIT: a RST at RCV.NXT resets the connection', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.rst({ seq: 1002 }))).toEqual({ state: 'CLOSED', sent: [] });
  });

  test('CLOSE-WAIT: a RST,ACK at RCV.NXT resets the connection', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.rstAck({ seq: 1002, ack: 5001 }))).toEqual({ state: 'CLOSED', sent: [] });
  });

  test('CLOSE-WAIT: data after the peer\'s FIN is ignored (seventh step), nothing sent', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.data({ seq: 1002, ack: 5001, len: 10 }))).toEqual({ state: 'CLOSE-WAIT', sent: [] });
  });

  test('CLOSE-WAIT: an in-window SYN+FIN gets a challenge ACK', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.synFin({ seq: 1002 }))).toEqual({ state: 'CLOSE-WAIT', sent: [out('server', 'ACK', 5001, 1002)] });
  });

  test('CLOSE-WAIT: a segment with no flags is dropped', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.none({ seq: 1002 }))).toEqual({ state: 'CLOSE-WAIT', sent: [] });
  });

  synchronizedChecks('CLOSE-WAIT', { host: 'server', sndUna: 5001, sndNxt: 5001, rcvNxt: 1002 });
});

describe('CLOSING', () => {
  // Simultaneous close (figure 13): the client sent FIN <SEQ=1001>, then received the server's
  // <SEQ=5001><ACK=1001><CTL=FIN,ACK> and ACKed it. SND.UNA=1001, SND.NXT=1002, RCV.NXT=5002.
  const at = () => inState('CLOSING');

  test('CLOSING: an in-window SYN gets a challenge ACK', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.syn({ seq: 5002 }))).toEqual({ state: 'CLOSING', sent: [out('client', 'ACK', 1002, 5002)] });
  });

  test('CLOSING: a SYN,ACK gets a challenge ACK', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.synAck({ seq: 5002, ack: 1002 }))).toEqual({ state: 'CLOSING', sent: [out('client', 'ACK', 1002, 5002)] });
  });

  test('CLOSING: the ACK of our FIN moves to TIME-WAIT, nothing sent (figure 13 line 4)', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.ack({ seq: 5002, ack: 1002 }))).toEqual({ state: 'TIME-WAIT', sent: [] });
  });

  test('CLOSING: an ACK that does not cover our FIN is ignored', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.ack({ seq: 5002, ack: 1001 }))).toEqual({ state: 'CLOSING', sent: [] });
  });

  test('CLOSING: a retransmitted FIN without ACK is below RCV.NXT and is re-ACKed', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.fin({ seq: 5001 }))).toEqual({ state: 'CLOSING', sent: [out('client', 'ACK', 1002, 5002)] });
  });

  test('CLOSING: a retransmitted FIN,ACK is not acceptable: re-ACKed, and its ACK is not processed', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.finAck({ seq: 5001, ack: 1002 }))).toEqual({ state: 'CLOSING', sent: [out('client', 'ACK', 1002, 5002)] });
  });

  test('CLOSING: a RST at RCV.NXT deletes the TCB', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.rst({ seq: 5002 }))).toEqual({ state: 'CLOSED', sent: [] });
  });

  test('CLOSING: a RST,ACK at RCV.NXT deletes the TCB', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.rstAck({ seq: 5002, ack: 1002 }))).toEqual({ state: 'CLOSED', sent: [] });
  });

  test('CLOSING: data after the peer\'s FIN is ignored, nothing sent', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.data({ seq: 5002, ack: 1001, len: 10 }))).toEqual({ state: 'CLOSING', sent: [] });
  });

  test('CLOSING: an in-window SYN+FIN gets a challenge ACK', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.synFin({ seq: 5002 }))).toEqual({ state: 'CLOSING', sent: [out('client', 'ACK', 1002, 5002)] });
  });

  test('CLOSING: a segment with no flags is dropped', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.none({ seq: 5002 }))).toEqual({ state: 'CLOSING', sent: [] });
  });

  test('CLOSING: the whole of figure 13, segment by segment: both hosts end in TIME-WAIT', () => {
    const w = newWorld();
    establish(w);
    clearNet(w);
    sent(w);
    appCall(w, 'client', 'close');
    appCall(w, 'server', 'close');
    expect(sent(w)).toEqual([out('client', 'FIN,ACK', 1001, 5001), out('server', 'FIN,ACK', 5001, 1001)]);
    expect(step(w, 'c>s')).toEqual({ client: 'FIN-WAIT-1', server: 'CLOSING', sent: [out('server', 'ACK', 5002, 1002)] });
    expect(step(w, 's>c')).toEqual({ client: 'CLOSING', server: 'CLOSING', sent: [out('client', 'ACK', 1002, 5002)] });
    expect(step(w, 's>c')).toEqual({ client: 'TIME-WAIT', server: 'CLOSING', sent: [] });
    expect(step(w, 'c>s')).toEqual({ client: 'TIME-WAIT', server: 'TIME-WAIT', sent: [] });
  });

  synchronizedChecks('CLOSING', { host: 'client', sndUna: 1001, sndNxt: 1002, rcvNxt: 5002 });
});

describe('LAST-ACK', () => {
  // The server, in CLOSE-WAIT, closed: it sent <SEQ=5001><ACK=1002><CTL=FIN,ACK>.
  // SND.UNA=5001, SND.NXT=5002, RCV.NXT=1002.
  const at = () => inState('LAST-ACK');

  test('LAST-ACK: an in-window SYN gets a challenge ACK', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.syn({ seq: 1002 }))).toEqual({ state: 'LAST-ACK', sent: [out('server', 'ACK', 5002, 1002)] });
  });

  test('LAST-ACK: a SYN,ACK gets a challenge ACK', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.synAck({ seq: 1002, ack: 5002 }))).toEqual({ state: 'LAST-ACK', sent: [out('server', 'ACK', 5002, 1002)] });
  });

  test('LAST-ACK: the ACK of our FIN deletes the TCB: CLOSED, nothing sent (figure 12 line 5)', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.ack({ seq: 1002, ack: 5002 }))).toEqual({ state: 'CLOSED', sent: [] });
  });

  test('LAST-ACK: an ACK that does not cover our FIN changes nothing', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.ack({ seq: 1002, ack: 5001 }))).toEqual({ state: 'LAST-ACK', sent: [] });
  });

  test('LAST-ACK: a retransmitted FIN without ACK is below RCV.NXT and is re-ACKed', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.fin({ seq: 1001 }))).toEqual({ state: 'LAST-ACK', sent: [out('server', 'ACK', 5002, 1002)] });
  });

  test('LAST-ACK: a retransmitted FIN,ACK is re-ACKed', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.finAck({ seq: 1001, ack: 5001 }))).toEqual({ state: 'LAST-ACK', sent: [out('server', 'ACK', 5002, 1002)] });
  });

  test('LAST-ACK: a RST at RCV.NXT deletes the TCB', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.rst({ seq: 1002 }))).toEqual({ state: 'CLOSED', sent: [] });
  });

  test('LAST-ACK: a RST,ACK at RCV.NXT deletes the TCB', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.rstAck({ seq: 1002, ack: 5001 }))).toEqual({ state: 'CLOSED', sent: [] });
  });

  test('LAST-ACK: data after the peer\'s FIN is ignored, nothing sent', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.data({ seq: 1002, ack: 5001, len: 10 }))).toEqual({ state: 'LAST-ACK', sent: [] });
  });

  test('LAST-ACK: an in-window SYN+FIN gets a challenge ACK', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.synFin({ seq: 1002 }))).toEqual({ state: 'LAST-ACK', sent: [out('server', 'ACK', 5002, 1002)] });
  });

  test('LAST-ACK: a segment with no flags is dropped', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.none({ seq: 1002 }))).toEqual({ state: 'LAST-ACK', sent: [] });
  });

  synchronizedChecks('LAST-ACK', { host: 'server', sndUna: 5001, sndNxt: 5002, rcvNxt: 1002 });
});

describe('TIME-WAIT', () => {
  // The client: its FIN acknowledged, the server's FIN <SEQ=5001> received and ACKed.
  // SND.NXT=1002, RCV.NXT=5002. The server is CLOSED. 2MSL = 240 s under rfc.
  const at = () => inState('TIME-WAIT');

  test('TIME-WAIT: a SYN gets a challenge ACK (no timestamps, so no reopening under rfc)', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.syn({ seq: 9000 }))).toEqual({ state: 'TIME-WAIT', sent: [out('client', 'ACK', 1002, 5002)] });
  });

  test('TIME-WAIT: a SYN,ACK gets a challenge ACK', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.synAck({ seq: 5002, ack: 1002 }))).toEqual({ state: 'TIME-WAIT', sent: [out('client', 'ACK', 1002, 5002)] });
  });

  test('TIME-WAIT: an ACK at RCV.NXT is not a FIN retransmission: nothing sent, stays', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.ack({ seq: 5002, ack: 1002 }))).toEqual({ state: 'TIME-WAIT', sent: [] });
  });

  test('TIME-WAIT: a retransmitted FIN without ACK is re-ACKed', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.fin({ seq: 5001 }))).toEqual({ state: 'TIME-WAIT', sent: [out('client', 'ACK', 1002, 5002)] });
  });

  test('TIME-WAIT: a retransmitted FIN is re-ACKed and restarts 2MSL', () => {
    const { w, host } = at();
    waitUntil(w, 100_000);
    expect(arrive(w, host, seg.finAck({ seq: 5001, ack: 1002 }))).toEqual({ state: 'TIME-WAIT', sent: [out('client', 'ACK', 1002, 5002)] });
    // Without the restart TIME-WAIT would end at 240 s; with it, at 100 s + 240 s.
    waitUntil(w, 339_999);
    expect(hostState(w, host)).toBe('TIME-WAIT');
    waitUntil(w, 340_000);
    expect({ state: hostState(w, host), sent: sent(w) }).toEqual({ state: 'CLOSED', sent: [] });
  });

  test('TIME-WAIT: a RST at RCV.NXT deletes the TCB', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.rst({ seq: 5002 }))).toEqual({ state: 'CLOSED', sent: [] });
  });

  test('TIME-WAIT: a RST,ACK at RCV.NXT deletes the TCB', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.rstAck({ seq: 5002, ack: 1002 }))).toEqual({ state: 'CLOSED', sent: [] });
  });

  test('TIME-WAIT: data after the peer\'s FIN is ignored, nothing sent', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.data({ seq: 5002, ack: 1002, len: 10 }))).toEqual({ state: 'TIME-WAIT', sent: [] });
  });

  test('TIME-WAIT: an in-window SYN+FIN gets a challenge ACK, not the FIN re-ACK treatment', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.synFin({ seq: 5002 }))).toEqual({ state: 'TIME-WAIT', sent: [out('client', 'ACK', 1002, 5002)] });
  });

  test('TIME-WAIT: a segment with no flags is dropped', () => {
    const { w, host } = at();
    expect(arrive(w, host, seg.none({ seq: 5002 }))).toEqual({ state: 'TIME-WAIT', sent: [] });
  });

  synchronizedChecks('TIME-WAIT', { host: 'client', sndUna: 1002, sndNxt: 1002, rcvNxt: 5002 });
});
