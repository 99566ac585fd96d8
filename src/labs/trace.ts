// A scenario run as a ladder diagram needs more than the runner's steps: which
// segment is which, what became of it (still in flight, delivered, lost), the
// states at the moment each one left, and the timers left running after each
// line. The tracer runs the lines through the real ScenarioRunner and records
// that. Pure apart from the runner it owns.

import { runningTimers, type RunningTimer } from '../core/timers.js';
import { FLAG_BITS, type HostId, type Segment } from '../core/segment.js';
import type { Direction, State } from '../core/types.js';
import { hostState } from '../core/world.js';
import type { Line } from '../scenario/parse.js';
import { ScenarioRunner, type Step } from '../scenario/run.js';

export type Fate = 'flight' | 'delivered' | 'lost';

export interface TracedSegment {
  id: number;
  dir: Direction;
  seg: Segment;
  /** sent by a host; injected by the script (a crafted segment); a copy made by `dup`. */
  origin: 'sent' | 'injected' | 'copy';
  fate: Fate;
  /** Index of the step that put it on the wire, and of the one that ended its flight. */
  born: number;
  ended: number | null;
}

/** One drawn thing of a step, in the order it happened. */
export type TraceItem =
  | { kind: 'segment'; id: number; client: State; server: State }
  | { kind: 'lost'; id: number; client: State; server: State }
  | { kind: 'flood'; n: number; replies: number };

export interface TraceStep extends Step {
  index: number;
  /** The command kind ("call", "deliver", "set-isn", "expect", ...). */
  kind: Line['cmd']['kind'];
  before: { client: State; server: State };
  items: TraceItem[];
  /** Timers still running after the line, earliest first, and the segments still in flight (ids, network order). */
  timers: RunningTimer[];
  inFlight: number[];
}

export interface Trace {
  steps: TraceStep[];
  segments: TracedSegment[];
}

/** Settings and checks change nothing on the wire; a ladder need not give them a row. */
export function isQuiet(kind: Line['cmd']['kind']): boolean {
  return kind === 'expect' || kind.startsWith('set-');
}

export class Tracer {
  readonly runner = new ScenarioRunner();
  readonly steps: TraceStep[] = [];
  readonly segments: TracedSegment[] = [];
  private readonly ids = new Map<Segment, number>();

  /** Runs one line. Throws ScriptError, like the runner, leaving the trace as it was. */
  step(l: Line): TraceStep {
    const w0 = this.runner.world;
    const before = { client: hostState(w0, 'client'), server: hostState(w0, 'server') };
    const flightBefore = w0.net.map((f) => f.seg);
    const index = this.steps.length;
    const step = this.runner.step(l);
    const w = this.runner.world;
    const cmd = l.cmd;
    const items: TraceItem[] = [];

    const register = (seg: Segment, dir: Direction, origin: TracedSegment['origin']): number => {
      const id = this.segments.length;
      this.segments.push({ id, dir, seg, origin, fate: 'flight', born: index, ended: null });
      this.ids.set(seg, id);
      return id;
    };

    if (cmd.kind === 'drop') {
      // The dropped segment is the one in flight before that is gone now.
      const after = new Set(w.net.map((f) => f.seg));
      for (const seg of flightBefore) {
        const id = this.ids.get(seg);
        if (id !== undefined && !after.has(seg)) items.push({ kind: 'lost', id, ...before });
      }
    }
    if (cmd.kind === 'inject') {
      let flags = 0;
      for (const f of cmd.flags) flags |= FLAG_BITS[f];
      const from: HostId = cmd.dir === 'c>s' ? 'client' : 'server';
      const id = register({ from, flags, seq: cmd.seq >>> 0, ack: cmd.ack >>> 0, len: cmd.len }, cmd.dir, 'injected');
      items.push({ kind: 'segment', id, ...before });
    }
    // Sends, with the states at the moment each left (state changes come before the send they cause).
    const states = { ...before };
    for (const e of step.events) {
      if (e.to && e.host !== 'network') states[e.host] = e.to;
      if (e.seg && e.host !== 'network' && !this.ids.has(e.seg)) {
        const id = register(e.seg, e.seg.from === 'client' ? 'c>s' : 's>c', 'sent');
        items.push({ kind: 'segment', id, ...states });
      }
    }
    // A `dup` leaves a copy in flight that nobody sent.
    for (const f of w.net) {
      if (!this.ids.has(f.seg)) items.push({ kind: 'segment', id: register(f.seg, f.dir, 'copy'), ...states });
    }
    if (cmd.kind === 'flood') items.push({ kind: 'flood', n: cmd.n, replies: step.spoofedReplies });

    // What left the network during the line was lost (drop) or delivered (everything else).
    const still = new Set(w.net.map((f) => f.seg));
    for (const s of this.segments) {
      if (s.fate !== 'flight' || still.has(s.seg)) continue;
      s.fate = cmd.kind === 'drop' && items.some((i) => i.kind === 'lost' && i.id === s.id) ? 'lost' : 'delivered';
      s.ended = index;
    }

    const traced: TraceStep = {
      ...step,
      index,
      kind: cmd.kind,
      before,
      items,
      timers: runningTimers(w),
      inFlight: w.net.map((f) => this.ids.get(f.seg)!).filter((id) => id !== undefined),
    };
    this.steps.push(traced);
    return traced;
  }

  trace(): Trace {
    return { steps: this.steps, segments: this.segments };
  }
}

/** Runs every line; throws ScriptError at a wrong line. */
export function traceLines(lines: readonly Line[]): Trace {
  const t = new Tracer();
  for (const l of lines) t.step(l);
  return t.trace();
}

/** The segments' fates as they stood after step `upTo` (a trace shown only partly must not tell the future). */
export function fateAt(s: TracedSegment, upTo: number): Fate {
  return s.ended !== null && s.ended <= upTo ? s.fate : 'flight';
}
