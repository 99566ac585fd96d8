// Progress-file faults that test/store/progress-store.test.ts leaves out or
// cannot run everywhere. That file already covers, and really asserts: a
// truncated file, a file that is not JSON, an empty file, the wrong shape, no
// schema version, a file from a newer release, a missing (nested) directory, a
// directory under a regular file, disk full (Conf's write mocked to throw
// ENOSPC), a process SIGKILLed during writes (15 rounds), and two processes
// answering at once (200 reviews, none lost). Its chmod 0555 test is skipped
// as root, so here a read-only directory is tested in a child process that
// runs as nobody. Added: schema versions that are wrong rather than missing,
// the directory deleted while the trainer runs, and, where this machine lets
// root mount a tmpfs, a real full disk and a real read-only file system.

import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleForChild } from '../support/node-module.js';
import { classify, emptyProgress, PROGRESS_VERSION, type Progress } from '../../src/store/progress.js';
import { FILE_NAME, ProgressStore } from '../../src/store/progress-store.js';

const NOW = new Date('2026-03-01T10:00:00.000Z');
const STAMP = '2026-03-01T10-00-00-000Z';
const now = () => NOW;

const temps: string[] = [];
const mounts: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tcp-trainer-faults-'));
  temps.push(dir);
  return dir;
}
afterAll(() => {
  for (const m of mounts) spawnSync('umount', [m]);
  for (const d of temps) {
    spawnSync('chmod', ['-R', 'u+w', d]);
    rmSync(d, { recursive: true, force: true });
  }
});

const review = (q: string, at: number) => ({ q, at, rating: 3 });

function sample(): Progress {
  const p = emptyProgress();
  p.reviews.push(review('tcp-core/q0', 1));
  p.lessons['tcp-core/handshake'] = { readAt: 5 };
  return p;
}

function onDisk(dir: string): Progress {
  const c = classify(JSON.parse(readFileSync(join(dir, FILE_NAME), 'utf8')));
  expect(c.kind).toBe('ok');
  return (c as { progress: Progress }).progress;
}

describe('a wrong schema version', () => {
  const cases: Array<[string, unknown]> = [
    ['version 0', 0],
    ['version -1', -1],
    ['version 1.5', 1.5],
    ['version "1" (a string)', '1'],
    ['version null', null],
    ['version true', true],
    ['version [1]', [1]],
  ];
  it.each(cases)('%s: the file is moved aside byte for byte with "no schema version", and the next answer is saved', (_name, version) => {
    const dir = tempDir();
    const bytes = JSON.stringify({ ...sample(), version }, null, 2);
    writeFileSync(join(dir, FILE_NAME), bytes);
    const { store, notices, unsaved } = ProgressStore.open({ dir, now });
    expect(unsaved).toBeNull();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('(no schema version)');
    expect(readFileSync(join(dir, `progress.corrupt-${STAMP}.json`), 'utf8')).toBe(bytes);
    expect(store.update((p) => void p.reviews.push(review('tcp-core/q1', 2)))).toBeNull();
    expect(onDisk(dir).reviews).toEqual([review('tcp-core/q1', 2)]);
  });

  it('a newer version is left untouched even when the rest is not progress as this release knows it', () => {
    const dir = tempDir();
    const bytes = JSON.stringify({ version: PROGRESS_VERSION + 7, cards: 'a shape from the future', reviews: null });
    writeFileSync(join(dir, FILE_NAME), bytes);
    const { store, unsaved } = ProgressStore.open({ dir, now });
    expect(unsaved?.kind).toBe('newer');
    expect(unsaved?.message).toContain(`progress version ${PROGRESS_VERSION + 7}`);
    expect(store.update((p) => void p.reviews.push(review('tcp-core/q1', 2)))).toBeNull();
    expect(readFileSync(join(dir, FILE_NAME), 'utf8')).toBe(bytes);
    expect(readdirSync(dir)).toEqual([FILE_NAME]);
  });
});

