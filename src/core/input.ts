// SEGMENT ARRIVES: RFC 9293 3.10.7, state by state. Each branch names the
// step of the RFC it implements; where Linux differs, the profile decides
// and the comment names the kernel function.

import { ACK, FIN, RST, SYN, URG, type Segment, segLen } from './segment.js';
import { seqAdd, seqDiff, seqGt, seqInWindow, seqLe, seqLt } from './seq.js';
import { listenArrives, returnToListen } from './listener.js';
import {
  RFC,
  deleteTcb,
  enter,
  enterTimeWait,
  finAcked,
  log,
  maybeStartFinWait2,
  onNewAck,
  output,
  send,
  sendAck,
  sendOowAck,
  sendResetFor,
} from './tcb.js';
import type { Host, Tcb, World } from './types.js';

const R = (s: string): string => `${RFC} ${s}`;

/** A segment reaches host `h`. `source` is null when it comes (or appears to come) from the other host, else a spoofed source. */
export function segmentArrives(w: World, h: Host, seg: Segment, source: number | null): void {
  const tcb = source === null ? h.conn : null;
  if (tcb) {
    if (tcb.state === 'SYN-SENT') return synSent(w, h, tcb, seg);
    if (tcb.state === 'TIME-WAIT' && newSynEndsTimeWait(w, h, tcb, seg)) return segmentArrives(w, h, seg, null);
    return otherStates(w, h, tcb, seg);
  }
  if (h.listener) return listenArrives(w, h, h.listener, seg, source);
  return closed(w, h, seg, source);
}

/** 3.10.7.1: no TCB. A RST is discarded; anything else is answered with a reset the sender will accept. */
function closed(w: World, h: Host, seg: Segment, source: number | null): void {
  if (seg.flags & RST) {
    log(w, h.id, 'CLOSED: no connection; a RST is discarded', R('3.10.7.1'));
    return;
  }
  const why = 'CLOSED: no connection here; answer with a reset';
  if (source !== null) {
    w.spoofedReplies++; // counted; the flood summary reports it
    return;
  }
  sendResetFor(w, h.id, seg, why, R('3.10.7.1'));
}

/** Linux (tcp_timewait_state_process, after RFC 1122 4.2.2.13): a SYN beyond the old sequence space reopens a listening port. */
function newSynEndsTimeWait(w: World, h: Host, tcb: Tcb, seg: Segment): boolean {
  if (!w.config.profile.timeWaitAcceptsNewSyn || !h.listener) return false;
  if ((seg.flags & (SYN | RST | ACK)) !== SYN || !seqGt(seg.seq, tcb.rcvNxt)) return false;
  // The new incarnation starts its ISN past anything the old one sent (tw_snd_nxt + 65535 + 2), RFC 9293 3.6.1 MAY-2.
  if (h.nextIsn === null) h.nextIsn = seqAdd(tcb.sndNxt, 65537);
  deleteTcb(w, h, 'a new SYN with a higher sequence number ends TIME-WAIT early; the listener takes it', 'Linux tcp_timewait_state_process');
  return true;
}

/** 3.10.7.3 */
function synSent(w: World, h: Host, tcb: Tcb, seg: Segment): void {
  let ackOk = false;
  // First, check the ACK bit.
  if (seg.flags & ACK) {
    if (seqLe(seg.ack, tcb.iss) || seqGt(seg.ack, tcb.sndNxt)) {
      if (seg.flags & RST) {
        log(w, h.id, 'SYN-SENT: a RST whose ACK does not cover our SYN is dropped', R('3.10.7.3'));
      } else {
        send(w, h.id, RST, seg.ack, 0, 0, 'SYN-SENT: this ACK does not acknowledge our SYN (an old or foreign segment); reset it', R('3.10.7.3'));
      }
      return;
    }
    ackOk = seqLt(tcb.sndUna, seg.ack) && seqLe(seg.ack, tcb.sndNxt);
  }
  // Second, check the RST bit.
  if (seg.flags & RST) {
    if (ackOk) {
      deleteTcb(w, h, 'the peer refused the connection with RST (connection refused)', R('3.10.7.3'));
    } else {
      log(w, h.id, 'SYN-SENT: a RST without an acceptable ACK is dropped', R('3.10.7.3'));
    }
    return;
  }
  // Fourth, check the SYN bit.
  if (!(seg.flags & SYN)) {
    log(w, h.id, 'SYN-SENT: neither SYN nor RST: drop it', R('3.10.7.3'));
    return;
  }
  tcb.irs = seg.seq;
  tcb.rcvNxt = seqAdd(seg.seq, 1);
  if (ackOk) {
    tcb.sndUna = seg.ack;
    onNewAck(w, tcb);
  }
  if (seqGt(tcb.sndUna, tcb.iss)) {
    enter(w, h, tcb, 'ESTABLISHED', 'SYN,ACK acknowledges our SYN; send the third segment of the handshake, an ACK', R('3.10.7.3'));
    sendAck(w, h, tcb, 'acknowledge their SYN (handshake complete)', R('3.10.7.3'));
    if (seg.len > 0 || seg.flags & (FIN | URG)) {
      // "continue processing at the sixth step": text and FIN of the same segment.
      processText(w, h, tcb, { ...seg, seq: tcb.rcvNxt, flags: seg.flags & ~SYN });
      return;
    }
    output(w, h, tcb);
    return;
  }
  enter(w, h, tcb, 'SYN-RECEIVED', 'a SYN crossed ours (simultaneous open); answer SYN,ACK', R('3.10.7.3'));
  send(w, h.id, SYN | ACK, tcb.iss, tcb.rcvNxt, 0, 'acknowledge their SYN, repeat ours', R('3.10.7.3'));
}

