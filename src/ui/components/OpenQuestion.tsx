// An open interview question: the prompt; s (or Enter) shows the model
// answer, the key points and the follow-ups; the learner rates themself 1-4.

import type { CompiledQuestion } from '../../content/validate.js';
import type { Keystroke } from '../keystroke.js';
import type { KeyResult, ViewCtx } from '../screens/practice-types.js';
import { clean } from '../text.js';
import { blank, Lines, wrapLines, type StyledLine } from './Lines.js';
import type { Rating } from '../../engine/grade.js';

export type OpenQ = Extract<CompiledQuestion, { kind: 'open' }>;

export interface OpenState {
  revealed: boolean;
}

export function openKey(st: OpenState, k: Keystroke): KeyResult<OpenState> {
  if (!st.revealed) return k.ch === 's' || k.enter ? { state: { revealed: true } } : { state: st };
  if (/^[1-4]$/.test(k.ch)) return { state: st, answer: { kind: 'open', rating: Number(k.ch) as Rating } };
  if (k.enter) return { state: st, notice: 'rateFirst' };
  return { state: st };
}

/** The model answer, the key points and the follow-ups with their answers. */
export function openAnswerLines(q: OpenQ, ctx: ViewCtx): StyledLine[] {
  const t = q[ctx.lang];
  const w = ctx.width;
  const lines: StyledLine[] = [{ text: ctx.s.modelAnswer, bold: true }, ...wrapLines(clean(t.answer), w), blank, { text: ctx.s.keyPoints, bold: true }];
  for (const p of t.points) lines.push(...wrapLines(clean(p), w, { color: 'green' }, '• '));
  if (t.followups && t.followups.length > 0) {
    lines.push(blank, { text: ctx.s.followUps, bold: true });
    t.followups.forEach((f, i) => {
      lines.push(...wrapLines(clean(f.prompt), w, { bold: true }, `${i + 1}. `));
      lines.push(...wrapLines(clean(f.answer), w, {}, '   '));
      for (const p of f.points) lines.push(...wrapLines(clean(p), w, { color: 'green' }, '   • '));
    });
  }
  return lines;
}

export function openLines(q: OpenQ, st: OpenState, ctx: ViewCtx): StyledLine[] {
  const lines: StyledLine[] = [...wrapLines(clean(q[ctx.lang].prompt), ctx.width, { bold: true }), blank];
  if (!st.revealed) return [...lines, ...wrapLines(ctx.s.revealPrompt, ctx.width, { dim: true })];
  return [...lines, ...wrapLines(ctx.s.rateYourself, ctx.width, { color: 'yellow' }), blank, ...openAnswerLines(q, ctx)];
}

export function OpenQuestion(props: { q: OpenQ; state: OpenState; ctx: ViewCtx; top: number; rows: number }) {
  return <Lines lines={openLines(props.q, props.state, props.ctx)} top={props.top} rows={props.rows} width={props.ctx.width} />;
}
