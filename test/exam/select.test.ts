// Which questions an exam asks: only gradable kinds, balanced across topics and difficulties,
// the same for the same seed, with options shuffled per exam.
import { describe, expect, it } from 'vitest';
import { EXAM_KINDS, examPool, resolveTopics, selectExam, topicNames } from '../../src/exam/select.js';
import { course, question } from './helpers.js';

const tally = <T,>(xs: readonly T[]): Map<T, number> => {
  const m = new Map<T, number>();
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
};

describe('selecting an exam', () => {
  it('the same seed gives the same exam, options in the same order; another seed another', () => {
    const a = selectExam(course, { count: 20, topics: [], seed: 42 });
    expect(selectExam(course, { count: 20, topics: [], seed: 42 })).toEqual(a);
    const b = selectExam(course, { count: 20, topics: [], seed: 43 });
    expect(b.map((q) => q.key)).not.toEqual(a.map((q) => q.key));
  });

  it('asks each question once, never an open one, and a predict item only with its scenario', () => {
    for (let seed = 0; seed < 20; seed++) {
      const exam = selectExam(course, { count: 40, topics: [], seed });
      expect(exam).toHaveLength(40);
      expect(new Set(exam.map((q) => q.key)).size).toBe(40);
      for (const q of exam) expect(EXAM_KINDS.has(question(q.key).kind)).toBe(true);
    }
    expect(examPool(course, []).some((c) => c.question.kind === 'open')).toBe(false);
    expect(course.questions.some((c) => c.question.kind === 'open')).toBe(true);
  });

  it('includes predict-the-state items built from the scenarios', () => {
    const withPredict = Array.from({ length: 20 }, (_, seed) => selectExam(course, { count: 20, topics: [], seed })).filter((e) => e.some((q) => question(q.key).kind === 'predict'));
    expect(withPredict.length).toBeGreaterThanOrEqual(18);
  });

  it('gives every topic its share: counts per topic differ by at most one', () => {
    for (const count of [7, 15, 20, 31, 45]) {
      for (let seed = 0; seed < 10; seed++) {
        const per = tally(selectExam(course, { count, topics: [], seed }).map((q) => q.topic));
        const n = [...per.values()];
        if (count >= course.topics.length) expect(per.size).toBe(course.topics.length);
        expect(Math.max(...n) - Math.min(...n)).toBeLessThanOrEqual(1);
      }
    }
  });

  it('which topics get one more question than the others changes with the seed', () => {
    const extra = new Set<string>();
    for (let seed = 0; seed < 10; seed++) {
      const per = tally(selectExam(course, { count: 20, topics: [], seed }).map((q) => q.topic));
      for (const [t, n] of per) if (n === 2) extra.add(t);
    }
    expect(extra.size).toBeGreaterThan(5);
  });

  it('spreads the difficulties within a topic and over the exam', () => {
    // handshake has 5 recall, 12 apply and 6 analyse questions: 15 of them are 5 of each.
    for (let seed = 0; seed < 10; seed++) {
      const per = tally(selectExam(course, { count: 15, topics: ['tcp-core/handshake'], seed }).map((q) => question(q.key).difficulty));
      expect(Object.fromEntries(per)).toEqual({ 1: 5, 2: 5, 3: 5 });
    }
    for (let seed = 0; seed < 10; seed++) {
      const per = tally(selectExam(course, { count: 30, topics: [], seed }).map((q) => question(q.key).difficulty));
      for (const d of [1, 2, 3] as const) expect(per.get(d) ?? 0).toBeGreaterThanOrEqual(7);
    }
  });

  it('takes the next difficulty when a topic has run out of one', () => {
    // why-three-way has only 2 recall questions; 9 questions still come out, 2 of them recall.
    const per = tally(selectExam(course, { count: 9, topics: ['tcp-core/why-three-way'], seed: 1 }).map((q) => question(q.key).difficulty));
    expect(per.get(1)).toBe(2);
    expect((per.get(2) ?? 0) + (per.get(3) ?? 0)).toBe(7);
  });

  it('draws only from the chosen topics, and asks what there is when fewer than the count', () => {
    const exam = selectExam(course, { count: 10, topics: ['tcp-core/handshake', 'tcp-core/close'], seed: 3 });
    expect(new Set(exam.map((q) => q.topic))).toEqual(new Set(['tcp-core/handshake', 'tcp-core/close']));
    expect(Object.fromEntries(tally(exam.map((q) => q.topic)))).toEqual({ 'tcp-core/handshake': 5, 'tcp-core/close': 5 });
    const pool = examPool(course, ['tcp-core/isn']).length;
    expect(selectExam(course, { count: 100, topics: ['tcp-core/isn'], seed: 3 })).toHaveLength(pool);
  });

  it('shuffles the options of each question per exam, and never shows an ordering already in order', () => {
    const orders = new Set<string>();
    for (let seed = 0; seed < 30; seed++) {
      for (const q of selectExam(course, { count: 30, topics: [], seed })) {
        const cq = question(q.key);
        if (cq.kind === 'single' || cq.kind === 'multi') {
          expect([...q.perm!].sort((a, b) => a - b)).toEqual(cq.en.options.map((_, i) => i));
          orders.add(q.perm!.join(','));
        } else if (cq.kind === 'order') {
          expect([...q.perm!].sort((a, b) => a - b)).toEqual(cq.en.items.map((_, i) => i));
          expect(q.perm!.every((v, i) => v === i)).toBe(false);
        } else {
          expect(q.perm).toBeUndefined();
        }
      }
    }
    expect(orders.size).toBeGreaterThan(10);
  });
});

describe('topics given by name', () => {
  it('takes ids and keys, and lists the valid ids for one it does not know', () => {
    expect(resolveTopics(course, ['handshake', 'tcp-core/close'])).toEqual({ ok: true, keys: ['tcp-core/handshake', 'tcp-core/close'] });
    const bad = resolveTopics(course, ['handshake', 'nope']);
    expect(bad).toEqual({ ok: false, unknown: ['nope'], valid: topicNames(course) });
    expect(topicNames(course)).toContain('time-wait');
  });
});
