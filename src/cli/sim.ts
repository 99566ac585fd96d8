// `tcp-trainer sim FILE [--json] [--width N]`: runs a scenario script and
// prints it as a ladder diagram, or as one JSON object per command line.
// Exit 0: ran to the end; 1: an expect failed; 2: the script is wrong.

import { readFileSync } from 'node:fs';
import { toJson } from '../core/segment.js';
import { ScriptError, parseScript, type Line } from '../scenario/parse.js';
import { renderLadder, reasons } from '../scenario/ladder.js';
import { runScript, type Step } from '../scenario/run.js';
import { stripControl } from '../text/sanitize.js';
import { commandArgs } from './args.js';
import { UserError } from './user-error.js';
import { usageOf } from './commands.js';

const USAGE = `usage: ${usageOf('sim')}`;

export function stepJson(step: Step): object {
  return {
    line: step.line,
    command: step.command,
    time: step.time,
    client: step.client,
    server: step.server,
    sent: step.sent.map(toJson),
    spoofedReplies: step.spoofedReplies,
    reasons: reasons(step),
    ...(step.error !== undefined ? { error: step.error } : {}),
    ...(step.expect ? { expect: step.expect } : {}),
  };
}

function readScript(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (code ?? 'cannot read it');
    throw new UserError(`sim: cannot read ${file}: ${why}`, 2);
  }
}

function options(argv: string[]): { file: string; json: boolean; width: number } {
  const { values, positionals } = commandArgs('sim', argv, { json: { type: 'boolean' }, width: { type: 'string' } }, USAGE);
  if (positionals.length !== 1) throw new UserError(`sim: give exactly one scenario file, or - for standard input (${USAGE})`, 2);
  let width = process.stdout.isTTY ? process.stdout.columns : 80;
  if (values.width !== undefined) {
    width = Number(values.width);
    if (!Number.isInteger(width) || width < 60 || width > 400) throw new UserError('sim: --width must be a whole number from 60 to 400', 2);
  }
  return { file: positionals[0]!, json: values.json === true, width };
}

export async function runSim(argv: string[]): Promise<number> {
  const { file, json, width } = options(argv);
  const name = file === '-' ? '<stdin>' : file;
  const source = readScript(file);
  let lines: Line[];
  try {
    lines = parseScript(source);
  } catch (e) {
    if (!(e instanceof ScriptError)) throw e;
    process.stderr.write(`${stripControl(`${name}:${e.line}: ${e.message}`)}\n`);
    return 2;
  }
  const result = runScript(lines);
  if (json) {
    process.stdout.write(result.steps.map((s) => JSON.stringify(stepJson(s))).join('\n') + (result.steps.length ? '\n' : ''));
  } else {
    process.stdout.write(renderLadder(result.steps, width).join('\n') + '\n');
  }
  const o = result.outcome;
  switch (o.kind) {
    case 'ok':
      return 0;
    case 'expect-failed':
      process.stderr.write(`${name}:${o.line}: expect ${o.host} ${o.expected} failed: the ${o.host} is ${o.actual}\n`);
      return 1;
    case 'script-error':
      process.stderr.write(`${stripControl(`${name}:${o.line}: ${o.message}`)}\n`);
      return 2;
  }
}

