import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import builtin from 'virtual:builtin-pack';
import { KEYS, renderApp } from './render-app.js';
import { buildCourse } from '../../src/engine/course.js';
import { review } from '../../src/engine/srs.js';
import { topicStats } from '../../src/engine/stats.js';
import { ProgressStore } from '../../src/store/progress-store.js';
import { percent } from '../../src/ui/bars.js';
import type { Progress } from '../../src/store/progress.js';

const NOW = Date.UTC(2026, 10, 21, 9, 0, 0);
const DAY = 24 * 60 * 60 * 1000;
const course = buildCourse([{ pack: builtin, dir: null }]);
const questionsOf = (topic: string): string[] => course.questions.filter((q) => q.question.topic === topic).map((q) => q.key);
const HEADER = 'tcp-core/header';
const HANDSHAKE = 'tcp-core/handshake';

/** A progress directory written before the app starts, as a learner's earlier sessions would leave it. */
function prepared(change: (p: Progress) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'tcp-trainer-ui-'));
  const { store } = ProgressStore.open({ dir });
  expect(store.update(change)).toBeNull();
  return dir;
}

/** The frame's line that mentions `text`. */
function lineWith(frame: string, text: string): string {
  const line = frame.split('\n').find((l) => l.includes(text));
  if (line === undefined) throw new Error(`no line with ${text} in\n${frame}`);
  return line;
}

const toProgress = [{ name: 'home' as const }, { name: 'progress' as const }];
const toSettings = [{ name: 'home' as const }, { name: 'settings' as const }];

describe('Progress screen', () => {
  it('shows zeros everywhere for a learner who has not started', async () => {
    const app = renderApp({ route: toProgress, now: NOW });
    await app.waitFor('Streak: 0 days');
    const frame = app.lastFrame()!;
    expect(frame).toContain('Reviews today: 0');
    expect(frame).toContain('Due now: 0');
    expect(frame).toContain(`Lessons read: 0 of ${course.lessons.length}`);
    expect(frame).toContain('Answer questions in Practice');
    const header = lineWith(frame, 'The TCP header');
    expect(header).toMatch(/░{4,} +0% +0\/\d+ +0$/);
    expect(header).not.toContain('█');
    await app.press('G');
    await app.waitFor('Reviews per day, last 14 days · none yet');
    expect(app.lastFrame()).toContain('·'.repeat(2));
    app.unmount();
  });

  it('draws the streak, today, due counts and mastery from saved progress', async () => {
    const dir = prepared((p) => {
      const at = (days: number): number => NOW - days * DAY;
      const qs = questionsOf(HEADER);
      // 3 today, 2 yesterday, 1 two days ago (a 3-day streak), 4 five days ago.
      const plan: Array<[number, number]> = [[0, 3], [1, 2], [2, 1], [5, 4]];
      for (const [days, n] of plan) for (let i = 0; i < n; i++) p.reviews.push({ q: qs[i % qs.length]!, at: at(days) + i, rating: 3 });
      // Every header question answered Easy yesterday: well known, not due.
      for (const q of qs) p.cards[q] = review(undefined, 4, at(1));
      // Two handshake questions failed two days ago: due now.
      for (const q of questionsOf(HANDSHAKE).slice(0, 2)) p.cards[q] = review(undefined, 1, at(2));
      p.lessons[course.lessons[0]!.key] = { readAt: at(3) };
      p.lessons[course.lessons[1]!.key] = { readAt: at(3) };
    });
    const app = renderApp({ route: toProgress, now: NOW, dir });
    await app.waitFor('Streak: 3 days');
    const frame = app.lastFrame()!;
    expect(frame).toContain('Reviews today: 3');
    expect(frame).toContain('Due now: 2');
    expect(frame).toContain(`Lessons read: 2 of ${course.lessons.length}`);
    expect(frame).not.toContain('Answer questions in Practice');

    const stats = topicStats(app.store.read(), course.questions, [HEADER, HANDSHAKE], NOW);
    expect(stats[0]!.mastery).toBeGreaterThan(0.8);
    const header = lineWith(frame, 'The TCP header');
    const n = questionsOf(HEADER).length;
    expect(header).toMatch(new RegExp(`█{10,}░* +${percent(stats[0]!.mastery)} +${n}/${n} +0$`));
    const handshake = lineWith(frame, 'The three-way handshake');
    expect(handshake).toMatch(new RegExp(` ${percent(stats[1]!.mastery)} +2/${questionsOf(HANDSHAKE).length} +2$`));

    await app.press('G');
    await app.waitFor('10 in all, at most 4 a day');
    expect(app.lastFrame()).toContain('today');
    app.unmount();
  });

  it('dims the topics left out of practice and says why', async () => {
    const dir = prepared((p) => {
      p.settings.topics = [HANDSHAKE];
    });
    const app = renderApp({ route: toProgress, now: NOW, dir });
    await app.waitFor('Streak: 0 days');
    await app.press('G');
    await app.waitFor('Dimmed topics are left out of practice');
    app.unmount();
  });

  it('speaks Chinese, with topic titles from the pack', async () => {
    const app = renderApp({ route: toProgress, now: NOW, lang: 'zh' });
    await app.waitFor('连续 0 天');
    const frame = app.lastFrame()!;
    expect(frame).toContain('今日复习 0');
    expect(frame).toContain('掌握度');
    expect(lineWith(frame, '三次握手')).toMatch(/0%/);
    await app.press('G');
    await app.waitFor('今天');
    app.unmount();
  });
});

