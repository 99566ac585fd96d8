// Property tests of the core and the scenario language, driven by random
// scripts (test/property/random-script.ts). Runs are reproducible: the seed
// is fixed; set FC_SEED (and FC_RUNS) in the environment to explore further.
// A failure prints the shrunk script as text, ready for `tcp-trainer sim`.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACK, STATES, isState, seqLe, type HostId, type State, type Tcb, type World } from '../../src/core/index.js';
import { ScriptError, parseScript, type Line } from '../../src/scenario/parse.js';
import { ScenarioRunner, runScript, type Outcome, type Step } from '../../src/scenario/run.js';
import { garbageScriptArb, randomScriptArb, renderScript, type Cmd, type ScriptModel, type ScriptOptions } from './random-script.js';

const SEED = Number(process.env.FC_SEED ?? 9293);
const RUNS = Number(process.env.FC_RUNS ?? 300);
const params = { seed: SEED, numRuns: RUNS };

const U32_MAX = 0xffff_ffff;

/** The reasons run.ts documents for a script error once the script has parsed. */
const DOCUMENTED_RUN_ERRORS: readonly RegExp[] = [
  /: nothing is in flight (c>s|s>c)$/,
  /: only \d+ segments? in flight (c>s|s>c), no segment \d+$/,
  /^set (profile|seed) must come before the first host or network command$/,
  /^the linux profile has no MSL to set/,
  /: deliver all did not settle within 10000 deliveries$/,
];

const SYNCHRONIZED: ReadonlySet<State> = new Set(['ESTABLISHED', 'FIN-WAIT-1', 'FIN-WAIT-2', 'CLOSE-WAIT', 'CLOSING', 'LAST-ACK', 'TIME-WAIT']);

/** Script families. */
const ALL: ScriptOptions = { repair: true };
/** As generated, without removing the deliver/drop/dup lines that find nothing in flight. */
const RAW: ScriptOptions = {};
/** Only application calls, deliver/drop/dup, deliver all and wait (plus header settings). */
const NET_ONLY: ScriptOptions = { inject: false, flood: false, expect: false, midSet: false, repair: true };
/** Nothing is lost or crafted: no drop, no out-of-order delivery (the model drops out-of-order data), no inject. */
const LOSSLESS: ScriptOptions = { inject: false, flood: false, drop: false, pickK: false, expect: false, midSet: false, repair: true };
/** Anything a real network and real applications can do: everything but crafted segments and wrong expects. */
const NO_INJECT: ScriptOptions = { inject: false, expect: false, repair: true };

/**
 * Runs `lines` as runScript does (stop at the first script error or failed expect), calling `check`
 * with the world after every step that ran.
 */
function runStepwise(lines: readonly Line[], check: (w: World, step: Step) => void): Outcome {
  const runner = new ScenarioRunner();
  for (const l of lines) {
    let step: Step;
    try {
      step = runner.step(l);
    } catch (e) {
      if (e instanceof ScriptError) return { kind: 'script-error', line: e.line, message: e.message };
      throw e;
    }
    check(runner.world, step);
    if (step.expect && !step.expect.ok) return { kind: 'expect-failed', line: l.line, host: step.expect.host, expected: step.expect.expected, actual: step.expect.actual };
  }
  return { kind: 'ok' };
}

function conn(w: World, id: HostId): Tcb | null {
  return id === 'client' ? w.client.conn : w.server.conn;
}

function u32(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= U32_MAX;
}

const call = (host: 'client' | 'server', c: 'connect' | 'abort' | 'listen'): Cmd => ({ kind: 'call', host, call: c, bytes: 0 });

/**
 * Found by the settle property below (FC_SEED=1..9, FC_RUNS=5000 all fail it), shrunk by hand. Each host's
 * SYN is still in flight when the other host listens; each listener answers with a SYN,ACK from a new
 * ISN that the other side never saw, and the two SYN-RECEIVED TCBs answer each other's out-of-window
 * segments with ACKs forever (RFC 9293 3.10.7.4, first check). Kept as an explicit example so the
 * property fails on it whatever the seed, until the core breaks the loop.
 */
