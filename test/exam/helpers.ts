// Shared by the exam tests: the built-in course, and the right (or a wrong) answer to any exam question.
import builtin from 'virtual:builtin-pack';
import type { CompiledQuestion } from '../../src/content/validate.js';
import { buildCourse, type Course } from '../../src/engine/course.js';
import type { ExamAnswer } from '../../src/store/exam-records.js';

export const course: Course = buildCourse([{ pack: builtin, dir: null }]);
export const T0 = Date.UTC(2026, 10, 21, 9, 0, 0);

export function question(key: string): CompiledQuestion {
  const c = course.questions.find((x) => x.key === key);
  if (!c) throw new Error(`no question ${key}`);
  return c.question;
}

/** The right answer, in the pack's own terms (as the exam stores answers). */
export function rightAnswer(q: CompiledQuestion): ExamAnswer {
  switch (q.kind) {
    case 'single':
      return { kind: 'single', choice: q.answer };
    case 'multi':
      return { kind: 'multi', choices: [...q.answer] };
    case 'truefalse':
      return { kind: 'truefalse', value: q.answer };
    case 'order':
      return { kind: 'order', order: q.en.items.map((_, i) => i) };
    case 'numeric':
      return { kind: 'numeric', value: q.answer };
    case 'fill':
      return { kind: 'fill', text: q.en.accept[0]! };
    case 'predict': {
      const a: ExamAnswer = { kind: 'predict' };
      if (q.ask !== 'sends') a.state = q.key!.state;
      if (q.ask !== 'state') a.sends = [...q.key!.sends];
      return a;
    }
    case 'open':
      throw new Error('an exam has no open questions');
  }
}

/** A wrong answer of the question's kind. */
export function wrongAnswer(q: CompiledQuestion): ExamAnswer {
  switch (q.kind) {
    case 'single':
      return { kind: 'single', choice: (q.answer + 1) % q.en.options.length };
    case 'multi':
      return { kind: 'multi', choices: q.en.options.map((_, i) => i).filter((i) => !q.answer.includes(i)).slice(0, 1) };
    case 'truefalse':
      return { kind: 'truefalse', value: !q.answer };
    case 'order':
      return { kind: 'order', order: q.en.items.map((_, i) => i).reverse() };
    case 'numeric':
      return { kind: 'numeric', value: q.answer + 1000 + (q.tolerance ?? 0) * 10 };
    case 'fill':
      return { kind: 'fill', text: 'certainly not this' };
    case 'predict':
      return { kind: 'predict', state: q.key!.state === 'CLOSED' ? 'LISTEN' : 'CLOSED', sends: ['URG'] };
    case 'open':
      throw new Error('an exam has no open questions');
  }
}
