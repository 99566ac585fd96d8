// Which questions an exam asks: drawn from the chosen topics in turn, so
// every topic gets its share, and within a topic from each difficulty in
// turn, so the exam is neither all recall nor all analysis. The seed decides
// everything left to chance: the same seed gives the same exam. Pure.

import type { CompiledQuestion } from '../content/validate.js';
import type { Course } from '../engine/course.js';
import { scenarioFor } from '../engine/course.js';
import type { CourseQuestion } from '../engine/queue.js';
import type { ExamQuestion } from '../store/exam-records.js';
import { derive, generator, permutation, shuffle } from '../engine/random.js';

export const DEFAULT_COUNT = 20;
export const MAX_COUNT = 100;
export const DEFAULT_MINUTES = 25;
export const MAX_MINUTES = 300;
export const DEFAULT_PASS = 70;

/**
 * The kinds an exam asks. Open questions are left out: nothing can grade them, and a self-graded
 * item would make the score the learner's own opinion. They belong to the interview drill.
 */
export const EXAM_KINDS: ReadonlySet<CompiledQuestion['kind']> = new Set(['single', 'multi', 'truefalse', 'order', 'numeric', 'fill', 'predict']);

export interface SelectOptions {
  count: number;
  /** Topic keys; empty means every topic. */
  topics: readonly string[];
  seed: number;
}

/** The questions an exam over `topics` (empty: all) may ask; a predict item only when its scenario is there to run. */
export function examPool(course: Course, topics: readonly string[]): CourseQuestion[] {
  const wanted = topics.length > 0 ? new Set(topics) : null;
  return course.questions.filter((c) => {
    const q = c.question;
    if (!EXAM_KINDS.has(q.kind)) return false;
    if (wanted && !wanted.has(q.topic)) return false;
    return q.kind !== 'predict' || (q.key !== undefined && scenarioFor(course, c) !== undefined);
  });
}

export type TopicLookup = { ok: true; keys: string[] } | { ok: false; unknown: string[]; valid: string[] };

/** Names shown for the topics: the bare id where it is unique across the packs, else pack/id. */
export function topicNames(course: Course): string[] {
  return course.topics.map((t) => (course.topics.filter((o) => o.id === t.id).length > 1 ? t.key : t.id));
}

/**
 * Topic keys for names given as ids (`handshake`) or keys (`tcp-core/handshake`). An id that
 * several packs use means each of them. Names that match nothing are returned with the valid ones.
 */
export function resolveTopics(course: Course, names: readonly string[]): TopicLookup {
  const keys: string[] = [];
  const unknown: string[] = [];
  for (const raw of names) {
    const name = raw.trim();
    if (name === '') continue;
    const found = course.topics.filter((t) => t.key === name || t.id === name);
    if (found.length === 0) unknown.push(name);
    for (const t of found) if (!keys.includes(t.key)) keys.push(t.key);
  }
  return unknown.length > 0 ? { ok: false, unknown, valid: topicNames(course) } : { ok: true, keys };
}

const DIFFICULTIES = [1, 2, 3] as const;

/** The difficulty to take when the one wanted has run out: the nearest, the easier one first on a tie. */
function nearest(buckets: Map<number, CourseQuestion[]>, want: number): CourseQuestion[] | null {
  const order = [...DIFFICULTIES].sort((a, b) => Math.abs(a - want) - Math.abs(b - want) || a - b);
  for (const d of order) {
    const b = buckets.get(d);
    if (b && b.length > 0) return b;
  }
  return null;
}

/**
 * Up to `count` questions (fewer only when the pool is smaller), each with the order its options
 * or items are shown in. Topics take turns, in an order the seed shuffles, so the topics that get
 * one more question than the others change from seed to seed; topic j's r-th question is of
 * difficulty (j + r) mod 3, or the nearest it has, so difficulties are spread over the exam and
 * within each topic. The questions are then shuffled.
 */
export function selectExam(course: Course, o: SelectOptions): ExamQuestion[] {
  const pool = examPool(course, o.topics);
  const random = generator(derive(o.seed, 'pick'));
  const byTopic = new Map<string, Map<number, CourseQuestion[]>>();
  for (const c of pool) {
    const topic = byTopic.get(c.question.topic) ?? new Map<number, CourseQuestion[]>();
    byTopic.set(c.question.topic, topic);
    const bucket = topic.get(c.question.difficulty) ?? [];
    topic.set(c.question.difficulty, bucket);
    bucket.push(c);
  }
  // Shuffled in a fixed order (course order, then each bucket as written), so only the seed decides.
  const courseOrder = course.topics.map((t) => t.key).filter((k) => byTopic.has(k));
  for (const k of courseOrder) for (const d of DIFFICULTIES) byTopic.get(k)!.set(d, shuffle(byTopic.get(k)!.get(d) ?? [], random));
  const order = shuffle(courseOrder, random);

  const n = Math.max(0, Math.min(Math.floor(o.count), pool.length));
  const picked: CourseQuestion[] = [];
  for (let round = 0; picked.length < n; round++) {
    order.forEach((topic, j) => {
      if (picked.length >= n) return;
      const bucket = nearest(byTopic.get(topic)!, DIFFICULTIES[(j + round) % 3]!);
      if (bucket) picked.push(bucket.pop()!);
    });
  }

  return shuffle(picked, random).map((c) => {
    const q = c.question;
    const own = generator(derive(o.seed, `options:${c.key}`));
    const item: ExamQuestion = { key: c.key, topic: q.topic };
    if (q.kind === 'single' || q.kind === 'multi') item.perm = permutation(q.en.options.length, own);
    if (q.kind === 'order') {
      // Items shown in the right order would give the answer away.
      let perm = permutation(q.en.items.length, own);
      while (perm.every((v, i) => v === i)) perm = permutation(q.en.items.length, own);
      item.perm = perm;
    }
    return item;
  });
}
