// Test harness for the per-state unit tests of src/core, in the style of
// smoltcp's socket tests: build a world with fixed ISNs, drive one host into
// a given state, make a segment from a template arrive there, and look at
// exactly what the host sent back and the state it is in afterwards.

import {
  appCall,
  createWorld,
  deliver,
  drain,
  drop,
  hostState,
  inject,
  setIsn,
  toJson,
  wait,
  type Direction,
  type FlagName,
  type HostId,
  type ProfileName,
  type SegmentJson,
  type State,
  type World,
} from '../../src/core/index.js';

export const CLIENT_ISN = 1000;
export const SERVER_ISN = 5000;
/** The receive window every model TCB advertises and assumes of its peer (WINDOW in src/core/tcb.ts). */
export const WINDOW = 65535;

export function other(h: HostId): HostId {
  return h === 'client' ? 'server' : 'client';
}

/** The direction of a segment that the peer of `to` sends to `to`. */
export function toward(to: HostId): Direction {
  return to === 'client' ? 's>c' : 'c>s';
}

function ok(err: string | null): void {
  if (err !== null) throw new Error(`harness: ${err}`);
}

export interface WorldOptions {
  profile?: ProfileName;
  clientIsn?: number;
  serverIsn?: number;
}

/** A fresh world with the fixed ISNs (client 1000, server 5000 unless given). */
export function newWorld(o: WorldOptions = {}): World {
  const w = createWorld({ profile: o.profile ?? 'rfc' });
  setIsn(w, 'client', o.clientIsn ?? CLIENT_ISN);
  setIsn(w, 'server', o.serverIsn ?? SERVER_ISN);
  return w;
}

/** Loses every segment in flight. */
export function clearNet(w: World): void {
  while (w.net.length > 0) ok(drop(w, w.net[0]!.dir));
}

/** Server listens, client connects, the three segments of figure 6 are delivered one by one. */
export function establish(w: World): void {
  ok(appCall(w, 'server', 'listen'));
  ok(appCall(w, 'client', 'connect'));
  ok(deliver(w, 'c>s')); // SYN
  ok(deliver(w, 's>c')); // SYN,ACK
  ok(deliver(w, 'c>s')); // ACK
}

export type Target = State | 'SYN-RECEIVED-active';

export interface StateOptions extends WorldOptions {
  /** Which host calls close() first (default client). */
  closer?: HostId;
  /** The closer uses shutdown (SHUT_WR) instead of close(). */
  shutdown?: boolean;
}

export interface Setup {
  w: World;
  /** The host that is in the requested state. */
  host: HostId;
}

/**
 * Drives a world so that one host is in `target`, with nothing in flight and nothing left to drain.
 *
 * With the default ISNs and closer (client), the hosts under test and their variables are:
 *   CLOSED        server, no TCB, not listening
 *   LISTEN        server
 *   SYN-SENT      client  ISS=1000 SND.NXT=1001
 *   SYN-RECEIVED  server  (passive) ISS=5000 SND.NXT=5001 RCV.NXT=1001
 *   SYN-RECEIVED-active  client (simultaneous open, figure 7) ISS=1000 SND.NXT=1001 RCV.NXT=5001
 *   ESTABLISHED   client  SND.NXT=1001 RCV.NXT=5001
 *   FIN-WAIT-1    client  SND.UNA=1001 SND.NXT=1002 RCV.NXT=5001
 *   FIN-WAIT-2    client  SND.NXT=1002 RCV.NXT=5001
 *   CLOSE-WAIT    server  SND.NXT=5001 RCV.NXT=1002
 *   CLOSING       client  SND.UNA=1001 SND.NXT=1002 RCV.NXT=5002
 *   LAST-ACK      server  SND.UNA=5001 SND.NXT=5002 RCV.NXT=1002
 *   TIME-WAIT     client  SND.NXT=1002 RCV.NXT=5002
 */
