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
});
