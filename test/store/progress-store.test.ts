// The progress store under the faults a learner's machine can throw at it.
// Every test works in its own temp directory; none touches the real config.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { bundleForChild } from '../support/node-module.js';
import { classify, emptyProgress, mergeProgress, Progress, PROGRESS_VERSION, type CardJson, type Review } from '../../src/store/progress.js';
import { defaultDir, FILE_NAME, ProgressStore } from '../../src/store/progress-store.js';

const NOW = new Date('2026-03-01T10:00:00.000Z');
const STAMP = '2026-03-01T10-00-00-000Z';
const now = () => NOW;

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tcp-trainer-store-'));
  temps.push(dir);
  return dir;
}
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});
afterAll(() => {
  for (const dir of temps) {
    try {
      chmodSync(dir, 0o755);
    } catch {
      // already gone
    }
    rmSync(dir, { recursive: true, force: true });
  }
});

const review = (q: string, at: number): Review => ({ q, at, rating: 3 });
const card = (lastReview: number, reps = 1): CardJson => ({
  due: lastReview + 86_400_000,
  stability: 2,
  difficulty: 5,
  elapsedDays: 0,
  scheduledDays: 1,
  learningSteps: 0,
  reps,
  lapses: 0,
  state: 2,
  lastReview,
});

function open(dir: string) {
  return ProgressStore.open({ dir, now });
}

function onDisk(dir: string): Progress {
  const data: unknown = JSON.parse(readFileSync(join(dir, FILE_NAME), 'utf8'));
  return Progress.parse(data);
}

/** A progress file with something in it, as the trainer writes it. */
function sampleFile(): string {
  const p = emptyProgress();
  p.cards['tcp-core/handshake-ack-of-syn'] = card(1_700_000_000_000);
  p.reviews.push(review('tcp-core/handshake-ack-of-syn', 1_700_000_000_000), review('tcp-core/fin-wait-2', 1_700_000_100_000));
  p.lessons['tcp-core/handshake'] = { readAt: 1_699_999_000_000 };
  return `${JSON.stringify(p, null, '\t')}\n`;
}

describe('a fresh directory', () => {
  it('opens empty, saves an update, and a second open sees it; the file is valid JSON with version 1', () => {
    const dir = tempDir();
    const first = open(dir);
    expect(first.notices).toEqual([]);
    expect(first.unsaved).toBeNull();
    expect(first.store.mode).toBe('disk');
    expect(first.store.read()).toEqual(emptyProgress());

    expect(first.store.update((p) => void p.reviews.push(review('tcp-core/q1', 1)))).toBeNull();

    const again = open(dir);
    expect(again.notices).toEqual([]);
    expect(again.store.read().reviews).toEqual([review('tcp-core/q1', 1)]);
    const file = onDisk(dir);
    expect(file.version).toBe(1);
    expect(file.reviews).toEqual([review('tcp-core/q1', 1)]);
    expect(existsSync(`${join(dir, FILE_NAME)}.lock`)).toBe(false);
  });

  it('creates a missing nested directory on the first save', () => {
    const dir = join(tempDir(), 'a', 'b', 'c');
    const { store, unsaved } = open(dir);
    expect(unsaved).toBeNull();
    expect(store.update((p) => void (p.lessons['tcp-core/handshake'] = { readAt: 5 }))).toBeNull();
    expect(onDisk(dir).lessons).toEqual({ 'tcp-core/handshake': { readAt: 5 } });
  });

  it('TCP_TRAINER_HOME decides defaultDir, and open() without a dir uses it', () => {
    const home = tempDir();
    expect(defaultDir({ TCP_TRAINER_HOME: home })).toBe(home);
    expect(defaultDir({})).not.toBe(home);
    expect(defaultDir({})).toMatch(/tcp-trainer$/);

    vi.stubEnv('TCP_TRAINER_HOME', home);
    expect(defaultDir()).toBe(home);
    const { store } = ProgressStore.open();
    expect(store.path).toBe(join(home, FILE_NAME));
    expect(store.update((p) => void p.priority.push('tcp-core/q1'))).toBeNull();
    expect(onDisk(home).priority).toEqual(['tcp-core/q1']);
  });
});