/** RFC 9293 3.10.7.4, table 6: the acceptability test. */
function acceptable(tcb: Tcb, seg: Segment): boolean {
  const len = segLen(seg);
  if (len === 0) {
    return tcb.rcvWnd === 0 ? seg.seq === tcb.rcvNxt : seqInWindow(seg.seq, tcb.rcvNxt, tcb.rcvWnd);
  }
  if (tcb.rcvWnd === 0) return false;
  return seqInWindow(seg.seq, tcb.rcvNxt, tcb.rcvWnd) || seqInWindow(seqAdd(seg.seq, len - 1), tcb.rcvNxt, tcb.rcvWnd);
}

/** 3.10.7.4, for SYN-RECEIVED and the synchronized states. */
function otherStates(w: World, h: Host, tcb: Tcb, seg: Segment): void {
  const p = w.config.profile;

  // TIME-WAIT: the peer's FIN again means our last ACK was lost. Acknowledge it and restart
  // 2MSL (3.10.7.4, TIME-WAIT; Linux tcp_timewait_state_process does the same) even though
  // the plain acceptability test below would drop it first.
  if (tcb.state === 'TIME-WAIT' && seg.flags & FIN && !(seg.flags & (RST | SYN)) && seqAdd(seg.seq, segLen(seg)) === tcb.rcvNxt) {
    sendAck(w, h, tcb, 'TIME-WAIT: the FIN came again, so our last ACK was lost; acknowledge it again', R('3.10.7.4'));
    tcb.timeWait = w.now + w.config.timeWait;
    log(w, h.id, 'TIME-WAIT: restart the 2MSL timer', R('3.10.7.4'));
    return;
  }

  if (tcb.state === 'SYN-RECEIVED') {
    // Figure 7, simultaneous open: the SYN,ACK repeats a SYN we already have. Trim that SYN
    // (3.10.7.4, "trimming off any portions that lie outside the window (including SYN and FIN)")
    // and let the ACK complete the handshake. Linux does the same (tcp_validate_incoming).
    if (!tcb.passive && (seg.flags & (SYN | ACK)) === (SYN | ACK) && seqAdd(seg.seq, 1) === tcb.rcvNxt) {
      seg = { ...seg, seq: tcb.rcvNxt, flags: seg.flags & ~SYN };
    } else if (
      p.resendSynAckOnDupSyn &&
      tcb.passive &&
      (seg.flags & (SYN | ACK | RST)) === SYN &&
      seg.seq === tcb.irs
    ) {
      send(w, h.id, SYN | ACK, tcb.iss, tcb.rcvNxt, 0, 'SYN-RECEIVED: the client sent its SYN again, so our SYN,ACK was lost; send it again', 'Linux tcp_check_req');
      return;
    }
  }

  // Linux checks a half-open connection's ACK before its sequence number: an ACK that does not
  // acknowledge our SYN,ACK goes to the listener, which answers it with a reset (tcp_check_req).
  if (p.synRecvChecksAckFirst && tcb.state === 'SYN-RECEIVED' && tcb.passive && (seg.flags & (ACK | RST)) === ACK && seg.ack !== seqAdd(tcb.iss, 1)) {
    send(w, h.id, RST, seg.ack, 0, 0, 'SYN-RECEIVED: this ACK does not acknowledge our SYN,ACK; the listener resets it', 'Linux tcp_check_req');
    return;
  }

  // First, check the sequence number.
  if (!acceptable(tcb, seg)) {
    if (seg.flags & RST) {
      log(w, h.id, `${tcb.state}: a RST outside the receive window is dropped`, R('3.10.7.4'));
    } else {
      sendOowAck(w, h, tcb, `${tcb.state}: not acceptable (seq ${seg.seq}, expecting ${tcb.rcvNxt}); acknowledge what we expect and drop it`, R('3.10.7.4'));
    }
    return;
  }

  // Second, check the RST bit (with the RFC 5961 check that 3.10.7.4 describes).
  if (seg.flags & RST) {
    if (seg.seq !== tcb.rcvNxt) {
      sendOowAck(w, h, tcb, `${tcb.state}: a RST inside the window but not at RCV.NXT; send a challenge ACK`, 'RFC 5961 3.2; RFC 9293 3.10.7.4');
      return;
    }
    switch (tcb.state) {
      case 'SYN-RECEIVED':
        if (tcb.passive) returnToListen(w, h, tcb, 'RST from the peer: this passive open returns to LISTEN', R('3.10.7.4'));
        else deleteTcb(w, h, 'RST from the peer: connection refused', R('3.10.7.4'));
        return;
      case 'ESTABLISHED':
      case 'FIN-WAIT-1':
      case 'FIN-WAIT-2':
      case 'CLOSE-WAIT':
        deleteTcb(w, h, 'RST from the peer: connection reset, queues flushed', R('3.10.7.4'));
        return;
      default:
        deleteTcb(w, h, 'RST from the peer: delete the TCB', R('3.10.7.4'));
        return;
    }
  }

  // Fourth, check the SYN bit.
  if (seg.flags & SYN) {
    if (tcb.state === 'SYN-RECEIVED' && tcb.passive) {
      if (p.resetOnSynInSynReceived) sendResetFor(w, h.id, seg, 'SYN-RECEIVED: an unexpected SYN; reset the embryonic connection', 'Linux tcp_check_req');
      returnToListen(w, h, tcb, 'a SYN in SYN-RECEIVED after a passive open: return to LISTEN', R('3.10.7.4'));
      return;
    }
    sendOowAck(w, h, tcb, `${tcb.state}: a SYN in a synchronized state; send a challenge ACK and drop it`, 'RFC 5961 4.2; RFC 9293 3.10.7.4');
    return;
  }

  // Fifth, check the ACK field.
  if (!(seg.flags & ACK)) {
    log(w, h.id, `${tcb.state}: no ACK bit; drop the segment`, R('3.10.7.4'));
    return;
  }
  if (tcb.state === 'SYN-RECEIVED') {
    if (!(seqLt(tcb.sndUna, seg.ack) && seqLe(seg.ack, tcb.sndNxt))) {
      send(w, h.id, RST, seg.ack, 0, 0, 'SYN-RECEIVED: this ACK does not acknowledge our SYN; reset it', R('3.10.7.4'));
      return;
    }
    tcb.sndUna = seg.ack;
    onNewAck(w, tcb);
    enter(w, h, tcb, 'ESTABLISHED', 'the ACK acknowledges our SYN: handshake complete', R('3.10.7.4'));
    if (tcb.closeOnEstablished) {
      tcb.closeOnEstablished = false;
      enter(w, h, tcb, 'FIN-WAIT-1', 'the close() queued in SYN-RECEIVED now runs: FIN after the queued data', R('3.10.4'));
    }
  } else {
    // RFC 5961 5.2, as 3.10.7.4 gives it: SND.UNA - MAX.SND.WND =< SEG.ACK =< SND.NXT.
    if (seqGt(seg.ack, tcb.sndNxt) || seqLt(seg.ack, seqAdd(tcb.sndUna, -tcb.sndWnd))) {
      sendOowAck(w, h, tcb, `${tcb.state}: the ACK (${seg.ack}) is outside what we sent; acknowledge and drop it`, 'RFC 5961 5.2; RFC 9293 3.10.7.4');
      return;
    }
    if (seqLt(tcb.sndUna, seg.ack)) {
      tcb.sndUna = seg.ack;
      onNewAck(w, tcb);
    }
    switch (tcb.state) {
      case 'CLOSING':
        if (!finAcked(tcb)) {
          log(w, h.id, 'CLOSING: this ACK does not cover our FIN; ignore it', R('3.10.7.4'));
          return;
        }
        enterTimeWait(w, h, tcb, 'our FIN is acknowledged; wait 2MSL before forgetting the connection', R('3.10.7.4'));
        return;
      case 'LAST-ACK':
        if (finAcked(tcb)) deleteTcb(w, h, 'our FIN is acknowledged; the connection is closed', R('3.10.7.4'));
        return;
      case 'TIME-WAIT':
        return;
      default:
        break;
    }
  }
  processText(w, h, tcb, seg);
  // FIN-WAIT-1 with our FIN acknowledged: to FIN-WAIT-2, unless the same segment's FIN already
  // took the connection straight to TIME-WAIT (3.10.7.4, fifth and eighth steps).
  if (h.conn === tcb && tcb.state === 'FIN-WAIT-1' && finAcked(tcb)) {
    enter(w, h, tcb, 'FIN-WAIT-2', 'our FIN is acknowledged; wait for the peer to close its side', R('3.10.7.4'));
    maybeStartFinWait2(w, tcb);
    if (tcb.finWait2 !== null) log(w, h.id, `FIN-WAIT-2: orphaned socket; the peer has ${(tcb.finWait2 - w.now) / 1000} s to close`, 'Linux tcp_fin_timeout');
  }
}