const CROSSED_STALE_SYNS: ScriptModel = {
  profile: null,
  seed: null,
  clientIsn: null,
  serverIsn: null,
  settings: [],
  body: [call('client', 'connect'), call('server', 'connect'), call('client', 'abort'), call('server', 'abort'), call('client', 'listen'), call('server', 'listen'), { kind: 'deliver-all' }],
};

describe('parser and runner never throw', () => {
  it('random valid scripts parse, and run to ok, expect-failed, or a documented script error', () => {
    fc.assert(
      fc.property(fc.oneof(randomScriptArb(RAW), randomScriptArb(ALL)), ({ text }) => {
        const lines = parseScript(text); // valid by construction: must not throw at all
        const r = runScript(lines);
        expect(['ok', 'expect-failed', 'script-error']).toContain(r.outcome.kind);
        if (r.outcome.kind === 'script-error') {
          const { message, line } = r.outcome;
          expect(DOCUMENTED_RUN_ERRORS.some((re) => re.test(message)), `undocumented script error on line ${line}: ${message}`).toBe(true);
          expect(lines.some((l) => l.line === line)).toBe(true);
        }
      }),
      params,
    );
  });

  it('the text of each parsed line parses back to the same command', () => {
    fc.assert(
      fc.property(randomScriptArb(ALL), ({ text }) => {
        const lines = parseScript(text);
        const again = parseScript(lines.map((l) => l.text).join('\n'));
        expect(again.map((l) => l.cmd)).toEqual(lines.map((l) => l.cmd));
      }),
      params,
    );
  });

  it('garbage either parses or throws ScriptError with a real line number; what parses also runs', () => {
    fc.assert(
      fc.property(garbageScriptArb, (text) => {
        let lines: Line[];
        try {
          lines = parseScript(text);
        } catch (e) {
          expect(e).toBeInstanceOf(ScriptError);
          const err = e as ScriptError;
          expect(Number.isInteger(err.line)).toBe(true);
          expect(err.line).toBeGreaterThanOrEqual(1);
          expect(err.line).toBeLessThanOrEqual(text.split(/\r?\n/).length);
          expect(err.message.length).toBeGreaterThan(0);
          return;
        }
        const r = runScript(lines);
        expect(['ok', 'expect-failed', 'script-error']).toContain(r.outcome.kind);
        if (r.outcome.kind === 'script-error') {
          expect(DOCUMENTED_RUN_ERRORS.some((re) => re.test((r.outcome as { message: string }).message))).toBe(true);
        }
      }),
      { ...params, numRuns: RUNS * 3 },
    );
  });
});

