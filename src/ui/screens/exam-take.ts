// Taking an exam as a reducer: the question on screen with the state of its
// view (the question views of Practice, unchanged), the list of all
// questions, the submit confirmation, and the clock's warnings. Every key and
// every tick of the clock goes through here with the time it came at, so a
// burst of keys is applied in order and nothing is answered after the time
// is up. Saving and submitting are left to the screen: `saves` and `submit`
// say when.

import type { CompiledQuestion } from '../../content/validate.js';
import type { Lang } from '../../content/schema.js';
import { STATES } from '../../core/types.js';
import type { Course } from '../../engine/course.js';
import { scenarioFor } from '../../engine/course.js';
import type { Answer } from '../../engine/grade.js';
import { shownQuestion, toShown, toStored } from '../../exam/permute.js';
import { answerAt, moveTo, toggleFlag } from '../../exam/session.js';
import { clockPhase, remainingMs, timeUp, type ClockPhase } from '../../exam/timer.js';
import type { ExamAnswer, ExamSession } from '../../store/exam-records.js';
import { choiceKey, choiceLines, choiceOptions, initChoice, type ChoiceQ, type ChoiceState } from '../components/ChoiceQuestion.js';
import { blank, wrapLines, type StyledLine } from '../components/Lines.js';
import { initOrder, orderKey, orderLines, type OrderQ, type OrderState } from '../components/OrderQuestion.js';
import { initPredict, pickerRows, predictKey, predictLines, sendOptions, setupPredict, type PredictQ, type PredictSetup, type PredictState } from '../components/PredictQuestion.js';
import { textKey, textSubmission, type TextState } from '../components/TextAnswer.js';
import { clean } from '../text.js';
import { scroll } from '../use-scroll.js';
import type { Keystroke } from '../keystroke.js';
import { clampTop, inSight } from './practice-session.js';
import type { KeyResult, Notice, ViewCtx } from './practice-types.js';

export interface ExamCard {
  key: string;
  /** The topic's title, cleaned. */
  topic: string;
  /** The question as shown (options in the exam's order); null when the course no longer has it. */
  shown: CompiledQuestion | null;
  perm?: number[];
  /** Predict: the scenario run so far (null when it cannot run). */
  setup?: PredictSetup | null;
}

/** What each question needs before it is shown: its shuffled form, the run of a predict scenario. */
export function prepareCards(course: Course, session: Pick<ExamSession, 'questions'>, lang: Lang): ExamCard[] {
  return session.questions.map((eq) => {
    const c = course.questions.find((x) => x.key === eq.key);
    const topic = course.topics.find((t) => t.key === eq.topic);
    const card: ExamCard = { key: eq.key, topic: clean(topic ? topic.title[lang] : eq.topic), shown: c ? shownQuestion(c.question, eq.perm) : null };
    if (eq.perm) card.perm = eq.perm;
    if (c && c.question.kind === 'predict') card.setup = setupPredict(c.question, scenarioFor(course, c), lang);
    return card;
  });
}

export type TakeUi =
  | { kind: 'choice'; st: ChoiceState }
  | { kind: 'order'; st: OrderState }
  | { kind: 'text'; st: TextState }
  | { kind: 'predict'; st: PredictState }
  | { kind: 'missing' };

export type TakeMode = 'question' | 'list' | 'confirm';
export type TakeNotice = Notice | 'recorded' | 'flagOn' | 'flagOff' | 'warn5' | 'warn1';

export interface TakeState {
  session: ExamSession;
  ui: TakeUi;
  /** First line of the question view shown; may exceed the end (clamped when used), so a view can start at its bottom. */
  top: number;
  mode: TakeMode;
  /** Where the confirmation goes back to. */
  back: 'question' | 'list';
  /** The list's cursor: a question index, or the number of questions for the submit row. */
  list: number;
  notice: TakeNotice | null;
  /** The clock's look when last seen, so each warning is said once. */
  phase: ClockPhase;
  /** Bumped by every answer and flag: each is saved once. */
  saves: number;
  /** Set once, when the exam is submitted (by the learner or by the clock). */
  submit: { at: number; timedOut: boolean } | null;
}

export interface TakeEnv extends ViewCtx {
  cards: readonly ExamCard[];
  /** Rows of the question view. */
  rows: number;
}

export type TakeAction = { type: 'key'; k: Keystroke; at: number } | { type: 'tick'; at: number };

const BOTTOM = Number.MAX_SAFE_INTEGER;

function sameFlags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((f) => b.includes(f));
}

