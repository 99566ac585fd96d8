// The one module that touches the progress file. It reads and writes through
// `conf` (atomic writes), merges every change into the file's latest content
// under a lock (so two instances lose nothing), and never deletes progress:
// a corrupt file is moved aside, a file from a newer release is left alone.

import { accessSync, constants, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import envPaths from 'env-paths';
import { classify, emptyProgress, Progress, type Classified, type Progress as ProgressT } from './progress.js';
import { withLock } from './lock.js';

export const FILE_NAME = 'progress.json';

export type Mode = 'disk' | 'memory';

export interface OpenResult {
  store: ProgressStore;
  /** One-line messages for the learner (a file moved aside, a migration done). */
  notices: string[];
  /**
   * Set when the progress cannot be saved: the app asks before going on in memory.
   * 'newer': the file belongs to a newer release and is left untouched.
   */
  unsaved: { kind: 'unwritable' | 'newer'; message: string } | null;
}

export function defaultDir(env: Record<string, string | undefined> = process.env): string {
  return env['TCP_TRAINER_HOME'] || envPaths('tcp-trainer', { suffix: '' }).config;
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

/** `${name}.json` in dir, or `${name}-2.json`, ... when a backup of the same millisecond is already there: a rename never overwrites one. */
function unusedPath(dir: string, name: string): string {
  for (let n = 1; ; n++) {
    const path = join(dir, `${name}${n === 1 ? '' : `-${n}`}.json`);
    if (!existsSync(path)) return path;
  }
}

function errorCode(e: unknown): string {
  return (e as NodeJS.ErrnoException)?.code ?? (e instanceof Error ? e.message : String(e));
}

export class ProgressStore {
  private conf: Conf<Record<string, unknown>> | null = null;
  private state: ProgressT;
  /** Changes not yet on disk (a failed write); replayed on the next save. */
  private pending: Array<(p: ProgressT) => void> = [];
  lastError: string | null = null;

  private constructor(
    readonly dir: string,
    public mode: Mode,
    state: ProgressT,
    private readonly now: () => Date,
  ) {
    this.state = state;
  }

  get path(): string {
    return join(this.dir, FILE_NAME);
  }

  private get lockPath(): string {
    return `${this.path}.lock`;
  }

  static open(options: { dir?: string; now?: () => Date } = {}): OpenResult {
    const dir = options.dir ?? defaultDir();
    const now = options.now ?? (() => new Date());
    const notices: string[] = [];
    const store = new ProgressStore(dir, 'disk', emptyProgress(), now);
    const file = store.path;

    let raw: string | null = null;
    let migratedFrom: number | null = null;
    try {
      raw = readFileSync(file, 'utf8');
    } catch (e) {
      const code = errorCode(e);
      // ENOTDIR: a path component is a regular file, so there is no progress file; the mkdir below reports it.
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        const moved = store.moveAside(`unreadable (${code})`);
        notices.push(moved.notice);
        if (!moved.ok) return { store: store.toMemory(), notices, unsaved: { kind: 'unwritable', message: moved.notice } };
      }
    }
    if (raw !== null) {
      let data: unknown;
      let reason: string | null = null;
      try {
        data = JSON.parse(raw);
      } catch {
        reason = raw.trim() === '' ? 'empty' : 'not valid JSON';
      }
      const c = reason === null ? classify(data) : null;
      if (c?.kind === 'newer') {
        const message = `${file} was written by a newer tcp-trainer (progress version ${c.version}); this version leaves it untouched and will not save. Update tcp-trainer to keep saving.`;
        store.state = emptyProgress();
        return { store: store.toMemory(), notices, unsaved: { kind: 'newer', message } };
      }
      if (c?.kind === 'ok') {
        store.state = c.progress;
        if (c.migratedFrom !== null) {
          const backup = unusedPath(dir, `progress.v${c.migratedFrom}-backup-${stamp(now())}`);
          try {
            copyFileSync(file, backup);
            migratedFrom = c.migratedFrom;
            notices.push(`progress upgraded from version ${c.migratedFrom}; the old file is kept at ${backup}`);
          } catch (e) {
            notices.push(`progress needs an upgrade from version ${c.migratedFrom}, but the old file could not be backed up (${errorCode(e)}); it is left as it is`);
            return { store: store.toMemory(), notices, unsaved: { kind: 'unwritable', message: notices.at(-1)! } };
          }
        }
      } else {
        const moved = store.moveAside(reason ?? (c as { reason: string }).reason);
        notices.push(moved.notice);
        if (!moved.ok) return { store: store.toMemory(), notices, unsaved: { kind: 'unwritable', message: moved.notice } };
      }
    }

    try {
      mkdirSync(dir, { recursive: true });
      accessSync(dir, constants.W_OK);
      store.conf = new Conf({ cwd: dir, configName: 'progress', projectSuffix: '', clearInvalidConfig: false, accessPropertiesByDotNotation: false });
    } catch (e) {
      const message = `progress cannot be saved in ${dir} (${errorCode(e)}): the directory is not writable (set TCP_TRAINER_HOME to a writable directory)`;
      return { store: store.toMemory(), notices, unsaved: { kind: 'unwritable', message } };
    }
    if (migratedFrom !== null) {
      const upgraded = store.state;
      withLock(store.lockPath, () => {
        store.conf!.store = upgraded as unknown as Record<string, unknown>;
      });
    }
    return { store, notices, unsaved: null };
  }

  /** Moves a bad progress file aside; never deletes it. */
  private moveAside(reason: string): { ok: boolean; notice: string } {
    const target = unusedPath(this.dir, `progress.corrupt-${stamp(this.now())}`);
    try {
      renameSync(this.path, target);
      return { ok: true, notice: `${this.path} could not be used (${reason}); it was moved to ${target} and a fresh progress file was started` };
    } catch (e) {
      return { ok: false, notice: `${this.path} could not be used (${reason}) and could not be moved aside (${errorCode(e)}); it is left as it is` };
    }
  }

  private toMemory(): ProgressStore {
    this.mode = 'memory';
    this.conf = null;
    return this;
  }

  /** The latest progress: re-read from disk, so another instance's answers show up. */
  read(): ProgressT {
    if (this.mode === 'disk' && this.conf) {
      try {
        const c = classify(this.onDisk());
        if (c.kind === 'ok') {
          const p = c.progress;
          for (const change of this.pending) change(p);
          this.state = p;
        }
      } catch {
        // Keep the last good state; the next save reports what is wrong.
      }
    }
    return structuredClone(this.state);
  }

  private onDisk(): unknown {
    const data = this.conf!.store;
    return Object.keys(data).length === 0 ? emptyProgress() : data;
  }

  /**
   * Applies `change` to the latest progress and saves it at once. In memory mode it only
   * changes the session's copy. Returns null, or a one-line error (the change is kept in
   * memory and retried with the next save).
   */
  update(change: (p: ProgressT) => void): string | null {
    change(this.state);
    if (this.mode === 'memory' || !this.conf) return null;
    this.pending.push(change);
    try {
      // The directory may have gone since the session began; the lock file is made in it first.
      mkdirSync(this.dir, { recursive: true });
      withLock(this.lockPath, () => {
        let c: Classified;
        try {
          c = classify(this.onDisk());
        } catch (e) {
          if (!(e instanceof SyntaxError)) throw e;
          c = { kind: 'invalid', reason: 'not valid JSON' };
        }
        if (c.kind === 'newer') throw new Error(`a newer tcp-trainer (version ${c.version}) now owns ${this.path}`);
        let next: ProgressT;
        if (c.kind === 'invalid') {
          const moved = this.moveAside(c.reason);
          if (!moved.ok) throw new Error(moved.notice);
          // The file went bad after it was read: the session's copy (the last good file plus
          // every pending change) is the learner's progress, not an empty one.
          next = structuredClone(this.state);
        } else {
          next = c.progress;
          for (const p of this.pending) p(next);
        }
        Progress.parse(next);
        try {
          this.conf!.store = next as unknown as Record<string, unknown>;
        } catch (e) {
          this.removeTempFiles();
          throw e;
        }
        this.state = next;
      });
      this.pending = [];
      this.lastError = null;
      return null;
    } catch (e) {
      const code = errorCode(e);
      const why = code === 'ENOSPC' ? 'the disk is full' : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'permission denied' : code;
      this.lastError = `progress not saved (${why}); it is kept for this session and saved with the next answer`;
      return this.lastError;
    }
  }

  /**
   * conf's atomic write leaves its temp file when the write fails (the disk full), and removes it
   * only later, asynchronously. Under the lock no other write is under way: remove it now, so
   * that a crash cannot strand it and its space is free for the next try.
   */
  private removeTempFiles(): void {
    for (const f of readdirSync(this.dir)) {
      if (f.startsWith(`${FILE_NAME}.tmp-`)) rmSync(join(this.dir, f), { force: true });
    }
  }

  /** Moves the progress file to a dated backup and starts fresh (tcp-trainer reset). */
  reset(): string | null {
    if (this.mode === 'memory' || !this.conf) {
      this.state = emptyProgress();
      return null;
    }
    return withLock(this.lockPath, () => {
      const backup = unusedPath(this.dir, `progress.reset-${stamp(this.now())}`);
      try {
        renameSync(this.path, backup);
      } catch (e) {
        if (errorCode(e) !== 'ENOENT') throw e;
        return null;
      } finally {
        this.state = emptyProgress();
        this.pending = [];
      }
      return backup;
    });
  }
}
