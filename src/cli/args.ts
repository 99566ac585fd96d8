// A command's own options, parsed by Node's parseArgs: a mistake becomes one
// line, `COMMAND: what is wrong (HINT)`, and exit code 2.

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { stripControl } from '../text/sanitize.js';
import { UserError } from './user-error.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export function commandArgs<O extends Options>(command: string, argv: string[], options: O, hint: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    const raw = String((e as Error).message);
    const ambiguous = /option '(--[a-z-]+)' argument is ambiguous/i.exec(raw);
    // Node's messages run to several sentences; the first says what is wrong.
    const first = ambiguous
      ? `${ambiguous[1]} needs a value, and a value starting with - is written ${ambiguous[1]}=-N`
      : raw.split(/\.(?:\s|$)/)[0]!.replace(/\s+/g, ' ');
    throw new UserError(`${command}: ${stripControl(first.charAt(0).toLowerCase() + first.slice(1))} (${hint})`, 2);
  }
}
