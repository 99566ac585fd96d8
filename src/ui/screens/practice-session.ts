// A practice session as a reducer: which card, asking or showing feedback,
// the current question's own state, and how far its view is scrolled. Every
// keystroke goes through here, so a burst of keys ("↓↓⏎⏎") moves, answers
// and goes on to the next card exactly as typed. Saving is left to the
// screen: each answer (or change of rating) bumps `saves`.

import type { CourseQuestion, QueueItem } from '../../engine/queue.js';
import { grade, type Answer, type Rating } from '../../engine/grade.js';
import { choiceKey, choiceLines, choiceOptions, initChoice, type ChoiceState } from '../components/ChoiceQuestion.js';
import { feedbackLines, type Result } from '../components/Feedback.js';
import { blank, wrapLines, type StyledLine } from '../components/Lines.js';
import { openKey, openLines, type OpenState } from '../components/OpenQuestion.js';
import { initOrder, orderKey, orderLines, shuffled, type OrderState } from '../components/OrderQuestion.js';
import { initPredict, pickerRows, predictKey, predictLines, setupPredict, type PredictSetup, type PredictState } from '../components/PredictQuestion.js';
import { initText, textKey, textSubmission, type TextState } from '../components/TextAnswer.js';
import { clean } from '../text.js';
import { scroll, type ScrollAction } from '../use-scroll.js';
import type { Course } from '../../engine/course.js';
import { scenarioFor } from '../../engine/course.js';
import type { Lang } from '../../content/schema.js';
import type { Keystroke } from '../keystroke.js';
import type { KeyResult, Notice, ViewCtx } from './practice-types.js';

export interface SessionCard {
  item: QueueItem;
  /** Ordering: the shuffled items. */
  order?: number[];
  /** Predict: the scenario run so far (null when it cannot run). */
  setup?: PredictSetup | null;
}

export type Ui =
  | { kind: 'choice'; st: ChoiceState }
  | { kind: 'order'; st: OrderState }
  | { kind: 'text'; st: TextState }
  | { kind: 'predict'; st: PredictState }
  | { kind: 'open'; st: OpenState }
  | { kind: 'missing' };

export interface Session {
  index: number;
  phase: 'ask' | 'feedback' | 'done';
  ui: Ui;
  /** First line shown; may exceed the end (it is clamped when used), so a view can start at its bottom. */
  top: number;
  result: Result | null;
  notice: Notice | null;
  /** Bumped by every answer and every change of rating: each is saved once. */
  saves: number;
  lastSave: { index: number; rating: Rating; correct: boolean; first: boolean } | null;
  answered: number;
  right: number;
  /** Bumped when the learner leaves the summary. */
  exits: number;
}

export interface Env extends ViewCtx {
  cards: readonly SessionCard[];
  /** Rows below the header line. */
  rows: number;
}

export type Action = { type: 'key'; k: Keystroke };

const BOTTOM = Number.MAX_SAFE_INTEGER;

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Everything a card needs before it is shown: the shuffle of an ordering, the run of a predict scenario. */
export function prepareCard(item: QueueItem, course: Course, lang: Lang, now: number): SessionCard {
  const q = item.question;
  if (q.kind === 'order') return { item, order: shuffled(q.en.items.length, hash(item.key) ^ Math.floor(now / 1000)) };
  if (q.kind === 'predict') return { item, setup: setupPredict(q, scenarioFor(course, item as CourseQuestion), lang) };
  return { item };
}

function uiFor(card: SessionCard): Ui {
  const q = card.item.question;
  switch (q.kind) {
    case 'single':
    case 'multi':
    case 'truefalse':
      return { kind: 'choice', st: initChoice() };
    case 'order':
      return { kind: 'order', st: initOrder(card.order ?? q.en.items.map((_, i) => i)) };
    case 'numeric':
    case 'fill':
      return { kind: 'text', st: initText() };
    case 'predict':
      return card.setup ? { kind: 'predict', st: initPredict(card.setup) } : { kind: 'missing' };
    case 'open':
      return { kind: 'open', st: { revealed: false } };
  }
}

export function initSession(cards: readonly SessionCard[]): Session {
  const first = cards[0];
  return {
    index: 0,
    phase: first ? 'ask' : 'done',
    ui: first ? uiFor(first) : { kind: 'missing' },
    top: first?.item.question.kind === 'predict' ? BOTTOM : 0,
    result: null,
    notice: null,
    saves: 0,
    lastSave: null,
    answered: 0,
    right: 0,
    exits: 0,
  };
}

export interface View {
  lines: StyledLine[];
  /** Rows the scrolling part may use. */
  rows: number;
  /** Lines to keep in sight (the highlighted option). */
  focus?: [number, number];
}

