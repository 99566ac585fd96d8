// A drill from start to finish as data: answers, pre-ticks, confirmations, the result filed in the progress.
import { describe, expect, it } from 'vitest';
import builtin from 'virtual:builtin-pack';
import { buildCourse } from '../../src/engine/course.js';
import { emptyProgress, Progress } from '../../src/store/progress.js';
import { DrillSession } from '../../src/store/drill-records.js';
import {
  confirmTicks,
  drillItems,
  finishDrill,
  itemText,
  pointVersions,
  position,
  recordResult,
  sessionFits,
  startDrill,
  submitAnswer,
} from '../../src/drill/session.js';

const course = buildCourse([{ pack: builtin, dir: null }]);
const T0 = Date.UTC(2026, 10, 21, 9);

function twoQuestions() {
  const d = startDrill(course, { count: 2, limitMs: 180_000, seed: 5, lang: 'en', now: T0 });
  // Fix the questions so the test reads the same whatever the shuffle does.
  return { ...d, questions: [{ key: 'tcp-core/time-wait-why-2msl', topic: 'tcp-core/time-wait', followups: [0, 1] }, { key: 'tcp-core/states-many-close-wait', topic: 'tcp-core/states', followups: [0] }] };
}

describe('a drill session', () => {
  it('asks each question, then its follow-ups', () => {
    const d = twoQuestions();
    expect(drillItems(d)).toEqual([
      { q: 0, f: -1 },
      { q: 0, f: 0 },
      { q: 0, f: 1 },
      { q: 1, f: -1 },
      { q: 1, f: 0 },
    ]);
    expect(position(d)).toEqual({ phase: 'answer', index: 0 });
    expect(itemText(course, d, { q: 0, f: 0 }, 'en')?.followup).toBe('And if that last ACK is lost too?');
    expect(itemText(course, d, { q: 0, f: 1 }, 'zh')?.followup).toContain('TIME-WAIT');
    expect(pointVersions(course, d, { q: 0, f: -1 }, 'en')[0]).toHaveLength(2);
  });

  it('pre-ticks what the answer covers, keeps the learner’s corrections, and moves on after confirming', () => {
    let d = twoQuestions();
    d = { ...d, draft: { text: 'half typed', ms: 1000 } };
    d = submitAnswer(course, d, 'If the final ACK is lost the peer retransmits its FIN and we must ACK it again. Old duplicate segments must expire before the 4-tuple is reused.', 95_000, 'en');
    expect(d.draft).toBeUndefined();
    expect(position(d)).toEqual({ phase: 'review', index: 0 });
    const a = d.answers[0]!;
    expect(a.ms).toBe(95_000);
    expect(a.auto.slice(0, 3)).toEqual([true, false, true]);
    expect(a.ticks).toEqual(a.auto);
    expect(a.confirmed).toBe(false);
    // A second submit before confirming changes nothing.
    expect(submitAnswer(course, d, 'again', 1, 'en')).toBe(d);

    const corrected = a.auto.map((t, i) => (i === 1 ? true : t));
    d = confirmTicks(d, corrected);
    expect(d.answers[0]!.ticks).toEqual(corrected);
    expect(d.answers[0]!.auto[1]).toBe(false);
    expect(position(d)).toEqual({ phase: 'answer', index: 1 });
  });

  it('finishes with the points covered, files the result and puts the weak questions first in the practice queue', () => {
    let d = twoQuestions();
    for (let i = 0; i < 5; i++) {
      d = submitAnswer(course, d, i === 4 ? 'No, no protocol timer ends CLOSE-WAIT; the fd stays allocated until close() or exit, and the process eventually runs out of descriptors.' : '', 10_000 * (i + 1), 'en');
      const ticks = d.answers[i]!.ticks.map((t, n) => (i >= 3 ? true : t || n === 0));
      d = confirmTicks(d, ticks);
    }
    expect(position(d)).toEqual({ phase: 'done' });
    const result = finishDrill(d, T0 + 600_000);
    expect(result.total).toBe(6 + 3 + 4 + 5 + 3);
    expect(result.covered).toBe(1 + 1 + 1 + 5 + 3);
    expect(result.finishedAt).toBe(T0 + 600_000);

    const p = emptyProgress();
    p.priority = ['tcp-core/other', 'tcp-core/time-wait-why-2msl'];
    p.drillInProgress = DrillSession.parse(d);
    recordResult(p, result);
    expect(p.drillInProgress).toBeUndefined();
    expect(p.drills).toHaveLength(1);
    expect(p.priority).toEqual(['tcp-core/time-wait-why-2msl', 'tcp-core/other']);
    // Filing twice (the store applies a change to its copy and to the file) keeps one record.
    recordResult(p, result);
    expect(p.drills).toHaveLength(1);
    expect(Progress.safeParse(p).success).toBe(true);
  });

  it('knows when a saved drill no longer fits the course', () => {
    const d = twoQuestions();
    expect(sessionFits(course, d)).toBe(true);
    expect(sessionFits(course, { questions: [{ key: 'tcp-core/gone', topic: 'x', followups: [] }] })).toBe(false);
    expect(sessionFits(course, { questions: [{ key: 'tcp-core/time-wait-why-2msl', topic: 'x', followups: [9] }] })).toBe(false);
  });
});
