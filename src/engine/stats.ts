// The numbers the Progress screen draws. Pure.

import type { Progress } from '../store/progress.js';
import type { CourseQuestion } from './queue.js';
import { dayOf, previousDay } from './days.js';
import { retrievability } from './srs.js';

export interface TopicStats {
  topic: string;
  questions: number;
  seen: number;
  due: number;
  /** Mean probability of recall over the topic's questions (unseen count as 0), 0..1. */
  mastery: number;
}

export function topicStats(progress: Progress, course: readonly CourseQuestion[], topics: readonly string[], now: number): TopicStats[] {
  return topics.map((topic) => {
    const qs = course.filter((c) => c.question.topic === topic);
    const cards = qs.map((c) => progress.cards[c.key]);
    const seen = cards.filter(Boolean).length;
    const due = cards.filter((c) => c && c.due <= now).length;
    const mastery = qs.length === 0 ? 0 : cards.reduce((s, c) => s + retrievability(c, now), 0) / qs.length;
    return { topic, questions: qs.length, seen, due, mastery };
  });
}

/** Reviews per day for the last `days` days, oldest first. */
export function reviewsPerDay(progress: Progress, now: number, days: number): Array<{ day: string; count: number }> {
  const counts = new Map<string, number>();
  for (const r of progress.reviews) counts.set(dayOf(r.at), (counts.get(dayOf(r.at)) ?? 0) + 1);
  const out: Array<{ day: string; count: number }> = [];
  let day = dayOf(now);
  for (let i = 0; i < days; i++) {
    out.unshift({ day, count: counts.get(day) ?? 0 });
    day = previousDay(day);
  }
  return out;
}

/** Consecutive days with at least one review, ending today (or yesterday, if today has none yet). */
export function streak(progress: Progress, now: number): number {
  const days = new Set(progress.reviews.map((r) => dayOf(r.at)));
  let day = dayOf(now);
  if (!days.has(day)) day = previousDay(day);
  let n = 0;
  while (days.has(day)) {
    n++;
    day = previousDay(day);
  }
  return n;
}