/** The view of question i, starting from its recorded answer (so going back shows what counts). */
export function uiFor(card: ExamCard | undefined, stored: ExamAnswer | null | undefined): TakeUi {
  const q = card?.shown;
  if (!card || !q) return { kind: 'missing' };
  const answer: Answer | null = stored && stored.kind === q.kind ? toShown(stored, card.perm) : null;
  switch (q.kind) {
    case 'single':
    case 'multi':
    case 'truefalse': {
      if (!answer) return { kind: 'choice', st: initChoice() };
      if (answer.kind === 'single') return { kind: 'choice', st: { cursor: Math.max(0, answer.choice), ticked: [] } };
      if (answer.kind === 'multi') return { kind: 'choice', st: { cursor: answer.choices[0] ?? 0, ticked: [...answer.choices] } };
      return { kind: 'choice', st: { cursor: answer.kind === 'truefalse' && !answer.value ? 1 : 0, ticked: [] } };
    }
    case 'order': {
      const start = card.perm ?? q.en.items.map((_, i) => i);
      return { kind: 'order', st: initOrder(answer?.kind === 'order' && answer.order.length === start.length ? [...answer.order] : [...start]) };
    }
    case 'numeric':
    case 'fill': {
      const text = answer?.kind === 'numeric' ? String(answer.value) : answer?.kind === 'fill' ? answer.text : '';
      const chars = [...text];
      return { kind: 'text', st: { chars, cursor: chars.length } };
    }
    case 'predict': {
      if (!card.setup) return { kind: 'missing' };
      const st = initPredict(card.setup);
      if (answer?.kind !== 'predict') return { kind: 'predict', st };
      const state = answer.state ? STATES.indexOf(answer.state) : -1;
      const sends = answer.sends ? sendOptions(q).findIndex((f) => sameFlags(f, answer.sends!)) : -1;
      return { kind: 'predict', st: { ...st, state: state >= 0 ? state : st.state, sends: sends >= 0 ? sends : st.sends } };
    }
    case 'open':
      return { kind: 'missing' };
  }
}

export function initTake(session: ExamSession, env: Pick<TakeEnv, 'cards'>, at: number): TakeState {
  const i = Math.max(0, Math.min(session.questions.length - 1, session.current ?? 0));
  return {
    session: { ...session, current: i },
    ui: uiFor(env.cards[i], session.answers[i]),
    top: env.cards[i]?.shown?.kind === 'predict' ? BOTTOM : 0,
    mode: 'question',
    back: 'question',
    list: i,
    notice: null,
    phase: clockPhase(remainingMs(session, at)),
    saves: 0,
    submit: null,
  };
}

export interface QuestionView {
  lines: StyledLine[];
  /** Rows the scrolling part may use. */
  rows: number;
  focus?: [number, number];
}

/** The scrolling part of the question on screen. Pure, so the reducer and the screen agree on it. */
export function questionView(st: TakeState, env: TakeEnv): QuestionView {
  const card = env.cards[st.session.current ?? 0];
  const q = card?.shown;
  const ui = st.ui;
  if (!q || ui.kind === 'missing') return { lines: wrapLines(env.s.noScenario, env.width, { color: 'yellow' }), rows: env.rows };
  switch (ui.kind) {
    case 'choice':
      return { ...choiceLines(q as ChoiceQ, ui.st, env), rows: env.rows };
    case 'order':
      return { ...orderLines(q as OrderQ, ui.st, env), rows: env.rows };
    case 'text': {
      const lines = [...wrapLines(clean(q.kind === 'numeric' || q.kind === 'fill' ? q[env.lang].prompt : ''), env.width, { bold: true }), blank];
      return { lines, rows: Math.max(1, Math.min(lines.length, env.rows - 1)) };
    }
    case 'predict': {
      const lines = predictLines(q as PredictQ, card.setup!, env);
      return { lines, rows: Math.max(1, Math.min(lines.length, env.rows - pickerRows(env.rows))) };
    }
  }
}

function go(st: TakeState, env: TakeEnv, i: number): TakeState {
  const session = moveTo(st.session, i);
  const at = session.current ?? 0;
  return { ...st, session, ui: uiFor(env.cards[at], session.answers[at]), top: env.cards[at]?.shown?.kind === 'predict' ? BOTTOM : 0, mode: 'question', list: at, notice: null };
}

/** After the last question the list comes, to see what is left and to submit. */
function forward(st: TakeState, env: TakeEnv, notice: TakeNotice | null): TakeState {
  const i = st.session.current ?? 0;
  if (i + 1 < st.session.questions.length) return { ...go(st, env, i + 1), notice };
  return { ...st, mode: 'list', list: st.session.questions.length, notice };
}

function flag(st: TakeState, i: number): TakeState {
  const session = toggleFlag(st.session, i);
  return { ...st, session, saves: st.saves + 1, notice: session.flags.includes(i) ? 'flagOn' : 'flagOff' };
}

function confirm(st: TakeState, back: 'question' | 'list'): TakeState {
  return { ...st, mode: 'confirm', back, notice: null };
}