describe('Settings screen', () => {
  it('changes new cards per day and the topics, saving each change at once', async () => {
    const app = renderApp({ route: toSettings, now: NOW });
    await app.waitFor('New cards per day');
    expect(app.lastFrame()).toContain('none ticked: all 15 are practised');

    // Keys in one chunk act in order: +1 +1 +1 then +10.
    await app.press(`${KEYS.right}+=${KEYS.pageUp}`);
    await app.waitFor('◀ 33 ▶');
    expect(app.store.read().settings.newPerDay).toBe(33);
    await app.press(KEYS.left, '-', KEYS.pageDown);
    await app.waitFor('◀ 21 ▶');
    expect(app.store.read().settings.newPerDay).toBe(21);

    // The first and third topics, in one chunk.
    await app.press(`${KEYS.down} ${KEYS.down}${KEYS.down} `);
    await app.waitFor('2 of 15 ticked');
    expect(app.store.read().settings).toEqual({ newPerDay: 21, topics: [HEADER, HANDSHAKE] });
    const frame = app.lastFrame()!;
    expect(frame).toContain('[x] The TCP header');
    expect(frame).toContain('[ ] Flags and their combinations');
    expect(frame).toContain('❯ [x] The three-way handshake');

    // ←→ do nothing on a topic row; Space unticks.
    await app.press(KEYS.right, ' ');
    await app.waitFor('1 of 15 ticked');
    expect(app.store.read().settings).toEqual({ newPerDay: 21, topics: [HEADER] });

    await app.press('a');
    await app.waitFor('15 of 15 ticked');
    expect(app.store.read().settings.topics).toEqual(course.topics.map((t) => t.key));
    await app.press('n');
    await app.waitFor('none ticked');
    expect(app.store.read().settings.topics).toEqual([]);
    app.unmount();
  });

  it('keeps new cards per day within 0..500', async () => {
    const app = renderApp({ route: toSettings, now: NOW });
    await app.waitFor('New cards per day');
    await app.press(KEYS.pageDown, KEYS.pageDown, KEYS.pageDown, '-');
    await app.waitFor(/New cards per day: +0 ▶/);
    expect(app.store.read().settings.newPerDay).toBe(0);
    await app.press(...Array.from({ length: 51 }, () => KEYS.pageUp));
    await app.waitFor('◀ 500');
    expect(app.store.read().settings.newPerDay).toBe(500);
    app.unmount();
  });

  it('starts from the saved settings and keeps topics of packs not loaded now', async () => {
    const dir = prepared((p) => {
      p.settings.newPerDay = 7;
      p.settings.topics = ['other-pack/x', HANDSHAKE];
    });
    const app = renderApp({ route: toSettings, now: NOW, dir });
    await app.waitFor('◀ 7 ▶');
    expect(app.lastFrame()).toContain('[x] The three-way handshake');
    await app.press(KEYS.down, ' ');
    await app.waitFor('2 of 15 ticked');
    expect(app.store.read().settings.topics).toEqual(['other-pack/x', HEADER, HANDSHAKE]);
    app.unmount();
  });

  it('speaks Chinese', async () => {
    const app = renderApp({ route: toSettings, now: NOW, lang: 'zh' });
    await app.waitFor('每天新卡数');
    expect(app.lastFrame()).toContain('[ ] 三次握手');
    expect(app.lastFrame()).toContain('语言:中文');
    await app.press(KEYS.down, ' ');
    await app.waitFor('已勾选 1/15');
    expect(app.store.read().settings.topics).toEqual([HEADER]);
    app.unmount();
  });
});