describe('a progress file that is not progress', () => {
  const valid = sampleFile();
  const cases: Array<[string, string, string]> = [
    ['a corrupt file (not JSON)', 'this is not json {{{', 'not valid JSON'],
    ['a truncated file (a valid file cut in half)', valid.slice(0, Math.floor(valid.length / 2)), 'not valid JSON'],
    ['an empty file', '', 'empty'],
    ['valid JSON with the wrong shape (cards is a list)', JSON.stringify({ ...emptyProgress(), cards: [] }), 'cards:'],
    ['valid JSON with no schema version', JSON.stringify({ cards: {}, reviews: [] }), 'no schema version'],
    ['a JSON array', '[1, 2, 3]', 'not a JSON object'],
  ];

  it.each(cases)('%s is moved aside with its bytes unchanged, the notice names both paths, and the store starts fresh and saves', (_name, bytes, reason) => {
    const dir = tempDir();
    const file = join(dir, FILE_NAME);
    writeFileSync(file, bytes);

    const { store, notices, unsaved } = open(dir);

    const aside = join(dir, `progress.corrupt-${STAMP}.json`);
    expect(readFileSync(aside, 'utf8')).toBe(bytes);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(reason);
    expect(notices[0]).toBe(`${file} could not be used (${notices[0]!.split(' could not be used (')[1]!.split('); it was moved')[0]}); it was moved to ${aside} and a fresh progress file was started`);
    expect(notices[0]).toContain(file);
    expect(notices[0]).toContain(aside);
    expect(notices[0]).not.toContain('\n');
    expect(unsaved).toBeNull();
    expect(store.mode).toBe('disk');
    expect(store.read()).toEqual(emptyProgress());

    expect(store.update((p) => void p.reviews.push(review('tcp-core/q1', 1)))).toBeNull();
    expect(onDisk(dir).reviews).toEqual([review('tcp-core/q1', 1)]);
    expect(readFileSync(aside, 'utf8')).toBe(bytes);
  });

  it('two bad files moved aside in the same millisecond are both kept', () => {
    const dir = tempDir();
    writeFileSync(join(dir, FILE_NAME), 'first bad file');
    const first = open(dir);
    writeFileSync(join(dir, FILE_NAME), 'second bad file');
    const second = open(dir);

    const kept = readdirSync(dir).filter((f) => f.startsWith('progress.corrupt-'));
    expect(kept).toHaveLength(2);
    expect(kept.map((f) => readFileSync(join(dir, f), 'utf8')).sort()).toEqual(['first bad file', 'second bad file']);
    expect(first.notices[0]).not.toBe(second.notices[0]);
  });
});

describe('the file goes bad while the trainer runs', () => {
  for (const [name, bytes] of [
    ['overwritten with garbage', 'garbage'],
    ['overwritten with valid JSON of the wrong shape', '{"version":1,"cards":"no"}'],
  ] as const) {
    it(`${name}: the next update moves it aside and saves the whole session's progress`, () => {
      const dir = tempDir();
      const { store } = open(dir);
      expect(store.update((p) => void p.reviews.push(review('tcp-core/q1', 1)))).toBeNull();
      expect(store.update((p) => void p.reviews.push(review('tcp-core/q2', 2)))).toBeNull();
      writeFileSync(join(dir, FILE_NAME), bytes);

      expect(store.read().reviews.map((r) => r.q)).toEqual(['tcp-core/q1', 'tcp-core/q2']);
      expect(store.update((p) => void p.reviews.push(review('tcp-core/q3', 3)))).toBeNull();

      expect(onDisk(dir).reviews.map((r) => r.q)).toEqual(['tcp-core/q1', 'tcp-core/q2', 'tcp-core/q3']);
      expect(readFileSync(join(dir, `progress.corrupt-${STAMP}.json`), 'utf8')).toBe(bytes);
    });
  }
});

describe('a file from a newer release', () => {
  it('is left byte-for-byte untouched after several updates; the session works in memory', () => {
    const dir = tempDir();
    const file = join(dir, FILE_NAME);
    const bytes = JSON.stringify({ ...JSON.parse(sampleFile()), version: PROGRESS_VERSION + 1, shinyNewThing: { a: 1 } }, null, 2);
    writeFileSync(file, bytes);

    const { store, notices, unsaved } = open(dir);

    expect(unsaved?.kind).toBe('newer');
    expect(unsaved?.message).toContain(file);
    expect(unsaved?.message).toContain(`progress version ${PROGRESS_VERSION + 1}`);
    expect(unsaved?.message).toContain('Update tcp-trainer');
    expect(unsaved?.message).not.toContain('\n');
    expect(notices).toEqual([]);
    expect(store.mode).toBe('memory');

    for (let i = 0; i < 5; i++) expect(store.update((p) => void p.reviews.push(review(`tcp-core/q${i}`, i)))).toBeNull();
    expect(store.read().reviews).toHaveLength(5);
    expect(store.reset()).toBeNull();
    expect(store.update((p) => void p.reviews.push(review('tcp-core/after-reset', 9)))).toBeNull();
    expect(store.read().reviews).toEqual([review('tcp-core/after-reset', 9)]);

    expect(readFileSync(file, 'utf8')).toBe(bytes);
    expect(readdirSync(dir)).toEqual([FILE_NAME]);
  });
});

