// The sandbox without a screen: commands run against the core or are refused
// with a reason, undo replays the script without its last line, completion
// knows the session, and a saved session replays to the same states.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { complete, nextWords } from '../../src/labs/complete.js';
import { SandboxRun, applySandbox, checkCommand, defaultFileName, newSandbox, sessionScript, type SandboxState } from '../../src/labs/sandbox.js';
import { saveScriptFile } from '../../src/labs/save-file.js';
import { parseScript } from '../../src/scenario/parse.js';
import { runScript } from '../../src/scenario/run.js';
import { run as runCli } from '../cli/run.js';

function play(commands: string[], profile: 'rfc' | 'linux' = 'rfc'): { s: SandboxState; run: SandboxRun } {
  const run = new SandboxRun();
  let s = newSandbox(profile);
  for (const command of commands) {
    const r = applySandbox(s, { type: 'run', command }, run);
    if (r.error) throw new Error(`${command}: ${r.error}`);
    s = r.state;
  }
  return { s, run };
}

describe('sandbox commands', () => {
  it('runs a handshake with fixed ISNs', () => {
    const { s, run } = play(['server listen', 'client connect', 'deliver all']);
    const trace = run.sync(s.commands);
    expect(trace.steps.at(-1)).toMatchObject({ client: 'ESTABLISHED', server: 'ESTABLISHED' });
    expect(trace.segments.map((x) => x.seg.seq)).toEqual([1000, 5000, 1001]);
  });

  it('refuses a line that does not parse or that the core cannot run, and keeps the session', () => {
    const { s, run } = play(['server listen']);
    expect(applySandbox(s, { type: 'run', command: 'deliver x>y' }, run).error).toBe("expected a direction c>s or s>c, got 'x>y'");
    const r = applySandbox(s, { type: 'run', command: 'deliver c>s' }, run);
    expect(r.error).toBe('deliver c>s: nothing is in flight c>s');
    expect(r.state).toBe(s);
    expect(checkCommand('expect client CLOSED')).toEqual({ error: 'the sandbox writes the expect lines itself when it saves' });
    expect(applySandbox(s, { type: 'run', command: 'set profile linux' }, run).error).toMatch(/must come before the first host or network command/);
    // The run is still usable after the refusals.
    const ok = applySandbox(s, { type: 'run', command: 'client connect' }, run);
    expect(run.sync(ok.state.commands).steps.at(-1)!.client).toBe('SYN-SENT');
  });

  it('an application error is a step like any other (connect twice)', () => {
    const { s, run } = play(['server listen', 'client connect', 'client connect']);
    expect(run.sync(s.commands).steps.at(-1)!.error).toBe('connection already exists');
  });

  it('undo goes back one command, down to the base settings and no further', () => {
    const { s, run } = play(['server listen', 'client connect', 'drop c>s']);
    const u = applySandbox(s, { type: 'undo' }, run).state;
    expect(u.commands.at(-1)).toBe('client connect');
    const trace = run.sync(u.commands);
    expect(trace.segments[0]!.fate).toBe('flight');
    let x = u;
    for (let i = 0; i < 2; i++) x = applySandbox(x, { type: 'undo' }, run).state;
    expect(x.commands).toEqual(newSandbox().commands);
    expect(applySandbox(x, { type: 'undo' }, run).error).toBe('nothing to undo');
  });

  it('the profile changes only before the first command', () => {
    const run = new SandboxRun();
    const linux = applySandbox(newSandbox(), { type: 'profile', profile: 'linux' }, run).state;
    expect(linux.commands[0]).toBe('set profile linux');
    const started = play(['server listen']).s;
    expect(applySandbox(started, { type: 'profile', profile: 'linux' }, run).error).toMatch(/only change before the first command/);
  });
});

