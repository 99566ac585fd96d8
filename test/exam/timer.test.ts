// The clock as a function of the time it is given: what is left, the warnings at 5 minutes and
// at 1, the submission at 0, and the wall-clock rule on resume.
import { describe, expect, it } from 'vitest';
import { clockPhase, deadline, formatClock, formatUsed, remainingMs, timeUp } from '../../src/exam/timer.js';
import { markExam } from '../../src/exam/score.js';
import { startExam } from '../../src/exam/session.js';
import { course, T0 } from './helpers.js';

const MIN = 60_000;
const exam = { startedAt: T0, limitMs: 25 * MIN };

describe('the exam clock', () => {
  it('counts down from the limit on the clock it is given', () => {
    expect(remainingMs(exam, T0)).toBe(25 * MIN);
    expect(remainingMs(exam, T0 + 90_500)).toBe(25 * MIN - 90_500);
    expect(remainingMs(exam, T0 + 30 * MIN)).toBe(0);
    expect(formatClock(remainingMs(exam, T0))).toBe('25:00');
    // Seconds round up, so 00:00 shows only when the time is up.
    expect(formatClock(remainingMs(exam, T0 + 25 * MIN - 1))).toBe('00:01');
    expect(formatClock(2 * 3600_000 + 5_000)).toBe('2:00:05');
    expect(formatUsed(61_900)).toBe('01:01');
  });

  it('warns from 5 minutes, alarms in the last minute, and is up at 0', () => {
    const at = (left: number): number => T0 + 25 * MIN - left;
    expect(clockPhase(remainingMs(exam, at(5 * MIN + 1)))).toBe('normal');
    expect(clockPhase(remainingMs(exam, at(5 * MIN)))).toBe('warning');
    expect(clockPhase(remainingMs(exam, at(MIN + 1)))).toBe('warning');
    expect(clockPhase(remainingMs(exam, at(MIN)))).toBe('last');
    expect(clockPhase(remainingMs(exam, at(1)))).toBe('last');
    expect(timeUp(exam, at(1))).toBe(false);
    expect(clockPhase(remainingMs(exam, at(0)))).toBe('up');
    expect(timeUp(exam, at(0))).toBe(true);
    expect(timeUp(exam, at(-MIN))).toBe(true);
  });
});

describe('resuming under the wall-clock rule', () => {
  const session = startExam(course, { count: 5, minutes: 25, topics: [], seed: 9, passMark: 70, lang: 'en', now: T0 });

  it('the time the app was closed counts: 10 minutes away leave 15', () => {
    // Left after 5 minutes, back 10 minutes later.
    expect(formatClock(remainingMs(session, T0 + 15 * MIN))).toBe('10:00');
    expect(deadline(session)).toBe(T0 + 25 * MIN);
  });

  it('an exam resumed after its time ran out is marked as of the moment it ran out', () => {
    const r = markExam(course, session, T0 + 3 * 3600_000, true);
    expect(r.finishedAt).toBe(T0 + 25 * MIN);
    expect(r.submittedAt).toBe(T0 + 3 * 3600_000);
    expect(r.timeUsedMs).toBe(25 * MIN);
    expect(r.timedOut).toBe(true);
  });
});
