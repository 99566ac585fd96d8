// The report: points per question and per topic, weakest first, time per answer.
import { describe, expect, it } from 'vitest';
import { drillReport, percent, weakKeys } from '../../src/drill/report.js';
import { countdown, formatDuration } from '../../src/drill/clock.js';
import type { DrillAnswer } from '../../src/store/drill-records.js';

const answer = (q: number, f: number, ticks: boolean[], ms: number, confirmed = true): DrillAnswer => ({ q, f, text: '', ms, auto: ticks, ticks, confirmed });

const drill = {
  limitMs: 60_000,
  questions: [
    { key: 'p/a', topic: 'p/t1', followups: [0] },
    { key: 'p/b', topic: 'p/t2', followups: [1] },
    { key: 'p/c', topic: 'p/t1', followups: [] },
  ],
  answers: [
    answer(0, -1, [true, true, false], 50_000),
    answer(0, 0, [true, true], 70_000),
    answer(1, -1, [false, false, true], 20_000),
    answer(1, 1, [false], 10_000),
    answer(2, -1, [true, true], 30_000, false),
  ],
};

describe('the drill report', () => {
  it('counts points per question, weakest first, with the time per answer', () => {
    const r = drillReport(drill);
    expect(r.covered).toBe(5);
    expect(r.total).toBe(9);
    expect(r.ms).toBe(150_000);
    // An answer not yet confirmed does not count.
    expect(r.questions.map((q) => [q.key, q.covered, q.total])).toEqual([
      ['p/b', 1, 4],
      ['p/a', 4, 5],
    ]);
    const a = r.questions[1]!;
    expect(a.items.map((i) => [i.f, i.ms, i.over])).toEqual([
      [-1, 50_000, false],
      [0, 70_000, true],
    ]);
    expect(a.items[0]!.missed).toEqual([2]);
  });

  it('sums per topic, weakest first', () => {
    expect(drillReport(drill).topics).toEqual([
      { topic: 'p/t2', covered: 1, total: 4, questions: 1 },
      { topic: 'p/t1', covered: 4, total: 5, questions: 1 },
    ]);
  });

  it('sends every question with a missed point to the practice queue, weakest first', () => {
    expect(weakKeys(drillReport(drill))).toEqual(['p/b', 'p/a']);
    expect(percent(1, 4)).toBe('25%');
    expect(percent(0, 0)).toBe('100%');
  });
});

describe('the clock', () => {
  it('counts down, then counts the time over', () => {
    expect(countdown(0, 180_000)).toEqual({ text: '03:00', over: false });
    expect(countdown(1_500, 180_000)).toEqual({ text: '02:59', over: false });
    expect(countdown(180_000, 180_000)).toEqual({ text: '00:00', over: false });
    expect(countdown(192_000, 180_000)).toEqual({ text: '+00:12', over: true });
    expect(formatDuration(3_725_000)).toBe('1:02:05');
  });
});
