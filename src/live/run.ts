// Runs a live scenario: performs each step on real sockets, waits until the
// kernel's states of exactly this scenario's sockets settle, and records them
// beside what the core predicts under the linux profile.

import { Lab, LabError, type KernelTimer, type ObservedEnds } from './lab.js';
import { LiveModel, type Ends } from './model.js';
import type { TcpEntry } from './proc-net-tcp.js';
import type { Actor, LiveScenario, LiveStep, PairId } from './scenarios.js';
import type { System } from './system.js';

export interface PairRecord {
  pair: PairId;
  ports: { client: number | null; server: number | null };
  observed: ObservedEnds;
  predicted: Ends;
  agree: boolean;
}

export interface StepRecord {
  scenario: string;
  /** 1-based; a step added after a countdown gets the next number. */
  step: number;
  pair: PairId;
  actor: Actor | null;
  /** The call, as the table shows it: `client close()`. */
  call: string;
  /** What the lab did, in socket terms. */
  detail: string;
  model: string[];
  observed: ObservedEnds;
  predicted: Ends;
  /** Every pair agrees. */
  agree: boolean;
  /** The application's answer (connect: `connected`, `ECONNREFUSED`, ...). */
  answer?: string;
  /** What the scenario says the kernel answers, when it says. */
  expectedAnswer?: string;
  /** Errors the other sockets reported during the step (`server: ECONNRESET`). */
  errors: string[];
  ports: { client: number | null; server: number | null };
  /** The core's reasons for its state changes. */
  reasons: string[];
  note: string;
  /** The other pairs, in scenarios with more than one. */
  others?: PairRecord[];
}

export interface SettleOptions {
  /** Poll interval, ms. */
  interval: number;
  /** Done when the states equal the prediction and have not changed for this long. */
  agreeStable: number;
  /** Done when the states have not changed for this long, whatever they are. */
  stable: number;
  /** Done after this long in any case. */
  max: number;
}

export const SETTLE: SettleOptions = { interval: 10, agreeStable: 60, stable: 400, max: 2500 };

export class LiveTimeout extends LabError {}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function sameStates(a: Record<string, { client: string; server: string }>, b: Record<string, { client: string; server: string }>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k]!.client === b[k]?.client && a[k]!.server === b[k]?.server);
}

const CALLS: Record<LiveStep['action']['kind'], string> = {
  listen: 'listen()',
  unlisten: 'close() listener',
  connect: 'connect()',
  write: 'write',
  end: 'shutdown(WR)',
  destroy: 'close()',
  reset: 'abort (RST)',
  wait: 'wait',
};

/** The call as the table shows it: `client close()`, `server write 5000`, `wait 2 s`, `client bind()+connect()`. */
export function callLabel(step: LiveStep): string {
  const a = step.action;
  switch (a.kind) {
    case 'wait':
      return `wait ${a.ms / 1000} s`;
    case 'write':
      return `${step.actor} write ${a.bytes}`;
    case 'connect':
      return `${step.actor} ${a.port === 'auto' ? 'connect()' : 'bind()+connect()'}`;
    default:
      return `${step.actor} ${CALLS[a.kind]}`;
  }
}

/** One scenario on real sockets. Open with `start`, run the steps in order, always `close`. */
export class LiveSession {
  readonly lab: Lab;
  readonly model: LiveModel;
  private next = 0;
  private number = 0;
  private deadline: number;

  constructor(
    readonly scenario: LiveScenario,
    private readonly system: System,
    private readonly settleOpts: SettleOptions = SETTLE,
  ) {
    this.lab = new Lab(scenario.pairs);
    this.model = new LiveModel(scenario);
    this.deadline = Date.now() + scenario.limitMs;
  }

  /** The scenario step that ran last. */
  get current(): LiveStep | undefined {
    return this.scenario.steps[this.next - 1];
  }

  get done(): boolean {
    return this.next >= this.scenario.steps.length;
  }

  private remaining(): number {
    const left = this.deadline - Date.now();
    if (left <= 0) throw new LiveTimeout(`${this.scenario.id}: did not finish within its time bound of ${this.scenario.limitMs / 1000} s`);
    return left;
  }

  /** Gives the scenario more time (the learner watched a countdown). */
  extend(ms: number): void {
    this.deadline += ms;
  }

  private read(): TcpEntry[] {
    return this.system.readTcp();
  }

  /** Polls the kernel until this scenario's states settle (see SettleOptions). */
  async settle(target: Record<PairId, Ends>): Promise<Record<PairId, ObservedEnds>> {
    const o = this.settleOpts;
    const start = Date.now();
    let last = this.lab.observe(this.read());
    let since = start;
    for (;;) {
      this.remaining();
      await sleep(o.interval);
      const now = Date.now();
      const cur = this.lab.observe(this.read());
      if (!sameStates(cur, last)) {
        last = cur;
        since = now;
      } else if (sameStates(cur, target) ? now - since >= o.agreeStable : now - since >= o.stable) {
        return cur;
      }
      if (now - start >= o.max) return cur;
    }
  }

  private async act(step: LiveStep, pair: PairId): Promise<{ answer?: string; detail: string }> {
    const a = step.action;
    const lab = this.lab;
    switch (a.kind) {
      case 'listen':
        return lab.listen(pair);
      case 'unlisten':
        return lab.unlisten(pair);
      case 'connect':
        return lab.connect(pair, a.port, Math.min(this.remaining(), 5000));
      case 'write':
        return lab.write(pair, step.actor, a.bytes, this.remaining());
      case 'end':
        return lab.end(pair, step.actor);
      case 'destroy':
        return lab.destroy(pair, step.actor);
      case 'reset':
        return lab.reset(pair, step.actor);
      case 'wait':
        await sleep(Math.min(a.ms, this.remaining()));
        return { detail: `${a.ms / 1000} s pass` };
    }
  }

