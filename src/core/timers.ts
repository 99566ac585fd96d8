// Timers are data: deadlines in the TCBs and the listener's queue. `wait`
// fires them in deadline order; ties go client first, then server, and the
// connection before its listener's half-open entries.

import { ACK, FIN, PSH, SYN } from './segment.js';
import { returnToListen } from './listener.js';
import { RFC, deleteTcb, log, send, unackedData } from './tcb.js';
import type { Profile } from './profile.js';
import type { HalfOpen, Host, Listener, Tcb, World } from './types.js';

type Due =
  | { kind: 'rexmt' | 'timeWait' | 'finWait2'; at: number; h: Host; tcb: Tcb }
  | { kind: 'halfOpen'; at: number; h: Host; l: Listener };

/** The earliest timer due at or before `limit`. Half-open entries due together fire as one batch, so a big flood stays linear. */
function earliest(w: World, limit: number): Due | null {
  let best: Due | null = null;
  const better = (at: number): boolean => at <= limit && (best === null || at < best.at);
  for (const h of [w.client, w.server]) {
    const tcb = h.conn;
    if (tcb) {
      if (tcb.rexmt && better(tcb.rexmt.deadline)) best = { kind: 'rexmt', at: tcb.rexmt.deadline, h, tcb };
      if (tcb.timeWait !== null && better(tcb.timeWait)) best = { kind: 'timeWait', at: tcb.timeWait, h, tcb };
      if (tcb.finWait2 !== null && better(tcb.finWait2)) best = { kind: 'finWait2', at: tcb.finWait2, h, tcb };
    }
    const l = h.listener;
    if (l && l.queue.length > 0) {
      let min = Infinity;
      for (const entry of l.queue) if (entry.rexmt.deadline < min) min = entry.rexmt.deadline;
      if (better(min)) best = { kind: 'halfOpen', at: min, h, l };
    }
  }
  return best;
}

/** The next deadline of any timer, or null. */
export function nextDeadline(w: World): number | null {
  return earliest(w, Infinity)?.at ?? null;
}

/** Advances the clock by `ms`, firing every timer due on the way, in order. */
export function advance(w: World, ms: number): void {
  const target = w.now + ms;
  for (let due = earliest(w, target); due; due = earliest(w, target)) {
    w.now = due.at;
    fire(w, due);
  }
  w.now = target;
}

function fire(w: World, due: Due): void {
  switch (due.kind) {
    case 'rexmt':
      return retransmit(w, due.h, due.tcb);
    case 'timeWait':
      due.tcb.timeWait = null;
      return deleteTcb(w, due.h, '2MSL elapsed: no old segment of this connection can still be in the network', `${RFC} 3.10.8`);
    case 'finWait2':
      due.tcb.finWait2 = null;
      return deleteTcb(w, due.h, 'tcp_fin_timeout elapsed: the orphaned FIN-WAIT-2 socket is dropped, no segment sent', 'Linux tcp_fin_timeout');
    case 'halfOpen':
      return halfOpenTimeouts(w, due.h, due.l, due.at);
  }
}

function retryLimit(p: Profile, tcb: Tcb): [number, string] {
  if (tcb.sndUna === tcb.iss) {
    return tcb.state === 'SYN-SENT'
      ? [p.synRetries, p.name === 'linux' ? 'Linux tcp_syn_retries' : 'RFC 1122 4.2.3.5']
      : [p.synAckRetries, p.name === 'linux' ? 'Linux tcp_synack_retries' : 'RFC 1122 4.2.3.5'];
  }
  if (tcb.finSent && tcb.orphan) return [p.orphanRetries, p.name === 'linux' ? 'Linux tcp_orphan_retries' : 'RFC 1122 4.2.3.5'];
  return [p.dataRetries, p.name === 'linux' ? 'Linux tcp_retries2' : 'RFC 1122 4.2.3.5'];
}

