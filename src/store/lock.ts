// A lock file beside the progress file, so two trainers running at once
// never interleave a read-modify-write. Writes are tiny, so waits are short;
// a lock left behind by a dead process is taken over.

import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';

const STALE_MS = 10_000;
/**
 * A holder writes its pid right after creating the lock, so a lock still empty after this
 * long was left by a process killed between the two steps.
 */
const EMPTY_MS = 1_000;
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
    const text = readFileSync(path, 'utf8');
    const age = Date.now() - statSync(path).mtimeMs;
    if (text === '') return age > EMPTY_MS;
    const pid = Number(text.split(' ')[0]);
    if (Number.isInteger(pid) && pid > 0 && !alive(pid)) return true;
    return age > STALE_MS;
  } catch {
    return false;
  }
}

/**
 * Removes a stale lock. Several waiters can see the same stale lock: they take turns
 * through a short-lived guard file and check again, so only the first removes it and
 * nobody removes the lock a faster waiter has just taken.
 */
function breakStale(path: string): boolean {
  const guard = `${path}.break`;
  let fd: number;
  try {
    fd = openSync(guard, 'wx');
  } catch {
    // Another waiter is breaking it; a guard left by a process killed meanwhile goes after a while.
    try {
      if (Date.now() - statSync(guard).mtimeMs > EMPTY_MS) rmSync(guard, { force: true });
    } catch {
      // gone already
    }
    return false;
  }
  try {
    closeSync(fd);
    if (stale(path)) rmSync(path, { force: true });
  } finally {
    rmSync(guard, { force: true });
  }
  return true;
}

export class LockTimeout extends Error {}

export function withLock<T>(path: string, fn: () => T): T {
  const deadline = Date.now() + WAIT_MS;
  // The pid (for the staleness check) and a nonce: on release, only our own lock is removed.
  const token = `${process.pid} ${randomBytes(6).toString('hex')}`;
  let fd: number | null = null;
  while (fd === null) {
    try {
      fd = openSync(path, 'wx');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      if (stale(path) && breakStale(path)) continue;
      if (Date.now() > deadline) throw new LockTimeout(`another tcp-trainer holds ${path}`);
      Atomics.wait(sleeper, 0, 0, 5);
    }
  }
  let written = false;
  try {
    try {
      writeSync(fd, token);
      written = true;
    } finally {
      closeSync(fd);
    }
    return fn();
  } finally {
    try {
      if (!written || readFileSync(path, 'utf8') === token) rmSync(path, { force: true });
    } catch {
      // Already gone: taken over as stale while we held it.
    }
  }
}
