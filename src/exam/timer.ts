// The exam clock, as a function of the time it is given. Pure.
//
// The time rule: the clock is the wall clock. It starts when the exam
// starts and keeps running while the app is closed, as a paper exam's clock
// keeps running when you leave the room. An exam resumed after its time ran
// out is submitted at once, with the answers saved before it was left, as if
// at the moment the time ran out.

import { hms } from '../engine/time-format.js';

export const WARN_MS = 5 * 60_000;
export const LAST_MS = 60_000;

export interface Clocked {
  startedAt: number;
  limitMs: number;
}

/** Time left at `now`, never below 0. */
export function remainingMs(e: Clocked, now: number): number {
  return Math.max(0, e.startedAt + e.limitMs - now);
}

/** The moment the time runs out. */
export function deadline(e: Clocked): number {
  return e.startedAt + e.limitMs;
}

/** True once the exam must be submitted by the clock. */
export function timeUp(e: Clocked, now: number): boolean {
  return remainingMs(e, now) <= 0;
}

/** How the countdown looks: plain, a warning from 5 minutes, an alarm in the last minute, then up. */
export type ClockPhase = 'normal' | 'warning' | 'last' | 'up';

export function clockPhase(remaining: number): ClockPhase {
  if (remaining <= 0) return 'up';
  if (remaining <= LAST_MS) return 'last';
  if (remaining <= WARN_MS) return 'warning';
  return 'normal';
}

/** mm:ss, or h:mm:ss from an hour on; seconds round up, so 00:00 shows only when the time is up. */
export function formatClock(ms: number): string {
  return hms(Math.ceil(Math.max(0, ms) / 1000));
}

/** Time used, in whole seconds rounded down (a time used is never rounded up past what was taken). */
export function formatUsed(ms: number): string {
  return formatClock(Math.floor(Math.max(0, ms) / 1000) * 1000);
}

/** A moment in the learner's local time, as "YYYY-MM-DD HH:MM". */
export function formatWhen(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