describe('an unwritable directory', () => {
  it('a directory whose parent is a regular file: unsaved is "unwritable" and the session works in memory', () => {
    const parent = join(tempDir(), 'not-a-dir');
    writeFileSync(parent, 'a regular file');
    const dir = join(parent, 'tcp-trainer');

    const { store, notices, unsaved } = open(dir);

    expect(unsaved?.kind).toBe('unwritable');
    expect(unsaved?.message).toBe(`progress cannot be saved in ${dir} (ENOTDIR): the directory is not writable (set TCP_TRAINER_HOME to a writable directory)`);
    expect(notices).toEqual([]);
    expect(store.mode).toBe('memory');
    expect(store.update((p) => void p.reviews.push(review('tcp-core/q1', 1)))).toBeNull();
    expect(store.read().reviews).toEqual([review('tcp-core/q1', 1)]);
    expect(readFileSync(parent, 'utf8')).toBe('a regular file');
  });

  it.skipIf(process.getuid?.() === 0)('a chmod 0555 directory: unsaved is "unwritable", an existing file is still read and left alone', () => {
    const dir = tempDir();
    const bytes = sampleFile();
    writeFileSync(join(dir, FILE_NAME), bytes);
    chmodSync(dir, 0o555);
    try {
      const { store, unsaved } = open(dir);
      expect(unsaved?.kind).toBe('unwritable');
      expect(unsaved?.message).toContain(dir);
      expect(store.read().reviews).toHaveLength(2);
      expect(store.update((p) => void p.reviews.push(review('tcp-core/q9', 9)))).toBeNull();
      expect(store.read().reviews).toHaveLength(3);
      expect(readFileSync(join(dir, FILE_NAME), 'utf8')).toBe(bytes);
    } finally {
      chmodSync(dir, 0o755);
    }
  });
});

describe('disk full', () => {
  it('update returns one line, the change stays visible, and the next successful update writes both', () => {
    const dir = tempDir();
    const { store } = open(dir);
    expect(store.update((p) => void p.reviews.push(review('tcp-core/before', 1)))).toBeNull();

    const setter = vi.spyOn(Conf.prototype, 'store', 'set').mockImplementationOnce(() => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    });

    const error = store.update((p) => void p.reviews.push(review('tcp-core/full', 2)));
    expect(error).toBe('progress not saved (the disk is full); it is kept for this session and saved with the next answer');
    expect(store.lastError).toBe(error);
    expect(store.read().reviews.map((r) => r.q)).toEqual(['tcp-core/before', 'tcp-core/full']);
    expect(onDisk(dir).reviews.map((r) => r.q)).toEqual(['tcp-core/before']);

    expect(store.update((p) => void p.reviews.push(review('tcp-core/after', 3)))).toBeNull();
    expect(setter).toHaveBeenCalledTimes(2);
    expect(store.lastError).toBeNull();
    expect(onDisk(dir).reviews.map((r) => r.q)).toEqual(['tcp-core/before', 'tcp-core/full', 'tcp-core/after']);
    expect(open(dir).store.read().reviews).toHaveLength(3);
  });
});

describe('two trainers on the same directory', () => {
  it('two store instances interleaving 50 updates each keep all 100 reviews', () => {
    const dir = tempDir();
    const a = open(dir).store;
    const b = open(dir).store;
    for (let i = 0; i < 50; i++) {
      expect(a.update((p) => void p.reviews.push(review(`a/${i}`, i)))).toBeNull();
      expect(b.update((p) => void p.reviews.push(review(`b/${i}`, i)))).toBeNull();
    }
    const qs = onDisk(dir).reviews.map((r) => r.q);
    expect(qs).toHaveLength(100);
    expect(new Set(qs).size).toBe(100);
    expect(a.read().reviews).toHaveLength(100);
    expect(b.read().reviews).toHaveLength(100);
  });
});

