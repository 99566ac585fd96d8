// Deterministic randomness: the core never calls Math.random. Every draw
// comes from a seed the caller passes in, so a script and a seed always
// give the same run.

/** A mulberry32 state step; returns [value, nextState]. */
export function nextRandom(state: number): [number, number] {
  const s = (state + 0x6d2b79f5) >>> 0;
  let t = s;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [(t ^ (t >>> 14)) >>> 0, s];
}

/** A 32-bit mixing hash (murmur3's finaliser over a running fold), for SYN cookies. */
export function hash32(...words: number[]): number {
  let h = 0x9747b28c;
  for (const w of words) {
    h = Math.imul(h ^ (w >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}
