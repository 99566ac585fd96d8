// What the learner sees right after answering: right or wrong, the right
// answer next to theirs, the explanation and the source, and the rating the
// card was scheduled with.

import type { CompiledQuestion } from '../../content/validate.js';
import type { Answer, Grade, Rating } from '../../engine/grade.js';
import { fill } from '../screens/practice-strings.js';
import type { ViewCtx } from '../screens/practice-types.js';
import { clean } from '../text.js';
import { choiceFeedback } from './ChoiceQuestion.js';
import { blank, Lines, wrapLines, type StyledLine } from './Lines.js';
import { openAnswerLines } from './OpenQuestion.js';
import { orderFeedback } from './OrderQuestion.js';
import { predictFeedback, type PredictSetup } from './PredictQuestion.js';

export interface Result {
  answer: Answer;
  grade: Grade;
  /** The rating the card is scheduled with: the grade's, or the learner's own. */
  rating: Rating;
}

function typedFeedback(q: Extract<CompiledQuestion, { kind: 'numeric' | 'fill' }>, answer: Answer, correct: boolean, ctx: ViewCtx): StyledLine[] {
  const typed = answer.kind === 'numeric' ? String(answer.value) : answer.kind === 'fill' ? clean(answer.text) : '';
  let right: string;
  let label = ctx.s.theAnswer;
  if (q.kind === 'numeric') {
    const unit = q[ctx.lang].unit ? ` ${clean(q[ctx.lang].unit!)}` : '';
    right = `${q.answer}${q.tolerance ? ` ± ${q.tolerance}` : ''}${unit}`;
  } else {
    right = q[ctx.lang].accept.map(clean).join(', ');
    label = ctx.s.accepted;
  }
  return [
    ...wrapLines(typed, ctx.width, { color: correct ? 'green' : 'red' }, ctx.s.yourAnswer),
    ...wrapLines(right, ctx.width, { color: 'green' }, label),
  ];
}

/**
 * `withPrompt`: repeat the question above the answer (left out when rows are scarce).
 * `withRating`: say what the card was scheduled with (an exam schedules nothing).
 */
export function feedbackLines(q: CompiledQuestion, setup: PredictSetup | null, result: Result, ctx: ViewCtx, withPrompt = true, withRating = true): StyledLine[] {
  const { s, width } = ctx;
  const rating = s.ratings[result.rating - 1]!;
  const lines: StyledLine[] = [];
  if (q.kind === 'open') {
    lines.push({ text: fill(s.rated, { r: rating }), bold: true, color: result.rating >= 3 ? 'green' : 'yellow' });
  } else {
    const { correct, score } = result.grade;
    lines.push(correct ? { text: s.right, bold: true, color: 'green' } : score > 0 ? { text: s.partly, bold: true, color: 'yellow' } : { text: s.wrong, bold: true, color: 'red' });
    if (withRating) lines.push({ text: fill(s.ratedGraded, { r: rating }), dim: true });
  }
  lines.push(blank);
  if (withPrompt) lines.push(...wrapLines(clean(q[ctx.lang].prompt), width, { dim: true }), blank);
  switch (q.kind) {
    case 'single':
    case 'multi':
    case 'truefalse':
      lines.push(...choiceFeedback(q, result.answer, ctx));
      break;
    case 'order':
      lines.push(...orderFeedback(q, result.answer, ctx));
      break;
    case 'numeric':
    case 'fill':
      lines.push(...typedFeedback(q, result.answer, result.grade.correct, ctx));
      break;
    case 'predict':
      lines.push(...predictFeedback(q, setup, result.answer, ctx));
      break;
    case 'open':
      lines.push(...openAnswerLines(q, ctx));
      break;
  }
  if (q.kind !== 'open') lines.push(blank, ...wrapLines(clean(q[ctx.lang].explanation), width));
  lines.push(blank, ...wrapLines(clean(q.source), width, { dim: true }, s.source));
  return lines;
}

export function Feedback(props: { q: CompiledQuestion; setup: PredictSetup | null; result: Result; ctx: ViewCtx; withPrompt: boolean; top: number; rows: number }) {
  const lines = feedbackLines(props.q, props.setup, props.result, props.ctx, props.withPrompt);
  return <Lines lines={lines} top={props.top} rows={props.rows} width={props.ctx.width} />;
}
