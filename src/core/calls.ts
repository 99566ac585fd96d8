// The application's calls, RFC 9293 3.10.1 to 3.10.5, plus a crash (the
// host loses every TCB, as on a reboot, and sends nothing: RFC 9293 3.5.1).
// A call that the RFC answers with "error: ..." leaves the state alone and
// returns that error for the learner to see.

import { ACK, RST, SYN, type HostId } from './segment.js';
import { seqAdd } from './seq.js';
import {
  RFC,
  deleteTcb,
  enter,
  hostOf,
  log,
  maybeStartFinWait2,
  newTcb,
  output,
  send,
  startRexmt,
  stateOf,
  takeIsn,
  WINDOW,
} from './tcb.js';
import type { Host, World } from './types.js';

export type AppCall = 'listen' | 'connect' | 'send' | 'close' | 'shutdown' | 'abort' | 'crash';
export const APP_CALLS: readonly AppCall[] = ['listen', 'connect', 'send', 'close', 'shutdown', 'abort', 'crash'];

const R = (s: string): string => `${RFC} ${s}`;

/** Runs an application call on host `id`. Returns null, or the error the call returns to the application. */
export function appCall(w: World, id: HostId, call: AppCall, bytes = 0): string | null {
  const h = hostOf(w, id);
  switch (call) {
    case 'listen':
      return listen(w, h);
    case 'connect':
      return connect(w, h);
    case 'send':
      return sendData(w, h, bytes);
    case 'close':
    case 'shutdown':
      return close(w, h, call === 'close');
    case 'abort':
      return abort(w, h);
    case 'crash':
      crash(w, h);
      return null;
  }
}

function fail(w: World, h: Host, text: string, ref: string): string {
  log(w, h.id, `error: ${text}`, ref);
  return text;
}

function listen(w: World, h: Host): string | null {
  if (h.listener) return fail(w, h, 'already listening', R('3.10.1'));
  const before = stateOf(h);
  h.listener = { backlog: w.config.backlog, queue: [], cookieSentAt: null };
  const to = stateOf(h);
  w.events.push({ host: h.id, text: `${before} → ${to}: passive open, wait for a SYN`, ref: R('3.10.1'), ...(before !== to ? { from: before, to } : {}) });
  return null;
}

function connect(w: World, h: Host): string | null {
  const c = h.conn;
  if (c) {
    if (c.state !== 'TIME-WAIT') return fail(w, h, 'connection already exists', R('3.10.1'));
    if (!w.config.profile.connectTakesOverTimeWait) {
      return fail(w, h, 'connection already exists: this 4-tuple is in TIME-WAIT until 2MSL ends', R('3.10.1'));
    }
    // Linux (tcp_twsk_unique): the old connection used timestamps, so PAWS protects the new one; the new
    // ISN starts past anything the old one sent (tw_snd_nxt + 65535 + 2), as in tcp_timewait_state_process.
    if (h.nextIsn === null) h.nextIsn = seqAdd(c.sndNxt, 65537);
    deleteTcb(
      w,
      h,
      'connect() on the same 4-tuple takes the TIME-WAIT socket over: the old connection used timestamps, so PAWS keeps its late segments out',
      'Linux tcp_twsk_unique',
    );
  }
  const before = stateOf(h);
  // rfc: an active OPEN in LISTEN turns the passive TCB active (3.10.1); linux: the listener is another socket.
  if (h.listener && !w.config.profile.listenerPersists) h.listener = null;
  const tcb = newTcb('SYN-SENT', takeIsn(w, h), false, WINDOW);
  h.conn = tcb;
  w.events.push({ host: h.id, text: `${before} → SYN-SENT: active open, send SYN with our ISN`, ref: R('3.10.1'), from: before, to: 'SYN-SENT' });
  send(w, h.id, SYN, tcb.iss, 0, 0, 'open the connection with our ISN', R('3.10.1'));
  startRexmt(w, tcb);
  return null;
}

function sendData(w: World, h: Host, bytes: number): string | null {
  const tcb = h.conn;
  if (!tcb) {
    if (h.listener) return fail(w, h, 'remote socket unspecified (a listener cannot send)', R('3.10.2'));
    return fail(w, h, 'connection does not exist', R('3.10.2'));
  }
  switch (tcb.state) {
    case 'SYN-SENT':
    case 'SYN-RECEIVED':
      tcb.queued += bytes;
      log(w, h.id, `${tcb.state}: queue ${bytes} bytes until ESTABLISHED`, R('3.10.2'));
      return null;
    case 'ESTABLISHED':
    case 'CLOSE-WAIT':
      tcb.queued += bytes;
      if (!output(w, h, tcb)) log(w, h.id, `queue ${bytes} bytes: the peer's window is full`, R('3.10.2'));
      return null;
    default:
      return fail(w, h, 'connection closing', R('3.10.2'));
  }
}

