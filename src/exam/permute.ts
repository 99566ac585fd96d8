// Options are shown in an order of the exam's own; answers are kept in the
// pack's order. These map one to the other, so that the question views of
// Practice show the shuffled question unchanged and grading never sees the
// shuffle. Pure.

import type { CompiledQuestion } from '../content/validate.js';
import type { Answer } from '../engine/grade.js';
import type { ExamAnswer } from '../store/exam-records.js';

/** The question as shown: options in the exam's order, the answer indexes following them. */
export function shownQuestion(q: CompiledQuestion, perm: readonly number[] | undefined): CompiledQuestion {
  if (!perm || (q.kind !== 'single' && q.kind !== 'multi') || perm.length !== q.en.options.length) return q;
  const at = (i: number): number => perm.indexOf(i);
  const lang = (l: typeof q.en) => ({ ...l, options: perm.map((i) => l.options[i]!) });
  if (q.kind === 'single') return { ...q, answer: at(q.answer), en: lang(q.en), zh: lang(q.zh) };
  return { ...q, answer: q.answer.map(at).sort((a, b) => a - b), en: lang(q.en), zh: lang(q.zh) };
}

/** An answer given to the shown question, in the pack's terms. */
export function toStored(answer: Answer, perm: readonly number[] | undefined): ExamAnswer | null {
  switch (answer.kind) {
    case 'single':
      return { kind: 'single', choice: perm?.[answer.choice] ?? answer.choice };
    case 'multi':
      return { kind: 'multi', choices: answer.choices.map((c) => perm?.[c] ?? c).sort((a, b) => a - b) };
    case 'open':
      return null;
    default:
      return { ...answer } as ExamAnswer;
  }
}

/** A stored answer, as given to the shown question (for a view that starts from it). */
export function toShown(answer: ExamAnswer, perm: readonly number[] | undefined): Answer {
  const at = (i: number): number => (perm ? perm.indexOf(i) : i);
  if (answer.kind === 'single') return { kind: 'single', choice: at(answer.choice) };
  if (answer.kind === 'multi') return { kind: 'multi', choices: answer.choices.map(at).sort((a, b) => a - b) };
  return asAnswer(answer);
}

/** A stored answer as the grader takes it (state and flag names are checked by the comparison itself). */
export function asAnswer(answer: ExamAnswer): Answer {
  return answer as unknown as Answer;
}
