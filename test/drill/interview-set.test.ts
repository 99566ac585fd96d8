// The interview set: the classics, with follow-ups in both languages, first; a seed makes the draw reproducible.
import { describe, expect, it } from 'vitest';
import builtin from 'virtual:builtin-pack';
import { buildCourse } from '../../src/engine/course.js';
import { CLASSICS, FOLLOWUPS_PER_QUESTION, followupCount, interviewSet, isClassic, selectDrill } from '../../src/drill/interview-set.js';

const course = buildCourse([{ pack: builtin, dir: null }]);

describe('the interview set', () => {
  it('has every classic as an open question with at least two follow-ups in both languages', () => {
    expect(CLASSICS).toHaveLength(11);
    for (const key of CLASSICS) {
      const q = course.questions.find((c) => c.key === key)?.question;
      expect(q?.kind, key).toBe('open');
      if (q?.kind !== 'open') continue;
      expect(q.en.followups?.length ?? 0, key).toBeGreaterThanOrEqual(2);
      expect(q.zh.followups?.length ?? 0, key).toBe(q.en.followups?.length ?? 0);
      expect(followupCount(q)).toBeGreaterThanOrEqual(2);
    }
  });

  it('is every open question, classics first in their listed order', () => {
    const set = interviewSet(course);
    expect(set.length).toBe(course.questions.filter((c) => c.question.kind === 'open').length);
    expect(set.slice(0, CLASSICS.length).map((q) => q.key)).toEqual([...CLASSICS]);
    expect(set.slice(CLASSICS.length).every((q) => !isClassic(q.key))).toBe(true);
  });
});

describe('choosing a drill', () => {
  it('gives the same questions and follow-ups for the same seed', () => {
    expect(selectDrill(course, 5, 42)).toEqual(selectDrill(course, 5, 42));
    const draws = new Set([1, 2, 3, 4, 5, 6].map((seed) => JSON.stringify(selectDrill(course, 5, seed))));
    expect(draws.size).toBeGreaterThan(1);
  });

  it('draws from the classics first, then the other open questions', () => {
    expect(selectDrill(course, 5, 7).every((q) => isClassic(q.key))).toBe(true);
    const all = selectDrill(course, 15, 7);
    expect(all).toHaveLength(15);
    expect(all.slice(0, CLASSICS.length).every((q) => isClassic(q.key))).toBe(true);
    expect(all.slice(CLASSICS.length).some((q) => !isClassic(q.key))).toBe(true);
    expect(new Set(all.map((q) => q.key)).size).toBe(15);
  });

  it('asks two follow-ups per question, in the order the author wrote them', () => {
    for (const q of selectDrill(course, 11, 99)) {
      expect(q.followups).toHaveLength(FOLLOWUPS_PER_QUESTION);
      expect([...q.followups].sort((a, b) => a - b)).toEqual(q.followups);
      expect(q.topic).toBe(course.questions.find((c) => c.key === q.key)!.question.topic);
    }
  });

  it('asks no more questions than there are', () => {
    expect(selectDrill(course, 1000, 1)).toHaveLength(interviewSet(course).length);
    expect(selectDrill(course, 0, 1)).toEqual([]);
  });
});
