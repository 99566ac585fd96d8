// `tcp-trainer progress` and `tcp-trainer reset` as a learner runs them, each
// run with TCP_TRAINER_HOME in a temp dir (never the real config).
// Needs `npm run build` first (npm test does it).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyProgress, Progress, type CardJson } from '../../src/store/progress.js';
import { root, run } from './run.js';
import { tempDirs } from '../support/node-module.js';

const tempDir = tempDirs('tcp-trainer-cli-progress');

/** A learner's home: runs the CLI with TCP_TRAINER_HOME pointing at it. */
function home() {
  const dir = tempDir();
  const file = join(dir, 'progress.json');
  return {
    dir,
    file,
    run: (args: string[], input = '') => run(args, input, { TCP_TRAINER_HOME: dir }),
    read: (): Progress => Progress.parse(JSON.parse(readFileSync(file, 'utf8'))),
  };
}

const card = (lastReview: number, reps: number): CardJson => ({
  due: lastReview + 86_400_000,
  stability: 3,
  difficulty: 5,
  elapsedDays: 1,
  scheduledDays: 1,
  learningSteps: 0,
  reps,
  lapses: 0,
  state: 2,
  lastReview,
});

function sample(tag: string, base: number): Progress {
  const p = emptyProgress();
  p.cards[`tcp-core/${tag}-1`] = card(base, 1);
  p.cards['tcp-core/shared'] = card(base, 2);
  p.reviews.push({ q: `tcp-core/${tag}-1`, at: base, rating: 3 }, { q: 'tcp-core/shared', at: base + 1, rating: 4, correct: true });
  p.lessons[`tcp-core/${tag}-lesson`] = { readAt: base };
  p.lessons['tcp-core/handshake'] = { readAt: base + 5 };
  return p;
}

/** Gives a home some progress by importing a file (the only way in from the CLI). */
function seed(h: ReturnType<typeof home>, p: Progress): void {
  const file = join(tempDir(), 'seed.json');
  writeFileSync(file, JSON.stringify(p));
  const r = h.run(['progress', '--import', file]);
  expect(r.status, r.stderr).toBe(0);
}

function oneLine(stderr: string): string {
  expect(stderr.endsWith('\n')).toBe(true);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/^\s+at /m);
  return stderr.trimEnd();
}