describe('real processes', () => {
  let work: string;

  beforeAll(async () => {
    work = tempDir();
    await bundleForChild('src/store/progress-store.ts', join(work, 'store.mjs'));
    // Appends COUNT reviews with ids ID/0.. as fast as it can, starting at START (epoch ms).
    writeFileSync(
      join(work, 'append.mjs'),
      `import { ProgressStore } from './store.mjs';
const [dir, id, count, start] = process.argv.slice(2);
const { store, unsaved } = ProgressStore.open({ dir });
if (unsaved) { console.error(unsaved.message); process.exit(3); }
while (Date.now() < Number(start));
let failed = 0;
for (let i = 0; i < Number(count); i++) {
  if (store.update((p) => { p.reviews.push({ q: id + '/' + i, at: i, rating: 3 }); }) !== null) failed++;
}
for (let tries = 0; store.lastError !== null && tries < 20; tries++) store.update(() => {});
console.log(JSON.stringify({ failed, lastError: store.lastError }));
process.exit(store.lastError === null ? 0 : 4);
`,
    );
    // Writes in a tight loop until killed; says "ready" after its first save.
    writeFileSync(
      join(work, 'loop.mjs'),
      `import { ProgressStore } from './store.mjs';
const [dir, id] = process.argv.slice(2);
const { store } = ProgressStore.open({ dir });
for (let i = 0; ; i++) {
  store.update((p) => { p.reviews.push({ q: id + '/' + i, at: i, rating: 3 }); p.cards[id + '/' + (i % 7)] = { due: i, stability: 1, difficulty: 1, elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: i, lapses: 0, state: 1, lastReview: i }; });
  if (i === 0) process.stdout.write('ready\\n');
}
`,
    );
  });

  function exited(child: ChildProcess): Promise<number | null> {
    return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  }

  it('two node processes appending 100 reviews each end with all 200 in the file', async () => {
    const dir = tempDir();
    const start = Date.now() + 400;
    const children = ['one', 'two'].map((id) => {
      const child = spawn(process.execPath, [join(work, 'append.mjs'), dir, id, '100', String(start)], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
      return exited(child).then((code) => ({ code, out }));
    });
    const results = await Promise.all(children);
    for (const r of results) expect(r, r.out).toMatchObject({ code: 0 });

    const qs = onDisk(dir).reviews.map((r) => r.q);
    expect(qs).toHaveLength(200);
    expect(new Set(qs).size).toBe(200);
    for (const id of ['one', 'two']) for (let i = 0; i < 100; i++) expect(qs).toContain(`${id}/${i}`);
    expect(existsSync(`${join(dir, FILE_NAME)}.lock`)).toBe(false);
  }, 60_000);

  it('three processes that find a dead process\'s lock at the same moment take it over once and keep every review', async () => {
    for (let round = 0; round < 8; round++) {
      const dir = tempDir();
      writeFileSync(join(dir, `${FILE_NAME}.lock`), String(spawnSync(process.execPath, ['-e', '0']).pid));
      const start = Date.now() + 400;
      const ids = ['x', 'y', 'z'];
      const codes = await Promise.all(
        ids.map((id) => exited(spawn(process.execPath, [join(work, 'append.mjs'), dir, id, '10', String(start)], { stdio: 'ignore' }))),
      );
      expect(codes).toEqual([0, 0, 0]);
      const qs = onDisk(dir).reviews.map((r) => r.q);
      expect(qs, `round ${round}`).toHaveLength(30);
      expect(new Set(qs).size).toBe(30);
      expect(readdirSync(dir).sort()).toEqual([FILE_NAME]);
    }
  }, 90_000);

  it('a process killed during writes (15 times, after 20-200 ms) leaves a file that parses and a lock the next writer takes over', async () => {
    const dir = tempDir();
    const file = join(dir, FILE_NAME);
    let saved = 0;
    for (let round = 0; round < 15; round++) {
      const child = spawn(process.execPath, [join(work, 'loop.mjs'), dir, `kill${round}`], { stdio: ['ignore', 'pipe', 'inherit'] });
      const done = exited(child);
      await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.floor(Math.random() * 181)));
      child.kill('SIGKILL');
      await done;

      const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
      const c = classify(data);
      expect(c.kind).toBe('ok');
      const reviews = (c as { progress: Progress }).progress.reviews;
      expect(reviews.length).toBeGreaterThan(saved);
      saved = reviews.length;

      // The next writer: a fresh trainer, which must not wait on the dead child's lock.
      const { store, notices, unsaved } = open(dir);
      expect(notices).toEqual([]);
      expect(unsaved).toBeNull();
      const t0 = Date.now();
      expect(store.update((p) => void p.priority.push(`after-kill-${round}`))).toBeNull();
      // At most about a second: a child killed between creating the lock and writing its pid leaves it empty.
      expect(Date.now() - t0).toBeLessThan(2000);
      expect(existsSync(`${file}.lock`)).toBe(false);
      expect(onDisk(dir).reviews).toHaveLength(saved);
      expect(onDisk(dir).priority).toContain(`after-kill-${round}`);
    }
  }, 120_000);

  it('a lock file naming a dead process is taken over at once', () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(join(dir, `${FILE_NAME}.lock`), String(dead));
    const { store } = open(dir);
    const t0 = Date.now();
    expect(store.update((p) => void p.reviews.push(review('tcp-core/q1', 1)))).toBeNull();
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(existsSync(join(dir, `${FILE_NAME}.lock`))).toBe(false);
    expect(onDisk(dir).reviews).toHaveLength(1);
  });
});

