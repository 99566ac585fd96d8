// Exam mode through the real app: setting one up from Home, answering in every view without
// feedback, the navigator (jump, flag, back, change), the submit confirmation, the clock's
// warnings and the time-out, the report and its filter, practise-my-mistakes, resuming, and the
// history on the Progress screen.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { STATES } from '../../src/core/types.js';
import { mistakes } from '../../src/exam/score.js';
import { startExam } from '../../src/exam/session.js';
import type { Course } from '../../src/engine/course.js';
import type { ExamSession } from '../../src/store/exam-records.js';
import { stripWindow } from '../../src/ui/components/ExamBar.js';
import { sendOptions } from '../../src/ui/components/PredictQuestion.js';
import { prepareCards, type ExamCard } from '../../src/ui/screens/exam-take.js';
import { KEYS, renderApp } from './render-app.js';

const NOW = Date.UTC(2026, 10, 21, 9, 0, 0);
const MIN = 60_000;
const CTRL_F = '\x06';
const CTRL_O = '\x0f';
const CTRL_S = '\x13';
const TAB = '\t';
const SHIFT_TAB = '\u001B[Z';

type App = ReturnType<typeof renderApp>;
const flat = (frame: string | undefined): string => (frame ?? '').replace(/\s+/g, ' ');

/** Keys that carry the shown items of an ordering, one at a time with u, into the right order. */
function sortKeys(shown: number[]): string[] {
  const list = [...shown];
  const keys: string[] = [];
  let cursor = 0;
  for (let place = 0; place < list.length; place++) {
    const at = list.indexOf(place);
    for (; cursor < at; cursor++) keys.push(KEYS.down);
    for (; cursor > at; cursor--) keys.push(KEYS.up);
    for (let i = at; i > place; i--) {
      keys.push('u');
      [list[i - 1], list[i]] = [list[i]!, list[i - 1]!];
      cursor--;
    }
  }
  return keys;
}

/** Keys that answer the card as shown (options in the exam's order), right or wrong. */
function answerKeys(card: ExamCard, right: boolean): string[] {
  const q = card.shown!;
  switch (q.kind) {
    case 'single':
      return [String((right ? q.answer : (q.answer + 1) % q.en.options.length) + 1), KEYS.enter];
    case 'multi':
      return [...(right ? q.answer : [q.en.options.findIndex((_, i) => !q.answer.includes(i))]).map((i) => String(i + 1)), KEYS.enter];
    case 'truefalse':
      return [q.answer === right ? 't' : 'f', KEYS.enter];
    case 'order':
      return [...(right ? sortKeys(card.perm!) : []), KEYS.enter];
    case 'numeric':
      return [right ? String(q.answer) : '987654', KEYS.enter];
    case 'fill':
      return [right ? q.en.accept[0]! : 'zzz', KEYS.enter];
    case 'predict': {
      const keys: string[] = [];
      const move = (from: number, to: number): void => {
        for (let i = from; i < to; i++) keys.push(KEYS.down);
        for (let i = from; i > to; i--) keys.push(KEYS.up);
      };
      const key = q.key!;
      if (q.ask !== 'sends') {
        const state = right ? STATES.indexOf(key.state) : STATES.indexOf(key.state) === 0 ? 1 : 0;
        move(STATES.indexOf(card.setup!.before), state);
        keys.push(KEYS.enter);
      }
      if (q.ask !== 'state') {
        const options = sendOptions(q);
        const at = options.findIndex((f) => f.length === key.sends.length && f.every((x) => key.sends.includes(x)));
        move(0, right || q.ask === 'both' ? at : at === 0 ? 1 : 0);
        keys.push(KEYS.enter);
      }
      return keys;
    }
    case 'open':
      throw new Error('no open questions in an exam');
  }
}

/** The exam a route with this seed and count starts, and its cards as the screen shows them. */
function planned(course: Course, count: number, seed: number, minutes = 25): { session: ExamSession; cards: ExamCard[] } {
  const session = startExam(course, { count, minutes, topics: [], seed, passMark: 70, lang: 'en', now: NOW });
  return { session, cards: prepareCards(course, session, 'en') };
}

