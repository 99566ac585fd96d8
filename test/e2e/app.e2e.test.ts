// The trainer in a real terminal under tmux.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasTmux, terminals } from './tmux.js';

/** Only Home shows this: the menu cursor on its first item. */
const HOME = '❯ Learn';

const start = terminals();

describe.skipIf(!hasTmux)('in a real terminal (tmux)', () => {
  it('starts on Home, opens help with ?, and quits cleanly with q', async () => {
    const home = mkdtempSync(join(tmpdir(), 'tcp-trainer-e2e-'));
    const t = start(home);
    await t.waitFor(HOME);
    t.key('?');
    await t.waitFor('Everywhere');
    t.key('q');
    await t.waitFor(HOME);
    t.key('q');
    await t.waitFor('[exit 0]');
  });

  it('reads a lesson, answers a practice question, quits, and finds both kept after a restart', async () => {
    const home = mkdtempSync(join(tmpdir(), 'tcp-trainer-e2e-'));
    const t = start(home);
    await t.waitFor(HOME);
    // Learn › the first lesson, read to the end.
    t.key('Enter');
    await t.waitFor('lessons read');
    t.key('Enter');
    await t.waitFor(/1–\d+ of \d+/);
    t.key('End');
    await t.waitFor('End of lesson');
    t.key('q');
    await t.waitFor('1 of 19 lessons read');
    t.key('q');
    // Home now offers the next lesson first; Practice is the third item.
    await t.waitFor('❯ Continue:');
    t.key('Down');
    t.key('Down');
    t.key('Enter');
    await t.waitFor('What is the length, in bytes, of a TCP header that carries no options?');
    t.type('20');
    t.key('Enter');
    await t.waitFor('✓ Right');
    t.key('q');
    await t.waitFor('❯ Continue:');
    t.key('q');
    await t.waitFor('[exit 0]');
    t.close();

    const again = start(home);
    await again.waitFor('❯ Continue:');
    for (let i = 0; i < 6; i++) again.key('Down'); // Continue, Learn, Practice, Labs, Exam, Interview drill, Progress
    again.key('Enter');
    const progress = await again.waitFor('Reviews today: 1');
    expect(progress).toContain('Lessons read: 1 of 19');
    expect(progress).toMatch(/The TCP header\s+█+░+\s+\d+% 1\/\d+/);
    again.key('q');
    await again.waitFor('❯ Continue:');
    again.key('q');
    await again.waitFor('[exit 0]');
  });

  it('Ctrl+C exits with 0 and leaves no progress file corrupted', async () => {
    const home = mkdtempSync(join(tmpdir(), 'tcp-trainer-e2e-'));
    const t = start(home);
    await t.waitFor(HOME);
    t.key('C-c');
    await t.waitFor('[exit 0]');
  });

  it('a terminal too small gets a clear message, and the screen comes back when it grows', async () => {
    const home = mkdtempSync(join(tmpdir(), 'tcp-trainer-e2e-'));
    const t = start(home, [], { columns: 100, rows: 30 });
    await t.waitFor(HOME);
    t.resize(30, 8);
    await t.waitFor(/needs at least\s+40x12/);
    t.resize(80, 24);
    await t.waitFor(HOME);
    t.key('q');
    await t.waitFor('[exit 0]');
  });

  it('follows --lang zh', async () => {
    const home = mkdtempSync(join(tmpdir(), 'tcp-trainer-e2e-'));
    const t = start(home, ['--lang', 'zh']);
    await t.waitFor('学习');
    t.key('q');
    await t.waitFor('[exit 0]');
  });

  it('a corrupt progress file is moved aside with one line, and the app starts', async () => {
    const home = mkdtempSync(join(tmpdir(), 'tcp-trainer-e2e-'));
    const { writeFileSync, readdirSync } = await import('node:fs');
    writeFileSync(join(home, 'progress.json'), '{"version": 1, "cards": ');
    const t = start(home);
    const screen = await t.waitFor(HOME);
    const moved = readdirSync(home).find((f) => f.startsWith('progress.corrupt-'));
    expect(screen.replace(/\n/g, ' ')).toContain(`it was moved to ${join(home, moved ?? '?')}`);
    expect(moved).toBeDefined();
    expect(readFileSync(join(home, moved!), 'utf8')).toBe('{"version": 1, "cards": ');
    t.key('q');
    await t.waitFor('[exit 0]');
  });
});
