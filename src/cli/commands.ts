/**
 * The subcommand table. To add a command, add one entry here.
 *
 * `run` receives the arguments after the command name, unparsed, and returns
 * the process exit code. Throw UserError for mistakes the user can fix; any
 * other exception is reported as a bug (exit 70). Commands load their code
 * on demand, so `--version` and `--help` stay fast.
 */
import type { Lang } from '../content/schema.js';

/** What every command gets besides its own arguments: the global --lang and --pack options. */
export interface Context {
  lang: Lang;
  packs: string[];
  /** --screen-reader (or INK_SCREEN_READER=true), for commands that open the trainer. */
  screenReader?: boolean;
}

export interface Command {
  name: string;
  /** The synopsis after `tcp-trainer`, shown by `COMMAND --help` and in usage errors. */
  usage: string;
  summary: string;
  /** The command prints a help of its own for --help (main.ts prints usage and summary for the others). */
  ownHelp?: boolean;
  run(args: string[], ctx: Context): Promise<number>;
}

export const commands: readonly Command[] = [
  {
    name: 'sim',
    usage: 'sim FILE|- [--json] [--width N]',
    summary: 'run a scenario script and print it as a ladder diagram',
    run: async (args) => (await import('./sim.js')).runSim(args),
  },
  {
    name: 'live',
    usage: 'live [SCENARIO] [--json] [--width N]',
    summary: 'run a scenario on real sockets (Linux) and compare the kernel’s TCP states with the model’s',
    run: async (args, ctx) => (await import('./live.js')).runLive(args, ctx),
  },
  {
    name: 'validate',
    usage: 'validate [DIR]',
    summary: 'check a content pack directory (the built-in course when none is given)',
    run: async (args, ctx) => (await import('./content-commands.js')).runValidate(args, ctx),
  },
  {
    name: 'list',
    usage: 'list [--json]',
    summary: 'list the packs and topics with lesson and question counts per language',
    run: async (args, ctx) => (await import('./content-commands.js')).runList(args, ctx),
  },
  {
    name: 'lab',
    usage: 'lab [ID | --sandbox]',
    summary: 'list the labs; lab ID opens one in the trainer, lab --sandbox the sandbox',
    run: async (args, ctx) => (await import('./lab.js')).runLab(args, ctx),
  },
  {
    name: 'interview',
    usage: 'interview --help',
    ownHelp: true,
    summary: 'interview drill: open questions against the clock, then the key points; --count, --minutes-per-question, --seed, --resume',
    run: async (args, ctx) => (await import('./interview.js')).runInterview(args, ctx),
  },
  {
    name: 'exam',
    usage: 'exam --help',
    ownHelp: true,
    summary: 'a timed exam with a report; --count, --minutes, --topics, --seed, --pass, --resume; --print writes it as Markdown, --json prints the result',
    run: async (args, ctx) => (await import('./exam.js')).runExam(args, ctx),
  },
  {
    name: 'progress',
    usage: 'progress [--export FILE | --import FILE]',
    summary: 'show where your progress is and what it holds; --export FILE, or --import FILE to merge one in',
    run: async (args, ctx) => (await import('./progress-commands.js')).runProgress(args, ctx),
  },
  {
    name: 'reset',
    usage: 'reset [--yes]',
    summary: 'start over: your progress is moved to a dated backup (asks first; --yes skips the question)',
    run: async (args, ctx) => (await import('./progress-commands.js')).runReset(args, ctx),
  },
];

export function findCommand(name: string): Command | undefined {
  return commands.find((c) => c.name === name);
}

/** `tcp-trainer sim FILE|- [--json] [--width N]`, for usage errors. */
export function usageOf(name: string): string {
  return `tcp-trainer ${findCommand(name)?.usage ?? name}`;
}
