// The launcher's V8 code cache (bin/tcp-trainer.js): written once a session has run a second,
// used as it is by the next start, replaced when V8 rejects it, never in the way of the app.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../support/node-module.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const hasPython = spawnSync('python3', ['--version']).status === 0;
const tempDir = tempDirs('tcp-trainer-code-cache');

/** Opens the trainer in a pty with its home in `home`, waits for Home, stays `hold` seconds; the last screen. */
function session(home: string, hold: number, env: Record<string, string> = {}): string {
  const out = execFileSync('python3', ['bench/pty-run.py', '--marker', '❯ Learn', '--hold', String(hold), '--screen', '--', process.execPath, 'bin/tcp-trainer.js'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CI: 'false', LANG: 'en_US.UTF-8', TCP_TRAINER_HOME: home, ...env },
  });
  return JSON.parse(out).tail;
}

const caches = (home: string): string[] => (existsSync(join(home, 'cache')) ? readdirSync(join(home, 'cache')).filter((f) => f.endsWith('.v8cache')) : []);

describe.skipIf(!hasPython)('code cache', () => {
  it('is written after a session of a second, named after the build and the Node version, and kept by the next start', () => {
    const home = tempDir();
    session(home, 0); // killed at once: no cache
    expect(caches(home)).toEqual([]);
    session(home, 1.6);
    const [name] = caches(home);
    expect(name).toMatch(new RegExp(`^[0-9a-f]{16}-${process.version.replace(/\./g, '\\.')}-${process.arch}\\.v8cache$`));
    const file = join(home, 'cache', name!);
    const before = statSync(file).mtimeMs;
    expect(session(home, 1.6)).toContain('❯ Learn');
    expect(statSync(file).mtimeMs).toBe(before); // accepted: not written again
  });

  it('a corrupt cache is rejected by V8: the app starts as usual and writes a good one', () => {
    const home = tempDir();
    session(home, 1.6);
    const file = join(home, 'cache', caches(home)[0]!);
    const good = readFileSync(file);
    writeFileSync(file, Buffer.alloc(good.length, 0x5a));
    expect(session(home, 1.6)).toContain('❯ Learn');
    expect(readFileSync(file).equals(Buffer.alloc(good.length, 0x5a))).toBe(false);
  });

  it('TCP_TRAINER_CODE_CACHE=0 writes none', () => {
    const home = tempDir();
    expect(session(home, 1.6, { TCP_TRAINER_CODE_CACHE: '0' })).toContain('❯ Learn');
    expect(caches(home)).toEqual([]);
  });

  it('a cache directory that cannot be made (a file is in its place) costs nothing but time', () => {
    const home = tempDir();
    writeFileSync(join(home, 'cache'), 'not a directory');
    expect(session(home, 1.6)).toContain('❯ Learn');
    expect(readFileSync(join(home, 'cache'), 'utf8')).toBe('not a directory');
  });

  it('keeps the three newest caches, so that two installs taking turns do not throw each other out', () => {
    const home = tempDir();
    mkdirSync(join(home, 'cache'));
    const old = ['a', 'b', 'c', 'd'].map((x, i) => {
      const f = join(home, 'cache', `${x.repeat(16)}-v0.0.${i}-x64.v8cache`);
      writeFileSync(f, 'stale');
      utimesSync(f, 1000 + i, 1000 + i);
      return f;
    });
    session(home, 1.6);
    const kept = caches(home);
    expect(kept).toHaveLength(3);
    expect(kept).toEqual(expect.arrayContaining([...old.slice(2).map((f) => f.split('/').pop()!), expect.stringMatching(new RegExp(`^[0-9a-f]{16}-${process.version.replace(/\./g, '\\.')}-`))]));
  });
});
