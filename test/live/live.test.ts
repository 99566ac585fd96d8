// The differential test: every live scenario runs for real on this machine's
// Linux TCP stack (sockets on 127.0.0.1, states from /proc/net/tcp), and the
// kernel's state sequence must equal the core's under the linux profile.
// TIME-WAIT is observed, never waited out: the test stays fast, and the
// TIME-WAIT sockets it leaves expire by themselves within 60 s.

import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import net from 'node:net';
import { describe, expect, test } from 'vitest';
import { LIVE_SCENARIOS, findLiveScenario } from '../../src/live/scenarios.js';
import { runScenario, type StepRecord } from '../../src/live/run.js';
import { linuxSystem } from '../../src/live/system.js';
import { unmetAssumptions } from '../../src/live/sysctl.js';

const HAS_PROC = existsSync('/proc/net/tcp');
const sysctls = HAS_PROC ? linuxSystem.readSysctls() : {};

describe.skipIf(!HAS_PROC)(`live lab against the kernel${HAS_PROC ? '' : ' (skipped: /proc/net/tcp is absent, so there is no Linux TCP table to read)'}`, () => {
  for (const s of LIVE_SCENARIOS) {
    const unmet = unmetAssumptions(s.assumes, sysctls);
    const why = unmet.map(([n, have, want]) => `${n}=${have}, the model assumes ${want}`).join('; ');
    test.skipIf(unmet.length > 0)(`${s.id}: the kernel's states equal the core's (linux profile)${why ? ` (skipped: ${why})` : ''}`, async () => {
      const records = await runScenario(s, linuxSystem);
      expect(records).toHaveLength(s.steps.length);
      const seq = (pick: 'observed' | 'predicted') =>
        records.map((r) => [r.call, ...[{ pair: r.pair, ...r[pick] }, ...(r.others ?? []).map((o) => ({ pair: o.pair, ...o[pick] }))].map((e) => `${e.pair} ${e.client}/${e.server}`)].join(' | '));
      expect(seq('observed')).toEqual(seq('predicted'));
      expect(records.every((r) => r.agree)).toBe(true);
      // The application's answers the scenario names (connected, ECONNREFUSED, EADDRINUSE) are the kernel's.
      for (const r of records) if (r.expectedAnswer !== undefined) expect(`${r.call}: ${r.answer}`).toBe(`${r.call}: ${r.expectedAnswer}`);
      // Everything it opened is closed: what is left of its ports is at most TIME-WAIT or an orphaned FIN-WAIT-2.
      const ports = new Set(records.flatMap((r) => [r.ports.client, r.ports.server]).filter((p): p is number => p !== null));
      await new Promise((r) => setTimeout(r, 50));
      const left = linuxSystem.readTcp().filter((e) => e.local.address === '127.0.0.1' && (ports.has(e.local.port) || ports.has(e.remote.port)));
      expect(left.map((e) => e.state).filter((st) => st !== 'TIME-WAIT' && st !== 'FIN-WAIT-2')).toEqual([]);
    });
  }

  test('a scenario that overruns its time bound stops with a clear error and closes what it opened', async () => {
    const s = { ...findLiveScenario('never-close')!, limitMs: 800 }; // its wait step alone takes 2 s
    const records: StepRecord[] = [];
    await expect(runScenario(s, linuxSystem, (r) => records.push(r))).rejects.toThrow('never-close: did not finish within its time bound of 0.8 s');
    expect(records.map((r) => r.call)).toEqual(['server listen()', 'client connect()', 'client close()']);
    const { client, server } = records[2]!.ports;
    await new Promise((r) => setTimeout(r, 50));
    // The server's CLOSE-WAIT was reset on the way out, and the listener closed.
    const left = linuxSystem.readTcp().filter((e) => e.local.address === '127.0.0.1' && (e.local.port === server || e.remote.port === server));
    expect(left.map((e) => `${e.local.port === client ? 'client' : 'server'} ${e.state}`).filter((x) => !x.startsWith('client'))).toEqual([]);
  });

  const hasSs = spawnSync('ss', ['-V'], { encoding: 'utf8' }).status === 0;
  test.skipIf(!hasSs)(`the /proc/net/tcp parser agrees with ss -tan${hasSs ? '' : ' (skipped: ss is not installed)'}`, async () => {
    const server = net.createServer({ allowHalfOpen: true });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const sp = (server.address() as net.AddressInfo).port;
    const accepted: net.Socket[] = [];
    server.on('connection', (s) => accepted.push(s));
    const client = net.connect({ port: sp, host: '127.0.0.1', allowHalfOpen: true });
    await new Promise((r) => client.once('connect', r));
    client.end(); // FIN-WAIT-2 facing CLOSE-WAIT: three different states on three sockets
    await new Promise((r) => setTimeout(r, 100));
    try {
      const mine = linuxSystem
        .readTcp()
        .filter((e) => e.local.port === sp || e.remote.port === sp)
        .map((e) => `${e.local.address}:${e.local.port} ${e.remote.address}:${e.remote.port} ${e.kernelName}`)
        .sort();
      // ss prints state names like FIN-WAIT-2, ESTAB, CLOSE-WAIT, LISTEN; map the ones this test makes.
      const SS: Record<string, string> = { LISTEN: 'LISTEN', ESTAB: 'ESTABLISHED', 'FIN-WAIT-2': 'FIN_WAIT2', 'CLOSE-WAIT': 'CLOSE_WAIT', 'TIME-WAIT': 'TIME_WAIT' };
      const out = spawnSync('ss', ['-tanH'], { encoding: 'utf8' }).stdout;
      const theirs = out
        .split('\n')
        .map((l) => l.trim().split(/\s+/))
        .filter((f) => f.length >= 5 && (f[3]!.endsWith(`:${sp}`) || f[4]!.endsWith(`:${sp}`)))
        .map((f) => `${f[3]!.replace(/^\[::ffff:(.*)\]/, '$1')} ${f[4]!.replace(/:\*$/, ':0')} ${SS[f[0]!] ?? f[0]}`)
        .sort();
      expect(mine).toEqual(theirs);
      expect(mine.map((l) => l.split(' ')[2]).sort()).toEqual(['CLOSE_WAIT', 'FIN_WAIT2', 'LISTEN']);
    } finally {
      client.resetAndDestroy();
      for (const s of accepted) s.resetAndDestroy();
      server.close();
    }
  });
});
