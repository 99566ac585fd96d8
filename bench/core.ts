// Benchmarks of the core and the scenario runner. bench/run.mjs bundles this
// file with esbuild and calls the exported functions; each returns one
// measurement. Nothing here uses Math.random: the scenarios come from a
// seeded generator, so every run measures the same work.

import { appCall, createWorld, deliverAll, drain, hostState, wait, type World } from '../src/core/index.js';
import { ScriptError, parseScript } from '../src/scenario/parse.js';
import { ScenarioRunner, runScript } from '../src/scenario/run.js';
import { generator } from '../src/engine/random.js';

// ---------------------------------------------------------------------------
// (a) Segment deliveries per second: whole connections through the core API.

function settle(w: World): void {
  const problem = deliverAll(w);
  if (problem !== null) throw new Error(`bench connection loop: ${problem}`);
}

/** One complete connection: handshake, data both ways, close from both ends, TIME-WAIT expiry. Returns the segments delivered. */
function oneConnection(w: World): number {
  appCall(w, 'client', 'connect');
  settle(w);
  appCall(w, 'client', 'send', 1000);
  settle(w);
  appCall(w, 'server', 'send', 500);
  settle(w);
  appCall(w, 'client', 'close');
  settle(w);
  appCall(w, 'server', 'close');
  settle(w);
  wait(w, w.config.timeWait);
  // Nothing was lost, so every segment sent was delivered.
  return drain(w).sent.length;
}

export interface LoopResult {
  deliveries: number;
  connections: number;
  ms: number;
  perSecond: number;
}

/**
 * Runs complete connections between a listening server (linux profile: the listener stays) and the
 * client for at least `minMs` ms of wall time, and counts the segments delivered.
 */
export function connectionLoop(minMs = 1000): LoopResult {
  const w = createWorld({ profile: 'linux', seed: 1 });
  appCall(w, 'server', 'listen');
  drain(w);
  // Check once that a connection really goes all the way (11 segments, both hosts back where they started).
  const first = oneConnection(w);
  if (first !== 11 || hostState(w, 'client') !== 'CLOSED' || hostState(w, 'server') !== 'LISTEN') {
    throw new Error(`bench connection loop: expected 11 segments and CLOSED/LISTEN, got ${first}, ${hostState(w, 'client')}/${hostState(w, 'server')}`);
  }
  let deliveries = 0;
  let connections = 0;
  const t0 = performance.now();
  let ms = 0;
  do {
    for (let i = 0; i < 200; i++) deliveries += oneConnection(w);
    connections += 200;
    ms = performance.now() - t0;
  } while (ms < minMs);
  return { deliveries, connections, ms, perSecond: (deliveries / ms) * 1000 };
}

// ---------------------------------------------------------------------------
// (b) Random scenarios: a seeded generator, then parse and run with expect lines.

const rng = generator;