  private record(
    fields: Pick<StepRecord, 'pair' | 'actor' | 'call' | 'detail' | 'model' | 'reasons' | 'note'> & { answer?: string; expectedAnswer?: string },
    predicted: Record<PairId, Ends>,
    observed: Record<PairId, ObservedEnds>,
  ): StepRecord {
    const pairs: PairRecord[] = this.scenario.pairs.map((p) => {
      const ob = observed[p];
      const pr = predicted[p];
      return { pair: p, ports: this.lab.ports(p), observed: ob, predicted: pr, agree: ob.client === pr.client && ob.server === pr.server };
    });
    const mine = pairs.find((r) => r.pair === fields.pair)!;
    const rec: StepRecord = {
      scenario: this.scenario.id,
      step: ++this.number,
      pair: fields.pair,
      actor: fields.actor,
      call: fields.call,
      detail: fields.detail,
      model: fields.model,
      observed: mine.observed,
      predicted: mine.predicted,
      agree: pairs.every((r) => r.agree),
      errors: this.lab.takeErrors(),
      ports: this.lab.ports(fields.pair),
      reasons: fields.reasons,
      note: fields.note,
    };
    if (fields.answer !== undefined) rec.answer = fields.answer;
    if (fields.expectedAnswer !== undefined) rec.expectedAnswer = fields.expectedAnswer;
    if (pairs.length > 1) rec.others = pairs.filter((r) => r.pair !== fields.pair);
    return rec;
  }

  /** Runs the next step and records what the kernel and the model say. */
  async step(): Promise<StepRecord> {
    const step = this.scenario.steps[this.next++];
    if (!step) throw new LabError(`${this.scenario.id}: no more steps`);
    const pair = step.pair ?? 'A';
    const { states: predicted, reasons } = step.action.kind === 'wait' ? this.waitModel(step) : this.model.run(pair, step.model);
    const { answer, detail } = await this.act(step, pair);
    const observed = await this.settle(predicted);
    const fields = {
      pair,
      actor: step.action.kind === 'wait' ? null : step.actor,
      call: callLabel(step),
      detail,
      model: step.model,
      reasons,
      note: step.note,
      ...(answer !== undefined ? { answer } : {}),
      ...(step.answer !== undefined ? { expectedAnswer: step.answer } : {}),
    };
    return this.record(fields, predicted, observed);
  }

  /** A wait passes in every pair's model: the kernel's clock runs for all sockets. */
  private waitModel(step: LiveStep): ReturnType<LiveModel['run']> {
    const reasons: string[] = [];
    for (const p of this.scenario.pairs) reasons.push(...this.model.run(p, step.model).reasons);
    return { states: this.model.states(), reasons };
  }

  /** This scenario's sockets with a kernel timer running, longest first. */
  timers(): KernelTimer[] {
    return this.lab.timers(this.read());
  }

  /**
   * Waits until no socket of this scenario has a kernel timer left, calling `tick` about every 250 ms,
   * then lets the same time pass in the model and records the result as one more step. Returns null
   * when `skip` fires first.
   */
  async waitOutTimers(tick: (t: KernelTimer) => void, skip: AbortSignal): Promise<StepRecord | null> {
    const started = Date.now();
    let waited: KernelTimer | null = null;
    for (;;) {
      if (skip.aborted) {
        this.extend(Date.now() - started);
        return null;
      }
      const t = this.timers();
      if (t.length === 0) break;
      waited = t[0]!;
      tick(waited);
      await new Promise<void>((resolve) => {
        const done = (): void => {
          clearTimeout(timer);
          skip.removeEventListener('abort', done);
          resolve();
        };
        const timer = setTimeout(done, 250);
        skip.addEventListener('abort', done);
      });
    }
    const elapsed = Date.now() - started;
    this.extend(elapsed);
    const ms = this.model.untilTimersDone() ?? elapsed;
    const { states: predicted, reasons } = this.model.wait(ms);
    const observed = await this.settle(predicted);
    const pair = waited?.pair ?? this.scenario.steps[this.next - 1]?.pair ?? 'A';
    const what = waited ? `${waited.state} on the ${waited.end}` : 'the timer';
    return this.record(
      {
        pair,
        actor: null,
        call: `wait ${Math.round(elapsed / 1000)} s`,
        detail: `the kernel's timer ran out after ${(elapsed / 1000).toFixed(1)} s`,
        model: [`wait ${Math.round(ms)}ms`],
        reasons,
        note: `The kernel's timer for ${what} ran out; the socket is gone.`,
      },
      predicted,
      observed,
    );
  }

  async close(): Promise<void> {
    await this.lab.close();
  }
}

/** Runs every step of `scenario` (no countdown) and closes everything, even on errors. */
export async function runScenario(scenario: LiveScenario, system: System, onRecord: (r: StepRecord) => void = () => {}, settle: SettleOptions = SETTLE): Promise<StepRecord[]> {
  const session = new LiveSession(scenario, system, settle);
  const out: StepRecord[] = [];
  try {
    while (!session.done) {
      const r = await session.step();
      out.push(r);
      onRecord(r);
    }
  } finally {
    await session.close();
  }
  return out;
}
