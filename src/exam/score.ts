// Marking a submitted exam: each answer graded against the pack's key (a
// question counts as right only when wholly right; unanswered is wrong), the
// share right against the pass mark, per-topic results, and what goes back
// into practice. Pure.

import type { Course } from '../engine/course.js';
import { grade } from '../engine/grade.js';
import type { Progress } from '../store/progress.js';
import type { ExamResult, ExamSession } from '../store/exam-records.js';
import { asAnswer } from './permute.js';
import { deadline } from './timer.js';
import { byCodeUnit } from '../text/compare.js';

// A type, not an interface, so that it fits the store's loose record.
export type TopicResult = {
  topic: string;
  right: number;
  total: number;
};

/** Whether question i of the session was answered right; false when unanswered or no longer in the course. */
export function isRight(course: Course, s: Pick<ExamSession, 'questions' | 'answers' | 'lang'>, i: number): boolean {
  const q = s.questions[i];
  const a = s.answers[i];
  if (!q || !a) return false;
  const c = course.questions.find((x) => x.key === q.key);
  if (!c || c.question.kind !== a.kind) return false;
  return grade(c.question, asAnswer(a), s.lang).correct;
}

/** Right out of total per topic, in the course's topic order (topics the course lost go last). */
export function topicResults(course: Course, questions: ExamResult['questions'], correct: readonly boolean[]): TopicResult[] {
  const map = new Map<string, TopicResult>();
  questions.forEach((q, i) => {
    const r = map.get(q.topic) ?? { topic: q.topic, right: 0, total: 0 };
    r.total++;
    if (correct[i]) r.right++;
    map.set(q.topic, r);
  });
  const order = new Map(course.topics.map((t, i) => [t.key, i]));
  return [...map.values()].sort((a, b) => (order.get(a.topic) ?? Infinity) - (order.get(b.topic) ?? Infinity) || byCodeUnit(a.topic, b.topic));
}

/** Weakest first: the lowest share right, then the most questions (a 0/3 is weaker than a 0/1), then as given. */
export function weakestFirst(results: readonly TopicResult[]): TopicResult[] {
  const share = (r: TopicResult): number => (r.total === 0 ? 1 : r.right / r.total);
  return results
    .map((r, i) => ({ r, i }))
    .sort((a, b) => share(a.r) - share(b.r) || b.r.total - a.r.total || a.i - b.i)
    .map((x) => x.r);
}

/**
 * The exam as marked when submitted at `at`. An exam submitted by the clock counts as finished
 * when its time ran out, even when that was noticed later (it was resumed after the deadline).
 */
export function markExam(course: Course, s: ExamSession, at: number, timedOut: boolean): ExamResult {
  const finishedAt = timedOut ? deadline(s) : Math.min(at, deadline(s));
  const correct = s.questions.map((_, i) => isRight(course, s, i));
  const right = correct.filter(Boolean).length;
  const total = s.questions.length;
  const score = total === 0 ? 0 : right / total;
  const { current, ...rest } = s;
  void current;
  return {
    ...structuredClone(rest),
    finishedAt,
    submittedAt: at,
    score,
    // Compared in whole questions, so 14 of 20 is exactly 70 % and passes a 70 % mark.
    passed: right * 100 >= s.passMark * total,
    right,
    total,
    timeUsedMs: Math.max(0, Math.min(s.limitMs, finishedAt - s.startedAt)),
    timedOut,
    correct,
    byTopic: topicResults(course, s.questions, correct),
  };
}

/** Keys of the questions not answered right, in exam order. */
export function mistakes(r: Pick<ExamResult, 'questions' | 'correct'>): string[] {
  const out: string[] = [];
  r.questions.forEach((q, i) => {
    if (!r.correct[i] && !out.includes(q.key)) out.push(q.key);
  });
  return out;
}

/** Files the result in the history and ends the exam in progress. */
export function recordResult(p: Progress, r: ExamResult): void {
  const exams = (p.exams ?? []).filter((e) => e.id !== r.id);
  p.exams = [...exams, structuredClone(r)];
  if (p.examInProgress?.id === r.id) delete p.examInProgress;
}

/** Puts `keys` at the front of the practice queue, in that order, ahead of what was already there. */
export function putFirst(p: Progress, keys: readonly string[]): void {
  p.priority = [...keys, ...p.priority.filter((k) => !keys.includes(k))];
}

/** The result as `tcp-trainer exam --json` prints it. */
export function resultJson(r: ExamResult) {
  return {
    id: r.id,
    seed: r.seed,
    lang: r.lang,
    startedAt: new Date(r.startedAt).toISOString(),
    finishedAt: new Date(r.finishedAt).toISOString(),
    score: r.score,
    right: r.right,
    total: r.total,
    passMark: r.passMark,
    passed: r.passed,
    timeLimitSeconds: r.limitMs / 1000,
    timeUsedSeconds: Math.floor(r.timeUsedMs / 1000),
    timedOut: r.timedOut,
    topics: r.byTopic.map((t) => ({ topic: t.topic, right: t.right, total: t.total })),
    questions: r.questions.map((q, i) => ({
      n: i + 1,
      key: q.key,
      topic: q.topic,
      answered: r.answers[i] !== null && r.answers[i] !== undefined,
      correct: r.correct[i] ?? false,
      flagged: r.flags.includes(i),
    })),
  };
}
