// What to practise next: questions put first (exam mistakes, lab misses),
// then the cards due, oldest first, then new cards up to the daily limit.
// Pure: the progress, the course and the time come in.

import type { Progress } from '../store/progress.js';
import type { CompiledQuestion } from '../content/validate.js';
import { dayOf } from './days.js';

export interface QueueItem {
  key: string;
  question: CompiledQuestion;
  reason: 'priority' | 'due' | 'new';
}

export interface CourseQuestion {
  key: string;
  question: CompiledQuestion;
}

export function newCardsToday(progress: Progress, now: number): number {
  const today = dayOf(now);
  const firstSeen = new Map<string, number>();
  for (const r of progress.reviews) if (!firstSeen.has(r.q)) firstSeen.set(r.q, r.at);
  let n = 0;
  for (const at of firstSeen.values()) if (dayOf(at) === today) n++;
  return n;
}

export function buildQueue(progress: Progress, course: readonly CourseQuestion[], now: number, topicFilter?: readonly string[]): QueueItem[] {
  const topics = topicFilter && topicFilter.length > 0 ? new Set(topicFilter) : progress.settings.topics.length > 0 ? new Set(progress.settings.topics) : null;
  const inScope = course.filter((c) => !topics || topics.has(c.question.topic));
  const byKey = new Map(inScope.map((c) => [c.key, c]));
  const out: QueueItem[] = [];
  const taken = new Set<string>();
  for (const key of progress.priority) {
    const c = byKey.get(key);
    if (c && !taken.has(key)) {
      out.push({ ...c, reason: 'priority' });
      taken.add(key);
    }
  }
  const due = inScope
    .filter((c) => !taken.has(c.key) && progress.cards[c.key] && progress.cards[c.key]!.due <= now)
    .sort((a, b) => progress.cards[a.key]!.due - progress.cards[b.key]!.due);
  for (const c of due) {
    out.push({ ...c, reason: 'due' });
    taken.add(c.key);
  }
  let room = Math.max(0, progress.settings.newPerDay - newCardsToday(progress, now));
  for (const c of inScope) {
    if (room === 0) break;
    if (taken.has(c.key) || progress.cards[c.key]) continue;
    out.push({ ...c, reason: 'new' });
    taken.add(c.key);
    room--;
  }
  return out;
}

export function dueCount(progress: Progress, course: readonly CourseQuestion[], now: number): number {
  return course.filter((c) => progress.cards[c.key] && progress.cards[c.key]!.due <= now).length;
}
