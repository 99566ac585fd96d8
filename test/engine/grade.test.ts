import { describe, expect, it } from 'vitest';
import { grade, normalizeFill } from '../../src/engine/grade.js';
import type { CompiledQuestion } from '../../src/content/validate.js';

const base = { topic: 'basics', difficulty: 1 as const, source: 'RFC 9293 3.5' };
const text = (extra: Record<string, unknown> = {}) => ({ prompt: 'p', explanation: 'e', ...extra });

const single = { ...base, id: 'q-single', kind: 'single', answer: 1, en: text({ options: ['a', 'b', 'c'] }), zh: text({ options: ['a', 'b', 'c'] }) } as CompiledQuestion;
const multi = { ...base, id: 'q-multi', kind: 'multi', answer: [0, 2, 3], en: text({ options: ['a', 'b', 'c', 'd'] }), zh: text({ options: ['a', 'b', 'c', 'd'] }) } as CompiledQuestion;
const tf = { ...base, id: 'q-tf', kind: 'truefalse', answer: false, en: text(), zh: text() } as CompiledQuestion;
const order = { ...base, id: 'q-order', kind: 'order', en: text({ items: ['1', '2', '3', '4'] }), zh: text({ items: ['1', '2', '3', '4'] }) } as CompiledQuestion;
const numeric = { ...base, id: 'q-num', kind: 'numeric', answer: 60, tolerance: 2, en: text({ unit: 'seconds' }), zh: text({ unit: '秒' }) } as CompiledQuestion;
const exact = { ...base, id: 'q-exact', kind: 'numeric', answer: 1001, en: text(), zh: text() } as CompiledQuestion;
const fillQ = { ...base, id: 'q-fill', kind: 'fill', en: text({ accept: ['SYN-SENT'] }), zh: text({ accept: ['SYN-SENT', '同步已发送'] }) } as CompiledQuestion;
const predict = (ask: 'state' | 'sends' | 'both') =>
  ({ ...base, id: 'q-predict', kind: 'predict', scenario: 'h.tcp', step: 8, host: 'server', ask, en: text(), zh: text(), key: { state: 'SYN-RECEIVED', sends: ['SYN', 'ACK'] } }) as CompiledQuestion;
const open = { ...base, id: 'q-open', kind: 'open', en: { prompt: 'p', answer: 'a', points: ['x', 'y'] }, zh: { prompt: 'p', answer: 'a', points: ['x', 'y'] } } as CompiledQuestion;

describe('grade', () => {
  it('single choice: the answer is Good, anything else Again', () => {
    expect(grade(single, { kind: 'single', choice: 1 }, 'en')).toEqual({ correct: true, score: 1, rating: 3 });
    expect(grade(single, { kind: 'single', choice: 0 }, 'en')).toEqual({ correct: false, score: 0, rating: 1 });
  });

  it('multiple choice: all and only the right options; a partial pick without wrong ones is partly right', () => {
    expect(grade(multi, { kind: 'multi', choices: [3, 0, 2] }, 'en').correct).toBe(true);
    const two = grade(multi, { kind: 'multi', choices: [0, 2] }, 'en');
    expect(two).toMatchObject({ correct: false, rating: 2 });
    expect(two.score).toBeCloseTo(2 / 3);
    expect(grade(multi, { kind: 'multi', choices: [0] }, 'en')).toMatchObject({ correct: false, rating: 1 });
    // One wrong pick spoils it, however many right ones come with it.
    expect(grade(multi, { kind: 'multi', choices: [0, 1, 2, 3] }, 'en')).toEqual({ correct: false, score: 0, rating: 1 });
  });

  it('true/false', () => {
    expect(grade(tf, { kind: 'truefalse', value: false }, 'en').correct).toBe(true);
    expect(grade(tf, { kind: 'truefalse', value: true }, 'en').rating).toBe(1);
  });

  it('ordering: every item in place is Good; partly placed scores by the share in place', () => {
    expect(grade(order, { kind: 'order', order: [0, 1, 2, 3] }, 'en')).toEqual({ correct: true, score: 1, rating: 3 });
    expect(grade(order, { kind: 'order', order: [0, 1, 3, 2] }, 'en')).toEqual({ correct: false, score: 0.5, rating: 2 });
    expect(grade(order, { kind: 'order', order: [1, 0, 3, 2] }, 'en')).toEqual({ correct: false, score: 0, rating: 1 });
  });

  it('numeric: within the tolerance, exact without one', () => {
    expect(grade(numeric, { kind: 'numeric', value: 62 }, 'en').correct).toBe(true);
    expect(grade(numeric, { kind: 'numeric', value: 58.5 }, 'en').correct).toBe(true);
    expect(grade(numeric, { kind: 'numeric', value: 63 }, 'en').correct).toBe(false);
    expect(grade(exact, { kind: 'numeric', value: 1001 }, 'en').correct).toBe(true);
    expect(grade(exact, { kind: 'numeric', value: 1000 }, 'en').correct).toBe(false);
    expect(grade(exact, { kind: 'numeric', value: Number.NaN }, 'en').correct).toBe(false);
  });

  it('fill-in: case, spaces and _ against - do not matter; both languages are accepted', () => {
    expect(normalizeFill('  syn_sent ')).toBe(normalizeFill('SYN-SENT'));
    for (const typed of ['SYN-SENT', 'syn_sent', ' Syn-Sent ', 'ＳＹＮ－ＳＥＮＴ']) expect(grade(fillQ, { kind: 'fill', text: typed }, 'en').correct).toBe(true);
    expect(grade(fillQ, { kind: 'fill', text: '同步已发送' }, 'en').correct).toBe(true);
    expect(grade(fillQ, { kind: 'fill', text: 'SYN SENT' }, 'en').correct).toBe(false);
    expect(grade(fillQ, { kind: 'fill', text: 'SYN-RECEIVED' }, 'en').rating).toBe(1);
  });

  it('predict: state and sends are graded separately, and flag order does not matter', () => {
    const both = predict('both');
    expect(grade(both, { kind: 'predict', state: 'SYN-RECEIVED', sends: ['ACK', 'SYN'] }, 'en')).toEqual({ correct: true, score: 1, rating: 3 });
    expect(grade(both, { kind: 'predict', state: 'SYN-RECEIVED', sends: ['SYN'] }, 'en')).toEqual({ correct: false, score: 0.5, rating: 2 });
    expect(grade(both, { kind: 'predict', state: 'LISTEN', sends: [] }, 'en')).toEqual({ correct: false, score: 0, rating: 1 });
    expect(grade(predict('state'), { kind: 'predict', state: 'SYN-RECEIVED' }, 'en').correct).toBe(true);
    expect(grade(predict('sends'), { kind: 'predict', sends: ['SYN', 'ACK'] }, 'en').correct).toBe(true);
    expect(grade(predict('sends'), { kind: 'predict', sends: [] }, 'en').correct).toBe(false);
  });

  it("open questions take the learner's own rating", () => {
    expect(grade(open, { kind: 'open', rating: 4 }, 'en')).toEqual({ correct: true, score: 1, rating: 4 });
    expect(grade(open, { kind: 'open', rating: 3 }, 'en').correct).toBe(true);
    expect(grade(open, { kind: 'open', rating: 2 }, 'en')).toEqual({ correct: false, score: 0.5, rating: 2 });
    expect(grade(open, { kind: 'open', rating: 1 }, 'en').correct).toBe(false);
  });

  it('refuses an answer of another kind', () => {
    expect(() => grade(single, { kind: 'truefalse', value: true }, 'en')).toThrow(/kind/);
  });
});