describe('the directory deleted while the trainer runs', () => {
  // It used to fail every later save with "progress not saved (ENOENT)": the lock file is made in the directory first.
  it('the next answer recreates it and is saved; a file gone is a fresh start, as after tcp-trainer reset in another terminal', () => {
    const parent = tempDir();
    const dir = join(parent, 'tcp-trainer');
    const { store } = ProgressStore.open({ dir, now });
    expect(store.update((p) => void p.reviews.push(review('tcp-core/q1', 1)))).toBeNull();
    rmSync(dir, { recursive: true });
    expect(store.update((p) => void p.reviews.push(review('tcp-core/q2', 2)))).toBeNull();
    expect(onDisk(dir).reviews.map((r) => r.q)).toEqual(['tcp-core/q2']);
    expect(store.update((p) => void p.reviews.push(review('tcp-core/q3', 3)))).toBeNull();
    expect(onDisk(dir).reviews.map((r) => r.q)).toEqual(['tcp-core/q2', 'tcp-core/q3']);
    expect(existsSync(`${join(dir, FILE_NAME)}.lock`)).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Real file systems: a child process with the store bundled, run as nobody when we are root.

const isRoot = process.getuid?.() === 0;
let work: string;

beforeAll(async () => {
  work = tempDir();
  chmodSync(work, 0o755);
  await bundleForChild('src/store/progress-store.ts', join(work, 'store.mjs'));
  // Opens the store on DIR, answers, makes DIR read-only (chmod 0555) if asked, answers again,
  // makes it writable, answers a third time; prints what it saw as JSON.
  writeFileSync(
    join(work, 'readonly.mjs'),
    `import { chmodSync, readFileSync } from 'node:fs';
import { ProgressStore } from './store.mjs';
const [dir, midway] = process.argv.slice(2);
const { store, unsaved } = ProgressStore.open({ dir });
const out = { uid: process.getuid(), unsaved, mode: store.mode, before: store.read().reviews.length };
const answer = (q) => store.update((p) => { p.reviews.push({ q, at: Date.now(), rating: 3 }); });
out.first = answer('ro/1');
if (midway === 'midway') {
  chmodSync(dir, 0o555);
  out.second = answer('ro/2');
  out.seen = store.read().reviews.map((r) => r.q);
  chmodSync(dir, 0o755);
  out.third = answer('ro/3');
}
out.after = store.read().reviews.map((r) => r.q);
console.log(JSON.stringify(out));
`,
  );
});

/** Runs the child as nobody when we are root (root ignores file modes), else as ourselves. */
function runChild(args: string[]): Record<string, unknown> {
  const r = spawnSync(process.execPath, [join(work, 'readonly.mjs'), ...args], { encoding: 'utf8', timeout: 15_000, ...(isRoot ? { uid: 65534, gid: 65534 } : {}) });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

describe('a read-only directory, for real (as nobody when run as root)', () => {
  it('at start: the file is read and left alone, and the session goes on in memory', () => {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    const bytes = JSON.stringify(sample());
    writeFileSync(join(dir, FILE_NAME), bytes);
    chmodSync(join(dir, FILE_NAME), 0o644);
    chmodSync(dir, 0o555);
    const out = runChild([dir]);
    expect(out['unsaved']).toMatchObject({ kind: 'unwritable' });
    expect(String((out['unsaved'] as { message: string }).message)).toContain(`progress cannot be saved in ${dir} (EACCES)`);
    expect(out['mode']).toBe('memory');
    expect(out['before']).toBe(1);
    expect(out['first']).toBeNull();
    expect(out['after']).toEqual(['tcp-core/q0', 'ro/1']);
    expect(readFileSync(join(dir, FILE_NAME), 'utf8')).toBe(bytes);
    expect(readdirSync(dir)).toEqual([FILE_NAME]);
  });

  it('midway: an answer is refused with one line and kept; once writable again, the next answer saves both', () => {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    if (isRoot) execFileSync('chown', ['65534:65534', dir]);
    const out = runChild([dir, 'midway']);
    expect(out['unsaved']).toBeNull();
    expect(out['first']).toBeNull();
    expect(out['second']).toBe('progress not saved (permission denied); it is kept for this session and saved with the next answer');
    expect(out['seen']).toEqual(['ro/1', 'ro/2']);
    expect(out['third']).toBeNull();
    expect(onDisk(dir).reviews.map((r) => r.q)).toEqual(['ro/1', 'ro/2', 'ro/3']);
  });
});

/** Mounts a tmpfs of `size` at a new temp directory; null where this machine does not allow it. */
function tmpfs(size: string, options = ''): string | null {
  if (!isRoot || process.platform !== 'linux') return null;
  const at = tempDir();
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}${options ? `,${options}` : ''}`, 'tmpfs', at]);
  if (r.status !== 0) return null;
  mounts.push(at);
  return at;
}
const canMount = (() => {
  const at = tmpfs('64k');
  if (!at) return false;
  spawnSync('umount', [at]);
  mounts.splice(mounts.indexOf(at), 1);
  return true;
})();

describe.skipIf(!canMount)('a real file system (tmpfs, root only)', () => {
  it('disk full: the answer is refused with one line, the file on disk stays whole and valid, and it is saved once there is room', () => {
    const at = tmpfs('64k')!;
    const dir = join(at, 'tcp-trainer');
    const { store } = ProgressStore.open({ dir, now });
    expect(store.update((p) => void p.reviews.push(review('full/0', 0)))).toBeNull();
    const before = readFileSync(join(dir, FILE_NAME), 'utf8');
    // Fill the disk but one page, which the lock file takes: the write of the progress itself fails.
    const reserve = join(at, 'reserve');
    writeFileSync(reserve, Buffer.alloc(4096));
    const filler = join(at, 'filler');
    spawnSync('sh', ['-c', `cat /dev/zero > '${filler}'`]);
    rmSync(reserve);
    const big = 'x'.repeat(2000);
    const error = store.update((p) => void p.reviews.push(review(`full/${big}`, 1)));
    expect(error).toBe('progress not saved (the disk is full); it is kept for this session and saved with the next answer');
    expect(readFileSync(join(dir, FILE_NAME), 'utf8')).toBe(before);
    expect(store.read().reviews).toHaveLength(2);
    // No temp file of the atomic write is left behind to eat the space.
    expect(readdirSync(dir).filter((f) => f !== FILE_NAME)).toEqual([]);
    rmSync(filler);
    expect(store.update((p) => void p.reviews.push(review('full/2', 2)))).toBeNull();
    expect(onDisk(dir).reviews.map((r) => r.q.slice(0, 8))).toEqual(['full/0', `full/${'x'.repeat(3)}`, 'full/2']);
  });

  it('a read-only file system: the file is read and left alone, and the session goes on in memory', () => {
    const at = tmpfs('1m')!;
    const bytes = JSON.stringify(sample());
    writeFileSync(join(at, FILE_NAME), bytes);
    expect(spawnSync('mount', ['-o', 'remount,ro', at]).status).toBe(0);
    const { store, unsaved } = ProgressStore.open({ dir: at, now });
    expect(unsaved?.kind).toBe('unwritable');
    expect(unsaved?.message).toBe(`progress cannot be saved in ${at} (EROFS): the directory is not writable (set TCP_TRAINER_HOME to a writable directory)`);
    expect(store.read().reviews).toHaveLength(1);
    expect(store.update((p) => void p.reviews.push(review('ro/1', 1)))).toBeNull();
    expect(store.read().reviews).toHaveLength(2);
    expect(readFileSync(join(at, FILE_NAME), 'utf8')).toBe(bytes);
    expect(existsSync(join(at, `${FILE_NAME}.lock`))).toBe(false);
  });

  it('a corrupt file on a read-only file system cannot be moved aside: it is left as it is and the session goes on in memory', () => {
    const at = tmpfs('1m')!;
    writeFileSync(join(at, FILE_NAME), '{"version": 1, "cards": ');
    mkdirSync(join(at, 'x'));
    expect(spawnSync('mount', ['-o', 'remount,ro', at]).status).toBe(0);
    const { store, notices, unsaved } = ProgressStore.open({ dir: at, now });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toBe(`${join(at, FILE_NAME)} could not be used (not valid JSON) and could not be moved aside (EROFS); it is left as it is`);
    expect(unsaved?.kind).toBe('unwritable');
    expect(store.mode).toBe('memory');
    expect(readFileSync(join(at, FILE_NAME), 'utf8')).toBe('{"version": 1, "cards": ');
  });
});
