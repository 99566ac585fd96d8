// Grading a lab: each prediction against the key the core computed, and the
// run as a whole. Pure.
//
// A prediction asks for up to four parts: the host's next state (ask: state or
// both), the flags of the first segment it sends, or nothing (ask: sends or
// both), and that segment's seq and/or ack (`numbers`). Each part is right or
// wrong; a prediction is correct when every part it asks is right, and earns
// the share of its parts that were right. Flags compare as a set and PSH is
// ignored: in the model PSH only marks a segment that carries data, and the
// labs are about connection management, not about when data is pushed.
// The lab's score is the mean of its predictions' shares, 0..1.

import type { FlagName } from '../core/segment.js';
import type { State } from '../core/types.js';
import type { CompiledPrediction, LabKey } from '../content/validate.js';

export interface PredictionAnswer {
  state?: State;
  /** [] means "sends nothing". */
  sends?: FlagName[];
  seq?: number;
  ack?: number;
}

export type Part = 'state' | 'sends' | 'seq' | 'ack';

export interface PredictionResult {
  /** Index of the prediction in the lab. */
  index: number;
  step: number;
  host: 'client' | 'server';
  answer: PredictionAnswer;
  key: LabKey;
  /** Each part asked, and whether it was right. */
  parts: Partial<Record<Part, boolean>>;
  /** Share of the parts that were right, 0..1. */
  score: number;
  correct: boolean;
}

export interface LabScore {
  /** 0..1: the mean of the predictions' scores; predictions not answered count 0. */
  score: number;
  correct: number;
  total: number;
  missed: PredictionResult[];
}

const IGNORED: ReadonlySet<FlagName> = new Set(['PSH']);

export function sameFlags(a: readonly FlagName[], b: readonly FlagName[]): boolean {
  const x = new Set(a.filter((f) => !IGNORED.has(f)));
  const y = new Set(b.filter((f) => !IGNORED.has(f)));
  return x.size === y.size && [...x].every((f) => y.has(f));
}

/** The parts a prediction asks, in the order the learner answers them. */
export function partsAsked(p: Pick<CompiledPrediction, 'ask' | 'numbers'>): Part[] {
  const out: Part[] = [];
  if (p.ask !== 'sends') out.push('state');
  if (p.ask !== 'state') {
    out.push('sends');
    if (p.numbers?.includes('seq')) out.push('seq');
    if (p.numbers?.includes('ack')) out.push('ack');
  }
  return out;
}

export function gradePrediction(p: CompiledPrediction, index: number, answer: PredictionAnswer): PredictionResult {
  const key = p.key;
  const parts: Partial<Record<Part, boolean>> = {};
  for (const part of partsAsked(p)) {
    switch (part) {
      case 'state':
        parts.state = answer.state === key.state;
        break;
      case 'sends':
        parts.sends = answer.sends !== undefined && sameFlags(answer.sends, key.sends);
        break;
      case 'seq':
        parts.seq = answer.seq !== undefined && answer.seq === key.seq;
        break;
      case 'ack':
        parts.ack = answer.ack !== undefined && answer.ack === key.ack;
        break;
    }
  }
  const values = Object.values(parts);
  const right = values.filter(Boolean).length;
  const score = values.length === 0 ? 1 : right / values.length;
  return { index, step: p.step, host: p.host, answer, key, parts, score, correct: right === values.length };
}

export function scoreLab(predictions: number, results: readonly PredictionResult[]): LabScore {
  const total = Math.max(predictions, 1);
  const sum = results.reduce((n, r) => n + r.score, 0);
  return {
    score: Math.min(1, sum / total),
    correct: results.filter((r) => r.correct).length,
    total: predictions,
    missed: results.filter((r) => !r.correct),
  };
}
