// `tcp-trainer progress [--export FILE | --import FILE]` and `tcp-trainer reset [--yes]`.
// Progress is only read and written through the store: imports are merged into
// the latest file under its lock, and a reset keeps the old file as a backup.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { classify, mergeProgress, type Progress } from '../store/progress.js';
import { ProgressStore } from '../store/progress-store.js';
import { stripControl } from '../text/sanitize.js';
import type { Context } from './commands.js';
import { commandArgs } from './args.js';
import { UserError } from './user-error.js';
import { usageOf } from './commands.js';

const PROGRESS_USAGE = usageOf('progress');
const RESET_USAGE = usageOf('reset');

/** Paths and reasons may come from the user or the file system: keep the message on one clean line. */
const line = (text: string): string => stripControl(text).replace(/[\n\t]+/g, ' ');

const count = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;

type Options = Record<string, { type: 'string' | 'boolean'; short?: string }>;

function parse(name: string, argv: string[], options: Options, usage: string): Record<string, string | boolean | undefined> {
  const parsed = commandArgs(name, argv, options, `usage: ${usage}`);
  if (parsed.positionals.length > 0) throw new UserError(`${name}: unexpected '${line(parsed.positionals[0]!)}' (usage: ${usage})`, 2);
  return parsed.values;
}

/** Opens the learner's store; notices (a file moved aside) go to stderr, one line each. */
function openStore() {
  const opened = ProgressStore.open();
  for (const notice of opened.notices) process.stderr.write(`tcp-trainer: ${line(notice)}\n`);
  return opened;
}

/** The reason inside the store's "progress not saved (REASON); ..." line. */
function notSavedReason(message: string): string {
  return /^progress not saved \((.*)\); it is kept/.exec(message)?.[1] ?? message;
}

function summary(path: string, p: Progress, now: number): string {
  const cards = Object.values(p.cards);
  const due = cards.filter((c) => c.due <= now).length;
  const last = p.reviews.at(-1);
  return [
    `progress file: ${path}${existsSync(path) ? '' : ' (not created yet)'}`,
    `cards: ${cards.length}${cards.length > 0 ? ` (${due} due now)` : ''}`,
    `reviews: ${p.reviews.length}${last ? ` (last ${new Date(last.at).toISOString().slice(0, 16).replace('T', ' ')} UTC)` : ''}`,
    `lessons read: ${Object.keys(p.lessons).length}`,
  ].join('\n');
}

export async function runProgress(argv: string[], _ctx: Context): Promise<number> {
  const values = parse('progress', argv, { export: { type: 'string' }, import: { type: 'string' } }, PROGRESS_USAGE);
  const exportTo = values['export'] as string | undefined;
  const importFrom = values['import'] as string | undefined;
  if (exportTo !== undefined && importFrom !== undefined) throw new UserError(`progress: give --export or --import, not both (usage: ${PROGRESS_USAGE})`, 2);
  if (exportTo === '' || importFrom === '') throw new UserError(`progress: --${exportTo === '' ? 'export' : 'import'} needs a file name, or - (usage: ${PROGRESS_USAGE})`, 2);
  if (importFrom !== undefined) return importProgress(importFrom);

  const { store, unsaved } = openStore();
  if (unsaved?.kind === 'newer') throw new UserError(line(unsaved.message), 1);
  const progress = store.read();
  if (exportTo === undefined) {
    process.stdout.write(`${summary(store.path, progress, Date.now())}\n`);
    if (unsaved) process.stderr.write(`tcp-trainer: ${line(unsaved.message)}\n`);
    return 0;
  }
  const json = `${JSON.stringify(progress, null, 2)}\n`;
  if (exportTo === '-') {
    process.stdout.write(json);
    return 0;
  }
  try {
    writeFileSync(exportTo, json);
  } catch (e) {
    throw new UserError(`${line(exportTo)}: cannot write the export (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); check the path and its directory`, 1);
  }
  process.stdout.write(
    `exported ${count(Object.keys(progress.cards).length, 'card')}, ${count(progress.reviews.length, 'review')} and ${count(Object.keys(progress.lessons).length, 'lesson')} read to ${line(exportTo)}\n`,
  );
  return 0;
}

