// Start-up and memory of the real program in a real pseudo-terminal: `script`
// gives it a TTY, and the time runs from spawn to the first frame on screen.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const shellQuote = (s) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Runs `command` in a pty; resolves with the ms until `marker` appears (or until exit when marker is null). */
export function timeToOutput(command, marker, env = {}, afterMarker) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn('script', ['-qfec', command, '/dev/null'], {
      cwd: root,
      env: { ...process.env, CI: 'false', COLUMNS: '100', LINES: '30', ...env },
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    let out = '';
    let done = false;
    let seen = false;
    const timer = setTimeout(() => finish(new Error(`no '${marker}' within 10 s: ${out.slice(-200)}`)), 10_000);
    function finish(result) {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (result instanceof Error) {
        child.kill('SIGKILL');
        reject(result);
      } else resolve(result);
    }
    child.stdout.on('data', async (chunk) => {
      out += chunk.toString('utf8');
      if (marker && !seen && out.includes(marker)) {
        seen = true;
        const ms = performance.now() - t0;
        const extra = afterMarker ? await afterMarker(child) : undefined;
        child.kill('SIGTERM');
        finish({ ms, extra });
      }
    });
    child.on('exit', () => finish({ ms: performance.now() - t0 }));
  });
}

export const nodeBaseline = async () => (await timeToOutput(`${shellQuote(process.execPath)} -e 0`, null)).ms;

export const appFirstFrame = async () => {
  const home = mkdtempSync(join(tmpdir(), 'tcp-trainer-bench-'));
  const r = await timeToOutput('bin/tcp-trainer.js', 'Learn', { TCP_TRAINER_HOME: home });
  return r.ms;
};

export const inkHelloFirstFrame = async () => (await timeToOutput(`${shellQuote(process.execPath)} bench/ink-hello.mjs`, 'hello from ink')).ms;

/** Peak resident memory (VmHWM) of the node process behind `script`, in MB, after `drive` has typed into it. */
export async function peakMemoryMb(args, marker, drive) {
  const home = mkdtempSync(join(tmpdir(), 'tcp-trainer-bench-'));
  const r = await timeToOutput(`bin/tcp-trainer.js ${args}`, marker, { TCP_TRAINER_HOME: home }, async (child) => {
    await drive(child.stdin);
    if (child.exitCode !== null) throw new Error('the app exited while the bench was typing into it');
    const pid = execFileSync('pgrep', ['-P', String(child.pid), '-f', 'tcp-trainer.js'], { encoding: 'utf8' }).trim().split('\n')[0];
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+) kB/.exec(status)[1]) / 1024;
  });
  return r.extra;
}