describe('core invariants', () => {
  it('both hosts are in one of the 11 states after every step', () => {
    fc.assert(
      fc.property(randomScriptArb(ALL), ({ text }) => {
        const lines = parseScript(text);
        runStepwise(lines, (w, step) => {
          expect(isState(step.client), `client state ${step.client}`).toBe(true);
          expect(isState(step.server), `server state ${step.server}`).toBe(true);
          for (const id of ['client', 'server'] as const) {
            const c = conn(w, id);
            // A TCB is never CLOSED or LISTEN: those mean "no TCB" and "the listener" (types.ts).
            if (c) expect(STATES.slice(2), `${id} TCB state ${c.state}`).toContain(c.state);
          }
          for (const ev of step.events) {
            if (ev.from !== undefined) expect(isState(ev.from)).toBe(true);
            if (ev.to !== undefined) expect(isState(ev.to)).toBe(true);
          }
        });
        // runScript reports the same states.
        for (const s of runScript(lines).steps) {
          expect(STATES).toContain(s.client);
          expect(STATES).toContain(s.server);
        }
      }),
      params,
    );
  });

  it('deliver all always settles on scripts of application calls, deliver/drop/dup and wait', () => {
    fc.assert(
      fc.property(randomScriptArb({ ...NET_ONLY, minCommands: 5 }), ({ text }) => {
        const r = runScript(parseScript(text));
        if (r.outcome.kind === 'script-error') {
          expect(r.outcome.message).not.toMatch(/did not settle/);
          expect(DOCUMENTED_RUN_ERRORS.some((re) => re.test((r.outcome as { message: string }).message))).toBe(true);
        }
      }),
      { ...params, examples: [[{ model: CROSSED_STALE_SYNS, text: renderScript(CROSSED_STALE_SYNS) }]] },
    );
  });

  it('with nothing in flight and both ESTABLISHED, SND.NXT and RCV.NXT agree both ways (lossless scripts)', () => {
    fc.assert(
      fc.property(randomScriptArb({ ...LOSSLESS, minCommands: 5 }), ({ text }) => {
        runStepwise(parseScript(text), (w, step) => {
          const c = w.client.conn;
          const s = w.server.conn;
          if (w.net.length > 0 || !c || !s || c.state !== 'ESTABLISHED' || s.state !== 'ESTABLISHED') return;
          expect(c.sndNxt, `after line ${step.line} (${step.command}): client SND.NXT vs server RCV.NXT`).toBe(s.rcvNxt);
          expect(s.sndNxt, `after line ${step.line} (${step.command}): server SND.NXT vs client RCV.NXT`).toBe(c.rcvNxt);
        });
      }),
      params,
    );
  });

  it('with nothing in flight and both synchronized, no receiver has RCV.NXT beyond the sender’s SND.NXT (no crafted segments)', () => {
    fc.assert(
      fc.property(randomScriptArb({ ...NO_INJECT, minCommands: 5 }), ({ text }) => {
        runStepwise(parseScript(text), (w, step) => {
          const c = w.client.conn;
          const s = w.server.conn;
          if (w.net.length > 0 || !c || !s || !SYNCHRONIZED.has(c.state) || !SYNCHRONIZED.has(s.state)) return;
          const where = `after line ${step.line} (${step.command}), client ${c.state} server ${s.state}`;
          expect(seqLe(s.rcvNxt, c.sndNxt), `${where}: server RCV.NXT ${s.rcvNxt} beyond client SND.NXT ${c.sndNxt}`).toBe(true);
          expect(seqLe(c.rcvNxt, s.sndNxt), `${where}: client RCV.NXT ${c.rcvNxt} beyond server SND.NXT ${s.sndNxt}`).toBe(true);
        });
      }),
      params,
    );
  });

  it('is deterministic: the same script gives deep-equal steps and outcome', () => {
    fc.assert(
      fc.property(randomScriptArb(ALL), ({ text }) => {
        const a = runScript(parseScript(text));
        const b = runScript(parseScript(text));
        expect(b.steps).toEqual(a.steps);
        expect(b.outcome).toEqual(a.outcome);
        expect(b.world).toEqual(a.world);
      }),
      params,
    );
  });

  it('every segment sent has 32-bit seq and ack, ack 0 without the ACK flag, and a whole len >= 0', () => {
    fc.assert(
      fc.property(randomScriptArb(ALL), ({ text }) => {
        for (const step of runScript(parseScript(text)).steps) {
          for (const seg of step.sent) {
            const where = `line ${step.line} (${step.command}): ${JSON.stringify(seg)}`;
            expect(u32(seg.seq), where).toBe(true);
            expect(u32(seg.ack), where).toBe(true);
            if ((seg.flags & ACK) === 0) expect(seg.ack, where).toBe(0);
            expect(Number.isInteger(seg.len) && seg.len >= 0, where).toBe(true);
            expect(Number.isInteger(seg.flags) && seg.flags >= 0 && seg.flags < 64, where).toBe(true);
          }
        }
      }),
      params,
    );
  });
});