/** The question view's answer to a keystroke. */
function questionKey(st: TakeState, env: TakeEnv, k: Keystroke): KeyResult<TakeUi> {
  const q = env.cards[st.session.current ?? 0]?.shown;
  const ui = st.ui;
  if (!q) return { state: ui };
  switch (ui.kind) {
    case 'choice': {
      const r = choiceKey(q as ChoiceQ, ui.st, k, choiceOptions(q as ChoiceQ, env).length);
      return { ...r, state: { kind: 'choice', st: r.state } };
    }
    case 'order': {
      const r = orderKey(ui.st, k);
      return { ...r, state: { kind: 'order', st: r.state } };
    }
    case 'predict': {
      const r = predictKey(q as PredictQ, ui.st, k);
      return { ...r, state: { kind: 'predict', st: r.state } };
    }
    case 'text': {
      const r = textKey(ui.st, k);
      const state: TakeUi = { kind: 'text', st: r.state };
      if (r.submit === undefined) return { state };
      return { state, ...textSubmission(q, r.submit) };
    }
    case 'missing':
      return { state: ui };
  }
}

function onQuestion(st: TakeState, env: TakeEnv, k: Keystroke): TakeState {
  const i = st.session.current ?? 0;
  if (k.tab) return k.shift ? (i > 0 ? go(st, env, i - 1) : st) : forward(st, env, null);
  if (k.ctrl && k.ch === 'f') return flag(st, i);
  if (k.ctrl && k.ch === 'o') return { ...st, mode: 'list', list: i, notice: null };
  if (k.ctrl && k.ch === 's') return confirm(st, 'question');

  const v = questionView(st, env);
  const top = clampTop(st.top, v);
  const page = Math.max(1, v.rows - 1);
  if (k.pageDown || k.pageUp) return { ...st, top: scroll(top, { type: 'by', n: k.pageDown ? page : -page }, v.lines.length, v.rows), notice: null };
  // A question that cannot be shown is passed over with Enter.
  if (st.ui.kind === 'missing') return k.enter ? forward(st, env, null) : st;

  const r = questionKey(st, env, k);
  if (r.answer) {
    const stored = toStored(r.answer, env.cards[i]!.perm);
    if (stored) return forward({ ...st, session: answerAt(st.session, i, stored), saves: st.saves + 1 }, env, 'recorded');
  }
  const next: TakeState = { ...st, ui: r.state, notice: r.notice ?? null, top };
  const nv = questionView(next, env);
  return nv.focus ? { ...next, top: inSight(top, nv.focus, nv.rows) } : next;
}

function onList(st: TakeState, env: TakeEnv, k: Keystroke): TakeState {
  const n = st.session.questions.length;
  const to = (list: number): TakeState => ({ ...st, list: Math.max(0, Math.min(n, list)), notice: null });
  if (k.up || k.ch === 'k') return to(st.list - 1);
  if (k.down || k.ch === 'j') return to(st.list + 1);
  if (k.home || k.ch === 'g') return to(0);
  if (k.end || k.ch === 'G') return to(n);
  if (k.pageUp) return to(st.list - Math.max(1, env.rows - 2));
  if (k.pageDown) return to(st.list + Math.max(1, env.rows - 2));
  if (k.enter) return st.list >= n ? confirm(st, 'list') : go(st, env, st.list);
  if ((k.ch === 'f' || k.ch === ' ' || (k.ctrl && k.ch === 'f')) && st.list < n) return flag(st, st.list);
  if (k.ch === 's' || (k.ctrl && k.ch === 's')) return confirm(st, 'list');
  if (k.tab || (k.ctrl && k.ch === 'o')) return go(st, env, st.session.current ?? 0);
  return st;
}

function onConfirm(st: TakeState, k: Keystroke, at: number): TakeState {
  if (k.ch === 'y' || k.ch === 'Y') return { ...st, submit: { at, timedOut: false } };
  if (k.ch === 'n' || k.ch === 'N' || k.tab) return { ...st, mode: st.back };
  return st;
}

/** The clock: a warning the first time it is seen under 5 minutes and under 1, and the submission at 0. */
function clock(st: TakeState, at: number): TakeState {
  if (timeUp(st.session, at)) return { ...st, submit: { at, timedOut: true } };
  const phase = clockPhase(remainingMs(st.session, at));
  if (phase === st.phase) return st;
  return { ...st, phase, notice: phase === 'last' ? 'warn1' : phase === 'warning' ? 'warn5' : st.notice };
}

export function reduceTake(st: TakeState, a: TakeAction, env: TakeEnv): TakeState {
  if (st.submit) return st;
  const timed = clock(st, a.at);
  if (timed.submit || a.type === 'tick') return timed;
  switch (timed.mode) {
    case 'question':
      return onQuestion(timed, env, a.k);
    case 'list':
      return onList(timed, env, a.k);
    case 'confirm':
      return onConfirm(timed, a.k, a.at);
  }
}
