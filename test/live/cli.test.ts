// `tcp-trainer live`: the built executable as a user runs it (`npm test` builds
// first), and runLive in process with a fake kernel table for the paths a real
// Linux machine cannot show (no /proc/net/tcp; a kernel that disagrees).

import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { runLive, type LiveIo } from '../../src/cli/live.js';
import { UserError } from '../../src/cli/user-error.js';
import type { System } from '../../src/live/system.js';
import { LIVE_SCENARIOS } from '../../src/live/scenarios.js';
import { run } from '../cli/run.js';

const HAS_PROC = existsSync('/proc/net/tcp');
const ctx = { lang: 'en' as const, packs: [] };

function io(system: System): LiveIo & { text: () => string } {
  let out = '';
  return { system, out: (s) => void (out += s), keys: null, tty: false, columns: 80, text: () => out };
}

const noProc: System = {
  hasProcNetTcp: () => false,
  readTcp: () => {
    throw new Error('no /proc/net/tcp');
  },
  readSysctls: () => ({}),
};

/** A kernel table that never shows any socket: every end looks CLOSED. */
const emptyKernel: System = { hasProcNetTcp: () => true, readTcp: () => [], readSysctls: () => ({ tcp_timestamps: '1' }) };

describe('tcp-trainer live (in process)', () => {
  test('no /proc/net/tcp: one line, exit 2', async () => {
    const err = await runLive(['handshake'], ctx, io(noProc)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).exitCode).toBe(2);
    expect((err as UserError).message).toBe('live: /proc/net/tcp is absent: the live lab reads the Linux kernel’s TCP table, and this system has none');
    expect((err as UserError).message).not.toContain('\n');
  });

  test('no /proc/net/tcp: the list still shows, with a note that nothing can run here', async () => {
    const o = io(noProc);
    expect(await runLive([], ctx, o)).toBe(0);
    expect(o.text()).toContain('handshake');
    expect(o.text()).toContain('This system has no /proc/net/tcp');
  });

  test('a kernel that disagrees: --json marks the steps and exits 1', async () => {
    const o = io(emptyKernel);
    expect(await runLive(['abort', '--json'], ctx, o)).toBe(1);
    const lines = o.text().trim().split('\n').map((l) => JSON.parse(l) as { agree: boolean; observed: unknown; predicted: unknown });
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ observed: { client: 'CLOSED', server: 'CLOSED' }, predicted: { client: 'CLOSED', server: 'LISTEN' }, agree: false });
  });

  test('a kernel that disagrees: the table marks the differences and exits 1', async () => {
    const o = io(emptyKernel);
    expect(await runLive(['refused'], ctx, o)).toBe(1);
    expect(o.text()).toContain('✗ server: the kernel says CLOSED, the model LISTEN');
    expect(o.text()).toContain('1 of 3 steps differs');
  });

  test('usage errors exit 2', async () => {
    for (const args of [['nope'], ['a', 'b'], ['--width', '10', 'handshake'], ['--bogus']]) {
      const err = await runLive(args, ctx, io(emptyKernel)).catch((e: unknown) => e);
      expect(err, args.join(' ')).toBeInstanceOf(UserError);
      expect((err as UserError).exitCode).toBe(2);
    }
  });
});

describe('tcp-trainer live (the executable)', () => {
  test('without a scenario it lists them all, exit 0', () => {
    const r = run(['live']);
    expect(r.status).toBe(0);
    for (const s of LIVE_SCENARIOS) expect(r.stdout).toContain(`  ${s.id}`);
  });

  test('--lang zh lists the Chinese titles', () => {
    expect(run(['--lang', 'zh', 'live']).stdout).toContain('三次握手');
  });

  test('an unknown scenario: one line naming the scenarios, exit 2, no stack trace', () => {
    const r = run(['live', 'nope']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^tcp-trainer: live: no scenario 'nope' \(one of: handshake, /);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  test('the command is in --help', () => {
    expect(run(['--help']).stdout).toMatch(/\n {2}live +run a scenario on real sockets/);
  });

  test.skipIf(!HAS_PROC)(`--json: one object per step, kernel beside model, exit 0${HAS_PROC ? '' : ' (skipped: no /proc/net/tcp)'}`, () => {
    const r = run(['live', 'close-client', '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l['step'], l['call'], l['observed'], l['predicted'], l['agree']])).toEqual([
      [1, 'server listen()', { client: 'CLOSED', server: 'LISTEN' }, { client: 'CLOSED', server: 'LISTEN' }, true],
      [2, 'client connect()', { client: 'ESTABLISHED', server: 'ESTABLISHED' }, { client: 'ESTABLISHED', server: 'ESTABLISHED' }, true],
      [3, 'client close()', { client: 'FIN-WAIT-2', server: 'CLOSE-WAIT' }, { client: 'FIN-WAIT-2', server: 'CLOSE-WAIT' }, true],
      [4, 'server close()', { client: 'TIME-WAIT', server: 'LISTEN' }, { client: 'TIME-WAIT', server: 'LISTEN' }, true],
    ]);
  });

  test.skipIf(!HAS_PROC)(`not a terminal: the table without a countdown, exit 0${HAS_PROC ? '' : ' (skipped: no /proc/net/tcp)'}`, () => {
    const r = run(['live', 'refused']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(' 3  client connect()    CLOSED       CLOSED         CLOSED       CLOSED       ✓');
    expect(r.stdout).toContain('→ ECONNREFUSED');
    expect(r.stdout).not.toContain('press s');
    expect(r.stdout).toContain('All 3 steps agree');
  });
});
