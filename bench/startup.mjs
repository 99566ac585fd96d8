// Start-up and memory of the real program in a real pseudo-terminal (bench/pty-run.py), timed from
// fork to the first frame on screen. The app is measured warm, as a learner meets it on every day
// but the first: its V8 code cache written by an earlier run (bin/tcp-trainer.js). The cold first
// start is measured too, and reported beside it.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runner = join(root, 'bench', 'pty-run.py');
const bin = join(root, 'bin', 'tcp-trainer.js');

/** Runs argv in a pty; `{ ms, peakMb }`: ms until `marker` (or exit, without one), peak RSS after `keys`. */
export function ptyRun(argv, { marker, keys = [], probe = [], env = {}, settle, gap, hold } = {}) {
  const opts = ['--keys', JSON.stringify(keys), '--probe', JSON.stringify(probe)];
  if (marker) opts.push('--marker', marker);
  if (settle !== undefined) opts.push('--settle', String(settle));
  if (gap !== undefined) opts.push('--gap', String(gap));
  if (hold !== undefined) opts.push('--hold', String(hold));
  const out = execFileSync('python3', [runner, ...opts, '--', ...argv], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CI: 'false', COLUMNS: '100', LINES: '30', ...env },
  });
  const r = JSON.parse(out);
  if (r.ms === null) throw new Error(`no '${marker}' on screen within 10 s: ${r.tail}`);
  if (keys.length > 0 && r.exitedEarly) throw new Error(`${argv.join(' ')} exited while the bench was typing into it`);
  return r;
}

const freshHome = () => mkdtempSync(join(tmpdir(), 'tcp-trainer-bench-'));

let warm;
/** A home whose code cache an earlier run wrote; each measured run gets a copy of it and nothing else. */
function warmHome() {
  if (!warm) {
    warm = freshHome();
    ptyRun([bin], { marker: 'Learn', env: { TCP_TRAINER_HOME: warm }, hold: 2 });
    if (!existsSync(join(warm, 'cache'))) throw new Error('the warm-up run wrote no code cache');
  }
  const home = freshHome();
  cpSync(join(warm, 'cache'), join(home, 'cache'), { recursive: true });
  return home;
}

export const nodeBaseline = () => ptyRun([process.execPath, '-e', '0']).ms;

export const appFirstFrame = () => ptyRun([bin], { marker: 'Learn', env: { TCP_TRAINER_HOME: warmHome() } }).ms;

export const appFirstFrameCold = () => ptyRun([bin], { marker: 'Learn', env: { TCP_TRAINER_HOME: freshHome() } }).ms;

export const inkHelloFirstFrame = () => ptyRun([process.execPath, 'bench/ink-hello.mjs'], { marker: 'hello from ink' }).ms;

/** Peak resident memory (VmHWM) in MB of `tcp-trainer ARGS`, warm, after `keys` were typed into it. */
export function peakMemoryMb(args, marker, keys, timing) {
  return ptyRun([bin, ...args], { marker, keys, env: { TCP_TRAINER_HOME: warmHome() }, ...timing }).peakMb;
}

/**
 * Milliseconds from each key to the first output it causes, in Practice on the first card (a
 * numeric answer on a fresh home): a digit, then Backspace, in turn.
 */
export function practiceKeypressLatencies(presses) {
  const probe = Array.from({ length: presses }, (_, i) => (i % 2 === 0 ? '2' : '\u007f'));
  const r = ptyRun([bin], { marker: 'Learn', keys: ['\u001b[B', '\r'], probe, env: { TCP_TRAINER_HOME: warmHome() } });
  if (r.latencies?.length !== presses) throw new Error(`only ${r.latencies?.length ?? 0} of ${presses} keys drew a frame`);
  return r.latencies;
}
