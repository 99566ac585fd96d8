// Runs the built executable the way a user would. `npm test` builds first
// (pretest); when running vitest directly, run `npm run build` beforehand.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/tcp-trainer.js', import.meta.url));

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Spawns `node bin/tcp-trainer.js ARGS`; stdin is a pipe (never a TTY). */
export function run(args: string[], input = '', extraEnv: Record<string, string> = {}): RunResult {
  const { NO_COLOR, FORCE_COLOR, ...env } = process.env;
  void NO_COLOR;
  void FORCE_COLOR;
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    env: { ...env, ...extraEnv },
    timeout: 15000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