/** close(): FIN after the queued data. `full` is the application's close(); false is shutdown(SHUT_WR). */
function close(w: World, h: Host, full: boolean): string | null {
  const tcb = h.conn;
  if (!tcb) {
    if (h.listener) {
      h.listener = null;
      w.events.push({ host: h.id, text: 'LISTEN → CLOSED: stop listening', ref: R('3.10.4'), from: 'LISTEN', to: 'CLOSED' });
      return null;
    }
    return fail(w, h, 'connection does not exist', R('3.10.4'));
  }
  const wasOrphan = tcb.orphan;
  if (full) tcb.orphan = true;
  switch (tcb.state) {
    case 'SYN-SENT':
      deleteTcb(w, h, 'close before the handshake: delete the TCB, send nothing', R('3.10.4'));
      return null;
    case 'SYN-RECEIVED':
      tcb.finQueued = true;
      if (tcb.queued > 0) {
        tcb.closeOnEstablished = true;
        log(w, h.id, 'SYN-RECEIVED: data is queued; the FIN waits until ESTABLISHED', R('3.10.4'));
        return null;
      }
      enter(w, h, tcb, 'FIN-WAIT-1', 'close in SYN-RECEIVED with nothing queued: send FIN', R('3.10.4'));
      output(w, h, tcb);
      return null;
    case 'ESTABLISHED':
      tcb.finQueued = true;
      enter(w, h, tcb, 'FIN-WAIT-1', 'the application closes: FIN after the queued data', R('3.10.4'));
      output(w, h, tcb);
      return null;
    case 'CLOSE-WAIT':
      tcb.finQueued = true;
      enter(w, h, tcb, 'LAST-ACK', 'the peer closed already; now we send our FIN and wait for its ACK', R('3.10.4'));
      output(w, h, tcb);
      return null;
    case 'FIN-WAIT-1':
    case 'FIN-WAIT-2':
      if (full && !wasOrphan) {
        // 3.10.4 allows "ok" as long as no second FIN goes out; Linux then treats the socket as orphaned.
        maybeStartFinWait2(w, tcb);
        log(w, h.id, `${tcb.state}: close() after shutdown: our FIN is already out; the socket is now orphaned`, R('3.10.4'));
        return null;
      }
      return fail(w, h, 'connection closing', R('3.10.4'));
    default:
      return fail(w, h, 'connection closing', R('3.10.4'));
  }
}

function abort(w: World, h: Host): string | null {
  const tcb = h.conn;
  if (!tcb) {
    if (h.listener) {
      h.listener = null;
      w.events.push({ host: h.id, text: 'LISTEN → CLOSED: abort the listener', ref: R('3.10.5'), from: 'LISTEN', to: 'CLOSED' });
      return null;
    }
    return fail(w, h, 'connection does not exist', R('3.10.5'));
  }
  switch (tcb.state) {
    case 'SYN-RECEIVED':
    case 'ESTABLISHED':
    case 'FIN-WAIT-1':
    case 'FIN-WAIT-2':
    case 'CLOSE-WAIT':
      if (w.config.profile.abortSendsRstAck) {
        send(w, h.id, RST | ACK, tcb.sndNxt, tcb.rcvNxt, 0, 'abort: reset the connection', 'Linux tcp_send_active_reset');
      } else {
        send(w, h.id, RST, tcb.sndNxt, 0, 0, 'abort: reset the connection', R('3.10.5'));
      }
      deleteTcb(w, h, 'abort: flush every queue and delete the TCB', R('3.10.5'));
      return null;
    default:
      deleteTcb(w, h, 'abort: delete the TCB without sending anything', R('3.10.5'));
      return null;
  }
}

function crash(w: World, h: Host): void {
  const before = stateOf(h);
  h.conn = null;
  h.listener = null;
  w.events.push({ host: h.id, text: `${before} → CLOSED: crash; every TCB is lost and nothing is sent`, ref: R('3.5.1'), from: before, to: 'CLOSED' });
}