/** 3.10.7.4 sixth to eighth: URG, segment text, FIN. Sends one ACK for whatever was accepted. */
function processText(w: World, h: Host, tcb: Tcb, seg: Segment): void {
  const p = w.config.profile;
  let ackNeeded = false;
  let seq = seg.seq;
  let len = seg.len;
  const receiving = tcb.state === 'ESTABLISHED' || tcb.state === 'FIN-WAIT-1' || tcb.state === 'FIN-WAIT-2';

  // Only the new part of a segment that straddles RCV.NXT is processed (3.10.7.4 first).
  const old = seqDiff(tcb.rcvNxt, seq);
  if (old > 0) {
    const cut = Math.min(old, len);
    len -= cut;
    seq = seqAdd(seq, cut);
  }

  if (len > 0 && receiving) {
    if (p.resetOnDataAfterClose && tcb.orphan) {
      sendResetFor(w, h.id, seg, `${tcb.state}: new data after the application called close(); nobody can read it, so reset`, 'Linux tcp_rcv_state_process; RFC 1122 4.2.2.13');
      deleteTcb(w, h, 'reset: data arrived after close()', 'Linux tcp_rcv_state_process');
      return;
    }
    if (seq !== tcb.rcvNxt) {
      // SHLD-31 would hold it for later; the model drops it and lets the sender retransmit.
      sendAck(w, h, tcb, `out of order (seq ${seq}, expecting ${tcb.rcvNxt}); acknowledge what we expect`, R('3.10.7.4'));
      return;
    }
    tcb.rcvNxt = seqAdd(tcb.rcvNxt, len);
    tcb.received += len;
    ackNeeded = true;
    log(w, h.id, `${tcb.state}: accept ${len} bytes and acknowledge them`, R('3.10.7.4'));
  } else if (len > 0) {
    log(w, h.id, `${tcb.state}: the peer already sent FIN; ignore the segment text`, R('3.10.7.4'));
  }

  // Eighth, check the FIN bit: only when it sits at RCV.NXT.
  if (seg.flags & FIN && seqAdd(seq, len) === tcb.rcvNxt) {
    tcb.rcvNxt = seqAdd(tcb.rcvNxt, 1);
    ackNeeded = true;
    switch (tcb.state) {
      case 'SYN-RECEIVED':
      case 'ESTABLISHED':
        enter(w, h, tcb, 'CLOSE-WAIT', 'FIN received: acknowledge it and wait for the application to close', R('3.10.7.4'));
        break;
      case 'FIN-WAIT-1':
        if (finAcked(tcb)) enterTimeWait(w, h, tcb, 'FIN received and our FIN is acknowledged: straight to TIME-WAIT', R('3.10.7.4'));
        else enter(w, h, tcb, 'CLOSING', 'FIN received before our FIN was acknowledged (simultaneous close)', R('3.10.7.4'));
        break;
      case 'FIN-WAIT-2':
        enterTimeWait(w, h, tcb, 'FIN received: acknowledge it and wait 2MSL', R('3.10.7.4'));
        break;
      default:
        break;
    }
  }

  if (output(w, h, tcb)) return; // the data or FIN just sent carries the acknowledgment
  if (ackNeeded) sendAck(w, h, tcb, 'acknowledge what was received', R('3.10.7.4'));
}
