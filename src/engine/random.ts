// Seeded randomness for the learning engine (drill and exam selection, option
// shuffles), so that `--seed N` gives the same drill or exam on every machine.
// The numbers come from the core's own generator (mulberry32); never Math.random.

import { nextRandom } from '../core/rng.js';

/** A generator of numbers in [0, 1) from a 32-bit seed. */
export function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    const [value, next] = nextRandom(state);
    state = next;
    return value / 0x1_0000_0000;
  };
}

/** A seed of its own for each part of a draw (the pick, question i's options), so one part never shifts another. */
export function derive(seed: number, part: string): number {
  let h = (2166136261 ^ (seed >>> 0)) >>> 0;
  for (let i = 0; i < part.length; i++) h = Math.imul(h ^ part.charCodeAt(i), 16777619) >>> 0;
  // One more mixing round, so that seeds 1 and 2 do not give neighbouring streams.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  return h >>> 0;
}

/** A shuffled copy (Fisher-Yates). */
export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A permutation of 0..n-1: position -> index as written. */
export function permutation(n: number, random: () => number): number[] {
  return shuffle(
    Array.from({ length: n }, (_, i) => i),
    random,
  );
}

/** A seed from the clock, for a draw started without --seed (shown to the learner, so it can be repeated). */
export function seedFrom(now: number): number {
  return Math.floor(now) % 1_000_000;
}
