// Times as the drill shows them. Pure.

import { hms } from '../engine/time-format.js';

/** mm:ss (h:mm:ss from an hour on), whole seconds rounded down. */
export function formatDuration(ms: number): string {
  return hms(Math.floor(Math.max(0, ms) / 1000));
}

/** The countdown: the time left, or "+" and the time over once the limit has passed. */
export function countdown(elapsedMs: number, limitMs: number): { text: string; over: boolean } {
  const left = limitMs - elapsedMs;
  // Whole seconds left, rounded up, so the display reaches 00:00 exactly at the limit.
  if (left >= 0) return { text: formatDuration(Math.ceil(left / 1000) * 1000), over: false };
  return { text: `+${formatDuration(-left)}`, over: true };
}

/** A moment in the learner's local time, as "YYYY-MM-DD HH:MM". */
export function formatWhen(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
