// An exam from start to report as data: answers kept in the pack's terms whatever the option
// order shown, flags, counts, marking against the pass mark, per-topic results, the history, and
// "practise my mistakes".
import { describe, expect, it } from 'vitest';
import { shownQuestion, toShown, toStored } from '../../src/exam/permute.js';
import { markExam, mistakes, putFirst, recordResult, resultJson, topicResults, weakestFirst } from '../../src/exam/score.js';
import { answerAt, counts, moveTo, nextUnanswered, sessionFits, startExam, toggleFlag } from '../../src/exam/session.js';
import { emptyProgress, Progress } from '../../src/store/progress.js';
import type { ExamSession } from '../../src/store/exam-records.js';
import { course, question, rightAnswer, T0, wrongAnswer } from './helpers.js';

function started(count = 20, seed = 11): ExamSession {
  return startExam(course, { count, minutes: 25, topics: [], seed, passMark: 70, lang: 'en', now: T0 });
}

/** Answers the first `right` questions right and the rest wrong. */
function answered(s: ExamSession, right: number): ExamSession {
  return s.questions.reduce((acc, q, i) => answerAt(acc, i, i < right ? rightAnswer(question(q.key)) : wrongAnswer(question(q.key))), s);
}

describe('an exam session', () => {
  it('starts with every question unanswered, unflagged, on the first question', () => {
    const s = started();
    expect(s.questions).toHaveLength(20);
    expect(s.answers).toEqual(Array(20).fill(null));
    expect(counts(s)).toEqual({ total: 20, answered: 0, unanswered: 20, flagged: 0 });
    expect(s.current).toBe(0);
    expect(s.limitMs).toBe(25 * 60_000);
    expect(Progress.parse({ ...emptyProgress(), examInProgress: s }).examInProgress).toEqual(s);
  });

  it('answers, changes answers, flags, unflags and moves', () => {
    let s = started(5);
    const q0 = question(s.questions[0]!.key);
    s = answerAt(s, 0, wrongAnswer(q0));
    s = answerAt(s, 0, rightAnswer(q0));
    s = toggleFlag(toggleFlag(s, 3), 1);
    expect(counts(s)).toEqual({ total: 5, answered: 1, unanswered: 4, flagged: 2 });
    expect(s.flags).toEqual([1, 3]);
    expect(toggleFlag(s, 3).flags).toEqual([1]);
    expect(moveTo(s, 99).current).toBe(4);
    expect(nextUnanswered(s, 0)).toBe(1);
    expect(nextUnanswered(answered(s, 5), 0)).toBeNull();
  });

  it('keeps answers in the pack order whatever order the options were shown in', () => {
    const s = started(40, 5);
    const i = s.questions.findIndex((q) => question(q.key).kind === 'single' && q.perm!.some((v, k) => v !== k));
    const eq = s.questions[i]!;
    const q = question(eq.key);
    if (q.kind !== 'single') throw new Error('not single');
    const shown = shownQuestion(q, eq.perm);
    if (shown.kind !== 'single') throw new Error('not single');
    // The option at the shown position of the answer is the right option's text.
    expect(shown.en.options[shown.answer]).toBe(q.en.options[q.answer]);
    expect(shown.zh.options[shown.answer]).toBe(q.zh.options[q.answer]);
    const stored = toStored({ kind: 'single', choice: shown.answer }, eq.perm);
    expect(stored).toEqual({ kind: 'single', choice: q.answer });
    expect(toShown(stored!, eq.perm)).toEqual({ kind: 'single', choice: shown.answer });
    const r = markExam(course, answerAt(s, i, stored!), T0 + 60_000, false);
    expect(r.correct[i]).toBe(true);
  });

  it('does the same for multiple choice', () => {
    const s = started(60, 8);
    const i = s.questions.findIndex((q) => question(q.key).kind === 'multi');
    const eq = s.questions[i]!;
    const shown = shownQuestion(question(eq.key), eq.perm);
    if (shown.kind !== 'multi') throw new Error('not multi');
    const stored = toStored({ kind: 'multi', choices: shown.answer }, eq.perm)!;
    expect(markExam(course, answerAt(s, i, stored), T0, false).correct[i]).toBe(true);
  });
});