function examRoute(count: number, seed: number, minutes = 25) {
  return [{ name: 'home' as const }, { name: 'exam' as const, start: true, count, seed, minutes }];
}

async function inProgress(app: App, check: (s: ExamSession) => void): Promise<void> {
  await vi.waitFor(() => {
    const s = app.store.read().examInProgress;
    expect(s).toBeDefined();
    check(s!);
  });
}

describe('exam mode', () => {
  it('is set up and started from Home › Exam, and saved at once', async () => {
    const app = renderApp({ route: [{ name: 'home' }] });
    await app.press(KEYS.down, KEYS.down, KEYS.down, KEYS.enter);
    await app.waitFor('Start the exam');
    expect(app.lastFrame()).toContain('The clock is the wall clock: it keeps running while the app is closed.');
    expect(app.lastFrame()).toContain('Questions: ‹ 20 ›');
    // Fifteen fewer questions, five more minutes, then Start: the keys of one chunk act in order.
    await app.press(KEYS.down, ...Array(15).fill(KEYS.left), KEYS.down, ...Array(5).fill(KEYS.right), KEYS.up, KEYS.up);
    await app.waitFor('Minutes: ‹ 30 ›');
    expect(app.lastFrame()).toContain('Questions: ‹ 5 ›');
    await app.press(KEYS.enter);
    await app.waitFor('Question 1 of 5');
    expect(app.lastFrame()).toContain('30:00 left');
    expect(app.lastFrame()).toContain('○○○○○ 0/5 answered');
    await inProgress(app, (s) => expect(s).toMatchObject({ startedAt: NOW, limitMs: 30 * MIN, passMark: 70, answers: [null, null, null, null, null], flags: [] }));
    app.unmount();
  });

  it('takes answers without feedback; the navigator jumps, flags, goes back and changes answers', async () => {
    const seed = 4;
    const app = renderApp({ route: examRoute(6, seed) });
    const { cards } = planned(app.course, 6, seed);
    await app.waitFor('Question 1 of 6');

    // Question 1, wrong: no verdict, the next question, the answer saved.
    await app.press(...answerKeys(cards[0]!, false));
    await app.waitFor('Question 2 of 6');
    expect(app.lastFrame()).toContain('Answer saved.');
    expect(app.lastFrame()).not.toMatch(/✓ Right|✗ Wrong/);
    expect(app.lastFrame()).toContain('●○○○○ ○ 1/6 answered');
    await inProgress(app, (s) => expect(s.answers[0]).not.toBeNull());

    // Flag question 2 and pass it by; Tab twice and Ctrl+F arrive in one chunk.
    await app.press(CTRL_F);
    await app.waitFor('Flagged for review.');
    await app.press(TAB + TAB + CTRL_F);
    await app.waitFor('Question 4 of 6');
    expect(app.lastFrame()).toContain('●⚑○⚑○ ○ 1/6 answered · ⚑ 2');
    await inProgress(app, (s) => expect(s.flags).toEqual([1, 3]));

    // Back with Shift+Tab to question 3, answer it right.
    await app.press(SHIFT_TAB);
    await app.waitFor('Question 3 of 6');
    await app.press(...answerKeys(cards[2]!, true));
    await app.waitFor('Question 4 of 6');

    // The list: every question with its marks; Enter jumps to question 1, which is changed to right.
    await app.press(CTRL_O);
    await app.waitFor('All questions · ● answered · ○ not answered · ⚑ flagged');
    expect(app.lastFrame()).toMatch(/ 1 ● {2}/);
    expect(app.lastFrame()).toMatch(/ 2 ○⚑ /);
    expect(app.lastFrame()).toMatch(/ 3 ● {2}/);
    expect(app.lastFrame()).toContain('Submit the exam…');
    await app.press('g', KEYS.enter);
    await app.waitFor('Question 1 of 6');
    expect(app.lastFrame()).toContain('● answered');
    await app.press(...answerKeys(cards[0]!, true));
    await app.waitFor('Question 2 of 6');

    // Submit asks first and says how many are unanswered; n keeps the exam going.
    await app.press(CTRL_S);
    await app.waitFor('Submit the exam?');
    expect(flat(app.lastFrame())).toContain('4 of 6 questions are not answered; they count as wrong.');
    expect(flat(app.lastFrame())).toContain('2 questions are flagged for review.');
    await app.press('n');
    await app.waitFor('Question 2 of 6');
    await app.press(CTRL_S, 'y');
    await app.waitFor('Exam · Report');
    expect(app.lastFrame()).toContain('Score 2/6 · 33% · ✗ Not passed (pass mark 70 %)');
    const p = app.store.read();
    expect(p.examInProgress).toBeUndefined();
    expect(p.exams).toHaveLength(1);
    expect(p.exams![0]).toMatchObject({ right: 2, total: 6, passed: false, timedOut: false, flags: [1, 3], correct: [true, false, true, false, false, false] });
    app.unmount();
  });

  it('warns at 5 minutes and at 1, and submits by itself at 00:00', async () => {
    const seed = 8;
    const app = renderApp({ route: examRoute(4, seed, 10) });
    const { cards } = planned(app.course, 4, seed, 10);
    await app.waitFor('10:00 left');
    await app.press(...answerKeys(cards[0]!, true));
    await app.waitFor('Question 2 of 4');

    app.advance(5 * MIN);
    await app.waitFor('Five minutes left.');
    expect(app.lastFrame()).toContain('⚠ 05:00 left');
    app.advance(3 * MIN + 30_000);
    await app.waitFor('⚠ 01:30 left');
    app.advance(30_000);
    await app.waitFor('One minute left: the exam is submitted at 00:00.');
    expect(app.lastFrame()).toContain('⚠ 01:00 left!');
    // An answer in the last minute still counts.
    await app.press(...answerKeys(cards[1]!, true));
    await app.waitFor('Question 3 of 4');

    app.advance(MIN);
    await app.waitFor('Exam · Report');
    expect(app.lastFrame()).toContain('Score 2/4 · 50%');
    expect(app.lastFrame()).toContain('Time used 10:00 of 10:00 · time ran out');
    const r = app.store.read().exams![0]!;
    expect(r).toMatchObject({ timedOut: true, finishedAt: NOW + 10 * MIN, timeUsedMs: 10 * MIN, right: 2 });
    expect(app.store.read().examInProgress).toBeUndefined();
    app.unmount();
  });

  it('the report: per-topic bars weakest first, a filter for wrong and flagged, each question reviewed, and practise my mistakes', async () => {
    const seed = 21;
    const app = renderApp({ route: examRoute(5, seed) });
    const { session, cards } = planned(app.course, 5, seed);
    await app.waitFor('Question 1 of 5');
    await app.press(...answerKeys(cards[0]!, true));
    await app.waitFor('Question 2 of 5');
    await app.press(...answerKeys(cards[1]!, false));
    await app.waitFor('Question 3 of 5');
    await app.press(CTRL_F, ...answerKeys(cards[2]!, true));
    await app.waitFor('Question 4 of 5');
    app.advance(4 * MIN + 5_000);
    await app.press(CTRL_S, 'y');
    await app.waitFor('Exam · Report');
    const frame = flat(app.lastFrame());
    expect(frame).toContain('Score 2/5 · 40% · ✗ Not passed (pass mark 70 %)');
    expect(frame).toContain('Time used 04:05 of 25:00');
    expect(frame).toContain(`The same exam again: tcp-trainer exam --seed ${seed} --count 5`);
    expect(frame).toContain('By topic, weakest first');
    // Weakest first: every 0% row comes before every 100% row.
    const bars = (app.lastFrame() ?? '').split('\n').filter((l) => / \d+% \d+\/\d+$/.test(l));
    const shares = bars.map((l) => Number(/ (\d+)% /.exec(l)![1]));
    expect(shares.length).toBeGreaterThan(1);
    expect([...shares].sort((a, b) => a - b)).toEqual(shares);
    expect(frame).toContain('Review: [All 5] Wrong 3 Flagged 1');

    // Filter to the wrong ones, open the first: question 2, answered wrong, with the right answer, explanation and source.
    await app.press('f');
    await app.waitFor('[Wrong 3]');
    const q2 = app.course.questions.find((c) => c.key === session.questions[1]!.key)!.question;
    expect(flat(app.lastFrame())).toMatch(/❯ 2 ✗ /);
    expect(flat(app.lastFrame())).toMatch(/ 4 — /);
    await app.press(KEYS.enter);
    await app.waitFor('Question 2 of 5');
    expect(app.lastFrame()).toContain('✗ Wrong');
    expect(app.lastFrame()).not.toContain('Rated');
    await app.press('G');
    await vi.waitFor(() => expect(flat(app.lastFrame())).toContain(flat(`Source: ${q2.source}`)));
    // → goes to the next wrong one; an unanswered question says so.
    await app.press(KEYS.right);
    await app.waitFor('Question 4 of 5');
    expect(app.lastFrame()).toContain('— Not answered');
    await app.press(KEYS.escape);
    await app.waitFor('[Wrong 3]');
    await app.press('f');
    await app.waitFor('[Flagged 1]');
    expect(flat(app.lastFrame())).toMatch(/❯ 3 ✓⚑ /);

    // Practise my mistakes: the wrong ones go first in the practice queue, and Practice opens.
    expect(frame).toContain('p Practise my mistakes: put the 3 wrong questions first in Practice');
    await app.press('p');
    await app.waitFor('first 3');
    const r = app.store.read().exams![0]!;
    expect(app.store.read().priority.slice(0, 3)).toEqual(mistakes(r));
    await app.press(KEYS.escape);
    await app.waitFor('3 questions are first in the practice queue.');
    app.unmount();
  });

  it('resumes from Home after Ctrl+C with the clock run on, where it was left', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tcp-trainer-exam-'));
    const seed = 30;
    let app = renderApp({ dir, route: examRoute(5, seed) });
    const { cards } = planned(app.course, 5, seed);
    await app.waitFor('Question 1 of 5');
    await app.press(...answerKeys(cards[0]!, true));
    await app.waitFor('Question 2 of 5');
    await app.press(TAB);
    await app.waitFor('Question 3 of 5');
    await app.press(KEYS.ctrlC);
    app.unmount();
    await vi.waitFor(() => expect(app.store.read().examInProgress?.current).toBe(2));

    // Seven minutes later (the app closed all along): Home offers to resume with 18:00 left.
    app = renderApp({ dir, now: NOW + 7 * MIN, route: [{ name: 'home' }] });
    await app.waitFor('❯ Resume exam (18:00 left)');
    await app.press(KEYS.enter);
    await app.waitFor('Question 3 of 5');
    expect(app.lastFrame()).toContain('18:00 left');
    expect(app.lastFrame()).toContain('●○○○○ 1/5 answered');
    // Going back shows the recorded answer as it was given.
    await app.press(SHIFT_TAB, SHIFT_TAB);
    await app.waitFor('Question 1 of 5');
    expect(app.lastFrame()).toContain('● answered');
    app.unmount();

    // Back after the time ran out: the exam is submitted as of its deadline, with the answer it had.
    app = renderApp({ dir, now: NOW + 2 * 3600_000, route: [{ name: 'home' }] });
    await app.waitFor('❯ Resume exam (time is up: see the result)');
    await app.press(KEYS.enter);
    await app.waitFor('Exam · Report');
    expect(app.lastFrame()).toContain('Score 1/5');
    expect(app.lastFrame()).toContain('Time used 25:00 of 25:00 · time ran out');
    expect(app.store.read().exams![0]).toMatchObject({ finishedAt: NOW + 25 * MIN, submittedAt: NOW + 2 * 3600_000, timedOut: true });
    app.unmount();
  });

  it('tcp-trainer exam while one is unfinished asks to resume it or start another; help does not restart it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tcp-trainer-exam-'));
    let app = renderApp({ dir, route: examRoute(3, 1) });
    await app.waitFor('Question 1 of 3');
    await app.press(TAB, '?');
    await app.waitFor('Everywhere');
    await app.press('q');
    await app.waitFor('Question 2 of 3');
    app.unmount();
    const id = app.store.read().examInProgress!.id;

    app = renderApp({ dir, route: examRoute(3, 2) });
    await app.waitFor('An exam is unfinished: resume it, or start a new one.');
    expect(app.lastFrame()).toMatch(/❯ Resume the exam \(25:00 left, 0 of 3 answered\)/);
    expect(app.lastFrame()).toContain('Start a new exam (drops the unfinished one)');
    await app.press(KEYS.down, KEYS.enter);
    await app.waitFor('Question 1 of 3');
    await vi.waitFor(() => expect(app.store.read().examInProgress!.id).not.toBe(id));
    app.unmount();
  });

  it('lists past exams on the Exam screen and shows the score over time on Progress', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tcp-trainer-exam-'));
    for (const [i, seed] of [5, 6].entries()) {
      const app = renderApp({ dir, now: NOW + i * 3600_000, route: examRoute(2, seed) });
      const { cards } = planned(app.course, 2, seed);
      await app.waitFor('Question 1 of 2');
      await app.press(...answerKeys(cards[0]!, true));
      if (i === 1) {
        await app.waitFor('Question 2 of 2');
        await app.press(...answerKeys(cards[1]!, true));
        await app.waitFor('All questions');
      }
      await app.press(CTRL_S, 'y');
      await app.waitFor('Exam · Report');
      app.unmount();
    }
    let app = renderApp({ dir, route: [{ name: 'home' }, { name: 'exam' }] });
    await app.waitFor('Past exams');
    expect(app.lastFrame()).toMatch(/100%\s+passed\s+2\/2/);
    expect(app.lastFrame()).toMatch(/50%\s+failed\s+1\/2/);
    app.unmount();

    app = renderApp({ dir, route: [{ name: 'home' }, { name: 'progress' }] });
    await app.waitFor('Streak');
    await app.press('G');
    await app.waitFor('Exams, score over time');
    expect(app.lastFrame()).toContain('2 exams · 1 passed · best 100% · last 100%');
    const rows = (app.lastFrame() ?? '').split('\n').filter((l) => /[█░]+ +\d+% [✓✗]$/.test(l));
    expect(rows.map((l) => /(\d+%) ([✓✗])$/.exec(l)!.slice(1).join(' '))).toEqual(['50% ✗', '100% ✓']);
    app.unmount();
  });

  it('reads in Chinese', async () => {
    const app = renderApp({ lang: 'zh', route: examRoute(3, 2, 10) });
    await app.waitFor('第 1/3 题');
    expect(app.lastFrame()).toContain('剩余 10:00');
    expect(app.lastFrame()).toContain('已答 0/3');
    await app.press(CTRL_S);
    await app.waitFor('确定交卷吗?');
    expect(app.lastFrame()).toContain('3 题中有 3 题未作答;未答按错误计。');
    app.unmount();
  });
});

describe('the navigator strip', () => {
  it('shows every question when they fit, else whole groups of five around the current one', () => {
    expect(stripWindow(20, 0, 40)).toEqual({ start: 0, end: 20 });
    // 100 questions in 40 columns: six groups of five, with room for ‹ and ›.
    expect(stripWindow(100, 0, 40)).toEqual({ start: 0, end: 30 });
    expect(stripWindow(100, 50, 40)).toEqual({ start: 40, end: 70 });
    expect(stripWindow(100, 99, 40)).toEqual({ start: 70, end: 100 });
  });
});
