// A listening host: RFC 9293 3.10.7.2 for segments that no connection owns,
// the half-open (SYN) queue that bounds passive opens, and SYN cookies
// (RFC 4987 3.6; Linux net/ipv4/syncookies.c).

import { ACK, FIN, RST, SYN, type Segment } from './segment.js';
import { seqAdd } from './seq.js';
import { hash32 } from './rng.js';
import { RFC, deleteTcb, draw, log, newTcb, send, sendResetFor, startRexmt, takeIsn, WINDOW } from './tcb.js';
import type { Host, Listener, Tcb, World } from './types.js';

const COOKIE_PERIOD = 60_000; // Linux: tcp_cookie_time() counts minutes (TCP_SYNCOOKIE_PERIOD)
const COOKIE_MAX_AGE = 2; // Linux: MAX_SYNCOOKIE_AGE
const COOKIE_MSS_INDEX = 3; // the cookie's 3-bit MSS slot; 1460 in Linux's msstab

/**
 * The classic cookie layout: 5 bits of a minute counter, 3 bits of MSS index, 24 bits of a keyed hash
 * of the connection and the counter (D. J. Bernstein's design, which Linux's cookie_v4_init_sequence follows).
 */
export function synCookie(secret: number, irs: number, counter: number): number {
  return (((counter & 31) << 27) | (COOKIE_MSS_INDEX << 24) | (hash32(secret, irs, counter) & 0xffffff)) >>> 0;
}

function cookieValid(w: World, l: Listener, seg: Segment): boolean {
  const at = l.cookieSentAt;
  // Linux checks cookies only after a recent overflow (tcp_synq_no_recent_overflow).
  if (at === null || w.now - at > COOKIE_MAX_AGE * COOKIE_PERIOD) return false;
  const cookie = (seg.ack - 1) >>> 0;
  const irs = (seg.seq - 1) >>> 0;
  const counter = Math.floor(w.now / COOKIE_PERIOD);
  for (let age = 0; age < COOKIE_MAX_AGE && counter - age >= 0; age++) {
    if (synCookie(w.cookieSecret, irs, counter - age) === cookie) return true;
  }
  return false;
}

/** Half-open entries plus the host's own connection while it is still embryonic. */
function occupancy(h: Host, l: Listener): number {
  const own = h.conn && h.conn.passive && h.conn.state === 'SYN-RECEIVED' ? 1 : 0;
  return l.queue.length + own;
}

/** The listener's TCB becomes a connection: under rfc it stops listening (3.10.7.2), under linux it stays. */
function adopt(w: World, h: Host, l: Listener, tcb: Tcb): void {
  if (!w.config.profile.listenerPersists) {
    // The listening TCB is this connection now; the spoofed half-open entries go with the old role.
    l.queue = [];
    tcb.parent = l;
    h.listener = null;
  }
  h.conn = tcb;
}

/**
 * A segment reaches a listening host and belongs to no connection.
 * `source` is null for the other host, or a spoofed source number (flood).
 */
export function listenArrives(w: World, h: Host, l: Listener, seg: Segment, source: number | null): void {
  const p = w.config.profile;
  // Replies to spoofed sources are counted, not logged one by one: the flood summary reports them.
  const toSpoof = (): void => {
    w.spoofedReplies++;
  };

  if (seg.flags & RST) {
    log(w, h.id, 'LISTEN: a RST cannot belong to anything this listener sent; ignore it', `${RFC} 3.10.7.2`);
    return;
  }
  if (seg.flags & ACK) {
    if (source === null && w.config.syncookies && !(seg.flags & SYN) && cookieValid(w, l, seg)) {
      acceptCookie(w, h, l, seg);
      return;
    }
    if (source !== null) return toSpoof();
    sendResetFor(w, h.id, seg, 'LISTEN: no acknowledgment can be right in LISTEN; answer with a reset', `${RFC} 3.10.7.2`);
    return;
  }
  if (!(seg.flags & SYN)) {
    log(w, h.id, 'LISTEN: neither SYN, ACK nor RST: drop it', `${RFC} 3.10.7.2`);
    return;
  }
  if (seg.flags & FIN && p.listenDropsSynFin) {
    log(w, h.id, 'LISTEN: SYN+FIN is never a real connection attempt (a scan); drop it', 'Linux tcp_rcv_state_process');
    return;
  }
  if (occupancy(h, l) >= l.backlog) {
    if (!w.config.syncookies) {
      log(w, h.id, `LISTEN: the SYN queue is full (${l.backlog}); drop the SYN`, 'RFC 4987 2; Linux tcp_conn_request');
      return;
    }
    const cookie = synCookie(w.cookieSecret, seg.seq, Math.floor(w.now / COOKIE_PERIOD));
    l.cookieSentAt = w.now;
    if (source !== null) return toSpoof();
    const why = `SYN queue full (${l.backlog}): SYN,ACK with a SYN cookie as ISN, keeping no state`;
    send(w, h.id, SYN | ACK, cookie, seqAdd(seg.seq, 1), 0, why, 'RFC 4987 3.6; Linux syncookies.c');
    return;
  }
  if (source !== null) {
    const iss = draw(w);
    l.queue.push({ source, irs: seg.seq, iss, rexmt: { deadline: w.now + w.config.rto, rto: w.config.rto, retries: 0 } });
    toSpoof();
    return;
  }
  // 3.10.7.2 third: a SYN from the other host.
  const tcb = newTcb('SYN-RECEIVED', takeIsn(w, h), true, WINDOW);
  tcb.irs = seg.seq;
  tcb.rcvNxt = seqAdd(seg.seq, 1);
  adopt(w, h, l, tcb);
  w.events.push({
    host: h.id,
    text: 'LISTEN → SYN-RECEIVED: a SYN arrived; record its ISN, choose ours and answer SYN,ACK',
    ref: `${RFC} 3.10.7.2`,
    from: 'LISTEN',
    to: 'SYN-RECEIVED',
  });
  if (seg.len > 0) log(w, h.id, 'the SYN carried data; the model drops it and the sender will send it again', `${RFC} 3.10.7.2`);
  send(w, h.id, SYN | ACK, tcb.iss, tcb.rcvNxt, 0, 'acknowledge their SYN and send ours', `${RFC} 3.10.7.2`);
  startRexmt(w, tcb);
}

/** An ACK that carries a valid cookie recreates the connection, straight into ESTABLISHED. */
function acceptCookie(w: World, h: Host, l: Listener, seg: Segment): void {
  const iss = (seg.ack - 1) >>> 0;
  const tcb = newTcb('ESTABLISHED', iss, true, WINDOW);
  tcb.irs = (seg.seq - 1) >>> 0;
  tcb.rcvNxt = seg.seq;
  tcb.sndUna = seg.ack;
  adopt(w, h, l, tcb);
  w.events.push({
    host: h.id,
    text: 'LISTEN → ESTABLISHED: the ACK carries a valid SYN cookie; rebuild the connection from it',
    ref: 'RFC 4987 3.6; Linux cookie_v4_check',
    from: 'LISTEN',
    to: 'ESTABLISHED',
  });
}

/** RFC 9293 3.10.7.4 (SYN-RECEIVED, RST or SYN): a passive open goes back to LISTEN. */
export function returnToListen(w: World, h: Host, tcb: Tcb, why: string, ref: string): void {
  if (tcb.parent) {
    h.listener = tcb.parent;
    tcb.parent = null;
  }
  deleteTcb(w, h, why, ref);
}