function readImport(file: string): Progress {
  const name = file === '-' ? '(stdin)' : line(file);
  let raw: string;
  try {
    raw = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    const why = { ENOENT: 'no such file', EISDIR: 'it is a directory', EACCES: 'permission denied' }[code] ?? `cannot read it: ${code}`;
    throw new UserError(`${name}: ${why}; nothing was imported`, 1);
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    throw new UserError(`${name}: not valid JSON, so not a tcp-trainer progress file; nothing was imported (make one with tcp-trainer progress --export FILE)`, 1);
  }
  const c = classify(data);
  if (c.kind === 'newer') {
    throw new UserError(`${name}: written by a newer tcp-trainer (progress version ${c.version}); nothing was imported (update tcp-trainer to import it)`, 1);
  }
  if (c.kind === 'invalid') {
    throw new UserError(`${name}: not a tcp-trainer progress file (${line(c.reason)}); nothing was imported (make one with tcp-trainer progress --export FILE)`, 1);
  }
  return c.progress;
}

async function importProgress(file: string): Promise<number> {
  const imported = readImport(file);
  const { store, unsaved } = openStore();
  if (unsaved) throw new UserError(`nothing was imported: ${line(unsaved.message)}`, 1);

  let added = { cards: 0, updated: 0, reviews: 0, lessons: 0 };
  // Applied to the file's latest content under the store's lock; the last call is the one saved.
  const error = store.update((p) => {
    const merged = mergeProgress(p, imported);
    added = {
      cards: Object.keys(merged.cards).filter((k) => !(k in p.cards)).length,
      updated: Object.keys(p.cards).filter((k) => JSON.stringify(merged.cards[k]) !== JSON.stringify(p.cards[k])).length,
      reviews: merged.reviews.length - p.reviews.length,
      lessons: Object.keys(merged.lessons).filter((k) => !(k in p.lessons)).length,
    };
    p.cards = merged.cards;
    p.reviews = merged.reviews;
    p.lessons = merged.lessons;
    p.priority = merged.priority;
  });
  if (error !== null) throw new UserError(`nothing was imported: progress not saved (${line(notSavedReason(error))}); ${store.path} is unchanged`, 1);

  const name = file === '-' ? '(stdin)' : line(file);
  const parts = [count(added.cards, 'card'), count(added.reviews, 'review'), count(added.lessons, 'lesson')];
  const news = added.cards + added.updated + added.reviews + added.lessons === 0;
  process.stdout.write(
    news
      ? `merged ${name} into ${store.path}: nothing new, everything in it was already there\n`
      : `merged ${name} into ${store.path}: added ${parts.join(', ')}${added.updated > 0 ? `; ${count(added.updated, 'card')} replaced by a newer review` : ''}\n`,
  );
  return 0;
}

export interface Prompt {
  /** Whether there is a terminal to ask on. */
  isTTY: boolean;
  /** Asks and reads one line; null when the input ends or is interrupted. */
  ask(question: string): Promise<string | null>;
}

const terminal: Prompt = {
  get isTTY() {
    return process.stdin.isTTY === true;
  },
  ask(question) {
    return new Promise((resolve) => {
      const rl = createInterface({ input: process.stdin, output: process.stdout });
      let answer: string | null = null;
      rl.on('SIGINT', () => rl.close());
      rl.on('close', () => {
        if (answer === null) process.stdout.write('\n');
        resolve(answer);
      });
      rl.question(question, (text) => {
        answer = text;
        rl.close();
      });
    });
  },
};

export async function runReset(argv: string[], _ctx: Context, prompt: Prompt = terminal): Promise<number> {
  const values = parse('reset', argv, { yes: { type: 'boolean', short: 'y' } }, RESET_USAGE);
  const { store, unsaved } = openStore();
  if (unsaved) throw new UserError(`nothing was reset: ${line(unsaved.message)}`, 1);
  if (!existsSync(store.path)) {
    process.stdout.write(`no progress to reset in ${store.path}\n`);
    return 0;
  }
  if (values['yes'] !== true) {
    if (!prompt.isTTY) throw new UserError(`reset: no terminal to ask for confirmation; run tcp-trainer reset --yes to reset ${store.path} (a backup is kept)`, 2);
    const answer = await prompt.ask(`Reset all progress in ${store.path}? A backup is kept. [y/N] `);
    if (answer === null || !/^\s*y(es)?\s*$/i.test(answer)) throw new UserError('reset cancelled; nothing was changed', 1);
  }
  let backup: string | null;
  try {
    backup = store.reset();
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new UserError(`nothing was reset: ${store.path} could not be moved to a backup (${line(why)})`, 1);
  }
  process.stdout.write(backup === null ? `no progress to reset in ${store.path}\n` : `progress reset; the old progress is kept at ${backup}\n`);
  return 0;
}