describe('tcp-trainer progress', () => {
  it('prints where the file is and what it holds', () => {
    const h = home();
    const fresh = h.run(['progress']);
    expect(fresh.status).toBe(0);
    expect(fresh.stderr).toBe('');
    expect(fresh.stdout).toBe(`progress file: ${h.file} (not created yet)\ncards: 0\nreviews: 0\nlessons read: 0\n`);

    seed(h, sample('a', Date.UTC(2026, 0, 2, 3, 4)));
    const r = h.run(['progress']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`progress file: ${h.file}\ncards: 2 (2 due now)\nreviews: 2 (last 2026-01-02 03:04 UTC)\nlessons read: 2\n`);
  });

  it('export then import into another home merges: nothing there before is lost, and the output says what was added', () => {
    const a = home();
    const b = home();
    seed(a, sample('a', 1_000_000));
    seed(b, sample('b', 2_000_000));
    const bBefore = b.read();

    const exportFile = join(tempDir(), 'export.json');
    const exported = a.run(['progress', '--export', exportFile]);
    expect(exported.status).toBe(0);
    expect(exported.stdout).toBe(`exported 2 cards, 2 reviews and 2 lessons read to ${exportFile}\n`);
    const text = readFileSync(exportFile, 'utf8');
    expect(text).toBe(`${JSON.stringify(a.read(), null, 2)}\n`);
    expect(a.run(['progress', '--export', '-']).stdout).toBe(text);

    const imported = b.run(['progress', '--import', exportFile]);
    expect(imported.status).toBe(0);
    expect(imported.stderr).toBe('');
    // a-1 is new; the shared card is older in the export, so B keeps its own; the shared review at a different time is new.
    expect(imported.stdout).toBe(`merged ${exportFile} into ${b.file}: added 1 card, 2 reviews, 1 lesson\n`);

    const merged = b.read();
    expect(Object.keys(merged.cards).sort()).toEqual(['tcp-core/a-1', 'tcp-core/b-1', 'tcp-core/shared']);
    expect(merged.cards['tcp-core/shared']).toEqual(bBefore.cards['tcp-core/shared']);
    expect(merged.reviews).toHaveLength(4);
    for (const r of [...bBefore.reviews, ...a.read().reviews]) expect(merged.reviews).toContainEqual(r);
    expect(merged.lessons['tcp-core/handshake']).toEqual({ readAt: 1_000_005 });
    expect(merged.lessons['tcp-core/a-lesson']).toEqual({ readAt: 1_000_000 });
    expect(merged.lessons['tcp-core/b-lesson']).toEqual({ readAt: 2_000_000 });

    const again = b.run(['progress', '--import', exportFile]);
    expect(again.status).toBe(0);
    expect(again.stdout).toBe(`merged ${exportFile} into ${b.file}: nothing new, everything in it was already there\n`);
    expect(b.read()).toEqual(merged);

    // The other way round the shared card is newer, and replaces the older one.
    const back = join(tempDir(), 'b.json');
    expect(b.run(['progress', '--export', back]).status).toBe(0);
    const r = a.run(['progress', '--import', back]);
    expect(r.stdout).toBe(`merged ${back} into ${a.file}: added 1 card, 2 reviews, 1 lesson; 1 card replaced by a newer review\n`);
    expect(a.read().cards['tcp-core/shared']).toEqual(bBefore.cards['tcp-core/shared']);
  });

  const bad: Array<[string, string, RegExp]> = [
    ['a corrupt file', 'not json at all {', /: not valid JSON, so not a tcp-trainer progress file; nothing was imported \(make one with tcp-trainer progress --export FILE\)$/],
    ['a truncated export', JSON.stringify(sample('x', 5), null, 2).slice(0, 120), /: not valid JSON, so not a tcp-trainer progress file; nothing was imported/],
    ['JSON of the wrong shape', JSON.stringify({ version: 1, cards: [] }), /: not a tcp-trainer progress file \(cards: .*\); nothing was imported/],
    ['a file from a newer release', JSON.stringify({ ...sample('x', 5), version: 99 }), /: written by a newer tcp-trainer \(progress version 99\); nothing was imported \(update tcp-trainer to import it\)$/],
  ];
  it.each(bad)('import of %s: exit 1, one line naming the file, progress unchanged', (_name, bytes, message) => {
    const h = home();
    seed(h, sample('a', 1_000));
    const before = readFileSync(h.file, 'utf8');
    const file = join(tempDir(), 'bad.json');
    writeFileSync(file, bytes);

    const r = h.run(['progress', '--import', file]);

    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const line = oneLine(r.stderr);
    expect(line.startsWith(`tcp-trainer: ${file}: `)).toBe(true);
    expect(line).toMatch(message);
    expect(readFileSync(h.file, 'utf8')).toBe(before);
    expect(readdirSync(h.dir)).toEqual(['progress.json']);
  });

  it('import of a missing file: exit 1, one line', () => {
    const h = home();
    const file = join(h.dir, 'nope.json');
    const r = h.run(['progress', '--import', file]);
    expect(r.status).toBe(1);
    expect(oneLine(r.stderr)).toBe(`tcp-trainer: ${file}: no such file; nothing was imported`);
    expect(existsSync(h.file)).toBe(false);
  });

  it('a corrupt progress file is reported in one line and moved aside; the summary still works', () => {
    const h = home();
    writeFileSync(h.file, '{"version": 1, "cards": {');
    const r = h.run(['progress']);
    expect(r.status).toBe(0);
    const line = oneLine(r.stderr);
    expect(line).toMatch(new RegExp(`^tcp-trainer: ${h.file} could not be used \\(not valid JSON\\); it was moved to ${h.dir}/progress\\.corrupt-.*\\.json and a fresh progress file was started$`));
    expect(r.stdout).toContain('cards: 0\n');
    const aside = readdirSync(h.dir).find((f) => f.startsWith('progress.corrupt-'))!;
    expect(readFileSync(join(h.dir, aside), 'utf8')).toBe('{"version": 1, "cards": {');
  });

  it('a progress file from a newer release: progress and import refuse in one line and leave it untouched', () => {
    const h = home();
    const bytes = JSON.stringify({ ...sample('x', 5), version: 42 });
    writeFileSync(h.file, bytes);
    const seedFile = join(tempDir(), 'seed.json');
    writeFileSync(seedFile, JSON.stringify(sample('y', 7)));

    const summary = h.run(['progress']);
    expect(summary.status).toBe(1);
    expect(oneLine(summary.stderr)).toContain('written by a newer tcp-trainer (progress version 42)');
    const imported = h.run(['progress', '--import', seedFile]);
    expect(imported.status).toBe(1);
    expect(oneLine(imported.stderr)).toMatch(/^tcp-trainer: nothing was imported: .* newer tcp-trainer/);
    const reset = h.run(['reset', '--yes']);
    expect(reset.status).toBe(1);
    expect(oneLine(reset.stderr)).toMatch(/^tcp-trainer: nothing was reset: /);
    expect(readFileSync(h.file, 'utf8')).toBe(bytes);
    expect(readdirSync(h.dir)).toEqual(['progress.json']);
  });

  it('a home that cannot be written: import refuses in one line, the summary says why', () => {
    const parent = join(tempDir(), 'a-file');
    writeFileSync(parent, 'not a directory');
    const dir = join(parent, 'home');
    const seedFile = join(tempDir(), 'seed.json');
    writeFileSync(seedFile, JSON.stringify(sample('y', 7)));
    const why = `progress cannot be saved in ${dir} (ENOTDIR): the directory is not writable (set TCP_TRAINER_HOME to a writable directory)`;

    const imported = run(['progress', '--import', seedFile], '', { TCP_TRAINER_HOME: dir });
    expect(imported.status).toBe(1);
    expect(oneLine(imported.stderr)).toBe(`tcp-trainer: nothing was imported: ${why}`);
    const summary = run(['progress'], '', { TCP_TRAINER_HOME: dir });
    expect(summary.status).toBe(0);
    expect(oneLine(summary.stderr)).toBe(`tcp-trainer: ${why}`);
    expect(readFileSync(parent, 'utf8')).toBe('not a directory');
  });

  it('usage mistakes exit 2 with one line', () => {
    const h = home();
    for (const args of [['progress', '--import'], ['progress', '--export', 'a', '--import', 'b'], ['progress', 'extra'], ['progress', '--frob'], ['reset', '--frob']]) {
      const r = h.run(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(oneLine(r.stderr)).toMatch(/\(usage: tcp-trainer (progress|reset) /);
    }
  });
});

describe('tcp-trainer reset', () => {
  it('without --yes and without a terminal refuses in one line, exit 2, and changes nothing', () => {
    const h = home();
    seed(h, sample('a', 1_000));
    const before = readFileSync(h.file, 'utf8');
    const r = h.run(['reset'], 'y\n');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(oneLine(r.stderr)).toBe(`tcp-trainer: reset: no terminal to ask for confirmation; run tcp-trainer reset --yes to reset ${h.file} (a backup is kept)`);
    expect(readFileSync(h.file, 'utf8')).toBe(before);
    expect(readdirSync(h.dir)).toEqual(['progress.json']);
  });

  it('--yes moves the progress to a backup and starts empty', () => {
    const h = home();
    seed(h, sample('a', 1_000));
    const before = readFileSync(h.file, 'utf8');

    const r = h.run(['reset', '--yes']);

    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const m = /^progress reset; the old progress is kept at (.+)\n$/.exec(r.stdout);
    expect(m).not.toBeNull();
    const backup = m![1]!;
    expect(backup).toMatch(new RegExp(`^${h.dir}/progress\\.reset-.*\\.json$`));
    expect(readFileSync(backup, 'utf8')).toBe(before);
    expect(existsSync(h.file)).toBe(false);
    expect(h.run(['progress']).stdout).toBe(`progress file: ${h.file} (not created yet)\ncards: 0\nreviews: 0\nlessons read: 0\n`);
    expect(JSON.parse(h.run(['progress', '--export', '-']).stdout)).toEqual(emptyProgress());

    const nothing = h.run(['reset', '--yes']);
    expect(nothing.status).toBe(0);
    expect(nothing.stdout).toBe(`no progress to reset in ${h.file}\n`);
  });

  // `script` gives the child a pseudo-terminal, so the question is asked.
  const script = spawnSync('script', ['--version']).status === 0;
  it.skipIf(!script)('on a terminal it asks, and only "y" resets', () => {
    const h = home();
    seed(h, sample('a', 1_000));
    const before = readFileSync(h.file, 'utf8');
    const onTerminal = (answer: string) =>
      spawnSync('script', ['-qec', `${process.execPath} bin/tcp-trainer.js reset`, '/dev/null'], {
        cwd: root,
        input: answer,
        encoding: 'utf8',
        env: { ...process.env, TCP_TRAINER_HOME: h.dir },
        timeout: 15000,
      });

    const no = onTerminal('n\n');
    expect(no.stdout).toContain(`Reset all progress in ${h.file}? A backup is kept. [y/N]`);
    expect(no.stdout).toContain('reset cancelled; nothing was changed');
    expect(no.status).toBe(1);
    expect(readFileSync(h.file, 'utf8')).toBe(before);

    const yes = onTerminal('y\n');
    expect(yes.status).toBe(0);
    expect(yes.stdout).toMatch(/progress reset; the old progress is kept at .*progress\.reset-.*\.json/);
    expect(existsSync(h.file)).toBe(false);
  });
});
