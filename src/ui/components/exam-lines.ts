// The exam report and the review of one question, as lines (pure), so the
// screen knows how tall they are and tests can read them as text.

import type { Lang } from '../../content/schema.js';
import type { Course } from '../../engine/course.js';
import { scenarioFor } from '../../engine/course.js';
import { grade } from '../../engine/grade.js';
import { asAnswer, shownQuestion, toShown } from '../../exam/permute.js';
import { examCommand } from '../../exam/print.js';
import { weakestFirst } from '../../exam/score.js';
import { topicNames } from '../../exam/select.js';
import { formatClock, formatUsed } from '../../exam/timer.js';
import type { ExamResult } from '../../store/exam-records.js';
import { barParts, fitEnd, fitStart, percent } from '../bars.js';
import type { ReviewFilter, ExamStrings } from '../screens/exam-strings.js';
import type { ViewCtx } from '../screens/practice-types.js';
import { clean, stringWidth, truncate } from '../text.js';
import { choiceFeedback, type ChoiceQ } from './ChoiceQuestion.js';
import { feedbackLines } from './Feedback.js';
import { blank, wrapLines, type StyledLine } from './Lines.js';
import { predictFeedback, setupPredict, type PredictQ } from './PredictQuestion.js';

export const FILTERS: readonly ReviewFilter[] = ['all', 'wrong', 'flagged'];

/** Question indexes the filter keeps, in exam order. */
export function filtered(r: Pick<ExamResult, 'questions' | 'correct' | 'flags'>, filter: ReviewFilter): number[] {
  return r.questions.map((_, i) => i).filter((i) => filter === 'all' || (filter === 'wrong' ? !r.correct[i] : r.flags.includes(i)));
}

function topicTitle(course: Course, key: string, lang: Lang): string {
  const t = course.topics.find((x) => x.key === key);
  return clean(t ? t.title[lang] : key);
}

/** The command for the same questions again, in the language the exam was taken in. */
export function againCommand(r: Pick<ExamResult, 'seed' | 'total' | 'topics' | 'lang'>, course: Course): string {
  const names = topicNames(course);
  const shown = r.topics.map((k) => {
    const i = course.topics.findIndex((t) => t.key === k);
    return i >= 0 ? names[i]! : k;
  });
  return examCommand({ seed: r.seed, count: r.total, topicNames: shown, lang: r.lang });
}

/** The line that stays on top of the report: the score, and pass or fail against the pass mark. */
export function verdict(r: ExamResult, s: ExamStrings): { score: string; verdict: string } {
  return { score: s.score(r.right, r.total, percent(r.score)), verdict: r.passed ? s.passed(r.passMark) : s.failed(r.passMark) };
}

/** Below the verdict: time used, how to take the same exam again, and the per-topic bars, weakest first. */
export function reportHead(r: ExamResult, course: Course, lang: Lang, s: ExamStrings, width: number): StyledLine[] {
  const lines: StyledLine[] = [
    ...wrapLines(`${s.timeUsed(formatUsed(r.timeUsedMs), formatClock(r.limitMs))}${r.timedOut ? ` · ${s.timedOut}` : ''}`, width),
    ...wrapLines(s.again(againCommand(r, course)), width, { dim: true }),
    blank,
    { text: truncate(s.byTopic, width), bold: true },
  ];
  const rows = weakestFirst(r.byTopic);
  const titles = rows.map((t) => topicTitle(course, t.topic, lang));
  const tallies = rows.map((t) => `${t.right}/${t.total}`);
  const tallyW = Math.max(...tallies.map((x) => x.length), 3);
  const fixed = 1 + 4 + 1 + tallyW + 1;
  const barW = Math.max(4, Math.min(24, Math.floor((width - fixed) * 0.4)));
  const titleW = Math.max(4, Math.min(Math.max(...titles.map((x) => stringWidth(x)), 4), width - fixed - barW));
  rows.forEach((t, i) => {
    const share = t.total === 0 ? 0 : t.right / t.total;
    const { filled, empty } = barParts(share, barW);
    const below = share * 100 < r.passMark;
    lines.push({ text: truncate(`${fitEnd(titles[i]!, titleW)} ${filled}${empty} ${fitStart(percent(share), 4)} ${fitStart(tallies[i]!, tallyW)}`, width), color: below ? 'yellow' : 'green' });
  });
  return lines;
}

