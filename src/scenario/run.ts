// Runs a parsed scenario against the core, one line at a time, and records
// what a learner needs to see: the states after the line, the segments the
// hosts emitted, and the reasons.

import {
  appCall,
  createWorld,
  deliver,
  deliverAll,
  drain,
  drop,
  dup,
  flood,
  hostState,
  inject,
  makeConfig,
  setIsn,
  wait,
  type CoreEvent,
  type HostId,
  type Segment,
  type State,
  type World,
  type WorldOptions,
} from '../core/index.js';
import { ScriptError, parseScript, type Line } from './parse.js';

export interface Step {
  line: number;
  command: string;
  /** Virtual time after the line, in ms. */
  time: number;
  client: State;
  server: State;
  sent: Segment[];
  events: CoreEvent[];
  /** Replies that went to spoofed sources (flood), not listed in `sent`. */
  spoofedReplies: number;
  /** The error an application call returned, if it did. */
  error?: string;
  expect?: { host: HostId; expected: State; actual: State; ok: boolean };
}

export type Outcome =
  | { kind: 'ok' }
  | { kind: 'expect-failed'; line: number; host: HostId; expected: State; actual: State }
  | { kind: 'script-error'; line: number; message: string };

export interface RunResult {
  steps: Step[];
  outcome: Outcome;
  world: World;
}

const LINUX_HAS_NO_MSL = 'the linux profile has no MSL to set: Linux keeps TIME-WAIT a fixed 60 s (TCP_TIMEWAIT_LEN)';

/** A scenario in progress. `step` runs one line; a wrong line throws ScriptError. */
export class ScenarioRunner {
  private opts: WorldOptions = {};
  private mslLine: number | null = null;
  private pendingIsn: Partial<Record<HostId, number>> = {};
  private started = false;
  world: World = createWorld();

  step(l: Line): Step {
    const { cmd, line } = l;
    let error: string | null = null;
    let expect: Step['expect'];
    switch (cmd.kind) {
      case 'set-isn':
        if (this.started) setIsn(this.world, cmd.host, cmd.value);
        else this.pendingIsn[cmd.host] = cmd.value;
        break;
      case 'set-profile':
      case 'set-seed':
        if (this.started) throw new ScriptError(line, `set ${cmd.kind.slice(4)} must come before the first host or network command`);
        if (cmd.kind === 'set-profile') {
          if (cmd.value === 'linux' && this.mslLine !== null) throw new ScriptError(line, `${LINUX_HAS_NO_MSL}; remove set msl on line ${this.mslLine}`);
          this.opts.profile = cmd.value;
        } else {
          this.opts.seed = cmd.value;
        }
        this.world = createWorld(this.opts);
        break;
      case 'set-msl':
        if (this.opts.profile === 'linux') throw new ScriptError(line, LINUX_HAS_NO_MSL);
        this.mslLine = line;
        this.reconfigure({ msl: cmd.ms });
        break;
      case 'set-rto':
        this.reconfigure({ rto: cmd.ms });
        break;
      case 'set-backlog':
        this.reconfigure({ backlog: cmd.value });
        for (const h of [this.world.client, this.world.server]) if (h.listener) h.listener.backlog = cmd.value;
        break;
      case 'set-syncookies':
        this.reconfigure({ syncookies: cmd.value });
        break;
      default:
        this.start();
        error = this.act(l);
        if (cmd.kind === 'expect') {
          const actual = hostState(this.world, cmd.host);
          expect = { host: cmd.host, expected: cmd.state, actual, ok: actual === cmd.state };
        }
    }
    const w = this.world;
    const d = drain(w);
    const step: Step = {
      line,
      command: l.text,
      time: w.now,
      client: hostState(w, 'client'),
      server: hostState(w, 'server'),
      sent: d.sent,
      events: d.events,
      spoofedReplies: d.spoofedReplies,
    };
    if (error !== null) step.error = error;
    if (expect) step.expect = expect;
    return step;
  }

  private reconfigure(change: WorldOptions): void {
    Object.assign(this.opts, change);
    this.world.config = makeConfig(this.opts);
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    for (const id of ['client', 'server'] as const) {
      const isn = this.pendingIsn[id];
      if (isn !== undefined) setIsn(this.world, id, isn);
    }
  }

  /** Runs a host or network command; returns an application error, throws ScriptError for a wrong script. */
  private act(l: Line): string | null {
    const w = this.world;
    const cmd = l.cmd;
    let problem: string | null = null;
    switch (cmd.kind) {
      case 'call':
        return appCall(w, cmd.host, cmd.call, cmd.bytes);
      case 'deliver':
        problem = deliver(w, cmd.dir, cmd.k);
        break;
      case 'drop':
        problem = drop(w, cmd.dir, cmd.k);
        break;
      case 'dup':
        problem = dup(w, cmd.dir, cmd.k);
        break;
      case 'deliver-all':
        problem = deliverAll(w);
        break;
      case 'inject':
        inject(w, cmd.dir, cmd.flags, cmd.seq, cmd.ack, cmd.len);
        break;
      case 'flood':
        flood(w, cmd.n);
        break;
      case 'wait':
        wait(w, 'ms' in cmd.duration ? cmd.duration.ms : w.config.timeWait);
        break;
      default:
        break;
    }
    if (problem !== null) throw new ScriptError(l.line, `${l.text}: ${problem}`);
    return null;
  }
}

/** Runs every line; stops at the first failed expect or wrong line. */
export function runScript(lines: readonly Line[]): RunResult {
  const runner = new ScenarioRunner();
  const steps: Step[] = [];
  for (const l of lines) {
    let step: Step;
    try {
      step = runner.step(l);
    } catch (e) {
      if (e instanceof ScriptError) return { steps, outcome: { kind: 'script-error', line: e.line, message: e.message }, world: runner.world };
      throw e;
    }
    steps.push(step);
    if (step.expect && !step.expect.ok) {
      const { host, expected, actual } = step.expect;
      return { steps, outcome: { kind: 'expect-failed', line: l.line, host, expected, actual }, world: runner.world };
    }
  }
  return { steps, outcome: { kind: 'ok' }, world: runner.world };
}

export interface LineRun {
  /** The steps of every command line before the one asked about. */
  before: Step[];
  /** The command line asked about. */
  line: Line;
  /** What that line did. */
  step: Step;
}

/**
 * Runs a script up to the command on line `lineNumber` and then that line: what a predict-the-state
 * item shows and asks about. Returns why it cannot, as a sentence, when the script does not get there.
 */
export function runToLine(source: string, lineNumber: number): LineRun | { error: string } {
  let lines: Line[];
  try {
    lines = parseScript(source);
  } catch (e) {
    if (e instanceof ScriptError) return { error: `the scenario does not parse (line ${e.line}: ${e.message})` };
    throw e;
  }
  const at = lines.findIndex((l) => l.line === lineNumber);
  if (at < 0) return { error: `line ${lineNumber} of the scenario is not a command (blank or comment)` };
  const runner = new ScenarioRunner();
  try {
    const before: Step[] = [];
    for (const l of lines.slice(0, at)) {
      const s = runner.step(l);
      if (s.expect && !s.expect.ok) return { error: `the scenario's expect on line ${l.line} fails before step ${lineNumber}` };
      before.push(s);
    }
    return { before, line: lines[at]!, step: runner.step(lines[at]!) };
  } catch (e) {
    if (e instanceof ScriptError) return { error: `the scenario fails on line ${e.line}: ${e.message}` };
    throw e;
  }
}