/** RFC 9293 3.10.8 RETRANSMISSION TIMEOUT with RFC 6298 5.4-5.6: resend the oldest unacknowledged segment, double the RTO. */
function retransmit(w: World, h: Host, tcb: Tcb): void {
  const r = tcb.rexmt!;
  const [limit, ref] = retryLimit(w.config.profile, tcb);
  if (r.retries >= limit) {
    tcb.rexmt = null;
    const why = `no acknowledgment after ${limit} retransmissions: give up`;
    if (tcb.passive && tcb.state === 'SYN-RECEIVED') returnToListen(w, h, tcb, `${why}, return to LISTEN`, ref);
    else deleteTcb(w, h, why, ref);
    return;
  }
  const rto = r.rto;
  r.retries += 1;
  r.rto = Math.min(r.rto * 2, w.config.profile.rtoMax);
  r.deadline = w.now + r.rto;
  const why = `retransmission timeout after ${rto / 1000} s (retry ${r.retries} of ${limit}); next timeout ${r.rto / 1000} s`;
  if (tcb.sndUna === tcb.iss) {
    const flags = tcb.state === 'SYN-SENT' ? SYN : SYN | ACK;
    send(w, h.id, flags, tcb.iss, tcb.rcvNxt, 0, why, 'RFC 6298 5.4-5.5');
    return;
  }
  const data = unackedData(tcb);
  const flags = ACK | (data > 0 ? PSH : 0) | (tcb.finSent ? FIN : 0);
  send(w, h.id, flags, tcb.sndUna, tcb.rcvNxt, data, why, 'RFC 6298 5.4-5.5');
}

/** Every half-open entry due at `at`: retransmit its SYN,ACK toward the spoofed source, or give it up. */
function halfOpenTimeouts(w: World, h: Host, l: Listener, at: number): void {
  const p = w.config.profile;
  let freed = 0;
  l.queue = l.queue.filter((entry: HalfOpen) => {
    const r = entry.rexmt;
    if (r.deadline !== at) return true;
    if (r.retries >= p.synAckRetries) {
      freed++;
      return false;
    }
    r.retries += 1;
    r.rto = Math.min(r.rto * 2, p.rtoMax);
    r.deadline = w.now + r.rto;
    w.spoofedReplies++;
    return true;
  });
  if (freed > 0) {
    const ref = p.name === 'linux' ? 'Linux tcp_synack_retries' : 'RFC 1122 4.2.3.5';
    log(w, h.id, `${freed} half-open entr${freed === 1 ? 'y' : 'ies'} from spoofed sources given up after ${p.synAckRetries} SYN,ACK retransmissions; ${l.queue.length} of ${l.backlog} slots now taken`, ref);
  }
}

export interface RunningTimer {
  host: 'client' | 'server';
  kind: 'retransmission' | '2msl' | 'fin-wait-2' | 'syn-ack (half-open)';
  deadline: number;
  /** For retransmission: how many times it has fired already. */
  retries?: number;
}

/** Every running timer, earliest first, for a display of the clock and what it is waiting for. */
export function runningTimers(w: World): RunningTimer[] {
  const out: RunningTimer[] = [];
  for (const h of [w.client, w.server]) {
    const tcb = h.conn;
    if (tcb?.rexmt) out.push({ host: h.id, kind: 'retransmission', deadline: tcb.rexmt.deadline, retries: tcb.rexmt.retries });
    if (tcb && tcb.timeWait !== null) out.push({ host: h.id, kind: '2msl', deadline: tcb.timeWait });
    if (tcb && tcb.finWait2 !== null) out.push({ host: h.id, kind: 'fin-wait-2', deadline: tcb.finWait2 });
    if (h.listener && h.listener.queue.length > 0) {
      let deadline = Infinity;
      for (const e of h.listener.queue) deadline = Math.min(deadline, e.rexmt.deadline);
      out.push({ host: h.id, kind: 'syn-ack (half-open)', deadline });
    }
  }
  return out.sort((a, b) => a.deadline - b.deadline);
}
