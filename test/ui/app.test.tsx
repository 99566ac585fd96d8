import { describe, expect, it } from 'vitest';
import { KEYS, renderApp } from './render-app.js';

describe('App shell', () => {
  it('opens on Home with every destination', async () => {
    const app = renderApp();
    await app.waitFor('Learn');
    const frame = app.lastFrame()!;
    for (const item of ['Learn', 'Practice', 'Labs', 'Exam', 'Interview drill', 'Progress', 'Settings', 'Help', 'Quit']) expect(frame).toContain(item);
    app.unmount();
  });

  it('? opens the help from anywhere and q goes back', async () => {
    const app = renderApp();
    await app.waitFor('Learn');
    await app.press('?');
    await app.waitFor('Everywhere');
    expect(app.lastFrame()).toContain('Ctrl+C');
    await app.press('q');
    await app.waitFor('Quit');
    app.unmount();
  });

  it('shows Chinese chrome with --lang zh', async () => {
    const app = renderApp({ lang: 'zh' });
    await app.waitFor('学习');
    expect(app.lastFrame()).toContain('练习');
    app.unmount();
  });

  it('keys that arrive together act in order: ↓ ↓ Enter opens the third item, Esc returns', async () => {
    const app = renderApp();
    await app.waitFor('❯ Learn');
    app.stdin.write(`${KEYS.down}${KEYS.down}${KEYS.enter}`);
    await app.waitFor('tcp-trainer · Lab');
    await app.press(KEYS.escape);
    await app.waitFor('❯ Learn');
    app.unmount();
  });

  it('a key written right after a screen change goes to the new screen: q then ? from Help opens Help again', async () => {
    // Written in one go, both keys are read before React draws; the '?' met the handler of the
    // frame before (Help still on top), and was dropped.
    const app = renderApp({ route: [{ name: 'home' }, { name: 'help' }] });
    await app.waitFor('Everywhere');
    app.stdin.write('q');
    app.stdin.write('?');
    await app.waitFor('tcp-trainer · Help');
    await new Promise((r) => setTimeout(r, 50));
    expect(app.lastFrame()).toContain('Everywhere');
    app.unmount();
  });

  it('Enter, Enter written at once opens Learn and then its first lesson (the second screen is pushed in an effect)', async () => {
    const app = renderApp();
    await app.waitFor('❯ Learn');
    app.stdin.write(KEYS.enter);
    app.stdin.write(KEYS.enter);
    await app.waitFor(/1–\d+ of \d+/);
    app.unmount();
  });
});
