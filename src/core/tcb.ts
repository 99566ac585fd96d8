// Shared moves of a host: sending, logging, changing state, starting and
// stopping timers, and the output routine that turns queued bytes and a
// queued FIN into segments.

import { ACK, FIN, PSH, RST, SYN, type HostId, type Segment, describe } from './segment.js';
import { seqAdd, seqDiff } from './seq.js';
import { nextRandom } from './rng.js';
import type { ConnState, Host, State, Tcb, World } from './types.js';

export const RFC = 'RFC 9293';

export function other(id: HostId): HostId {
  return id === 'client' ? 'server' : 'client';
}

export function hostOf(w: World, id: HostId): Host {
  return id === 'client' ? w.client : w.server;
}

/** A host's state: that of its connection with the other host, else LISTEN if it listens, else CLOSED. */
export function stateOf(h: Host): State {
  if (h.conn) return h.conn.state;
  return h.listener ? 'LISTEN' : 'CLOSED';
}

export function log(w: World, host: HostId | 'network', text: string, ref: string): void {
  w.events.push({ host, text, ref });
}

/** Changes a TCB's state and records why. */
export function enter(w: World, h: Host, tcb: Tcb, to: ConnState, why: string, ref: string): void {
  const from = tcb.state;
  tcb.state = to;
  w.events.push({ host: h.id, text: `${from} → ${to}: ${why}`, ref, from, to });
}

/** Deletes the TCB: the host shows LISTEN (if it still listens) or CLOSED. */
export function deleteTcb(w: World, h: Host, why: string, ref: string): void {
  const tcb = h.conn;
  if (!tcb) return;
  h.conn = null;
  const to = stateOf(h);
  w.events.push({ host: h.id, text: `${tcb.state} → ${to}: ${why}`, ref, from: tcb.state, to });
}

/** Puts a segment on the wire toward the other host. */
export function send(w: World, from: HostId, flags: number, seq: number, ack: number, len: number, why: string, ref: string): void {
  const seg: Segment = { from, flags, seq: seq >>> 0, ack: flags & ACK ? ack >>> 0 : 0, len };
  w.net.push({ dir: from === 'client' ? 'c>s' : 's>c', seg });
  w.sent.push(seg);
  w.events.push({ host: from, text: `send ${describe(seg)}: ${why}`, ref, seg });
}

/** RFC 9293 3.10.7.1: the reset that answers a segment no connection owns. */
export function sendResetFor(w: World, from: HostId, seg: Segment, why: string, ref: string): void {
  if (seg.flags & ACK) send(w, from, RST, seg.ack, 0, 0, why, ref);
  else send(w, from, RST | ACK, 0, seg.seq + seg.len + (seg.flags & SYN ? 1 : 0) + (seg.flags & FIN ? 1 : 0), 0, why, ref);
}

/** <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>, the acknowledgment RFC 9293 3.10.7.4 sends in many places. */
export function sendAck(w: World, h: Host, tcb: Tcb, why: string, ref: string): void {
  send(w, h.id, ACK, tcb.sndNxt, tcb.rcvNxt, 0, why, ref);
}

/**
 * An ACK answering an unacceptable segment, or a challenge ACK, at most once per 500 ms per
 * connection: RFC 5961 7 asks to throttle them, and Linux does it per socket
 * (tcp_oow_rate_limited, net.ipv4.tcp_invalid_ratelimit = 500 ms). Without it two confused
 * hosts can answer each other's ACKs forever.
 */
export const OOW_ACK_INTERVAL = 500;

export function sendOowAck(w: World, h: Host, tcb: Tcb, why: string, ref: string): void {
  if (tcb.lastOowAck !== null && w.now - tcb.lastOowAck < OOW_ACK_INTERVAL) {
    log(w, h.id, `${why}; but one such ACK went out less than ${OOW_ACK_INTERVAL} ms ago, so stay silent`, 'RFC 5961 7; Linux tcp_invalid_ratelimit');
    return;
  }
  tcb.lastOowAck = w.now;
  sendAck(w, h, tcb, why, ref);
}

/** The ISN of this host's next connection: the script's, else one drawn from the seed. */
export function takeIsn(w: World, h: Host): number {
  if (h.nextIsn !== null) {
    const isn = h.nextIsn;
    h.nextIsn = null;
    return isn;
  }
  return draw(w);
}

