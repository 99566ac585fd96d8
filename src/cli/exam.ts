// `tcp-trainer exam`: opens the trainer on a timed exam (Home › Exam).
// `--print` writes the exam and its answer key as Markdown instead, with no
// terminal needed; `--json` prints the result once the app has exited.
// Option mistakes are one line and exit 2.

import { loadCourse } from './course.js';
import type { Course } from '../engine/course.js';
import { examCommand, examMarkdown } from '../exam/print.js';
import { seedFrom } from '../engine/random.js';
import { resultJson } from '../exam/score.js';
import { DEFAULT_COUNT, DEFAULT_MINUTES, DEFAULT_PASS, MAX_COUNT, MAX_MINUTES, examPool, resolveTopics, selectExam, topicNames } from '../exam/select.js';
import { stripControl } from '../text/sanitize.js';
import type { Route } from '../ui/navigation.js';
import type { Context } from './commands.js';
import { runInteractive } from './interactive.js';
import { commandArgs } from './args.js';
import { UserError } from './user-error.js';

const EXIT_USAGE = 2;
const MAX_SEED = 0xffff_ffff;

export const EXAM_USAGE = [
  'usage: tcp-trainer exam [--count N] [--minutes N] [--topics a,b] [--seed N] [--pass N] [--json]',
  '       tcp-trainer exam --resume [--json]',
  '       tcp-trainer exam --print [--count N] [--topics a,b] [--seed N] [--minutes N] [--pass N]',
  '',
  'A timed exam drawn from the course, balanced across the topics and the difficulties,',
  'with predict-the-state items from the scenarios. No feedback until you submit; then a',
  'report: score, pass or fail, per-topic bars, and a review of every question.',
  '',
  `  --count N     questions, 1-${MAX_COUNT} (default ${DEFAULT_COUNT})`,
  `  --minutes N   time allowed, 1-${MAX_MINUTES} (default ${DEFAULT_MINUTES}); at 00:00 the exam is submitted`,
  '  --topics a,b  topic ids (handshake) or keys (tcp-core/handshake); default all (see tcp-trainer list)',
  '  --seed N      the same seed gives the same exam, options in the same order (default: from the clock)',
  `  --pass N      pass mark in percent, 0-100 (default ${DEFAULT_PASS})`,
  '  --resume      go on with the unfinished exam (left with Esc, Ctrl+C or a crash)',
  '  --print       write the exam and its answer key as Markdown to stdout (no terminal needed)',
  '  --json        when the exam is over and the app has exited, print the result as JSON',
  '',
  'The clock is the wall clock: it keeps running while the app is closed. An exam resumed',
  'after its time ran out is submitted at once with the answers saved before it was left.',
  '',
].join('\n');

function usageError(message: string): UserError {
  return new UserError(`exam: ${message} (try tcp-trainer exam --help)`, EXIT_USAGE);
}

function number(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.trim());
  if (value.trim() === '' || !Number.isInteger(n) || n < min || n > max) throw usageError(`--${name} must be a whole number from ${min} to ${max}, not '${stripControl(value)}'`);
  return n;
}

export interface ExamArgs {
  mode: 'help' | 'take' | 'resume' | 'print';
  json: boolean;
  count?: number;
  minutes?: number;
  pass?: number;
  seed?: number;
  /** Topic names as typed. */
  topics: string[];
}

