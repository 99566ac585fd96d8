// `tcp-trainer live [SCENARIO] [--json] [--width N]`: the core's linux model
// side by side with the real Linux TCP stack, on sockets this program opens
// on 127.0.0.1.
//
//   no SCENARIO     list the scenarios
//   --json          one JSON object per step; exit 0 when the kernel and the model agree, 1 when not
//   (terminal)      a table, step by step; while a socket is in TIME-WAIT, a countdown with "press s to skip"
//   (no terminal)   the same table without the countdown
//
// Without /proc/net/tcp (not Linux) it says so in one line and exits 2.

import type { Context } from './commands.js';
import { commandArgs } from './args.js';
import { UserError } from './user-error.js';
import { LabError } from '../live/lab.js';
import { LiveSession, type StepRecord } from '../live/run.js';
import { LIVE_SCENARIOS, findLiveScenario, type LiveScenario } from '../live/scenarios.js';
import { linuxSystem, type System } from '../live/system.js';
import { countdownLine, header, leftovers, stepLines, summary } from '../live/render.js';
import { usageOf } from './commands.js';

const USAGE = `usage: ${usageOf('live')}`;
const EXIT_NO_PROC = 2;
const EXIT_INTERRUPTED = 130;

/** What the command talks to; tests replace parts of it. */
export interface LiveIo {
  system: System;
  out: (s: string) => void;
  /** The terminal to read the skip key from, when there is one. */
  keys: NodeJS.ReadStream | null;
  /** Whether stdout is a terminal (the countdown draws over its own line). */
  tty: boolean;
  columns: number;
}

function defaultIo(): LiveIo {
  const tty = process.stdout.isTTY === true;
  return {
    system: linuxSystem,
    out: (s) => void process.stdout.write(s),
    keys: tty && process.stdin.isTTY === true ? process.stdin : null,
    tty,
    columns: tty ? process.stdout.columns : 80,
  };
}

interface Options {
  scenario: string | null;
  json: boolean;
  width: number | null;
}

function options(argv: string[]): Options {
  const { values, positionals } = commandArgs('live', argv, { json: { type: 'boolean' }, width: { type: 'string' } }, USAGE);
  if (positionals.length > 1) throw new UserError(`live: give at most one scenario (${USAGE})`, 2);
  let width: number | null = null;
  if (values.width !== undefined) {
    width = Number(values.width);
    if (!Number.isInteger(width) || width < 60 || width > 400) throw new UserError('live: --width must be a whole number from 60 to 400', 2);
  }
  return { scenario: positionals[0] ?? null, json: values.json === true, width };
}

function list(io: LiveIo, ctx: Context): number {
  const w = Math.max(...LIVE_SCENARIOS.map((s) => s.id.length));
  const lines = [
    'Live lab: the model beside the real Linux TCP stack, on sockets this program opens on 127.0.0.1.',
    '',
    ...LIVE_SCENARIOS.map((s) => `  ${s.id.padEnd(w)}  ${s.title[ctx.lang]}`),
    '',
    'Run one: tcp-trainer live SCENARIO   (--json: one JSON object per step, exit 1 if the kernel and the model differ)',
  ];
  if (!io.system.hasProcNetTcp()) lines.push('', 'This system has no /proc/net/tcp, so the scenarios cannot run here (they need Linux).');
  io.out(lines.join('\n') + '\n');
  return 0;
}

function failure(s: LiveScenario, e: unknown): UserError {
  if (e instanceof UserError) return e;
  const msg = e instanceof LabError ? e.message : e instanceof Error ? ((e as NodeJS.ErrnoException).code ? `${(e as NodeJS.ErrnoException).code}: ${e.message}` : e.message) : String(e);
  return new UserError(`live ${s.id}: could not finish: ${msg.replace(/\s+/g, ' ')}`, 1);
}

