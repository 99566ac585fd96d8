import { describe, expect, it } from 'vitest';
import { buildQueue, dueCount, newCardsToday, type CourseQuestion } from '../../src/engine/queue.js';
import { review, retrievability } from '../../src/engine/srs.js';
import { emptyProgress, type Progress } from '../../src/store/progress.js';
import type { CompiledQuestion } from '../../src/content/validate.js';

const NOW = new Date(2026, 10, 21, 9, 0, 0).getTime();
const MIN = 60_000;
const DAY = 24 * 60 * MIN;

function q(id: string, topic = 'p/a'): CourseQuestion {
  const question = { id, topic, kind: 'truefalse', difficulty: 1, source: 's', answer: true, en: { prompt: 'p', explanation: 'e' }, zh: { prompt: 'p', explanation: 'e' } } as CompiledQuestion;
  return { key: `p/${id}`, question };
}

const course = [q('a1'), q('a2'), q('a3'), q('b1', 'p/b'), q('b2', 'p/b'), q('a4'), q('a5')];

/** A card reviewed Good at `at`, due at `due`. */
function seen(p: Progress, key: string, due: number, at = due - DAY): void {
  p.cards[key] = { ...review(undefined, 3, at), due };
  p.reviews.push({ q: key, at, rating: 3, correct: true });
}

describe('buildQueue', () => {
  it('puts priority items first, then due cards oldest first, then new cards in course order', () => {
    const p = emptyProgress();
    seen(p, 'p/a2', NOW - 1 * MIN);
    seen(p, 'p/b1', NOW - 10 * MIN);
    seen(p, 'p/a4', NOW + DAY); // not due yet
    p.priority = ['p/a5'];
    const queue = buildQueue(p, course, NOW);
    expect(queue.map((x) => [x.key, x.reason])).toEqual([
      ['p/a5', 'priority'],
      ['p/b1', 'due'],
      ['p/a2', 'due'],
      ['p/a1', 'new'],
      ['p/a3', 'new'],
      ['p/b2', 'new'],
    ]);
    expect(dueCount(p, course, NOW)).toBe(2);
  });

  it('a priority item that is also due appears once', () => {
    const p = emptyProgress();
    seen(p, 'p/a2', NOW - MIN);
    p.priority = ['p/a2', 'p/a2'];
    const queue = buildQueue(p, course, NOW);
    expect(queue.filter((x) => x.key === 'p/a2')).toEqual([expect.objectContaining({ reason: 'priority' })]);
  });

  it('takes new cards only up to the daily limit, counting cards first seen today', () => {
    const p = emptyProgress();
    p.settings.newPerDay = 3;
    seen(p, 'p/a1', NOW + DAY, NOW - 60 * MIN); // first seen earlier today: uses one of the three
    const queue = buildQueue(p, course, NOW);
    expect(newCardsToday(p, NOW)).toBe(1);
    expect(queue.filter((x) => x.reason === 'new').map((x) => x.key)).toEqual(['p/a2', 'p/a3']);
    p.settings.newPerDay = 1;
    expect(buildQueue(p, course, NOW)).toEqual([]);
    // Due cards are never held back by the limit.
    seen(p, 'p/b1', NOW - MIN);
    expect(buildQueue(p, course, NOW).map((x) => x.key)).toEqual(['p/b1']);
  });

  it('keeps to the topics: the route topic first, else the settings, else all', () => {
    const p = emptyProgress();
    seen(p, 'p/a2', NOW - MIN);
    p.priority = ['p/a5'];
    expect(buildQueue(p, course, NOW, ['p/b']).map((x) => x.key)).toEqual(['p/b1', 'p/b2']);
    p.settings.topics = ['p/b'];
    expect(buildQueue(p, course, NOW).map((x) => x.key)).toEqual(['p/b1', 'p/b2']);
    expect(buildQueue(p, course, NOW, ['p/a']).map((x) => x.key)).toEqual(['p/a5', 'p/a2', 'p/a1', 'p/a3', 'p/a4']);
    p.settings.topics = [];
    expect(buildQueue(p, course, NOW)).toHaveLength(course.length);
  });
});

describe('review', () => {
  it('Good on a new card schedules it later; Again keeps it within minutes', () => {
    const good = review(undefined, 3, NOW);
    const again = review(undefined, 1, NOW);
    expect(good.due).toBeGreaterThan(NOW);
    expect(again.due).toBeGreaterThanOrEqual(NOW);
    expect(again.due - NOW).toBeLessThanOrEqual(10 * MIN);
    expect(good.due).toBeGreaterThan(again.due);
    expect(good.reps).toBe(1);
    expect(good.lastReview).toBe(NOW);
  });

  it('Good again moves a learned card days ahead, further each time; Again brings it back close and counts a lapse', () => {
    let card = review(undefined, 3, NOW);
    card = review(card, 3, card.due);
    card = review(card, 3, card.due);
    const interval1 = card.due - (card.lastReview ?? 0);
    expect(interval1).toBeGreaterThanOrEqual(DAY);
    const next = review(card, 3, card.due);
    expect(next.due - (next.lastReview ?? 0)).toBeGreaterThan(interval1);
    const lapsed = review(card, 1, card.due);
    expect(lapsed.due - card.due).toBeLessThan(DAY);
    expect(lapsed.lapses).toBe(card.lapses + 1);
  });

  it('is deterministic and recall fades with time', () => {
    expect(review(undefined, 3, NOW)).toEqual(review(undefined, 3, NOW));
    const card = review(review(undefined, 3, NOW), 3, NOW + 10 * MIN);
    expect(retrievability(card, NOW + DAY)).toBeGreaterThan(retrievability(card, NOW + 30 * DAY));
    expect(retrievability(undefined, NOW)).toBe(0);
  });
});
