// The core's side of the live lab: one ScenarioRunner per pair of ends, under
// the linux profile, fed the scenario-language lines of each step. Pure.

import { hostState } from '../core/world.js';
import type { State } from '../core/types.js';
import { parseScript } from '../scenario/parse.js';
import { ScenarioRunner } from '../scenario/run.js';
import type { LiveScenario, PairId } from './scenarios.js';

export interface Ends {
  client: State;
  server: State;
}

export interface ModelResult {
  /** The states of every pair after the lines ran. */
  states: Record<PairId, Ends>;
  /** The core's reasons for the state changes (and any error a call returned), as `host: text [ref]`. */
  reasons: string[];
}

export class LiveModel {
  private readonly runners = new Map<PairId, ScenarioRunner>();
  private line = 0;

  constructor(readonly scenario: LiveScenario) {
    for (const p of scenario.pairs) {
      const r = new ScenarioRunner();
      for (const l of parseScript('set profile linux')) r.step(l);
      this.runners.set(p, r);
    }
  }

  private runner(p: PairId): ScenarioRunner {
    const r = this.runners.get(p);
    if (!r) throw new Error(`live scenario ${this.scenario.id}: no pair ${p}`);
    return r;
  }

  states(): Record<PairId, Ends> {
    const out = {} as Record<PairId, Ends>;
    for (const [p, r] of this.runners) {
      out[p] = { client: hostState(r.world, 'client'), server: hostState(r.world, 'server') };
    }
    return out;
  }

  /** Runs `lines` on pair `p`. A wrong line throws ScriptError: the scenario data is wrong. */
  run(p: PairId, lines: readonly string[]): ModelResult {
    const reasons: string[] = [];
    const runner = this.runner(p);
    for (const text of lines) {
      for (const l of parseScript(text)) {
        const step = runner.step({ ...l, line: ++this.line });
        for (const e of step.events) {
          if (e.host === 'network') continue;
          if (e.to !== undefined || e.text.startsWith('error:')) reasons.push(`${e.host}: ${e.text}${e.ref ? ` [${e.ref}]` : ''}`);
        }
      }
    }
    return { states: this.states(), reasons };
  }

  /**
   * Time until the last TIME-WAIT or FIN-WAIT-2 timer of any pair's model has fired, in ms, or null
   * when none runs: how long to wait in the model when the kernel's timers have run out.
   */
  untilTimersDone(): number | null {
    let best: number | null = null;
    for (const r of this.runners.values()) {
      const w = r.world;
      for (const h of [w.client, w.server]) {
        for (const d of [h.conn?.timeWait, h.conn?.finWait2]) {
          if (d !== null && d !== undefined && (best === null || d - w.now > best)) best = d - w.now;
        }
      }
    }
    return best;
  }

  /** Lets `ms` pass in every pair's model (the kernel's clock ran for all sockets). */
  wait(ms: number): ModelResult {
    const reasons: string[] = [];
    for (const p of this.runners.keys()) reasons.push(...this.run(p, [`wait ${Math.max(0, Math.round(ms))}ms`]).reasons);
    return { states: this.states(), reasons };
  }
}
