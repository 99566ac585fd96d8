// Starting the interactive trainer, shared by the bare command and by
// commands that open it on a given screen (`tcp-trainer lab ID`): the
// terminal check, NO_COLOR, and a bad --pack reported as one line.

import type { Route } from '../ui/navigation.js';
import { PackError } from '../content/pack-error.js';
import { stripControl } from '../text/sanitize.js';
import type { Context } from './commands.js';
import { UserError } from './user-error.js';

const EXIT_USAGE = 2;

/** The terminal to read keys from: stdin when it is one, else /dev/tty when there is one. */
async function terminalInput(): Promise<NodeJS.ReadStream | null> {
  if (process.stdin.isTTY === true) return process.stdin;
  try {
    const [{ openSync }, { ReadStream }] = await Promise.all([import('node:fs'), import('node:tty')]);
    return new ReadStream(openSync('/dev/tty', 'r')) as unknown as NodeJS.ReadStream;
  } catch {
    return null;
  }
}

/**
 * The terminal to draw on: stdout when it is one, else /dev/tty, so that
 * `tcp-trainer exam --json > result.json` shows the exam and writes only the JSON to the file.
 */
async function terminalOutput(): Promise<NodeJS.WriteStream | null> {
  if (process.stdout.isTTY === true) return process.stdout;
  try {
    const [{ openSync }, { WriteStream }] = await Promise.all([import('node:fs'), import('node:tty')]);
    return new WriteStream(openSync('/dev/tty', 'w')) as unknown as NodeJS.WriteStream;
  } catch {
    return null;
  }
}

/** Runs the trainer, opening on `initial` (default Home). Returns the exit code. */
export async function runInteractive(ctx: Context, screenReader: boolean, initial?: Route[]): Promise<number> {
  // Decide before touching Ink: with a pipe, Ink's isRawModeSupported is
  // undefined rather than false, and useInput would throw later.
  const stdout = await terminalOutput();
  const stdin = stdout ? await terminalInput() : null;
  if (!stdin || !stdout) {
    const { commands } = await import('./commands.js');
    const names = [...commands.map((c) => c.name), '--help', '--version'].join(', ');
    throw new UserError(`the interactive trainer needs a terminal; these work without one: ${names}`, EXIT_USAGE);
  }

  // https://no-color.org: chalk (inside Ink) reads FORCE_COLOR when it is first
  // evaluated, so this must happen before Ink is imported.
  const noColor = process.env['NO_COLOR'];
  if (noColor !== undefined && noColor !== '') process.env['FORCE_COLOR'] = '0';

  // Yoga (inside Ink) fetches its WebAssembly from a data: URL when fetch() exists, which makes Node
  // load its HTTP client at start-up; without fetch it decodes the bytes at once. The app never fetches.
  Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
  const { runApp } = await import('../ui/run-app.js');
  try {
    return await runApp({ lang: ctx.lang, packs: ctx.packs, screenReader, stdin, stdout, ...(initial ? { initial } : {}) });
  } catch (e) {
    if (e instanceof PackError) throw new UserError(stripControl(e.message), 1);
    throw e;
  }
}
