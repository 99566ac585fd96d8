// The live lab's table, from records made up here: pure, no sockets.

import { describe, expect, test } from 'vitest';
import { countdownLine, differences, header, leftovers, stepLines, summary, wrapItems } from '../../src/live/render.js';
import type { StepRecord } from '../../src/live/run.js';
import { findLiveScenario } from '../../src/live/scenarios.js';

function rec(over: Partial<StepRecord> = {}): StepRecord {
  return {
    scenario: 'close-client',
    step: 3,
    pair: 'A',
    actor: 'client',
    call: 'client close()',
    detail: 'socket.destroy(): close()',
    model: ['client close', 'deliver all'],
    observed: { client: 'FIN-WAIT-2', server: 'CLOSE-WAIT' },
    predicted: { client: 'FIN-WAIT-2', server: 'CLOSE-WAIT' },
    agree: true,
    errors: [],
    ports: { client: 50210, server: 38211 },
    reasons: ['client: ESTABLISHED → FIN-WAIT-1: the application closes: FIN after the queued data [RFC 9293 3.10.4]'],
    note: 'FIN-WAIT-2 facing CLOSE-WAIT.',
    ...over,
  };
}

describe('stepLines', () => {
  test('one row: number, call, the kernel’s two states, the model’s two, and a tick', () => {
    const lines = stepLines(rec(), 80);
    expect(lines[0]).toBe(' 3  client close()      FIN-WAIT-2   CLOSE-WAIT     FIN-WAIT-2   CLOSE-WAIT   ✓');
    expect(lines[0]!.length).toBeLessThanOrEqual(80);
    expect(lines).toContain('      socket.destroy(): close()');
    expect(lines.some((l) => l.startsWith('      model · client: ESTABLISHED → FIN-WAIT-1'))).toBe(true);
    for (const l of lines) expect(l.length, l).toBeLessThanOrEqual(80);
  });

  test('a difference is marked on the row and spelled out', () => {
    const lines = stepLines(rec({ observed: { client: 'FIN-WAIT-1', server: 'CLOSE-WAIT' }, agree: false }), 80);
    expect(lines[0]!.endsWith('✗')).toBe(true);
    expect(lines).toContain('      ✗ client: the kernel says FIN-WAIT-1, the model FIN-WAIT-2');
  });

  test('the answer follows what was done; an unexpected answer is flagged', () => {
    const lines = stepLines(rec({ detail: 'connect to 127.0.0.1:38211', answer: 'ETIMEDOUT', expectedAnswer: 'ECONNREFUSED' }), 80);
    expect(lines).toContain('      connect to 127.0.0.1:38211 → ETIMEDOUT');
    expect(lines).toContain('      ✗ the scenario expects ECONNREFUSED');
  });

  test('a step with no model lines says the core has nothing to model', () => {
    expect(stepLines(rec({ model: [], reasons: [] }), 80)).toContain('      model · (no model step: the core has no ports and no bind())');
  });

  test('two pairs: a row per pair under the call, with the server port', () => {
    const r = rec({
      pair: 'B',
      call: 'client bind()+connect()',
      observed: { client: 'ESTABLISHED', server: 'ESTABLISHED' },
      predicted: { client: 'ESTABLISHED', server: 'ESTABLISHED' },
      ports: { client: 50210, server: 40000 },
      others: [{ pair: 'A', ports: { client: 50210, server: 38211 }, observed: { client: 'TIME-WAIT', server: 'LISTEN' }, predicted: { client: 'TIME-WAIT', server: 'LISTEN' }, agree: true }],
    });
    const lines = stepLines(r, 80);
    expect(lines[0]).toMatch(/^ 3 {2}client bind\(\)\+connect\(\) → B +✓$/);
    expect(lines[1]).toBe('      to A :38211       TIME-WAIT    LISTEN         TIME-WAIT    LISTEN');
    expect(lines[2]).toBe('      to B :40000       ESTABLISHED  ESTABLISHED    ESTABLISHED  ESTABLISHED');
  });

  test('differences names the pair when there are two', () => {
    const r = rec({
      agree: false,
      others: [{ pair: 'B', ports: { client: 1, server: 2 }, observed: { client: 'CLOSED', server: 'LISTEN' }, predicted: { client: 'SYN-SENT', server: 'LISTEN' }, agree: false }],
    });
    expect(differences(r)).toEqual(['to B, client: the kernel says CLOSED, the model SYN-SENT']);
  });
});

describe('header, countdown, summary', () => {
  const s = findLiveScenario('reuse-same-server')!;

  test('title in the chosen language, the explanation, the sysctls, the column heads', () => {
    const lines = header(s, 'zh', { tcp_tw_reuse: '2', tcp_timestamps: '1', ip_local_port_range: '32768 60999' }, 80);
    expect(lines[0]).toBe(`Live lab: reuse-same-server · ${s.title.zh}`);
    expect(lines.join('\n')).toContain('sysctl: tcp_tw_reuse=2  tcp_timestamps=1  ip_local_port_range=32768 60999');
    expect(lines.at(-1)).toBe(' #  call                client       server         client       server');
    for (const l of lines) expect(l.length, l).toBeLessThanOrEqual(80);
  });

  test('a sysctl that differs from the scenario’s assumption is shown with its default and a warning', () => {
    const text = header(s, 'en', { tcp_timestamps: '0' }, 80).join('\n');
    expect(text).toContain('tcp_timestamps=0 (default 1)');
    expect(text).toContain('! This machine has tcp_timestamps=0; the model assumes the default 1');
  });

  test('wrapItems never breaks inside an item', () => {
    expect(wrapItems(['aaaa bbbb', 'cccc dddd'], 12, '> ', '  ')).toEqual(['> aaaa bbbb', '  cccc dddd']);
  });

  test('the countdown line fits the width and names the key', () => {
    const t = { pair: 'A' as const, end: 'client' as const, state: 'TIME-WAIT', ms: 57_300, local: 50210, remote: 38211 };
    expect(countdownLine(t, 80)).toBe('  client in TIME-WAIT (127.0.0.1:50210 → :38211): 58 s left · press s to skip');
    expect(countdownLine(t, 60).length).toBeLessThan(60);
    expect(countdownLine(t, 60)).toContain('s: skip');
  });

  test('summary and leftovers', () => {
    expect(summary([rec(), rec()])).toBe('All 2 steps agree: the kernel did what the model predicts.');
    expect(summary([rec(), rec({ agree: false })])).toBe('1 of 2 steps differs (marked ✗): the kernel and the model disagree.');
    const t = { pair: 'A' as const, end: 'client' as const, state: 'TIME-WAIT', ms: 41_000, local: 50210, remote: 38211 };
    expect(leftovers([t], 200)).toEqual(['The TIME-WAIT socket 127.0.0.1:50210 → 127.0.0.1:38211 stays in the kernel for about 41 s more; it needs no process.']);
  });
});