export function draw(w: World): number {
  const [value, state] = nextRandom(w.rng);
  w.rng = state;
  return value;
}

export function newTcb(state: ConnState, iss: number, passive: boolean, rcvWnd: number): Tcb {
  return {
    state,
    passive,
    parent: null,
    iss,
    irs: 0,
    sndUna: iss,
    sndNxt: seqAdd(iss, 1),
    sndWnd: 65535,
    rcvNxt: 0,
    rcvWnd,
    queued: 0,
    finQueued: false,
    finSent: false,
    closeOnEstablished: false,
    orphan: false,
    received: 0,
    rexmt: null,
    timeWait: null,
    finWait2: null,
    lastOowAck: null,
  };
}

export const WINDOW = 65535;

export function startRexmt(w: World, tcb: Tcb): void {
  if (!tcb.rexmt) tcb.rexmt = { deadline: w.now + w.config.rto, rto: w.config.rto, retries: 0 };
}

/** RFC 6298 5.2/5.3: stop the timer when everything is acknowledged, else restart it for the rest. */
export function onNewAck(w: World, tcb: Tcb): void {
  if (tcb.sndUna === tcb.sndNxt) tcb.rexmt = null;
  else tcb.rexmt = { deadline: w.now + w.config.rto, rto: w.config.rto, retries: 0 };
}

/** Bytes of payload sent and not yet acknowledged. */
export function unackedData(tcb: Tcb): number {
  let n = seqDiff(tcb.sndNxt, tcb.sndUna);
  if (tcb.sndUna === tcb.iss) n -= 1; // our SYN is still outstanding
  if (tcb.finSent) n -= 1;
  return Math.max(0, n);
}

const CAN_SEND: ReadonlySet<State> = new Set(['ESTABLISHED', 'CLOSE-WAIT', 'FIN-WAIT-1', 'LAST-ACK']);

/**
 * Sends what the application queued, as far as the peer's window allows, then the FIN once nothing
 * is left (RFC 9293 3.10.4: "Queue this until all preceding SENDs have been segmentized, then form
 * a FIN segment"). Returns whether a segment went out; every segment carries ACK (3.10.2).
 */
export function output(w: World, h: Host, tcb: Tcb): boolean {
  if (!CAN_SEND.has(tcb.state) || tcb.finSent) return false;
  const room = Math.max(0, tcb.sndWnd - seqDiff(tcb.sndNxt, tcb.sndUna));
  const n = Math.min(tcb.queued, room);
  const fin = tcb.finQueued && n === tcb.queued;
  if (n === 0 && !fin) return false;
  const flags = ACK | (n > 0 ? PSH : 0) | (fin ? FIN : 0);
  const why = fin ? (n > 0 ? 'the queued data and then our FIN' : 'our FIN, after all queued data') : 'the queued data';
  send(w, h.id, flags, tcb.sndNxt, tcb.rcvNxt, n, why, `${RFC} ${fin ? '3.10.4' : '3.10.2'}`);
  tcb.queued -= n;
  tcb.sndNxt = seqAdd(tcb.sndNxt, n + (fin ? 1 : 0));
  if (fin) {
    tcb.finQueued = false;
    tcb.finSent = true;
  }
  startRexmt(w, tcb);
  return true;
}

/** Whether our FIN has been sent and acknowledged. */
export function finAcked(tcb: Tcb): boolean {
  return tcb.finSent && tcb.sndUna === tcb.sndNxt;
}

/** RFC 9293 3.10.7.4 / 3.10.8: enter TIME-WAIT, turn off the other timers, start the 2MSL timer. */
export function enterTimeWait(w: World, h: Host, tcb: Tcb, why: string, ref: string): void {
  enter(w, h, tcb, 'TIME-WAIT', why, ref);
  tcb.rexmt = null;
  tcb.finWait2 = null;
  tcb.timeWait = w.now + w.config.timeWait;
}

/** Linux: an orphaned socket that reaches FIN-WAIT-2 is given tcp_fin_timeout to finish (net/ipv4/tcp.c, tcp_close). */
export function maybeStartFinWait2(w: World, tcb: Tcb): void {
  const t = w.config.profile.finWait2Timeout;
  if (t !== null && tcb.orphan && tcb.state === 'FIN-WAIT-2') tcb.finWait2 = w.now + t;
}
