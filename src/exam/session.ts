// An exam as data: start it, answer, flag, move, and the counts the
// navigator shows. Every step returns a new session, which the screen saves
// at once, so that an exam left by Esc, Ctrl+C or a crash resumes as it was.
// Pure.

import type { Lang } from '../content/schema.js';
import type { Course } from '../engine/course.js';
import type { ExamAnswer, ExamSession } from '../store/exam-records.js';
import { selectExam } from './select.js';

export interface StartOptions {
  count: number;
  minutes: number;
  /** Topic keys; empty means all. */
  topics: readonly string[];
  seed: number;
  passMark: number;
  lang: Lang;
  now: number;
}

export function startExam(course: Course, o: StartOptions): ExamSession {
  const questions = selectExam(course, { count: o.count, topics: o.topics, seed: o.seed });
  return {
    id: `${Math.floor(o.now).toString(36)}-${o.seed.toString(36)}`,
    startedAt: o.now,
    lang: o.lang,
    seed: o.seed,
    limitMs: Math.round(o.minutes * 60_000),
    passMark: o.passMark,
    topics: [...o.topics],
    questions,
    answers: questions.map(() => null),
    flags: [],
    current: 0,
  };
}

export function answerAt(s: ExamSession, i: number, answer: ExamAnswer): ExamSession {
  if (i < 0 || i >= s.questions.length) return s;
  const answers = [...s.answers];
  answers[i] = answer;
  return { ...s, answers };
}

export function toggleFlag(s: ExamSession, i: number): ExamSession {
  if (i < 0 || i >= s.questions.length) return s;
  const flags = s.flags.includes(i) ? s.flags.filter((f) => f !== i) : [...s.flags, i].sort((a, b) => a - b);
  return { ...s, flags };
}

export function moveTo(s: ExamSession, i: number): ExamSession {
  return { ...s, current: Math.max(0, Math.min(s.questions.length - 1, i)) };
}

export function isAnswered(s: Pick<ExamSession, 'answers'>, i: number): boolean {
  return s.answers[i] !== null && s.answers[i] !== undefined;
}

export interface Counts {
  total: number;
  answered: number;
  unanswered: number;
  flagged: number;
}

export function counts(s: Pick<ExamSession, 'questions' | 'answers' | 'flags'>): Counts {
  const total = s.questions.length;
  const answered = s.questions.filter((_, i) => isAnswered(s, i)).length;
  return { total, answered, unanswered: total - answered, flagged: s.flags.length };
}

/** The next unanswered question after `from`, round to the start; null when every one is answered. */
export function nextUnanswered(s: ExamSession, from: number): number | null {
  const n = s.questions.length;
  for (let k = 1; k <= n; k++) {
    const i = (from + k) % n;
    if (!isAnswered(s, i)) return i;
  }
  return null;
}

/** True when every question of the session is still in the course (a pack may have changed since). */
export function sessionFits(course: Course, s: Pick<ExamSession, 'questions' | 'answers'>): boolean {
  const keys = new Set(course.questions.map((c) => c.key));
  return s.questions.length > 0 && s.questions.every((q) => keys.has(q.key)) && s.answers.length === s.questions.length;
}