/** The scrolling part of what is on screen now. Pure, so the reducer and the screen agree on it. */
export function viewOf(st: Session, env: Env): View {
  const card = env.cards[st.index];
  if (!card || st.phase === 'done') return { lines: [], rows: env.rows };
  const q = card.item.question;
  if (st.phase === 'feedback' && st.result) return { lines: feedbackLines(q, card.setup ?? null, st.result, env, feedbackWithPrompt(env)), rows: env.rows };
  const ui = st.ui;
  switch (ui.kind) {
    case 'choice':
      return { ...choiceLines(q as Parameters<typeof choiceLines>[0], ui.st, env), rows: env.rows };
    case 'order':
      return { ...orderLines(q as Parameters<typeof orderLines>[0], ui.st, env), rows: env.rows };
    case 'text': {
      const lines = [...wrapLines(clean(q.kind === 'numeric' || q.kind === 'fill' ? q[env.lang].prompt : ''), env.width, { bold: true }), blank];
      return { lines, rows: Math.max(1, Math.min(lines.length, env.rows - 1)) };
    }
    case 'predict': {
      const lines = predictLines(q as Parameters<typeof predictLines>[0], card.setup!, env);
      return { lines, rows: Math.max(1, Math.min(lines.length, env.rows - pickerRows(env.rows))) };
    }
    case 'open':
      return { lines: openLines(q as Parameters<typeof openLines>[0], ui.st, env), rows: env.rows };
    case 'missing':
      return { lines: wrapLines(env.s.noScenario, env.width, { color: 'yellow' }), rows: env.rows };
  }
}

/** On a short terminal the feedback leaves out the question, so the verdict and the answer come first. */
export function feedbackWithPrompt(env: Env): boolean {
  return env.rows >= 14;
}

export function clampTop(top: number, v: View): number {
  return scroll(top, { type: 'by', n: 0 }, v.lines.length, v.rows);
}

export function inSight(top: number, [start, end]: [number, number], rows: number): number {
  if (start < top) return start;
  if (end >= top + rows) return Math.min(start, end - rows + 1);
  return top;
}

function nextCard(st: Session, env: Env): Session {
  const index = st.index + 1;
  const card = env.cards[index];
  const base = { ...st, index, result: null, notice: null };
  if (!card) return { ...base, phase: 'done', ui: { kind: 'missing' }, top: 0 };
  return { ...base, phase: 'ask', ui: uiFor(card), top: card.item.question.kind === 'predict' ? BOTTOM : 0 };
}

function answered(st: Session, env: Env, answer: Answer): Session {
  const g = grade(env.cards[st.index]!.item.question, answer, env.lang);
  return {
    ...st,
    phase: 'feedback',
    result: { answer, grade: g, rating: g.rating },
    top: 0,
    notice: null,
    saves: st.saves + 1,
    lastSave: { index: st.index, rating: g.rating, correct: g.correct, first: true },
    answered: st.answered + 1,
    right: st.right + (g.correct ? 1 : 0),
  };
}

function scrollKey(k: Keystroke, rows: number, free: boolean): ScrollAction | null {
  const page = Math.max(1, rows - 1);
  if (k.pageDown) return { type: 'by', n: page };
  if (k.pageUp) return { type: 'by', n: -page };
  if (!free) return null;
  if (k.down || k.ch === 'j') return { type: 'by', n: 1 };
  if (k.up || k.ch === 'k') return { type: 'by', n: -1 };
  if (k.ch === ' ') return { type: 'by', n: page };
  if (k.home || k.ch === 'g') return { type: 'to', top: 0 };
  if (k.end || k.ch === 'G') return { type: 'end' };
  return null;
}

/** The question component's answer to the keystroke. */
function askKey(st: Session, env: Env, k: Keystroke): KeyResult<Ui> {
  const q = env.cards[st.index]!.item.question;
  const ui = st.ui;
  switch (ui.kind) {
    case 'choice': {
      const cq = q as Parameters<typeof choiceKey>[0];
      const r = choiceKey(cq, ui.st, k, choiceOptions(cq, env).length);
      return { ...r, state: { kind: 'choice', st: r.state } };
    }
    case 'order': {
      const r = orderKey(ui.st, k);
      return { ...r, state: { kind: 'order', st: r.state } };
    }
    case 'predict': {
      const r = predictKey(q as Parameters<typeof predictKey>[0], ui.st, k);
      return { ...r, state: { kind: 'predict', st: r.state } };
    }
    case 'open': {
      const r = openKey(ui.st, k);
      return { ...r, state: { kind: 'open', st: r.state } };
    }
    case 'text': {
      const r = textKey(ui.st, k);
      const state: Ui = { kind: 'text', st: r.state };
      if (r.submit === undefined) return { state };
      return { state, ...textSubmission(q, r.submit) };
    }
    case 'missing':
      return { state: ui };
  }
}

export function reduceSession(st: Session, a: Action, env: Env): Session {
  const k = a.k;
  if (st.phase === 'done') return k.enter ? { ...st, exits: st.exits + 1 } : st;
  const v = viewOf(st, env);
  const top = clampTop(st.top, v);
  const free = st.phase === 'feedback' || st.ui.kind === 'open' || st.ui.kind === 'missing';
  const s = scrollKey(k, v.rows, free);
  if (s) return { ...st, top: scroll(top, s, v.lines.length, v.rows), notice: null };

  if (st.phase === 'feedback') {
    if (k.enter) return nextCard(st, env);
    if (/^[1-4]$/.test(k.ch) && st.result) {
      const rating = Number(k.ch) as Rating;
      if (rating === st.result.rating) return st;
      return {
        ...st,
        result: { ...st.result, rating },
        saves: st.saves + 1,
        lastSave: { index: st.index, rating, correct: st.result.grade.correct, first: false },
      };
    }
    return st;
  }

  if (st.ui.kind === 'missing') return k.enter ? nextCard(st, env) : st;
  const r = askKey(st, env, k);
  if (r.answer) return answered({ ...st, ui: r.state }, env, r.answer);
  const next: Session = { ...st, ui: r.state, notice: r.notice ?? null, top };
  const nv = viewOf(next, env);
  return nv.focus ? { ...next, top: inSight(top, nv.focus, nv.rows) } : next;
}
