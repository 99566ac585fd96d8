// Drives the built app in a real terminal: tmux runs it, send-keys types one
// key per call, capture-pane reads the screen. Waits poll the screen; no fixed
// sleeps decide a result.

import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/tcp-trainer.js', import.meta.url));

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

function tmux(...args: string[]): string {
  return execFileSync('tmux', args, { encoding: 'utf8' });
}

export class Terminal {
  private static next = 0;
  readonly session = `tcp-trainer-e2e-${process.pid}-${Terminal.next++}`;

  /** Starts `tcp-trainer ARGS` in a detached tmux window of the given size. */
  constructor(args: string[], env: Record<string, string>, size = { columns: 100, rows: 30 }) {
    // CI=true makes Ink draw only the last frame; a real terminal session must look like one.
    const vars = Object.entries({ CI: 'false', ...env }).map(([k, v]) => `${k}=${shellQuote(v)}`);
    const command = `cd ${shellQuote(root)} && env ${vars.join(' ')} ${shellQuote(process.execPath)} ${shellQuote(bin)} ${args.map(shellQuote).join(' ')}; echo "[exit $?]"; sleep 30`;
    tmux('new-session', '-d', '-s', this.session, '-x', String(size.columns), '-y', String(size.rows), command);
  }

  screen(): string {
    return tmux('capture-pane', '-p', '-t', this.session);
  }

  /** One key per call, as tmux names them (Down, Enter, Escape, C-c) or literal text with `literal`. */
  key(name: string): void {
    tmux('send-keys', '-t', this.session, name);
  }

  type(text: string): void {
    tmux('send-keys', '-t', this.session, '-l', text);
  }

  resize(columns: number, rows: number): void {
    tmux('resize-window', '-t', this.session, '-x', String(columns), '-y', String(rows));
  }

  waitFor(text: string | RegExp, timeoutMs = 10_000): Promise<string> {
    return waitForScreen(() => this.screen(), text, timeoutMs);
  }

  close(): void {
    spawnSync('tmux', ['kill-session', '-t', this.session]);
  }
}

/** Polls `read()` every 50 ms until `text` is on the screen; the error shows the last screen. */
export async function waitForScreen(read: () => string, text: string | RegExp, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    last = read();
    if (typeof text === 'string' ? last.includes(text) : text.test(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${String(text)}; the screen was:\n${last}`);
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * `start(home, args, size)` runs tcp-trainer in a new tmux window with its progress in `home`
 * (English locale); every window started in a test is closed after it.
 */
export function terminals(): (home: string, args?: string[], size?: { columns: number; rows: number }) => Terminal {
  const open: Terminal[] = [];
  afterEach(() => {
    while (open.length) open.pop()!.close();
  });
  return (home, args = [], size) => {
    const t = new Terminal(args, { TCP_TRAINER_HOME: home, LANG: 'en_US.UTF-8' }, size);
    open.push(t);
    return t;
  };
}
