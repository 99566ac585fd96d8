// A drill as data: start it, answer, confirm the ticks, finish. Every step
// returns a new session that the screen saves at once, so a drill left with
// Esc or Ctrl+C resumes at the answer it was on. Pure.

import type { Lang } from '../content/schema.js';
import type { Course } from '../engine/course.js';
import type { Progress } from '../store/progress.js';
import type { DrillAnswer, DrillResult, DrillSession } from '../store/drill-records.js';
import { followupCount, selectDrill, type OpenQuestion } from './interview-set.js';
import { matchPoints } from './match.js';
import { drillReport, weakKeys } from './report.js';

/** One thing the learner answers: a main question (f = -1) or one of its follow-ups. */
export interface DrillItem {
  q: number;
  f: number;
}

export interface ItemText {
  /** The main question's prompt, and the follow-up's when f >= 0. */
  main: string;
  followup: string | null;
  answer: string;
  points: string[];
}

export interface StartOptions {
  count: number;
  limitMs: number;
  seed: number;
  lang: Lang;
  now: number;
}

export function startDrill(course: Course, o: StartOptions): DrillSession {
  return {
    id: `${o.now.toString(36)}-${o.seed.toString(36)}`,
    startedAt: o.now,
    lang: o.lang,
    seed: o.seed,
    limitMs: o.limitMs,
    questions: selectDrill(course, o.count, o.seed),
    answers: [],
  };
}

/** A seed from the clock, for a drill started without --seed. */
export function seedFrom(now: number): number {
  return Math.floor(now) % 1_000_000;
}

/** The answers in the order they are asked: each question, then its follow-ups. */
export function drillItems(d: Pick<DrillSession, 'questions'>): DrillItem[] {
  return d.questions.flatMap((dq, q) => [{ q, f: -1 }, ...dq.followups.map((f) => ({ q, f }))]);
}

export type Position = { phase: 'answer'; index: number } | { phase: 'review'; index: number } | { phase: 'done' };

/** Answers are kept in item order, so the position follows from them. */
export function position(d: DrillSession): Position {
  const items = drillItems(d);
  const last = d.answers[d.answers.length - 1];
  if (last && !last.confirmed) return { phase: 'review', index: d.answers.length - 1 };
  if (d.answers.length < items.length) return { phase: 'answer', index: d.answers.length };
  return { phase: 'done' };
}

function openQuestion(course: Course, key: string): OpenQuestion | null {
  const c = course.questions.find((x) => x.key === key);
  return c && c.question.kind === 'open' ? c.question : null;
}

/** The texts of an item in `lang`, or null when the course no longer has it. */
export function itemText(course: Course, d: Pick<DrillSession, 'questions'>, item: DrillItem, lang: Lang): ItemText | null {
  const dq = d.questions[item.q];
  const q = dq ? openQuestion(course, dq.key) : null;
  if (!q) return null;
  const t = q[lang];
  if (item.f < 0) return { main: t.prompt, followup: null, answer: t.answer, points: t.points };
  const fu = t.followups?.[item.f];
  return fu ? { main: t.prompt, followup: fu.prompt, answer: fu.answer, points: fu.points } : null;
}

/** Each key point in every language the pack has it in, for the matcher. */
export function pointVersions(course: Course, d: Pick<DrillSession, 'questions'>, item: DrillItem, lang: Lang): string[][] {
  const shown = itemText(course, d, item, lang)?.points ?? [];
  const dq = d.questions[item.q];
  const q = dq ? openQuestion(course, dq.key) : null;
  return shown.map((p, i) => {
    const out = [p];
    if (!q) return out;
    for (const l of ['en', 'zh'] as const) {
      const pts = item.f < 0 ? q[l].points : q[l].followups?.[item.f]?.points;
      const other = pts?.[i];
      if (other && other !== p) out.push(other);
    }
    return out;
  });
}

/** Whether every question and follow-up of the drill is still in the course (a pack may have changed). */
export function sessionFits(course: Course, d: Pick<DrillSession, 'questions'>): boolean {
  return d.questions.every((dq) => {
    const q = openQuestion(course, dq.key);
    return q !== null && dq.followups.every((f) => f < followupCount(q));
  });
}

/** Records the typed answer with the matcher's pre-ticks; the learner checks them next. */
export function submitAnswer(course: Course, d: DrillSession, text: string, ms: number, lang: Lang): DrillSession {
  const pos = position(d);
  if (pos.phase !== 'answer') return d;
  const item = drillItems(d)[pos.index]!;
  const auto = matchPoints(pointVersions(course, d, item, lang), text);
  const answer: DrillAnswer = { q: item.q, f: item.f, text, ms: Math.max(0, Math.round(ms)), auto, ticks: [...auto], confirmed: false };
  const { draft: _draft, ...rest } = d;
  void _draft;
  return { ...rest, answers: [...d.answers, answer] };
}

/** The learner's ticks for the last answer, confirmed. */
export function confirmTicks(d: DrillSession, ticks: readonly boolean[]): DrillSession {
  const pos = position(d);
  if (pos.phase !== 'review') return d;
  const answers = d.answers.map((a, i) => (i === pos.index ? { ...a, ticks: [...ticks], confirmed: true } : a));
  return { ...d, answers };
}

export function finishDrill(d: DrillSession, now: number): DrillResult {
  const r = drillReport(d);
  const { draft: _draft, ...rest } = d;
  void _draft;
  return { ...rest, finishedAt: now, covered: r.covered, total: r.total };
}

/**
 * Files a finished drill: into the history, out of "in progress", and the
 * questions with points missed to the front of the practice queue, weakest first.
 */
export function recordResult(p: Progress, result: DrillResult): void {
  p.drills = [...(p.drills ?? []).filter((x) => x.id !== result.id), structuredClone(result)];
  if (p.drillInProgress?.id === result.id) delete p.drillInProgress;
  const weak = weakKeys(drillReport(result));
  p.priority = [...weak, ...p.priority.filter((k) => !weak.includes(k))];
}
