/**
 * Entry point of the bundle (dist/tcp-trainer.js, loaded by bin/tcp-trainer.js).
 *
 *   tcp-trainer [--help | --version]
 *   tcp-trainer COMMAND [ARGS...]     arguments after COMMAND go to the command
 *   tcp-trainer                       interactive trainer (needs a terminal)
 *
 * Exit codes: 0 ok, 2 usage error, UserError.exitCode for user errors,
 * 70 for unexpected errors (bugs).
 */
import { parseArgs } from 'node:util';
import { commands, findCommand, usageOf, type Context } from './commands.js';
import { detectLang, isLang } from '../content/lang.js';
import { runInteractive } from './interactive.js';
import { UserError } from './user-error.js';
import { VERSION } from './version.js';

const NAME = 'tcp-trainer';
const EXIT_USAGE = 2;
const EXIT_BUG = 70; // EX_SOFTWARE

function usage(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = [
    `${NAME} ${VERSION}: learn TCP connection management in the terminal`,
    '',
    'Usage:',
    `  ${NAME}                    start the interactive trainer (needs a terminal)`,
    `  ${NAME} COMMAND [ARGS...]  run a command`,
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  -h, --help       show this help and exit',
    '  -v, --version    print the version and exit',
    '  --lang en|zh     language of the course (default: from LANG/LC_ALL, else en)',
    '  --pack DIR       also load the content pack in DIR (repeatable; validated first)',
    '  --screen-reader  plain output for screen readers (also INK_SCREEN_READER=true)',
    '',
    'Environment: NO_COLOR turns colour off; TCP_TRAINER_HOME moves the progress file.',
    '',
  ];
  return lines.join('\n');
}

function usageError(what: string): UserError {
  return new UserError(`${what} (try ${NAME} --help)`, EXIT_USAGE);
}

/** Runs the CLI and returns the exit code. Never throws. */
async function main(argv: string[]): Promise<number> {
  try {
    return await dispatch(argv);
  } catch (error) {
    if (error instanceof UserError) {
      process.stderr.write(`${NAME}: ${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${NAME}: internal error: ${message} (this is a bug; please report it)\n`);
    if (process.env['TCP_TRAINER_DEBUG'] && error instanceof Error && error.stack) {
      process.stderr.write(`${error.stack}\n`);
    }
    return EXIT_BUG;
  }
}

/** Takes --pack DIR (repeatable) and --lang en|zh from anywhere before a `--`: they apply to every command. */
function extractGlobals(argv: string[]): { rest: string[]; packs: string[]; lang: string | undefined } {
  const rest: string[] = [];
  const packs: string[] = [];
  let lang: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    const m = /^--(pack|lang)(?:=(.*))?$/.exec(arg);
    if (!m) {
      rest.push(arg);
      continue;
    }
    const value = m[2] ?? argv[++i];
    if (value === undefined || value === '') throw usageError(`--${m[1]} needs a value`);
    if (m[1] === 'pack') packs.push(value);
    else lang = value;
  }
  return { rest, packs, lang };
}

async function dispatch(argv: string[]): Promise<number> {
  const globals = extractGlobals(argv);
  if (globals.lang !== undefined && !isLang(globals.lang)) throw usageError(`--lang must be en or zh, not '${globals.lang}'`);
  const ctx: Context = { lang: globals.lang ?? detectLang(process.env), packs: globals.packs };
  argv = globals.rest;
  // Global options come before the command; everything after the command
  // name belongs to the command, which parses it itself.
  let split = argv.findIndex((arg) => arg === '--' || !arg.startsWith('-'));
  if (split === -1) split = argv.length;
  const globalArgs = argv.slice(0, split);
  let rest = argv.slice(split);
  if (rest[0] === '--') rest = rest.slice(1);

  let values: { help?: boolean; version?: boolean; 'screen-reader'?: boolean };
  try {
    ({ values } = parseArgs({
      args: globalArgs,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        'screen-reader': { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      // Node's message: "Unknown option '--foo'. To specify a positional ..."
      const option = /'([^']*)'/.exec(message ?? '')?.[1] ?? globalArgs.join(' ');
      throw usageError(`unknown option '${option}'`);
    }
    if (code?.startsWith('ERR_PARSE_ARGS_')) {
      const first = String(message).split('. ')[0] ?? 'invalid arguments';
      throw usageError(first.charAt(0).toLowerCase() + first.slice(1));
    }
    throw error;
  }

  if (values.help) {
    process.stdout.write(usage());
    return 0;
  }
  if (values.version) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }

  const [name, ...args] = rest;
  ctx.screenReader = values['screen-reader'] === true || process.env['INK_SCREEN_READER'] === 'true';
  if (name === undefined) return runInteractive(ctx, ctx.screenReader);

  const command = findCommand(name);
  if (!command) throw usageError(`unknown command '${name}'`);
  const own = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
  if (!command.ownHelp && (own.includes('--help') || own.includes('-h'))) {
    process.stdout.write(`usage: ${usageOf(command.name)}\n\n${command.summary.charAt(0).toUpperCase()}${command.summary.slice(1)}.\n`);
    return 0;
  }
  return command.run(args, ctx);
}

process.exitCode = await main(process.argv.slice(2));