describe('lock files left behind', () => {
  it('an old empty lock (its creator killed before writing its pid) is taken over at once', () => {
    const dir = tempDir();
    const lock = join(dir, `${FILE_NAME}.lock`);
    writeFileSync(lock, '');
    const past = new Date(Date.now() - 5_000);
    utimesSync(lock, past, past);
    const { store } = open(dir);
    const t0 = Date.now();
    expect(store.update((p) => void p.reviews.push(review('tcp-core/q1', 1)))).toBeNull();
    expect(Date.now() - t0).toBeLessThan(500);
    expect(existsSync(lock)).toBe(false);
  });

  it('a fresh empty lock is taken over after about a second, not after ten', () => {
    const dir = tempDir();
    const lock = join(dir, `${FILE_NAME}.lock`);
    writeFileSync(lock, '');
    const { store } = open(dir);
    const t0 = Date.now();
    expect(store.update((p) => void p.reviews.push(review('tcp-core/q1', 1)))).toBeNull();
    expect(Date.now() - t0).toBeLessThan(2500);
    expect(onDisk(dir).reviews).toHaveLength(1);
  });

  it('a lock held by a live trainer: update gives up with one line, keeps the change, and saves it once the lock is gone', () => {
    const dir = tempDir();
    const lock = join(dir, `${FILE_NAME}.lock`);
    const { store } = open(dir);
    writeFileSync(lock, String(process.pid));
    const error = store.update((p) => void p.reviews.push(review('tcp-core/q1', 1)));
    expect(error).toBe(`progress not saved (another tcp-trainer holds ${lock}); it is kept for this session and saved with the next answer`);
    expect(existsSync(join(dir, FILE_NAME))).toBe(false);
    expect(readFileSync(lock, 'utf8')).toBe(String(process.pid));
    rmSync(lock);
    expect(store.update((p) => void p.reviews.push(review('tcp-core/q2', 2)))).toBeNull();
    expect(onDisk(dir).reviews.map((r) => r.q)).toEqual(['tcp-core/q1', 'tcp-core/q2']);
  });
});

describe('mergeProgress', () => {
  it('keeps the newer card, the union of reviews without duplicates, the earliest lesson read time, and the union of priorities', () => {
    const mine = emptyProgress();
    mine.cards['k/newer-here'] = card(2_000, 5);
    mine.cards['k/newer-there'] = card(1_000, 1);
    mine.cards['k/only-here'] = card(1_500);
    mine.reviews.push(review('k/a', 10), review('k/b', 30));
    mine.lessons['k/l1'] = { readAt: 500 };
    mine.lessons['k/l2'] = { readAt: 100 };
    mine.priority.push('k/p1');

    const theirs = emptyProgress();
    theirs.cards['k/newer-here'] = card(1_000, 2);
    theirs.cards['k/newer-there'] = card(3_000, 9);
    theirs.cards['k/only-there'] = card(700);
    theirs.reviews.push(review('k/a', 10), review('k/c', 20), review('k/b', 30), review('k/b', 40));
    theirs.lessons['k/l1'] = { readAt: 200 };
    theirs.lessons['k/l2'] = { readAt: 900 };
    theirs.lessons['k/l3'] = { readAt: 50 };
    theirs.priority.push('k/p1', 'k/p2');
    const before = structuredClone(mine);

    const out = mergeProgress(mine, theirs);

    expect(out.cards['k/newer-here']).toEqual(card(2_000, 5));
    expect(out.cards['k/newer-there']).toEqual(card(3_000, 9));
    expect(out.cards['k/only-here']).toEqual(card(1_500));
    expect(out.cards['k/only-there']).toEqual(card(700));
    expect(out.reviews).toEqual([review('k/a', 10), review('k/c', 20), review('k/b', 30), review('k/b', 40)]);
    expect(out.lessons).toEqual({ 'k/l1': { readAt: 200 }, 'k/l2': { readAt: 100 }, 'k/l3': { readAt: 50 } });
    expect(out.priority).toEqual(['k/p1', 'k/p2']);
    expect(mine).toEqual(before);
    expect(mergeProgress(out, theirs)).toEqual(out);
  });
});

