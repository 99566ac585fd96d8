// Single choice, multiple choice and true/false: a list of options with a
// highlight. Number keys jump to an option (and tick it, for multiple
// choice); t/f pick True or False. Enter answers.

import type { CompiledQuestion } from '../../content/validate.js';
import type { Answer } from '../../engine/grade.js';
import type { Keystroke } from '../keystroke.js';
import type { KeyResult, ViewCtx } from '../screens/practice-types.js';
import { clean } from '../text.js';
import { blank, Lines, wrapLines, type StyledLine } from './Lines.js';

export type ChoiceQ = Extract<CompiledQuestion, { kind: 'single' | 'multi' | 'truefalse' }>;

export interface ChoiceState {
  cursor: number;
  ticked: number[];
}

export function initChoice(): ChoiceState {
  return { cursor: 0, ticked: [] };
}

export function choiceOptions(q: ChoiceQ, ctx: Pick<ViewCtx, 'lang' | 's'>): string[] {
  return q.kind === 'truefalse' ? [ctx.s.yes, ctx.s.no] : q[ctx.lang].options.map(clean);
}

function toggle(ticked: readonly number[], i: number): number[] {
  return ticked.includes(i) ? ticked.filter((t) => t !== i) : [...ticked, i].sort((a, b) => a - b);
}

export function choiceKey(q: ChoiceQ, st: ChoiceState, k: Keystroke, count: number): KeyResult<ChoiceState> {
  const to = (cursor: number): ChoiceState => ({ ...st, cursor: Math.max(0, Math.min(count - 1, cursor)) });
  if (k.up || k.ch === 'k') return { state: to(st.cursor - 1) };
  if (k.down || k.ch === 'j') return { state: to(st.cursor + 1) };
  if (k.home || k.ch === 'g') return { state: to(0) };
  if (k.end || k.ch === 'G') return { state: to(count - 1) };
  if (q.kind === 'truefalse' && (k.ch === 't' || k.ch === 'f')) return { state: to(k.ch === 't' ? 0 : 1) };
  if (/^[1-9]$/.test(k.ch) && Number(k.ch) <= count) {
    const i = Number(k.ch) - 1;
    return { state: q.kind === 'multi' ? { cursor: i, ticked: toggle(st.ticked, i) } : to(i) };
  }
  if (k.ch === ' ' && q.kind === 'multi') return { state: { ...st, ticked: toggle(st.ticked, st.cursor) } };
  if (k.enter) {
    let answer: Answer;
    if (q.kind === 'single') answer = { kind: 'single', choice: st.cursor };
    else if (q.kind === 'truefalse') answer = { kind: 'truefalse', value: st.cursor === 0 };
    else if (st.ticked.length === 0) return { state: st, notice: 'tickOne' };
    else answer = { kind: 'multi', choices: st.ticked };
    return { state: st, answer };
  }
  return { state: st };
}

/** The prompt and the options; `focus` is the highlighted option's first and last line. */
export function choiceLines(q: ChoiceQ, st: ChoiceState, ctx: ViewCtx): { lines: StyledLine[]; focus: [number, number] } {
  const lines: StyledLine[] = [...wrapLines(clean(q[ctx.lang].prompt), ctx.width, { bold: true }), blank];
  let focus: [number, number] = [0, 0];
  choiceOptions(q, ctx).forEach((text, i) => {
    const on = i === st.cursor;
    const box = q.kind === 'multi' ? (st.ticked.includes(i) ? '[x] ' : '[ ] ') : '';
    const start = lines.length;
    lines.push(...wrapLines(text, ctx.width, on ? { color: 'cyan', bold: true } : {}, `${on ? '❯' : ' '} ${box}${i + 1}. `));
    if (on) focus = [start, lines.length - 1];
  });
  return { lines, focus };
}

/** The options again, marked: ✓ the right ones, ✗ the ones picked wrongly. */
export function choiceFeedback(q: ChoiceQ, answer: Answer, ctx: ViewCtx): StyledLine[] {
  const right = (i: number): boolean => (q.kind === 'single' ? q.answer === i : q.kind === 'multi' ? q.answer.includes(i) : q.answer === (i === 0));
  const picked = (i: number): boolean =>
    answer.kind === 'single' ? answer.choice === i : answer.kind === 'multi' ? answer.choices.includes(i) : answer.kind === 'truefalse' ? answer.value === (i === 0) : false;
  return choiceOptions(q, ctx).flatMap((text, i) => {
    const mark = right(i) ? '✓' : picked(i) ? '✗' : ' ';
    const box = q.kind === 'multi' ? (picked(i) ? '[x]' : '[ ]') : picked(i) ? '●' : '○';
    const style = right(i) ? { color: 'green' } : picked(i) ? { color: 'red' } : { dim: true };
    return wrapLines(text, ctx.width, style, `${mark} ${box} ${i + 1}. `);
  });
}

export function ChoiceQuestion(props: { q: ChoiceQ; state: ChoiceState; ctx: ViewCtx; top: number; rows: number }) {
  const { lines } = choiceLines(props.q, props.state, props.ctx);
  return <Lines lines={lines} top={props.top} rows={props.rows} width={props.ctx.width} />;
}