/** Raw-mode keys: `s` skips the countdown, `q` or Ctrl+C quits. Returns a function that restores the terminal. */
function listenKeys(keys: NodeJS.ReadStream, onSkip: () => void, onQuit: () => void): () => void {
  const wasRaw = keys.isRaw;
  keys.setRawMode(true);
  keys.resume();
  const onData = (d: Buffer): void => {
    const k = d.toString('utf8');
    if (k === 's' || k === 'S') onSkip();
    else if (k === 'q' || k === 'Q' || k === '\u0003') onQuit();
  };
  keys.on('data', onData);
  return () => {
    keys.off('data', onData);
    keys.setRawMode(wasRaw);
    keys.pause();
  };
}

async function view(s: LiveScenario, io: LiveIo, ctx: Context, width: number): Promise<number> {
  io.out(header(s, ctx.lang, io.system.readSysctls(), width).join('\n') + '\n');
  const session = new LiveSession(s, io.system);
  const records: StepRecord[] = [];
  let skip = new AbortController();
  let quit = false;
  const onQuit = (): void => {
    quit = true;
    skip.abort();
  };
  const restoreKeys = io.keys ? listenKeys(io.keys, () => skip.abort(), onQuit) : null;
  process.on('SIGINT', onQuit);
  let stopped = false;
  const print = (r: StepRecord, lead = '\n'): void => {
    records.push(r);
    io.out(lead + stepLines(r, width).join('\n') + '\n');
  };
  try {
    while (!session.done && !quit) {
      print(await session.step());
      if (!io.keys || !io.tty || !session.current?.countdown || quit || session.timers().length === 0) continue;
      skip = new AbortController();
      io.out('\n');
      const extra = await session.waitOutTimers((t) => io.out(`\r${countdownLine(t, width)}\x1b[K`), skip.signal);
      io.out('\r\x1b[K'); // the countdown's line becomes the blank line before the next step
      if (extra) print(extra, '');
      else if (!quit) io.out('  (skipped)\n');
    }
    stopped = quit && !session.done;
    if (records.length > 0) io.out('\n' + summary(records) + '\n');
    if (stopped) io.out(`Stopped after ${records.length} of ${s.steps.length} steps.\n`);
  } catch (e) {
    throw failure(s, e);
  } finally {
    process.off('SIGINT', onQuit);
    restoreKeys?.();
    await session.close();
  }
  // What the kernel still holds once every socket is closed (the RSTs of the clean-up have landed by then).
  await new Promise((r) => setTimeout(r, 50));
  for (const line of leftovers(session.timers(), width)) io.out(line + '\n');
  if (stopped) return EXIT_INTERRUPTED;
  return records.every((r) => r.agree) ? 0 : 1;
}

async function json(s: LiveScenario, io: LiveIo): Promise<number> {
  const session = new LiveSession(s, io.system);
  let agree = true;
  let quit = false;
  const onQuit = (): void => {
    quit = true;
  };
  process.on('SIGINT', onQuit);
  try {
    while (!session.done && !quit) {
      const r = await session.step();
      agree &&= r.agree;
      io.out(JSON.stringify(r) + '\n');
    }
  } catch (e) {
    throw failure(s, e);
  } finally {
    process.off('SIGINT', onQuit);
    await session.close();
  }
  if (quit) return EXIT_INTERRUPTED;
  return agree ? 0 : 1;
}

export async function runLive(argv: string[], ctx: Context, io: LiveIo = defaultIo()): Promise<number> {
  const o = options(argv);
  if (o.scenario === null) return list(io, ctx);
  const s = findLiveScenario(o.scenario);
  if (!s) throw new UserError(`live: no scenario '${o.scenario}' (one of: ${LIVE_SCENARIOS.map((x) => x.id).join(', ')})`, 2);
  if (!io.system.hasProcNetTcp()) {
    throw new UserError('live: /proc/net/tcp is absent: the live lab reads the Linux kernel’s TCP table, and this system has none', EXIT_NO_PROC);
  }
  if (o.json) return json(s, io);
  return view(s, io, ctx, o.width ?? io.columns ?? 80);
}