/** The command's arguments, checked. Throws UserError (exit 2) for a mistake. */
export function parseExamArgs(argv: string[]): ExamArgs {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  ({ values, positionals } = commandArgs(
    'exam',
    argv,
    {
      count: { type: 'string' },
      minutes: { type: 'string' },
      topics: { type: 'string' },
      seed: { type: 'string' },
      pass: { type: 'string' },
      resume: { type: 'boolean' },
      print: { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    'try tcp-trainer exam --help',
  ));
  const json = values['json'] === true;
  if (values['help']) return { mode: 'help', json, topics: [] };
  if (positionals.length > 0) throw usageError(`unexpected argument '${stripControl(positionals[0]!)}'`);
  const count = number('count', values['count'] as string | undefined, 1, MAX_COUNT);
  const minutes = number('minutes', values['minutes'] as string | undefined, 1, MAX_MINUTES);
  const pass = number('pass', values['pass'] as string | undefined, 0, 100);
  const seed = number('seed', values['seed'] as string | undefined, 0, MAX_SEED);
  const rawTopics = values['topics'] as string | undefined;
  const topics = rawTopics === undefined ? [] : rawTopics.split(',').map((t) => t.trim()).filter((t) => t !== '');
  if (rawTopics !== undefined && topics.length === 0) throw usageError('--topics needs at least one topic id');
  const settings = count !== undefined || minutes !== undefined || pass !== undefined || seed !== undefined || rawTopics !== undefined;
  if (values['print'] && values['resume']) throw usageError('--print writes a new exam; it cannot --resume one');
  if (values['print'] && json) throw usageError('--print writes Markdown; --json is for the result of an exam taken in the trainer');
  if (values['resume'] && settings) throw usageError('--resume goes on with the unfinished exam as it was; leave out --count, --minutes, --topics, --seed and --pass');
  const mode = values['print'] ? 'print' : values['resume'] ? 'resume' : 'take';
  return { mode, json, topics, ...(count !== undefined ? { count } : {}), ...(minutes !== undefined ? { minutes } : {}), ...(pass !== undefined ? { pass } : {}), ...(seed !== undefined ? { seed } : {}) };
}

/** Topic keys for the names given; an unknown name is one line listing the valid ids, exit 2. */
function topicKeys(course: Course, names: readonly string[]): string[] {
  if (names.length === 0) return [];
  const found = resolveTopics(course, names);
  if (!found.ok) {
    const what = found.unknown.length === 1 ? `unknown topic '${stripControl(found.unknown[0]!)}'` : `unknown topics ${found.unknown.map((u) => `'${stripControl(u)}'`).join(', ')}`;
    throw new UserError(`exam: ${what}; the topics are: ${found.valid.join(', ')}`, EXIT_USAGE);
  }
  return found.keys;
}

function print(course: Course, a: ExamArgs, ctx: Context): number {
  const topics = topicKeys(course, a.topics);
  const seed = a.seed ?? seedFrom(Date.now());
  const count = a.count ?? DEFAULT_COUNT;
  if (examPool(course, topics).length === 0) throw new UserError('exam: the course has no questions an exam can ask in these topics', 1);
  const questions = selectExam(course, { count, topics, seed });
  const names = topics.map((k) => topicNames(course)[course.topics.findIndex((t) => t.key === k)]!);
  const command = examCommand({ seed, count: questions.length, topicNames: names, lang: ctx.lang });
  process.stdout.write(examMarkdown(course, questions, { seed, minutes: a.minutes ?? DEFAULT_MINUTES, passMark: a.pass ?? DEFAULT_PASS, topicNames: names, command, lang: ctx.lang }));
  return 0;
}

/** The exams filed since `since` (wall clock), read after the app has exited. */
async function finishedSince(since: number) {
  const { ProgressStore } = await import('../store/progress-store.js');
  const { store } = ProgressStore.open();
  return (store.read().exams ?? []).filter((e) => e.submittedAt >= since).sort((a, b) => a.submittedAt - b.submittedAt);
}

export async function runExam(argv: string[], ctx: Context): Promise<number> {
  const a = parseExamArgs(argv);
  if (a.mode === 'help') {
    process.stdout.write(EXAM_USAGE);
    return 0;
  }
  const course = await loadCourse(ctx);
  if (a.mode === 'print') return print(course, a, ctx);

  let route: Extract<Route, { name: 'exam' }>;
  if (a.mode === 'resume') route = { name: 'exam', resume: true };
  else {
    const topics = topicKeys(course, a.topics);
    route = {
      name: 'exam',
      start: true,
      ...(a.count !== undefined ? { count: a.count } : {}),
      ...(a.minutes !== undefined ? { minutes: a.minutes } : {}),
      ...(a.pass !== undefined ? { pass: a.pass } : {}),
      ...(a.seed !== undefined ? { seed: a.seed } : {}),
      ...(topics.length > 0 ? { topics } : {}),
    };
  }
  const since = Date.now();
  const code = await runInteractive(ctx, ctx.screenReader ?? false, [{ name: 'home' }, route]);
  if (!a.json || code !== 0) return code;
  const done = await finishedSince(since);
  const last = done[done.length - 1];
  if (!last) throw new UserError('exam: no exam was finished, so there is no result to print (an unfinished exam goes on with tcp-trainer exam --resume)', 1);
  // Ink leaves the cursor at the end of the app's last line: the JSON starts on a line of its own.
  process.stdout.write(`\n${JSON.stringify(resultJson(last), null, 2)}\n`);
  return 0;
}