describe('marking', () => {
  it('counts right answers; wrong and unanswered count against; pass at exactly the mark', () => {
    const s = answered(started(), 14);
    const r = markExam(course, s, T0 + 12 * 60_000 + 34_000, false);
    expect(r).toMatchObject({ right: 14, total: 20, score: 0.7, passed: true, timeUsedMs: 754_000, timedOut: false, seed: 11, passMark: 70 });
    expect(r.correct).toEqual([...Array(14).fill(true), ...Array(6).fill(false)]);
    expect(markExam(course, answered(started(), 13), T0, false).passed).toBe(false);
    const blank = markExam(course, started(), T0, false);
    expect(blank).toMatchObject({ right: 0, score: 0, passed: false });
    expect(markExam(course, { ...answered(started(), 20), passMark: 100 }, T0, false).passed).toBe(true);
  });

  it('a multiple choice partly right is wrong', () => {
    const s = started(80, 2);
    const i = s.questions.findIndex((q) => {
      const cq = question(q.key);
      return cq.kind === 'multi' && cq.answer.length > 1;
    });
    const q = question(s.questions[i]!.key);
    if (q.kind !== 'multi') throw new Error('not multi');
    expect(markExam(course, answerAt(s, i, { kind: 'multi', choices: [q.answer[0]!] }), T0, false).correct[i]).toBe(false);
  });

  it('gives per-topic results in course order, and weakest first', () => {
    const s = answered(started(30, 4), 10);
    const r = markExam(course, s, T0, false);
    const topics = r.byTopic.map((t) => t.topic);
    const order = course.topics.map((t) => t.key).filter((k) => topics.includes(k));
    expect(topics).toEqual(order);
    expect(r.byTopic.reduce((n, t) => n + t.total, 0)).toBe(30);
    expect(r.byTopic.reduce((n, t) => n + t.right, 0)).toBe(10);
    const weak = weakestFirst(r.byTopic);
    const share = weak.map((t) => t.right / t.total);
    expect([...share].sort((a, b) => a - b)).toEqual(share);
    expect(weakestFirst([
      { topic: 'a', right: 0, total: 1 },
      { topic: 'b', right: 0, total: 3 },
      { topic: 'c', right: 1, total: 2 },
    ]).map((t) => t.topic)).toEqual(['b', 'a', 'c']);
    expect(topicResults(course, [{ key: 'x', topic: 'gone/topic' }], [false])).toEqual([{ topic: 'gone/topic', right: 0, total: 1 }]);
  });

  it('files the result in the history, ends the exam in progress, and puts the mistakes first in practice', () => {
    const s = toggleFlag(answered(started(5, 6), 3), 4);
    const p = emptyProgress();
    p.examInProgress = s;
    p.priority = ['tcp-core/other', s.questions[4]!.key];
    const r = markExam(course, s, T0 + 60_000, false);
    recordResult(p, r);
    expect(p.examInProgress).toBeUndefined();
    expect(p.exams).toHaveLength(1);
    expect(Progress.parse(p).exams![0]).toEqual(r);
    expect(mistakes(r)).toEqual([s.questions[3]!.key, s.questions[4]!.key]);
    putFirst(p, mistakes(r));
    expect(p.priority).toEqual([s.questions[3]!.key, s.questions[4]!.key, 'tcp-core/other']);
  });

  it('the JSON result says the score, pass, per topic, per question and the time used', () => {
    const s = toggleFlag(answered(started(4, 1), 3), 0);
    const j = resultJson(markExam(course, s, T0 + 61_500, false));
    expect(j).toMatchObject({ seed: 1, right: 3, total: 4, score: 0.75, passed: true, passMark: 70, timeUsedSeconds: 61, timeLimitSeconds: 1500, timedOut: false });
    expect(j.questions[0]).toMatchObject({ n: 1, key: s.questions[0]!.key, answered: true, correct: true, flagged: true });
    expect(j.questions[3]).toMatchObject({ n: 4, correct: false, flagged: false });
    expect(j.topics.reduce((n, t) => n + t.total, 0)).toBe(4);
    expect(JSON.parse(JSON.stringify(j))).toEqual(j);
  });

  it('an exam whose questions left the course cannot be resumed', () => {
    const s = started(3);
    expect(sessionFits(course, s)).toBe(true);
    expect(sessionFits(course, { ...s, questions: [...s.questions.slice(1), { key: 'tcp-core/gone', topic: 'tcp-core/x' }] })).toBe(false);
  });
});