describe('mergeProgress: labs, exams and drills', () => {
  it('keeps the best lab score and the latest run, and the union of exams and drills by id', () => {
    const mine = emptyProgress();
    mine.labs = { 'k/lab1': { best: 0.5, attempts: 3, lastAt: 300, last: 0.5 }, 'k/lab2': { best: 1, attempts: 1, lastAt: 100 } };
    // The merge looks only at id and startedAt; the rest of an exam record does not matter here.
    const exam = (id: string, startedAt: number) => ({ id, startedAt }) as unknown as NonNullable<ReturnType<typeof emptyProgress>['exams']>[number];
    mine.exams = [exam('e1', 10)];
    const theirs = emptyProgress();
    theirs.labs = { 'k/lab1': { best: 0.9, attempts: 2, lastAt: 200, last: 0.9 }, 'k/lab3': { best: 0.2, attempts: 1, lastAt: 50 } };
    theirs.exams = [exam('e0', 5), exam('e1', 10)];
    theirs.drills = [{ id: 'd1', startedAt: 7 } as unknown as NonNullable<ReturnType<typeof emptyProgress>['drills']>[number]];

    const out = mergeProgress(mine, theirs);

    expect(out.labs).toEqual({
      'k/lab1': { best: 0.9, attempts: 3, lastAt: 300, last: 0.5 },
      'k/lab2': { best: 1, attempts: 1, lastAt: 100 },
      'k/lab3': { best: 0.2, attempts: 1, lastAt: 50 },
    });
    expect(out.exams!.map((e) => e.id)).toEqual(['e0', 'e1']);
    expect(out.drills!.map((d) => d.id)).toEqual(['d1']);
    expect(mergeProgress(out, theirs)).toEqual(out);
  });
});

describe('reset', () => {
  it('moves the file to progress.reset-<time>.json and starts empty', () => {
    const dir = tempDir();
    const { store } = open(dir);
    expect(store.update((p) => void p.reviews.push(review('tcp-core/q1', 1)))).toBeNull();
    const bytes = readFileSync(join(dir, FILE_NAME), 'utf8');

    const backup = store.reset();

    expect(backup).toBe(join(dir, `progress.reset-${STAMP}.json`));
    expect(readFileSync(backup!, 'utf8')).toBe(bytes);
    expect(existsSync(join(dir, FILE_NAME))).toBe(false);
    expect(store.read()).toEqual(emptyProgress());
    expect(store.update((p) => void p.reviews.push(review('tcp-core/q2', 2)))).toBeNull();
    expect(onDisk(dir).reviews).toEqual([review('tcp-core/q2', 2)]);
    expect(readFileSync(backup!, 'utf8')).toBe(bytes);
  });

  it('with no file yet returns null and creates nothing', () => {
    const dir = tempDir();
    const { store } = open(dir);
    expect(store.reset()).toBeNull();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('twice in the same millisecond keeps both backups', () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    const { store } = open(dir);
    store.update((p) => void p.reviews.push(review('tcp-core/q1', 1)));
    const first = store.reset();
    store.update((p) => void p.reviews.push(review('tcp-core/q2', 2)));
    const second = store.reset();
    expect(first).not.toBeNull();
    expect(second).not.toBeNull();
    expect(second).not.toBe(first);
    expect(JSON.parse(readFileSync(first!, 'utf8')).reviews).toEqual([review('tcp-core/q1', 1)]);
    expect(JSON.parse(readFileSync(second!, 'utf8')).reviews).toEqual([review('tcp-core/q2', 2)]);
  });
});
