// What a lab leaves in the progress file. Pure: the progress object comes in
// and is changed in place (the screen hands these to `save`).
//
// - Every wrong prediction, as soon as it is answered, puts related questions
//   at the front of the practice queue (`p.priority`), so a learner who stops
//   half-way still practises what they missed. Related means, in this order:
//   the predict questions of the same pack that run the lab's scenario (the
//   one about the same line and host first, then the nearest lines), else the
//   lab topic's questions that the app grades (not the self-rated open
//   ones), those never answered first, then the most overdue. At most
//   RELATED_PER_MISS per miss, never one already queued.
// - Finishing the lab updates `p.labs[labKey]`: the best score (0..1), one
//   more attempt, when, and the score of this run.

import type { CourseLab, Course } from '../engine/course.js';
import type { Progress } from '../store/progress.js';
import type { PredictionResult } from './grade.js';

export const RELATED_PER_MISS = 2;

export function relatedQuestions(course: Course, lab: CourseLab, miss: Pick<PredictionResult, 'step' | 'host'>, progress: Progress, limit = RELATED_PER_MISS): string[] {
  const queued = new Set(progress.priority);
  const prefix = `${lab.pack}/`;
  const ownPack = course.questions.filter((c) => c.key.startsWith(prefix) && !queued.has(c.key));
  const predicts = ownPack.flatMap((c) => (c.question.kind === 'predict' && c.question.scenario === lab.lab.scenario ? [{ key: c.key, q: c.question }] : []));
  if (predicts.length > 0) {
    const rank = (q: (typeof predicts)[number]['q']): number => Math.abs(q.step - miss.step) * 2 + (q.host === miss.host ? 0 : 1);
    return predicts
      .map((p, i) => ({ ...p, i }))
      .sort((a, b) => rank(a.q) - rank(b.q) || a.i - b.i)
      .slice(0, limit)
      .map((p) => p.key);
  }
  const topical = ownPack.filter((c) => c.question.topic === lab.lab.topic && c.question.kind !== 'open');
  const due = (key: string): number => progress.cards[key]?.due ?? -Infinity;
  return topical
    .map((c, i) => ({ key: c.key, i }))
    .sort((a, b) => due(a.key) - due(b.key) || a.i - b.i)
    .slice(0, limit)
    .map((c) => c.key);
}

/** Queues questions for practice, behind those already waiting, without repeats. */
export function queueForPractice(p: Progress, keys: readonly string[]): void {
  for (const k of keys) if (!p.priority.includes(k)) p.priority.push(k);
}

export function recordFinish(p: Progress, labKey: string, score: number, now: number): void {
  const labs = (p.labs ??= {});
  const old = labs[labKey];
  labs[labKey] = { ...old, best: Math.max(old?.best ?? 0, score), attempts: (old?.attempts ?? 0) + 1, lastAt: now, last: score };
}
