// `tcp-trainer sim` as a user runs it: the built program, real files, standard input.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './run.js';

const CLOSE_BY_CLIENT = `set client.isn 1000
set server.isn 5000
server listen
client connect
deliver all          # both ESTABLISHED
client close         # client FIN-WAIT-1, sends FIN,ACK seq 1001 ack 5001
deliver c>s          # server CLOSE-WAIT, sends ACK seq 5001 ack 1002
deliver s>c          # client FIN-WAIT-2
server close         # server LAST-ACK, sends FIN,ACK seq 5001 ack 1002
deliver s>c          # client TIME-WAIT, sends ACK seq 1002 ack 5002
deliver c>s          # server CLOSED
wait 239s
expect client TIME-WAIT
wait 1s
expect client CLOSED
`;

function file(content: string, name = 'script.tcp'): string {
  const dir = mkdtempSync(join(tmpdir(), 'tcp-trainer-sim-'));
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('tcp-trainer sim', () => {
  it('runs the close started by the client to the end and exits 0', () => {
    const r = run(['sim', file(CLOSE_BY_CLIENT)]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('FIN,ACK seq=1001 ack=5001');
    expect(r.stdout).toContain('ACK seq=1002 ack=5002');
    expect(r.stdout).toMatch(/✓ expect client TIME-WAIT/);
    expect(r.stdout).toContain('t=240s');
  });

  it('--json prints one object per command line with the states, time and sent segments', () => {
    const r = run(['sim', file(CLOSE_BY_CLIENT), '--json']);
    expect(r.status).toBe(0);
    const records = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(records).toHaveLength(15);
    expect(records.map((x) => x.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    const close = records[5];
    expect(close).toMatchObject({ line: 6, command: 'client close', time: 0, client: 'FIN-WAIT-1', server: 'ESTABLISHED' });
    expect(close.sent).toEqual([{ from: 'client', flags: ['FIN', 'ACK'], seq: 1001, ack: 5001, len: 0 }]);
    expect(close.reasons.join('\n')).toMatch(/FIN-WAIT-1.*RFC 9293 3\.10\.4/);
    const handshake = records[4];
    expect(handshake.sent).toEqual([
      { from: 'server', flags: ['SYN', 'ACK'], seq: 5000, ack: 1001, len: 0 },
      { from: 'client', flags: ['ACK'], seq: 1001, ack: 5001, len: 0 },
    ]);
    expect(records[3].sent).toEqual([{ from: 'client', flags: ['SYN'], seq: 1000, ack: 0, len: 0 }]);
    expect(records[14]).toMatchObject({ time: 240_000, client: 'CLOSED', server: 'CLOSED' });
  });

  it('reads the script from standard input with -', () => {
    const r = run(['sim', '-', '--json'], 'server listen\nclient connect\n');
    expect(r.status).toBe(0);
    const records = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(records.map((x) => [x.client, x.server])).toEqual([
      ['CLOSED', 'LISTEN'],
      ['SYN-SENT', 'LISTEN'],
    ]);
  });

  it('exits 1 when an expect fails, naming the line, the expected and the actual state', () => {
    const path = file('server listen\nclient connect\nexpect server ESTABLISHED\nwait 1s\n');
    const r = run(['sim', path]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(`${path}:3: expect server ESTABLISHED failed: the server is LISTEN`);
  });

  it('exits 2 with FILE:LINE for an unknown command, before running anything', () => {
    const path = file('server listen\n\n# a comment\nclient jump\n');
    const r = run(['sim', path, '--json']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe(`${path}:4: client: unknown call 'jump' (listen, connect, send, close, shutdown, abort, crash)`);
  });

  it('exits 2 when there is nothing in flight to deliver', () => {
    const r = run(['sim', '-'], 'server listen\ndeliver s>c\n');
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('<stdin>:2: deliver s>c: nothing is in flight s>c');
  });

  it('exits 2 for a bad number, naming what is wrong', () => {
    const r = run(['sim', '-'], 'set client.isn 4294967296\n');
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('<stdin>:1: set client.isn: 4294967296 is out of range (0..4294967295)');
  });

  it('tells the reader that SYN_SEND is spelled SYN-SENT', () => {
    const r = run(['sim', '-'], 'expect client SYN_SEND\n');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("RFC 9293 calls it SYN-SENT");
  });

  it('never prints terminal control sequences from the script', () => {
    const r = run(['sim', '-'], 'server \x1b]0;pwned\x07listen\x1b[2J\n');
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    expect(r.stderr.startsWith('<stdin>:1: ')).toBe(true);
  });

  it('a missing file is one line and exit 2', () => {
    const r = run(['sim', '/nonexistent/x.tcp']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('tcp-trainer: sim: cannot read /nonexistent/x.tcp: no such file');
  });

  it('the ladder fits the requested width', () => {
    for (const width of [60, 80]) {
      const r = run(['sim', file(CLOSE_BY_CLIENT), '--width', String(width)]);
      expect(r.status).toBe(0);
      const widest = Math.max(...r.stdout.split('\n').map((l) => [...l].length));
      expect(widest).toBeLessThanOrEqual(width);
    }
  });
});
