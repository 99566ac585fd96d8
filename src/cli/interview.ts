// `tcp-trainer interview [--count N] [--minutes-per-question N] [--seed N] [--resume]`:
// opens the trainer on an interview drill (Home › Interview drill). The
// global --lang picks the language of the questions. Option mistakes are
// one line and exit 2.

import { DEFAULT_COUNT, DEFAULT_MINUTES, MAX_COUNT } from '../drill/interview-set.js';
import type { Route } from '../ui/navigation.js';
import type { Context } from './commands.js';
import { runInteractive } from './interactive.js';
import { commandArgs } from './args.js';
import { UserError } from './user-error.js';

const EXIT_USAGE = 2;
const MAX_MINUTES = 60;
const MAX_SEED = 0xffff_ffff;

export const INTERVIEW_USAGE = [
  'usage: tcp-trainer interview [--count N] [--minutes-per-question N] [--seed N] [--resume] [--lang en|zh]',
  '',
  'Open questions the way an interviewer asks them: type each answer against the clock,',
  'then check it against the key points of the model answer; follow-ups dig deeper.',
  '',
  `  --count N                 questions to ask, 1-${MAX_COUNT} (default ${DEFAULT_COUNT}); the classics come first`,
  `  --minutes-per-question N  time per answer, 0.5-${MAX_MINUTES} (default ${DEFAULT_MINUTES}); going over is allowed and shown`,
  '  --seed N                  the same seed asks the same questions in the same order (default: from the clock)',
  '  --resume                  go on with the drill left unfinished (Esc or Ctrl+C)',
  '',
].join('\n');

function usageError(message: string): UserError {
  return new UserError(`interview: ${message} (try tcp-trainer interview --help)`, EXIT_USAGE);
}

function number(name: string, value: string | undefined, min: number, max: number, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.trim());
  if (value.trim() === '' || !Number.isFinite(n) || (integer && !Number.isInteger(n)) || n < min || n > max) {
    throw usageError(`--${name} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}, not '${value}'`);
  }
  return n;
}

/** The route the trainer opens on, from the command's arguments. Throws UserError (exit 2) for a mistake. */
export function interviewRoute(argv: string[]): Extract<Route, { name: 'interview' }> | 'help' {
  const { values, positionals } = commandArgs(
    'interview',
    argv,
    {
      count: { type: 'string' },
      'minutes-per-question': { type: 'string' },
      seed: { type: 'string' },
      resume: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    'try tcp-trainer interview --help',
  );
  if (values['help']) return 'help';
  if (positionals.length > 0) throw usageError(`unexpected argument '${positionals[0]}'`);
  const count = number('count', values['count'] as string | undefined, 1, MAX_COUNT, true);
  const minutes = number('minutes-per-question', values['minutes-per-question'] as string | undefined, 0.5, MAX_MINUTES, false);
  const seed = number('seed', values['seed'] as string | undefined, 0, MAX_SEED, true);
  if (values['resume'] && (count !== undefined || minutes !== undefined || seed !== undefined)) {
    throw usageError('--resume goes on with the unfinished drill as it was; leave out --count, --minutes-per-question and --seed');
  }
  if (values['resume']) return { name: 'interview', resume: true };
  return { name: 'interview', start: true, ...(count !== undefined ? { count } : {}), ...(minutes !== undefined ? { minutes } : {}), ...(seed !== undefined ? { seed } : {}) };
}

export async function runInterview(argv: string[], ctx: Context): Promise<number> {
  const route = interviewRoute(argv);
  if (route === 'help') {
    process.stdout.write(INTERVIEW_USAGE);
    return 0;
  }
  const screenReader = ctx.screenReader ?? process.env['INK_SCREEN_READER'] === 'true';
  return runInteractive(ctx, screenReader, [{ name: 'home' }, route]);
}
