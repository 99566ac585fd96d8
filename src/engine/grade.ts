// Grading: what the learner answered against the key, and the FSRS rating it
// maps to. Pure. Open questions are not graded here: the learner rates them.

import type { FlagName } from '../core/segment.js';
import type { State } from '../core/types.js';
import type { Lang } from '../content/schema.js';
import type { CompiledQuestion } from '../content/validate.js';

export type Rating = 1 | 2 | 3 | 4; // FSRS: Again, Hard, Good, Easy

export type Answer =
  | { kind: 'single'; choice: number }
  | { kind: 'multi'; choices: number[] }
  | { kind: 'truefalse'; value: boolean }
  | { kind: 'order'; order: number[] } // indexes into the items as written (the right order is 0..n-1)
  | { kind: 'numeric'; value: number }
  | { kind: 'fill'; text: string }
  | { kind: 'predict'; state?: State; sends?: FlagName[] }
  | { kind: 'open'; rating: Rating };

export interface Grade {
  correct: boolean;
  /** Share of the answer that was right, 0..1 (1 when correct). */
  score: number;
  rating: Rating;
}

/** Correct is Good; mostly right is Hard; otherwise Again. Easy is left to self-rated questions. */
function fromScore(score: number): Grade {
  if (score >= 1) return { correct: true, score: 1, rating: 3 };
  return { correct: false, score, rating: score >= 0.5 ? 2 : 1 };
}

/** Case, surrounding space, inner runs of space and `_` vs `-` do not matter: SYN_SENT is SYN-SENT. */
export function normalizeFill(s: string): string {
  return s.normalize('NFKC').trim().toLowerCase().replace(/_/g, '-').replace(/\s+/g, ' ');
}

function sameFlags(a: readonly FlagName[], b: readonly FlagName[]): boolean {
  return a.length === b.length && a.every((f) => b.includes(f));
}

export function grade(q: CompiledQuestion, answer: Answer, _lang: Lang): Grade {
  if (answer.kind !== q.kind) throw new Error(`answer of kind ${answer.kind} for a ${q.kind} question`);
  switch (q.kind) {
    case 'single':
      return fromScore((answer as { choice: number }).choice === q.answer ? 1 : 0);
    case 'multi': {
      const picked = new Set((answer as { choices: number[] }).choices);
      const right = new Set(q.answer);
      const hits = [...picked].filter((c) => right.has(c)).length;
      const wrong = picked.size - hits;
      if (wrong === 0 && hits === right.size) return fromScore(1);
      return fromScore(wrong > 0 ? 0 : hits / right.size);
    }
    case 'truefalse':
      return fromScore((answer as { value: boolean }).value === q.answer ? 1 : 0);
    case 'order': {
      const order = (answer as { order: number[] }).order;
      const placed = order.filter((item, pos) => item === pos).length;
      return fromScore(placed === q.en.items.length && order.length === placed ? 1 : placed / q.en.items.length);
    }
    case 'numeric': {
      const v = (answer as { value: number }).value;
      return fromScore(Number.isFinite(v) && Math.abs(v - q.answer) <= (q.tolerance ?? 0) ? 1 : 0);
    }
    case 'fill': {
      const text = normalizeFill((answer as { text: string }).text);
      const accepted = [...q.en.accept, ...q.zh.accept].map(normalizeFill);
      return fromScore(accepted.includes(text) ? 1 : 0);
    }
    case 'predict': {
      const key = q.key!;
      const a = answer as { state?: State; sends?: FlagName[] };
      const parts: boolean[] = [];
      if (q.ask !== 'sends') parts.push(a.state === key.state);
      if (q.ask !== 'state') parts.push(sameFlags(a.sends ?? [], key.sends));
      return fromScore(parts.filter(Boolean).length / parts.length);
    }
    case 'open': {
      const rating = (answer as { rating: Rating }).rating;
      return { correct: rating >= 3, score: rating >= 3 ? 1 : rating === 2 ? 0.5 : 0, rating };
    }
  }
}