/** One row of the review list. */
export function reviewRow(r: ExamResult, course: Course, lang: Lang, i: number, on: boolean, s: ExamStrings, width: number): StyledLine {
  const c = course.questions.find((x) => x.key === r.questions[i]!.key);
  const answered = r.answers[i] !== null && r.answers[i] !== undefined;
  const mark = r.correct[i] ? '✓' : answered ? '✗' : '—';
  const flag = r.flags.includes(i) ? '⚑' : ' ';
  const prompt = c ? clean(c.question[lang].prompt).replace(/\s+/g, ' ') : s.gone;
  const w = String(r.questions.length).length;
  const text = `${on ? '❯' : ' '} ${String(i + 1).padStart(w)} ${mark}${flag} ${topicTitle(course, r.questions[i]!.topic, lang)} · ${prompt}`;
  return { text: truncate(text, width), ...(on ? { bold: true, color: 'cyan' } : r.correct[i] ? {} : { color: answered ? 'red' : 'yellow' }) };
}

/** The filter line: each filter with its count, the current one in brackets. */
export function filterLine(r: ExamResult, filter: ReviewFilter, s: ExamStrings, width: number): StyledLine {
  const parts = FILTERS.map((f) => {
    const label = s.filters[f](filtered(r, f).length);
    return f === filter ? `[${label}]` : ` ${label} `;
  });
  return { text: truncate(`${s.review}: ${parts.join(' ')}`, width), bold: true };
}

/** The right answer of a question left unanswered (for an answered one, Practice's feedback shows it next to the learner's). */
function rightAnswerLines(q: ReturnType<typeof shownQuestion>, setup: ReturnType<typeof setupPredict>, ctx: ViewCtx): StyledLine[] {
  switch (q.kind) {
    case 'single':
    case 'multi':
    case 'truefalse':
      return choiceFeedback(q as ChoiceQ, { kind: 'single', choice: -1 }, ctx);
    case 'order':
      return [{ text: ctx.s.rightOrder, bold: true }, ...q[ctx.lang].items.flatMap((text, pos) => wrapLines(clean(text), ctx.width, { color: 'green' }, `  ${pos + 1}. `))];
    case 'numeric': {
      const unit = q[ctx.lang].unit ? ` ${clean(q[ctx.lang].unit!)}` : '';
      return wrapLines(`${q.answer}${q.tolerance ? ` ± ${q.tolerance}` : ''}${unit}`, ctx.width, { color: 'green' }, ctx.s.theAnswer);
    }
    case 'fill':
      return wrapLines(q[ctx.lang].accept.map(clean).join(', '), ctx.width, { color: 'green' }, ctx.s.accepted);
    case 'predict':
      return predictFeedback(q as PredictQ, setup, { kind: 'predict' }, ctx);
    case 'open':
      return [];
  }
}

/**
 * Question i of a finished exam, as the learner saw it (options in the exam's order): their
 * answer marked against the right one, the explanation and the source.
 */
export function reviewLines(r: ExamResult, course: Course, i: number, s: ExamStrings, ctx: ViewCtx): StyledLine[] {
  const eq = r.questions[i]!;
  const c = course.questions.find((x) => x.key === eq.key);
  const head: StyledLine[] = [];
  if (r.flags.includes(i)) head.push({ text: truncate(s.flaggedNote, ctx.width), color: 'yellow' });
  if (!c) return [...head, ...wrapLines(s.gone, ctx.width, { dim: true })];
  const q = shownQuestion(c.question, eq.perm);
  const setup = c.question.kind === 'predict' ? setupPredict(c.question, scenarioFor(course, c), ctx.lang) : null;
  const stored = r.answers[i];
  if (stored && stored.kind === c.question.kind) {
    const g = grade(c.question, asAnswer(stored), r.lang);
    return [...head, ...feedbackLines(q, setup, { answer: toShown(stored, eq.perm), grade: g, rating: g.rating }, ctx, true, false)];
  }
  const lines: StyledLine[] = [...head, { text: s.unanswered, bold: true, color: 'yellow' }, blank, ...wrapLines(clean(q[ctx.lang].prompt), ctx.width, { dim: true }), blank, ...rightAnswerLines(q, setup, ctx)];
  if (q.kind !== 'open') lines.push(blank, ...wrapLines(clean(q[ctx.lang].explanation), ctx.width));
  lines.push(blank, ...wrapLines(clean(q.source), ctx.width, { dim: true }, ctx.s.source));
  return lines;
}
