import { describe, expect, it, vi } from 'vitest';
import { KEYS, renderApp } from './render-app.js';
import { renderMarkdown } from '../../src/ui/markdown.js';
import { stringWidth } from '../../src/ui/text.js';
import type { Course, CourseLesson } from '../../src/engine/course.js';
import type { Lang } from '../../src/content/schema.js';

const NOW = Date.UTC(2026, 10, 21, 9, 0, 0);
// ink-testing-library: 100 columns; no rows, so the app assumes 24.
const COLUMNS = 100;
const VISIBLE = 24 - 2 - 2; // title and hints of the screen, title and end line of the reader

/** The lesson's body as the reader lays it out in the test terminal. */
function lineCount(lesson: CourseLesson, lang: Lang): number {
  return renderMarkdown(lesson.lesson.body[lang], COLUMNS, lesson.figures).length;
}

/** The course changes while it is written: take the first lesson long enough to scroll through. */
function longLesson(course: Course, lang: Lang = 'en'): CourseLesson {
  const lesson = course.lessons.find((l) => lineCount(l, lang) > 3 * VISIBLE);
  if (!lesson) throw new Error('no lesson in the course is long enough to scroll');
  return lesson;
}

const topicOf = (course: Course, l: CourseLesson) => course.topics.find((t) => t.key === l.topicKey)!;
const lessonsOf = (course: Course, topicKey: string) => course.lessons.filter((l) => l.topicKey === topicKey);

