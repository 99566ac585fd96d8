// 32-bit sequence arithmetic. RFC 9293 3.4: "all arithmetic dealing with
// sequence numbers must be performed modulo 2**32"; comparisons use the
// signed 32-bit difference, as every real stack does (serial number arithmetic).

export const MOD = 0x1_0000_0000;

export function seqAdd(a: number, n: number): number {
  return (a + n) >>> 0;
}

/** a - b as a signed 32-bit distance. */
export function seqDiff(a: number, b: number): number {
  return (a - b) | 0;
}

export const seqLt = (a: number, b: number): boolean => seqDiff(a, b) < 0;
export const seqLe = (a: number, b: number): boolean => seqDiff(a, b) <= 0;
export const seqGt = (a: number, b: number): boolean => seqDiff(a, b) > 0;
export const seqGe = (a: number, b: number): boolean => seqDiff(a, b) >= 0;

/** lo <= x < hi, modulo 2^32. */
export function seqInWindow(x: number, lo: number, size: number): boolean {
  const d = seqDiff(x, lo);
  return d >= 0 && d < size;
}
