// A lock file beside the progress file, so two trainers running at once
// never interleave a read-modify-write. Writes are tiny, so waits are short;
// a lock left behind by a dead process is taken over.

import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';

const STALE_MS = 10_000;
const WAIT_MS = 3_000;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function stale(path: string): boolean {
  try {
    const pid = Number(readFileSync(path, 'utf8'));
    if (Number.isInteger(pid) && pid > 0 && !alive(pid)) return true;
    return Date.now() - statSync(path).mtimeMs > STALE_MS;
  } catch {
    return false;
  }
}

export class LockTimeout extends Error {}

export function withLock<T>(path: string, fn: () => T): T {
  const deadline = Date.now() + WAIT_MS;
  let fd: number | null = null;
  while (fd === null) {
    try {
      fd = openSync(path, 'wx');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      if (stale(path)) {
        rmSync(path, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new LockTimeout(`another tcp-trainer holds ${path}`);
      Atomics.wait(sleeper, 0, 0, 5);
    }
  }
  try {
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return fn();
  } finally {
    rmSync(path, { force: true });
  }
}