describe('Learn', () => {
  it('lists the topics in pack order with their lessons, all unread at first', async () => {
    const app = renderApp();
    await app.waitFor('❯ Learn');
    await app.press(KEYS.enter);
    await app.waitFor('lessons read');
    const frame = app.lastFrame()!;
    const { course } = app;
    expect(frame).toContain(`0 of ${course.lessons.length} lessons read`);
    const first = course.lessons[0]!;
    const topic = topicOf(course, first);
    expect(frame).toContain(topic.title.en);
    expect(frame).toContain(`0/${lessonsOf(course, topic.key).length} read`);
    expect(frame).toContain(`• ${first.lesson.title.en}`);
    expect(frame).not.toContain('✓');
    // Topics come in pack order.
    const shown = course.topics.map((t) => frame.indexOf(t.title.en)).filter((i) => i >= 0);
    expect(shown.length).toBeGreaterThan(2);
    expect([...shown].sort((a, b) => a - b)).toEqual(shown);
    app.unmount();
  });

  it('reads a lesson: scrolls with j, PgDn and End, marks it read at the end, shows ✓ back in the list', async () => {
    const app = renderApp({ now: NOW });
    const lesson = longLesson(app.course);
    const total = lineCount(lesson, 'en');
    const topic = topicOf(app.course, lesson);
    await app.waitFor('❯ Learn');
    await app.press(KEYS.enter);
    await app.waitFor('lessons read');
    // Walk the cursor to the lesson; the list scrolls with it.
    await app.press('g');
    await app.waitFor(`❯ ${app.course.topics[0]!.title.en}`);
    while (!app.lastFrame()!.includes(`❯   • ${lesson.lesson.title.en}`)) {
      const before = app.lastFrame();
      await app.press('j');
      await vi.waitFor(() => expect(app.lastFrame()).not.toBe(before));
    }
    await app.press(KEYS.enter);
    await app.waitFor(`1–${VISIBLE} of ${total}`);
    const frame = app.lastFrame()!;
    expect(frame).toContain(lesson.lesson.title.en);
    expect(frame).toContain(`Learn · ${topic.title.en}`);
    expect(frame).toContain('↓ more below');
    expect(app.store.read().last).toEqual({ kind: 'lesson', lesson: lesson.key, topic: lesson.topicKey, at: NOW });

    await app.press('j');
    await app.waitFor(`2–${VISIBLE + 1} of ${total}`);
    await app.press(KEYS.pageDown);
    await app.waitFor(`${VISIBLE + 1}–${2 * VISIBLE} of ${total}`);
    expect(app.lastFrame()).not.toContain('End of lesson');
    expect(app.store.read().lessons[lesson.key]).toBeUndefined();

    await app.press(KEYS.end);
    await app.waitFor(`${total - VISIBLE + 1}–${total} of ${total}`);
    expect(app.lastFrame()).toContain('End of lesson · p practise this topic · n next lesson · q back');
    await vi.waitFor(() => expect(app.store.read().lessons[lesson.key]).toEqual({ readAt: NOW }));

    // Reading it again does not move the date.
    app.advance(60_000);
    await app.press('g');
    await app.waitFor(`1–${VISIBLE} of`);
    await app.press('G');
    await app.waitFor('End of lesson');
    expect(app.store.read().lessons[lesson.key]).toEqual({ readAt: NOW });

    await app.press('q');
    await app.waitFor(`✓ ${lesson.lesson.title.en}`);
    expect(app.lastFrame()).toContain(`1 of ${app.course.lessons.length} lessons read`);
    const inTopic = lessonsOf(app.course, topic.key).length;
    expect(app.lastFrame()).toContain(`1/${inTopic} read`);
    app.unmount();
  });

  it('draws the lesson figure as a terminal picture', async () => {
    const app = renderApp();
    const lesson = app.course.lessons.find((l) => /\{\{figure:[\w.-]+\}\}/.test(l.lesson.body.en) && Object.keys(l.figures).length > 0);
    expect(lesson, 'a lesson with a figure').toBeDefined();
    const lines = renderMarkdown(lesson!.lesson.body.en, COLUMNS, lesson!.figures);
    const at = lines.findIndex((l) => l.style === 'figure' && l.text.trim().length > 10);
    expect(at).toBeGreaterThanOrEqual(0);
    app.unmount();

    const reader = renderApp({ route: [{ name: 'home' }, { name: 'learn' }, { name: 'lesson', key: lesson!.key }] });
    await reader.waitFor(lesson!.lesson.title.en);
    for (let i = 0; i < at - VISIBLE + 1; i++) await reader.press('j');
    await reader.waitFor(lines[at]!.text);
    reader.unmount();
  });

  it('p practises the lesson topic; q returns to the lesson', async () => {
    const probe = renderApp();
    const lesson = probe.course.lessons[0]!;
    probe.unmount();
    const app = renderApp({ route: [{ name: 'home' }, { name: 'learn' }, { name: 'lesson', key: lesson.key }] });
    await app.waitFor(lesson.lesson.title.en);
    await app.press('p');
    await app.waitFor(/tcp-trainer · Practice/);
    await app.press(KEYS.escape);
    await app.waitFor(lesson.lesson.title.en);
    expect(app.lastFrame()).toMatch(/tcp-trainer · Learn ·/);
    app.unmount();
  });

  it('n replaces the lesson with the next one, so q goes back to the list', async () => {
    const probe = renderApp();
    const [a, b] = probe.course.lessons;
    probe.unmount();
    const app = renderApp({ route: [{ name: 'home' }, { name: 'learn' }, { name: 'lesson', key: a!.key }] });
    await app.waitFor(a!.lesson.title.en);
    await app.press('n');
    await app.waitFor(b!.lesson.title.en);
    await app.waitFor(/1–\d+ of/);
    expect(app.store.read().last?.lesson).toBe(b!.key);
    await app.press('q');
    await app.waitFor('lessons read');
    app.unmount();
  });

  it('starts on the topic the route names', async () => {
    const probe = renderApp();
    const topic = probe.course.topics[Math.min(5, probe.course.topics.length - 1)]!;
    probe.unmount();
    const app = renderApp({ route: [{ name: 'home' }, { name: 'learn', topic: topic.key }] });
    await app.waitFor(`❯ ${topic.title.en}`);
    app.unmount();
  });

  it('takes keys that arrive in one chunk one by one', async () => {
    const probe = renderApp();
    const lesson = longLesson(probe.course);
    probe.unmount();
    const app = renderApp({ route: [{ name: 'home' }, { name: 'learn' }, { name: 'lesson', key: lesson.key }] });
    await app.waitFor(`1–${VISIBLE} of`);
    await app.press('jjj');
    await app.waitFor(`4–${VISIBLE + 3} of`);
    app.unmount();

    const list = renderApp({ route: [{ name: 'home' }, { name: 'learn' }] });
    await list.waitFor('lessons read');
    // Top row is the first topic, then its first lesson: "g j Enter" opens that lesson.
    await list.press('gj\r');
    await list.waitFor(`1–`);
    expect(list.lastFrame()).toContain(list.course.lessons[0]!.lesson.title.en);
    list.unmount();
  });

  it('says so for a lesson that is not in the course', async () => {
    const app = renderApp({ route: [{ name: 'home' }, { name: 'lesson', key: 'tcp-core/no-such-lesson' }] });
    await app.waitFor('There is no lesson "tcp-core/no-such-lesson"');
    app.unmount();
  });

  it('reads in Chinese, lined up to the column', async () => {
    const app = renderApp({ lang: 'zh', now: NOW });
    const { course } = app;
    const lesson = longLesson(course, 'zh');
    const total = lineCount(lesson, 'zh');
    await app.waitFor('学习');
    await app.press(KEYS.enter);
    await app.waitFor('已读 0 课');
    expect(app.lastFrame()).toContain(`共 ${course.lessons.length} 课`);
    expect(app.lastFrame()).toContain(course.topics[0]!.title.zh);
    expect(app.lastFrame()).toMatch(/已读 0\/\d/);
    for (const line of app.lastFrame()!.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(COLUMNS);
    app.unmount();

    const reader = renderApp({ lang: 'zh', now: NOW, route: [{ name: 'home' }, { name: 'learn' }, { name: 'lesson', key: lesson.key }] });
    await reader.waitFor(`1–${VISIBLE} / 共 ${total} 行`);
    expect(reader.lastFrame()).toContain(lesson.lesson.title.zh);
    for (const line of reader.lastFrame()!.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(COLUMNS);
    await reader.press(KEYS.end);
    await reader.waitFor('本课结束 · p 练习本主题 · n 下一课 · q 返回');
    await vi.waitFor(() => expect(reader.store.read().lessons[lesson.key]).toEqual({ readAt: NOW }));
    await reader.press('q');
    await reader.waitFor(`✓ ${lesson.lesson.title.zh}`);
    reader.unmount();
  });
});
