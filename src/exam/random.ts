// The exam's own seeded randomness, so that `--seed N` gives the same exam
// (the same questions, in the same order, with the same option orders) on
// every machine and in every release. Pure; never Math.random.

/** A generator of numbers in [0, 1) from a 32-bit seed (mulberry32). */
export function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed of its own for each part of an exam (the pick, question i's options), so one part never shifts another. */
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

/** A seed from the clock, for an exam started without --seed (shown in the report, so it can be taken again). */
export function seedFrom(now: number): number {
  return Math.floor(now) % 1_000_000;
}
