// The interview drill through the real app: a whole drill with follow-ups, the clock, the ticks,
// the report, the history, and a drill left with Esc or Ctrl+C and resumed.
import { describe, expect, it } from 'vitest';
import { KEYS, renderApp } from './render-app.js';
import { selectDrill } from '../../src/drill/interview-set.js';
import type { Course } from '../../src/engine/course.js';
import { confirmTicks, finishDrill, recordResult, startDrill, submitAnswer } from '../../src/drill/session.js';

const CTRL_D = '\x04';
const TW = 'tcp-core/time-wait-why-2msl';

/** The first seed whose one-question drill asks `key`, so the test knows what comes. */
function seedFor(course: Course, key: string): number {
  for (let seed = 0; seed < 10_000; seed++) if (selectDrill(course, 1, seed)[0]!.key === key) return seed;
  throw new Error(`no seed asks ${key}`);
}

function openQ(course: Course, key: string) {
  const q = course.questions.find((c) => c.key === key)!.question;
  if (q.kind !== 'open') throw new Error('not open');
  return q;
}

describe('interview drill', () => {
  it('runs a whole drill: answer against the clock, check the ticks, follow-ups, report, history', async () => {
    let app = renderApp({ route: [{ name: 'home' }] });
    const seed = seedFor(app.course, TW);
    app.unmount();
    app = renderApp({ route: [{ name: 'home' }, { name: 'interview', start: true, count: 1, seed }] });
    const q = openQ(app.course, TW);
    await app.waitFor('Why does the active closer stay in TIME-WAIT');
    expect(app.lastFrame()).toContain('Question 1 of 1');
    expect(app.lastFrame()).toContain('03:00 left');
    expect(app.lastFrame()).toContain('Ctrl+D submit');
    const followups = app.store.read().drillInProgress!.questions[0]!.followups;
    expect(followups).toHaveLength(2);

    // 95 s later the learner types two lines; q and ? are letters here.
    app.advance(95_000);
    await app.press('If the final ACK is lost, the peer retransmits its FIN; we must ACK it again (q?).', KEYS.enter);
    await app.press('Old duplicate segments must expire before the 4-tuple is reused.');
    await app.waitFor('01:25 left');
    expect(app.lastFrame()).toContain('we must ACK it again (q?).');
    await app.press(CTRL_D);
    await app.waitFor('The app ticked the 2 of 6 key points');
    expect(app.lastFrame()).toContain('answered in 01:35');
    expect(app.lastFrame()).toMatch(/\[x\] Reason one is to re-acknowledge/);
    expect(app.lastFrame()).toMatch(/\[ \] Without TIME-WAIT the retransmitted FIN/);
    let saved = app.store.read().drillInProgress!;
    expect(saved.answers[0]).toMatchObject({ ms: 95_000, confirmed: false, auto: [true, false, true, false, false, false] });

    // The learner adds point 2, which the matcher missed, and confirms.
    await app.press('2', KEYS.enter);
    await app.waitFor(q.en.followups![followups[0]!]!.prompt);
    expect(app.lastFrame()).toContain('Follow-up 1 of 2');
    saved = app.store.read().drillInProgress!;
    expect(saved.answers[0]).toMatchObject({ confirmed: true, ticks: [true, true, true, false, false, false] });

    // The first follow-up goes over time: allowed, and shown.
    await app.press('Each retransmitted FIN is acknowledged again and restarts the 2MSL timer.');
    app.advance(200_000);
    await app.press(' ');
    await app.waitFor('+00:20 over time');
    await app.press(CTRL_D);
    await app.waitFor('answered in 03:20 (+00:20)');
    await app.press(KEYS.enter);
    await app.waitFor(q.en.followups![followups[1]!]!.prompt);
    // No answer at all to the second follow-up.
    await app.press(CTRL_D);
    await app.waitFor('The app ticked the 0 of');
    await app.press(KEYS.enter);

    await app.waitFor('Questions, weakest first');
    const report = app.lastFrame()!;
    expect(report).toMatch(/\d+ of \d+ key points covered/);
    expect(report).toContain('now first in your practice queue');
    expect(report).toContain('By topic, weakest first');
    expect(report).toContain('TIME-WAIT and 2MSL');
    expect(report).toContain('answer 3/6 01:35');
    expect(report).toContain('(+00:20)');
    expect(report).toContain(`Seed ${seed}`);

    const p = app.store.read();
    expect(p.drillInProgress).toBeUndefined();
    expect(p.drills).toHaveLength(1);
    expect(p.priority[0]).toBe(TW);
    expect(p.drills![0]!.answers.map((a) => a.text)).toEqual([
      'If the final ACK is lost, the peer retransmits its FIN; we must ACK it again (q?).\nOld duplicate segments must expire before the 4-tuple is reused.',
      'Each retransmitted FIN is acknowledged again and restarts the 2MSL timer. ',
      '',
    ]);

    // Enter re-reads the answers; Esc comes back to the report.
    await app.press(KEYS.enter);
    await app.waitFor('Your answers');
    expect(app.lastFrame()).toContain('Your answer (01:35)');
    expect(app.lastFrame()).toContain('we must ACK it again (q?).');
    await app.press(KEYS.escape);
    await app.waitFor('Questions, weakest first');
    await app.press(KEYS.escape);
    await app.waitFor('❯ Learn');

    // The drill is in the history on the interview screen.
    await app.press(...Array(4).fill(KEYS.down), KEYS.enter);
    await app.waitFor('Past drills');
    expect(app.lastFrame()).toMatch(/\d+%\s+\d+\/\d+ points\s+1 question/);
    app.unmount();
  });

  it('keeps the answer being typed when the drill is left with Esc, and resumes it from Home with its clock', async () => {
    const app = renderApp({ route: [{ name: 'home' }, { name: 'interview', start: true, count: 2, seed: 11 }] });
    await app.waitFor('03:00 left');
    app.advance(40_000);
    await app.press('half an answer about 中文');
    await app.press(KEYS.escape);
    await app.waitFor('❯ Resume interview drill');
    expect(app.store.read().drillInProgress!.draft).toEqual({ text: 'half an answer about 中文', ms: 40_000 });
    await app.press(KEYS.enter);
    await app.waitFor('half an answer about 中文');
    expect(app.lastFrame()).toContain('02:20 left');
    await app.press(' and the rest', CTRL_D);
    await app.waitFor('Key points');
    const answer = app.store.read().drillInProgress!.answers[0]!;
    expect(answer.text).toBe('half an answer about 中文 and the rest');
    expect(answer.ms).toBe(40_000);
    expect(app.store.read().drillInProgress!.draft).toBeUndefined();
    app.unmount();
  });

  it('keeps the draft when the app quits with Ctrl+C, and --resume goes on from there', async () => {
    const first = renderApp({ route: [{ name: 'home' }, { name: 'interview', start: true, count: 1, seed: 3 }] });
    await first.waitFor('03:00 left');
    await first.press('typed before Ctrl+C');
    await first.press(KEYS.ctrlC);
    await new Promise((r) => setTimeout(r, 20));
    expect(first.store.read().drillInProgress!.draft?.text).toBe('typed before Ctrl+C');

    const again = renderApp({ dir: first.dir, route: [{ name: 'home' }, { name: 'interview', resume: true }] });
    await again.waitFor('typed before Ctrl+C');
    again.unmount();
  });

  it('resumes at the checklist when the drill was left before confirming', async () => {
    const first = renderApp({ route: [{ name: 'home' }, { name: 'interview', start: true, count: 1, seed: 3 }] });
    await first.waitFor('03:00 left');
    await first.press('some answer', CTRL_D);
    await first.waitFor('Key points');
    first.unmount();
    const again = renderApp({ dir: first.dir, route: [{ name: 'home' }, { name: 'interview', resume: true }] });
    await again.waitFor('Key points 0/6');
    expect(again.store.read().drillInProgress!.answers[0]).toMatchObject({ text: 'some answer', confirmed: false });
    await again.press(KEYS.enter);
    await again.waitFor('Follow-up 1 of 2');
    again.unmount();
  });

  it('starts from the intro with the number of questions and minutes chosen', async () => {
    const app = renderApp({ route: [{ name: 'home' }, { name: 'interview' }] });
    await app.waitFor('Start: 5 questions, 3 min per answer');
    expect(app.lastFrame()).toContain('No drills yet.');
    await app.press(KEYS.down, KEYS.left, KEYS.left, KEYS.down, KEYS.right);
    await app.waitFor('Start: 3 questions, 4 min per answer');
    await app.press(KEYS.up, KEYS.up, KEYS.enter);
    await app.waitFor('04:00 left');
    const d = app.store.read().drillInProgress!;
    expect(d.questions).toHaveLength(3);
    expect(d.limitMs).toBe(240_000);
    app.unmount();
  });

  it('says so when there is nothing to resume', async () => {
    const app = renderApp({ route: [{ name: 'home' }, { name: 'interview', resume: true }] });
    await app.waitFor('There is no unfinished interview drill to resume.');
    app.unmount();
  });

  it('runs in Chinese, matching a Chinese answer', async () => {
    let app = renderApp({ lang: 'zh' });
    const seed = seedFor(app.course, TW);
    app.unmount();
    app = renderApp({ lang: 'zh', route: [{ name: 'home' }, { name: 'interview', start: true, count: 1, seed }] });
    await app.waitFor('主动关闭方为什么要停留在 TIME-WAIT');
    expect(app.lastFrame()).toContain('剩余 03:00');
    await app.press('如果最后一个 ACK 丢了，对端会重传 FIN，我们还要再确认一次。', CTRL_D);
    await app.waitFor('程序在你的回答中找到了 6 个要点中的');
    expect(app.lastFrame()).toMatch(/\[x\] 理由一：最后的 ACK 丢失时/);
    expect(app.lastFrame()).toMatch(/\[ \] 理由二/);
    app.unmount();
  });

  it('lists past drills on the Progress screen and on the interview screen, where they can be re-read', async () => {
    const first = renderApp();
    let d = startDrill(first.course, { count: 1, limitMs: 180_000, seed: 17, lang: 'en', now: Date.UTC(2026, 10, 20, 9) });
    d = { ...d, questions: [{ ...d.questions[0]!, followups: [] }] };
    d = submitAnswer(first.course, d, 'my saved answer text', 61_000, 'en');
    d = confirmTicks(d, d.answers[0]!.ticks.map((_, i) => i < 2));
    const result = finishDrill(d, Date.UTC(2026, 10, 20, 9, 5));
    first.store.update((p) => recordResult(p, result));
    first.unmount();

    const progress = renderApp({ dir: first.dir, route: [{ name: 'home' }, { name: 'progress' }] });
    await progress.waitFor('Progress');
    await progress.press('G');
    await progress.waitFor('Interview drills');
    expect(progress.lastFrame()).toMatch(/\d+%\s+2\/\d+ points\s+1 question\s+01:01/);
    progress.unmount();

    const app = renderApp({ dir: first.dir, route: [{ name: 'home' }, { name: 'interview' }] });
    await app.waitFor('Past drills');
    await app.press(KEYS.down, KEYS.down, KEYS.down, KEYS.enter);
    await app.waitFor('Questions, weakest first');
    expect(app.lastFrame()).not.toContain('practice queue');
    await app.press(KEYS.enter);
    await app.waitFor('my saved answer text');
    app.unmount();
  });
});