export function inState(target: Target, o: StateOptions = {}): Setup {
  const w = newWorld(o);
  const a = o.closer ?? 'client';
  const b = other(a);
  const close = o.shutdown ? 'shutdown' : 'close';
  let host: HostId;
  switch (target) {
    case 'CLOSED':
      host = 'server';
      break;
    case 'LISTEN':
      host = 'server';
      ok(appCall(w, 'server', 'listen'));
      break;
    case 'SYN-SENT':
      host = 'client';
      ok(appCall(w, 'client', 'connect'));
      break;
    case 'SYN-RECEIVED':
      host = 'server';
      ok(appCall(w, 'server', 'listen'));
      ok(appCall(w, 'client', 'connect'));
      ok(deliver(w, 'c>s'));
      break;
    case 'SYN-RECEIVED-active':
      host = 'client';
      ok(appCall(w, 'client', 'connect'));
      ok(appCall(w, 'server', 'connect'));
      ok(deliver(w, 's>c')); // the server's SYN crosses ours
      break;
    case 'ESTABLISHED':
      host = 'client';
      establish(w);
      break;
    case 'FIN-WAIT-1':
      host = a;
      establish(w);
      ok(appCall(w, a, close));
      break;
    case 'FIN-WAIT-2':
    case 'CLOSE-WAIT':
      host = target === 'FIN-WAIT-2' ? a : b;
      establish(w);
      ok(appCall(w, a, close));
      ok(deliver(w, toward(b))); // FIN
      ok(deliver(w, toward(a))); // its ACK
      break;
    case 'CLOSING':
      host = a;
      establish(w);
      ok(appCall(w, a, close));
      ok(appCall(w, b, 'close'));
      ok(deliver(w, toward(a))); // b's FIN reaches a before a's FIN is acknowledged
      break;
    case 'LAST-ACK':
    case 'TIME-WAIT':
      host = target === 'TIME-WAIT' ? a : b;
      establish(w);
      ok(appCall(w, a, close));
      ok(deliver(w, toward(b))); // FIN
      ok(deliver(w, toward(a))); // its ACK
      ok(appCall(w, b, 'close'));
      if (target === 'TIME-WAIT') {
        ok(deliver(w, toward(a))); // b's FIN
        ok(deliver(w, toward(b))); // a's ACK of it: b is gone
      }
      break;
    default:
      throw new Error(`harness: unknown target ${String(target)}`);
  }
  clearNet(w);
  drain(w);
  const want: State = target === 'SYN-RECEIVED-active' ? 'SYN-RECEIVED' : target;
  const got = hostState(w, host);
  if (got !== want) throw new Error(`harness: wanted ${host} in ${want}, got ${got}`);
  return { w, host };
}

/** A segment to make arrive: flags, and the fields that matter. ack defaults to 0, len to 0. */
export interface SegTemplate {
  flags: FlagName[];
  seq: number;
  ack?: number;
  len?: number;
}

type SeqOnly = { seq: number };
type SeqAck = { seq: number; ack: number };

export const seg = {
  syn: ({ seq }: SeqOnly): SegTemplate => ({ flags: ['SYN'], seq }),
  synAck: ({ seq, ack }: SeqAck): SegTemplate => ({ flags: ['SYN', 'ACK'], seq, ack }),
  ack: ({ seq, ack }: SeqAck): SegTemplate => ({ flags: ['ACK'], seq, ack }),
  /** FIN without ACK. */
  fin: ({ seq }: SeqOnly): SegTemplate => ({ flags: ['FIN'], seq }),
  finAck: ({ seq, ack }: SeqAck): SegTemplate => ({ flags: ['FIN', 'ACK'], seq, ack }),
  /** FIN,PSH,ACK carrying `len` bytes before the FIN. */
  finData: ({ seq, ack, len }: SeqAck & { len: number }): SegTemplate => ({ flags: ['FIN', 'PSH', 'ACK'], seq, ack, len }),
  rst: ({ seq }: SeqOnly): SegTemplate => ({ flags: ['RST'], seq }),
  rstAck: ({ seq, ack }: SeqAck): SegTemplate => ({ flags: ['RST', 'ACK'], seq, ack }),
  /** ACK+PSH with `len` bytes (10 unless given). */
  data: ({ seq, ack, len = 10 }: SeqAck & { len?: number }): SegTemplate => ({ flags: ['PSH', 'ACK'], seq, ack, len }),
  synFin: ({ seq }: SeqOnly): SegTemplate => ({ flags: ['SYN', 'FIN'], seq }),
  none: ({ seq }: SeqOnly): SegTemplate => ({ flags: [], seq }),
};

/** Everything sent since the last drain, as {from, flags, seq, ack, len}. */
export function sent(w: World): SegmentJson[] {
  return drain(w).sent.map(toJson);
}

export interface Arrival {
  state: State;
  sent: SegmentJson[];
}

/** `t` arrives now at `host`, as if from its peer. Returns the host's state afterwards and exactly what was sent. */
export function arrive(w: World, host: HostId, t: SegTemplate): Arrival {
  drain(w);
  inject(w, toward(host), t.flags, t.seq, t.ack ?? 0, t.len ?? 0);
  return { state: hostState(w, host), sent: sent(w) };
}

const ORDER: readonly FlagName[] = ['SYN', 'FIN', 'RST', 'PSH', 'ACK', 'URG'];

/** An expected segment: `out('server', 'RST,ACK', 0, 1001)`. Flags in any order; ack and len default to 0. */
export function out(from: HostId, flags: string, seq: number, ack = 0, len = 0): SegmentJson {
  const names = flags.split(',').map((f) => f.trim()) as FlagName[];
  for (const n of names) if (!ORDER.includes(n)) throw new Error(`harness: unknown flag ${n}`);
  return { from, flags: ORDER.filter((f) => names.includes(f)), seq: seq >>> 0, ack: ack >>> 0, len };
}

/** Advances the virtual clock to absolute time `t` ms. */
export function waitUntil(w: World, t: number): void {
  if (t < w.now) throw new Error(`harness: cannot wait back to ${t} from ${w.now}`);
  wait(w, t - w.now);
}
