// The live scenarios' data and the model's side of them, without sockets:
// these run on any system. The sequences below are what the kernel must show
// (test/live/live.test.ts checks that on Linux).

import { describe, expect, test } from 'vitest';
import { LiveModel } from '../../src/live/model.js';
import { LIVE_SCENARIOS, findLiveScenario, type LiveScenario } from '../../src/live/scenarios.js';
import { callLabel } from '../../src/live/run.js';

function predict(s: LiveScenario): string[] {
  const m = new LiveModel(s);
  return s.steps.map((step) => {
    const { states } = step.action.kind === 'wait' ? s.pairs.map((p) => m.run(p, step.model)).at(-1)! : m.run(step.pair ?? 'A', step.model);
    return s.pairs.map((p) => `${p} ${states[p].client}/${states[p].server}`).join(' | ');
  });
}

const EXPECTED: Record<string, string[]> = {
  handshake: ['A CLOSED/LISTEN', 'A ESTABLISHED/ESTABLISHED', 'A ESTABLISHED/ESTABLISHED'],
  'close-client': ['A CLOSED/LISTEN', 'A ESTABLISHED/ESTABLISHED', 'A FIN-WAIT-2/CLOSE-WAIT', 'A TIME-WAIT/LISTEN'],
  'close-server': ['A CLOSED/LISTEN', 'A ESTABLISHED/ESTABLISHED', 'A CLOSE-WAIT/FIN-WAIT-2', 'A CLOSED/TIME-WAIT'],
  'never-close': ['A CLOSED/LISTEN', 'A ESTABLISHED/ESTABLISHED', 'A FIN-WAIT-2/CLOSE-WAIT', 'A FIN-WAIT-2/CLOSE-WAIT', 'A TIME-WAIT/LISTEN'],
  'half-close': ['A CLOSED/LISTEN', 'A ESTABLISHED/ESTABLISHED', 'A FIN-WAIT-2/CLOSE-WAIT', 'A FIN-WAIT-2/CLOSE-WAIT', 'A TIME-WAIT/LISTEN'],
  'data-after-close': ['A CLOSED/LISTEN', 'A ESTABLISHED/ESTABLISHED', 'A FIN-WAIT-2/CLOSE-WAIT', 'A CLOSED/LISTEN'],
  abort: ['A CLOSED/LISTEN', 'A ESTABLISHED/ESTABLISHED', 'A CLOSED/LISTEN'],
  refused: ['A CLOSED/LISTEN', 'A CLOSED/CLOSED', 'A CLOSED/CLOSED'],
  'reuse-same-server': ['A CLOSED/LISTEN', 'A ESTABLISHED/ESTABLISHED', 'A FIN-WAIT-2/CLOSE-WAIT', 'A TIME-WAIT/LISTEN', 'A ESTABLISHED/ESTABLISHED'],
  'reuse-other-port': [
    'A CLOSED/LISTEN | B CLOSED/CLOSED',
    'A CLOSED/LISTEN | B CLOSED/LISTEN',
    'A ESTABLISHED/ESTABLISHED | B CLOSED/LISTEN',
    'A FIN-WAIT-2/CLOSE-WAIT | B CLOSED/LISTEN',
    'A TIME-WAIT/LISTEN | B CLOSED/LISTEN',
    'A TIME-WAIT/LISTEN | B ESTABLISHED/ESTABLISHED',
  ],
  'port-in-use': ['A CLOSED/LISTEN', 'A ESTABLISHED/ESTABLISHED', 'A FIN-WAIT-2/CLOSE-WAIT', 'A TIME-WAIT/LISTEN', 'A TIME-WAIT/LISTEN'],
};

