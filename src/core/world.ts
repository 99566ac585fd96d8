// Two hosts and the network between them. Delivery takes no virtual time;
// only `advance` moves the clock. Network operations return an error
// string (for the script's author) instead of throwing.

import { FLAG_BITS, SYN, describe, type FlagName, type HostId, type Segment } from './segment.js';
import { PROFILES, type ProfileName } from './profile.js';
import { hash32 } from './rng.js';
import { segmentArrives } from './input.js';
import { draw, hostOf, stateOf } from './tcb.js';
import { advance } from './timers.js';
import type { Config, CoreEvent, Direction, InFlight, State, World } from './types.js';

export interface WorldOptions {
  profile?: ProfileName;
  /** MSL in ms; TIME-WAIT is twice this unless the profile fixes it. */
  msl?: number;
  rto?: number;
  backlog?: number;
  syncookies?: boolean;
  seed?: number;
}

export function makeConfig(o: WorldOptions = {}): Config {
  const profile = PROFILES[o.profile ?? 'rfc'];
  const msl = o.msl ?? profile.msl;
  return {
    profile,
    timeWait: profile.fixedTimeWait ?? 2 * (msl ?? 0),
    rto: o.rto ?? profile.rtoInitial,
    backlog: o.backlog ?? profile.backlog,
    syncookies: o.syncookies ?? profile.syncookies,
    seed: o.seed ?? 1,
  };
}

export function createWorld(o: WorldOptions = {}): World {
  const config = makeConfig(o);
  const w: World = {
    config,
    now: 0,
    client: { id: 'client', conn: null, listener: null, nextIsn: null },
    server: { id: 'server', conn: null, listener: null, nextIsn: null },
    net: [],
    rng: hash32(config.seed),
    cookieSecret: 0,
    nextSpoofSource: 1,
    sent: [],
    spoofedReplies: 0,
    events: [],
  };
  w.cookieSecret = draw(w);
  return w;
}

export function hostState(w: World, id: HostId): State {
  return stateOf(hostOf(w, id));
}

export function setIsn(w: World, id: HostId, isn: number): void {
  hostOf(w, id).nextIsn = isn >>> 0;
}

function receiver(dir: Direction): HostId {
  return dir === 'c>s' ? 'server' : 'client';
}

/** Index in `net` of the k-th (1-based) segment in flight in `dir`, or -1. */
function find(w: World, dir: Direction, k: number): number {
  let seen = 0;
  for (let i = 0; i < w.net.length; i++) {
    if (w.net[i]!.dir === dir && ++seen === k) return i;
  }
  return -1;
}

function missing(w: World, dir: Direction, k: number): string {
  const n = w.net.filter((f) => f.dir === dir).length;
  return n === 0 ? `nothing is in flight ${dir}` : `only ${n} segment${n === 1 ? '' : 's'} in flight ${dir}, no segment ${k}`;
}

function note(w: World, seg: Segment, text: string): void {
  w.events.push({ host: 'network', text: `${describe(seg)} ${text}`, ref: '', seg });
}

function arrive(w: World, f: InFlight): void {
  const to = receiver(f.dir);
  note(w, f.seg, `arrives at the ${to}`);
  segmentArrives(w, hostOf(w, to), f.seg, null);
}

/** Delivers the k-th segment in flight in `dir`. */
export function deliver(w: World, dir: Direction, k = 1): string | null {
  const i = find(w, dir, k);
  if (i < 0) return missing(w, dir, k);
  const [f] = w.net.splice(i, 1);
  arrive(w, f!);
  return null;
}

/** Loses the k-th segment in flight in `dir`. */
export function drop(w: World, dir: Direction, k = 1): string | null {
  const i = find(w, dir, k);
  if (i < 0) return missing(w, dir, k);
  const [f] = w.net.splice(i, 1);
  note(w, f!.seg, `is lost on the way to the ${receiver(dir)}`);
  return null;
}

/** Puts a copy of the k-th segment in flight in `dir` right behind it. */
export function dup(w: World, dir: Direction, k = 1): string | null {
  const i = find(w, dir, k);
  if (i < 0) return missing(w, dir, k);
  const f = w.net[i]!;
  w.net.splice(i + 1, 0, { dir: f.dir, seg: { ...f.seg } });
  note(w, f.seg, 'is duplicated by the network; the copy travels right behind it');
  return null;
}

/** Delivers everything in flight, oldest first, with the replies it causes. Returns an error if it does not settle. */
export function deliverAll(w: World, limit = 10_000): string | null {
  let n = 0;
  while (w.net.length > 0) {
    if (++n > limit) return `deliver all did not settle within ${limit} deliveries`;
    arrive(w, w.net.shift()!);
  }
  return null;
}

/** A crafted segment that appears to come from `dir`'s sender arrives now at the other host. */
export function inject(w: World, dir: Direction, flags: FlagName[], seq: number, ack: number, len: number): void {
  const from: HostId = dir === 'c>s' ? 'client' : 'server';
  let bits = 0;
  for (const f of flags) bits |= FLAG_BITS[f];
  const seg: Segment = { from, flags: bits, seq: seq >>> 0, ack: ack >>> 0, len };
  note(w, seg, `is injected: it appears to come from the ${from} and arrives at the ${receiver(dir)}`);
  segmentArrives(w, hostOf(w, receiver(dir)), seg, null);
}

/** n SYNs from spoofed, unreachable sources reach the server now. */
export function flood(w: World, n: number): void {
  const repliesBefore = w.spoofedReplies;
  for (let i = 0; i < n; i++) {
    const source = w.nextSpoofSource++;
    const seg: Segment = { from: 'client', flags: SYN, seq: draw(w), ack: 0, len: 0 };
    segmentArrives(w, w.server, seg, source);
  }
  const replies = w.spoofedReplies - repliesBefore;
  const l = w.server.listener;
  const queue = l ? `; half-open queue ${l.queue.length} of ${l.backlog}` : '';
  const text = `${n} SYN${n === 1 ? '' : 's'} from spoofed addresses reach the server: ${replies} answered toward addresses that never reply, ${n - replies} dropped${queue}`;
  w.events.push({ host: 'network', text, ref: 'RFC 4987 2' });
}

export function wait(w: World, ms: number): void {
  advance(w, ms);
}

export interface Drained {
  sent: Segment[];
  events: CoreEvent[];
  spoofedReplies: number;
}

/** Takes what happened since the last drain. */
export function drain(w: World): Drained {
  const out = { sent: w.sent, events: w.events, spoofedReplies: w.spoofedReplies };
  w.sent = [];
  w.events = [];
  w.spoofedReplies = 0;
  return out;
}

/** An independent copy, for undo and for predicting without touching the real run. */
export function cloneWorld(w: World): World {
  return structuredClone(w);
}