describe('completion', () => {
  const { s, run } = play(['server listen', 'client connect', 'deliver c>s']);
  run.sync(s.commands);
  const w = run.world;

  it('completes verbs, calls and directions with something in flight', () => {
    expect(complete('cl', w)).toEqual({ text: 'client ', candidates: [] });
    expect(complete('client con', w).text).toBe('client connect');
    expect(complete('d', w)).toEqual({ text: 'd', candidates: ['deliver', 'drop', 'dup'] });
    expect(complete('deliver ', w).candidates).toEqual(['s>c', 'all']);
    expect(complete('drop ', w).text).toBe('drop s>c');
  });

  it('offers the numbers that land in the window for a crafted segment', () => {
    // The client is SYN-SENT with SND.NXT 1001; it has not seen the server's ISN yet.
    expect(nextWords(['inject', 'c>s', 'RST'], w)).toEqual(['seq=1001', 'len=0']);
    expect(nextWords(['inject', 's>c', 'ACK'], w)).toEqual(['seq=5001', 'ack=1001', 'len=0']);
    expect(complete('inject s>c ACK seq=5001 a', w).text).toBe('inject s>c ACK seq=5001 ack=1001 ');
  });

  it('offers the wait that reaches the next timer', () => {
    expect(nextWords(['wait'], w)[0]).toBe('1000ms');
  });
});

describe('saving a session', () => {
  it('writes a script that sim replays to the same states, step by step', () => {
    const { s, run } = play(['server listen', 'client connect', 'drop c>s', 'wait 1s', 'deliver all', 'client close', 'deliver all', 'server close', 'deliver s>c', 'drop c>s', 'wait 1s', 'deliver all', 'client connect', 'wait 2msl']);
    const trace = run.sync(s.commands);
    const text = sessionScript(s, trace, '2026-11-21 09:00');
    expect(text).toMatch(/^# title: Sandbox session 2026-11-21 09:00\n# title\.zh: 沙盒会话 2026-11-21 09:00\n# profile: rfc\n/);
    expect(text).toContain('client connect       # error: connection already exists');
    const replay = runScript(parseScript(text));
    expect(replay.outcome).toEqual({ kind: 'ok' });
    const acts = replay.steps.filter((x) => !x.command.startsWith('expect') && !x.command.startsWith('set'));
    const mine = trace.steps.filter((x) => !x.kind.startsWith('set-'));
    expect(acts.map((x) => [x.command, x.client, x.server, x.time])).toEqual(mine.map((x) => [x.command, x.client, x.server, x.time]));
  });

  it('keeps the linux profile in the file', () => {
    const { s, run } = play(['server listen'], 'linux');
    const text = sessionScript(s, run.sync(s.commands), 'now');
    expect(text).toContain('# profile: linux\n');
    expect(text).toMatch(/^set profile linux$/m);
    expect(runScript(parseScript(text)).outcome).toEqual({ kind: 'ok' });
  });

  it('names the default file by the time, never overwrites, and `tcp-trainer sim` runs the file', () => {
    expect(defaultFileName(new Date(2026, 10, 21, 9, 5, 7).getTime())).toBe('sandbox-20261121-090507.tcp');
    const dir = mkdtempSync(join(tmpdir(), 'tcp-trainer-sandbox-'));
    const { s, run } = play(['server listen', 'client connect', 'deliver all', 'inject c>s RST seq=1001']);
    const text = sessionScript(s, run.sync(s.commands), 'now');
    const saved = saveScriptFile('session.tcp', text, dir);
    expect(saved).toEqual({ path: join(dir, 'session.tcp') });
    expect(saveScriptFile('session.tcp', 'other', dir)).toEqual({ error: `${join(dir, 'session.tcp')} already exists; give another name` });
    expect(readFileSync(join(dir, 'session.tcp'), 'utf8')).toBe(text);
    const r = runCli(['sim', join(dir, 'session.tcp'), '--json']);
    expect(r.status).toBe(0);
    const last = JSON.parse(r.stdout.trim().split('\n').at(-1)!);
    expect(last).toMatchObject({ command: 'expect server CLOSED', client: 'ESTABLISHED', server: 'CLOSED' });
    writeFileSync(join(dir, 'x'), '');
    expect(saveScriptFile('x/y.tcp', text, dir)).toHaveProperty('error');
  });
});