describe('live scenarios: data', () => {
  test('ids are unique and findable; titles in en and zh; an explanation each', () => {
    const ids = LIVE_SCENARIOS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of LIVE_SCENARIOS) {
      expect(findLiveScenario(s.id)).toBe(s);
      expect(s.title.en.length).toBeGreaterThan(0);
      expect(s.title.zh.length).toBeGreaterThan(0);
      expect(s.explain.length).toBeGreaterThan(80);
      expect(s.limitMs).toBeGreaterThan(0);
    }
    expect(findLiveScenario('nope')).toBeUndefined();
  });

  test('the issue’s scenarios are all there', () => {
    const ids = LIVE_SCENARIOS.map((s) => s.id);
    for (const id of ['handshake', 'close-client', 'close-server', 'never-close', 'half-close', 'refused', 'reuse-same-server', 'reuse-other-port']) expect(ids).toContain(id);
  });

  test('every step acts on a pair of its scenario; a `same` connect comes after a connect that fixed the port', () => {
    for (const s of LIVE_SCENARIOS) {
      let connected = false;
      for (const step of s.steps) {
        expect(s.pairs).toContain(step.pair ?? 'A');
        if (step.action.kind === 'connect') {
          if (step.action.port === 'same') expect(connected, `${s.id}: ${callLabel(step)}`).toBe(true);
          connected = true;
        }
      }
    }
  });

  test('every scenario ends itself quickly: only short waits, a bound of at most 15 s', () => {
    for (const s of LIVE_SCENARIOS) {
      expect(s.limitMs).toBeLessThanOrEqual(15_000);
      for (const step of s.steps) if (step.action.kind === 'wait') expect(step.action.ms).toBeLessThanOrEqual(3000);
    }
  });
});

describe('live scenarios: the model’s predictions (linux profile)', () => {
  test('every scenario has an expected sequence here', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(LIVE_SCENARIOS.map((s) => s.id).sort());
  });

  for (const s of LIVE_SCENARIOS) {
    test(`${s.id}`, () => {
      expect(predict(s)).toEqual(EXPECTED[s.id]);
    });
  }

  test('no model step returns an error to the application', () => {
    for (const s of LIVE_SCENARIOS) {
      const m = new LiveModel(s);
      for (const step of s.steps) {
        const { reasons } = m.run(step.pair ?? 'A', step.model);
        expect(reasons.filter((r) => r.includes('error:')), `${s.id}: ${callLabel(step)}`).toEqual([]);
      }
    }
  });

  test('reuse-same-server: the model takes the TIME-WAIT over (Linux tcp_twsk_unique)', () => {
    const s = findLiveScenario('reuse-same-server')!;
    const m = new LiveModel(s);
    let last: string[] = [];
    for (const step of s.steps) last = m.run('A', step.model).reasons;
    expect(last[0]).toMatch(/^client: TIME-WAIT → CLOSED: connect\(\) on the same 4-tuple takes the TIME-WAIT socket over.*\[Linux tcp_twsk_unique\]$/);
  });

  test('after a TIME-WAIT step the model’s timer has 60 s left, and waiting it out closes the socket', () => {
    const s = findLiveScenario('close-client')!;
    const m = new LiveModel(s);
    for (const step of s.steps) m.run('A', step.model);
    expect(m.untilTimersDone()).toBe(60_000);
    expect(m.wait(60_000).states.A).toEqual({ client: 'CLOSED', server: 'LISTEN' });
    expect(m.untilTimersDone()).toBeNull();
  });

  test('never-close: when tcp_fin_timeout ends the orphaned FIN-WAIT-2, the late FIN is answered with RST', () => {
    const s = findLiveScenario('never-close')!;
    const m = new LiveModel(s);
    for (const step of s.steps.slice(0, 4)) m.run('A', step.model);
    expect(m.untilTimersDone()).toBe(58_000); // 60 s, of which the wait step used 2
    expect(m.wait(58_000).states.A).toEqual({ client: 'CLOSED', server: 'CLOSE-WAIT' });
    const last = m.run('A', s.steps[4]!.model);
    expect(last.states.A).toEqual({ client: 'CLOSED', server: 'LISTEN' });
    expect(last.reasons.some((r) => r.startsWith('server: LAST-ACK → LISTEN: RST from the peer'))).toBe(true);
  });
});
