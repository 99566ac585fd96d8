// Spaced repetition with ts-fsrs, cards stored as plain JSON (dates as ms).

import { createEmptyCard, fsrs, type Card, type Grade as FsrsGrade } from 'ts-fsrs';
import type { CardJson } from '../store/progress.js';
import type { Rating } from './grade.js';

// Fuzz would make the schedule depend on randomness; the trainer stays deterministic.
const scheduler = fsrs({ enable_fuzz: false });

function toCard(c: CardJson): Card {
  return {
    due: new Date(c.due),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsed_days: c.elapsedDays,
    scheduled_days: c.scheduledDays,
    learning_steps: c.learningSteps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
    ...(c.lastReview !== undefined ? { last_review: new Date(c.lastReview) } : {}),
  };
}

function toJson(c: Card): CardJson {
  return {
    due: c.due.getTime(),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsedDays: c.elapsed_days,
    scheduledDays: c.scheduled_days,
    learningSteps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
    ...(c.last_review ? { lastReview: c.last_review.getTime() } : {}),
  };
}

/** The card after a review with `rating` at `now` (a new card when there was none). */
export function review(card: CardJson | undefined, rating: Rating, now: number): CardJson {
  const current = card ? toCard(card) : createEmptyCard(new Date(now));
  return toJson(scheduler.next(current, new Date(now), rating as unknown as FsrsGrade).card);
}

/** Probability of recall now, 0..1 (0 for a card never reviewed). */
export function retrievability(card: CardJson | undefined, now: number): number {
  if (!card || card.reps === 0) return 0;
  return scheduler.get_retrievability(toCard(card), new Date(now), false);
}
