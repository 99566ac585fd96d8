/**
 * Orders ids and other ASCII keys by code unit. Not localeCompare: these strings have no locale,
 * and the first localeCompare of a process loads ICU's collation data (~9 ms and 3 MB here).
 */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