type Rand = () => number;
const int = (r: Rand, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

function weighted(r: Rand, table: ReadonlyArray<readonly [number, () => string]>): string {
  const total = table.reduce((s, [w]) => s + w, 0);
  let x = r() * total;
  for (const [w, f] of table) {
    x -= w;
    if (x < 0) return f();
  }
  return table[table.length - 1]![1]();
}

const HOSTS = ['client', 'server'] as const;
const DIRS = ['c>s', 's>c'] as const;
const FLAGS = ['SYN', 'ACK', 'RST', 'FIN,ACK', 'SYN,ACK', 'RST,ACK', 'PSH,ACK'] as const;

function header(r: Rand): { lines: string[]; cIsn: number; sIsn: number } {
  const lines: string[] = [];
  if (r() < 0.5) lines.push(`set profile ${pick(r, ['rfc', 'linux'])}`);
  lines.push(`set seed ${int(r, 0, 0xffff_ffff)}`);
  const isn = (): number => (r() < 0.5 ? 0x1_0000_0000 - int(r, 1, 70_000) : int(r, 0, 0xffff_ffff));
  const cIsn = isn();
  const sIsn = isn();
  lines.push(`set client.isn ${cIsn}`, `set server.isn ${sIsn}`);
  if (r() < 0.3) lines.push(`set rto ${pick(r, ['200ms', '1s', '3s'])}`);
  if (r() < 0.2) lines.push(`set backlog ${int(r, 1, 4)}`);
  return { lines, cIsn, sIsn };
}

/**
 * One scenario of `steps` host or network commands, weighted like the property tests' generator,
 * with `expect` lines for both hosts after every fifth command. The generator runs the scenario as
 * it writes it (untimed), so it only delivers, drops or duplicates segments that are in flight, and
 * the expected states are the ones this run reached. Returns null if a line turned out to be a
 * script error (a `deliver all` that does not settle); the caller then draws another scenario.
 */
function scenario(r: Rand, steps: number): { text: string; expects: number } | null {
  const { lines, cIsn, sIsn } = header(r);
  const runner = new ScenarioRunner();
  const out: string[] = [];
  const run = (text: string): ReturnType<ScenarioRunner['step']> | null => {
    const [l] = parseScript(text);
    try {
      const st = runner.step({ ...l!, line: out.length + 1 });
      out.push(text);
      return st;
    } catch (e) {
      if (e instanceof ScriptError) return null;
      throw e;
    }
  };
  for (const l of lines) if (!run(l)) return null;
  const opening = r() < 0.8 ? ['server listen', 'client connect'] : [];
  const near = (): number => ((r() < 0.5 ? cIsn : sIsn) + int(r, -5, 70_000) + 0x1_0000_0000) % 0x1_0000_0000;
  const inFlight = (dir: string): number => runner.world.net.filter((f) => f.dir === dir).length;
  const net = (verb: string) => (): string => {
    const dirs = DIRS.filter((d) => inFlight(d) > 0);
    if (dirs.length === 0) return 'wait 1s';
    const dir = pick(r, dirs);
    const n = inFlight(dir);
    return `${verb} ${dir}${n > 1 && r() < 0.25 ? ` ${int(r, 1, n)}` : ''}`;
  };
  let expects = 0;
  for (let i = 0; i < steps; i++) {
    const cmd =
      opening[i] ??
      weighted(r, [
        [10, net('deliver')],
        [8, () => 'deliver all'],
        [4, net('drop')],
        [3, net('dup')],
        [5, () => `wait ${pick(r, ['500ms', '1s', '3s', '10s', '61s', '2msl'])}`],
        [3, () => `${pick(r, HOSTS)} send ${int(r, 1, 3000)}`],
        [4, () => `${pick(r, HOSTS)} ${pick(r, ['listen', 'connect', 'close', 'close', 'shutdown', 'abort', 'crash'])}`],
        [2, () => `inject ${pick(r, DIRS)} ${pick(r, FLAGS)} seq=${near()} ack=${near()}${r() < 0.3 ? ` len=${int(r, 1, 1000)}` : ''}`],
        [1, () => `flood ${int(r, 1, 6)}`],
      ]);
    const st = run(cmd);
    if (!st) return null;
    if ((i + 1) % 5 === 0 || i === steps - 1) {
      out.push(`expect client ${st.client}`, `expect server ${st.server}`);
      expects += 2;
    }
  }
  return { text: out.join('\n') + '\n', expects };
}

export interface Scenarios {
  texts: string[];
  /** Host and network commands, `steps` per scenario. */
  commands: number;
  expects: number;
  /** Scenarios drawn again because a line was a script error (a deliver all that did not settle). */
  redrawn: number;
}

/** `count` scenarios of `steps` host or network commands each, from `seed`. Deterministic. */
export function makeScenarios(count = 10_000, steps = 50, seed = 9293): Scenarios {
  const r = rng(seed);
  const texts: string[] = [];
  let expects = 0;
  let redrawn = 0;
  while (texts.length < count) {
    const s = scenario(r, steps);
    if (!s) {
      redrawn++;
      continue;
    }
    texts.push(s.text);
    expects += s.expects;
  }
  return { texts, commands: count * steps, expects, redrawn };
}

export interface ScenarioRun {
  ms: number;
  scenarios: number;
  steps: number;
  expectsChecked: number;
}

/** Parses and runs every scenario; every one must end ok with all its expect lines passing. */
export function runScenarios(s: Scenarios): ScenarioRun {
  let steps = 0;
  let expectsChecked = 0;
  const t0 = performance.now();
  for (const text of s.texts) {
    const r = runScript(parseScript(text));
    if (r.outcome.kind !== 'ok') throw new Error(`bench scenario failed (${JSON.stringify(r.outcome)}):\n${text}`);
    steps += r.steps.length;
    for (const st of r.steps) if (st.expect) expectsChecked++;
  }
  const ms = performance.now() - t0;
  if (expectsChecked !== s.expects) throw new Error(`bench: checked ${expectsChecked} expect lines, the scenarios have ${s.expects}`);
  return { ms, scenarios: s.texts.length, steps, expectsChecked };
}
