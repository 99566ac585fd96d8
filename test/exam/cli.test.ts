// `tcp-trainer exam` without a terminal: --print, --help, and one-line mistakes with exit 2.
import { describe, expect, it } from 'vitest';
import { run } from '../cli/run.js';

describe('tcp-trainer exam', () => {
  it('--print writes the exam and its key as Markdown, the same for the same seed, with no terminal', () => {
    const a = run(['exam', '--print', '--seed', '12', '--count', '6']);
    expect(a.status).toBe(0);
    expect(a.stderr).toBe('');
    expect(a.stdout).toMatch(/^# TCP exam \(seed 12\)\n/);
    expect(a.stdout).toContain('6 questions · 25 minutes');
    expect(a.stdout).toContain('`tcp-trainer exam --seed 12 --count 6`');
    expect(a.stdout.match(/^### \d+\. /gm)).toHaveLength(6);
    expect(a.stdout).toContain('## Answer key');
    expect(run(['exam', '--print', '--seed', '12', '--count', '6']).stdout).toBe(a.stdout);
    expect(run(['exam', '--print', '--seed', '13', '--count', '6']).stdout).not.toBe(a.stdout);
  });

  it('--print takes topics by id or key, and --lang zh', () => {
    const r = run(['--lang', 'zh', 'exam', '--print', '--seed', '1', '--count', '4', '--topics', 'handshake,tcp-core/close']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('主题:handshake, close');
    expect(r.stdout).toContain('--topics handshake,close --lang zh');
    expect(r.stdout).toMatch(/三次握手|四次挥手/);
  });

  it('an unknown topic is one line listing the valid ids, exit 2', () => {
    const r = run(['exam', '--topics', 'handshake,bogus']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("tcp-trainer: exam: unknown topic 'bogus'; the topics are: header, flags, handshake, why-three-way, close, states, time-wait, rst, retransmission, isn, syn-flood, backlog, options, keepalive, socket-api\n");
  });

  it('option mistakes are one line, exit 2', () => {
    const cases: Array<[string[], string]> = [
      [['--count', '0'], "--count must be a whole number from 1 to 100, not '0'"],
      [['--minutes', 'ten'], "--minutes must be a whole number from 1 to 300, not 'ten'"],
      [['--pass', '101'], "--pass must be a whole number from 0 to 100, not '101'"],
      [['--resume', '--seed', '3'], '--resume goes on with the unfinished exam as it was'],
      [['--print', '--json'], '--print writes Markdown'],
      [['--frob'], "unknown option '--frob'"],
      [['extra'], "unexpected argument 'extra'"],
    ];
    for (const [args, message] of cases) {
      const r = run(['exam', ...args]);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(`tcp-trainer: exam: ${message}`);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });

  it('--help explains the options and the time rule', () => {
    const r = run(['exam', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--print');
    expect(r.stdout).toContain('The clock is the wall clock: it keeps running while the app is closed.');
  });

  it('taking an exam needs a terminal, and says so', () => {
    const r = run(['exam', '--seed', '1']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('the interactive trainer needs a terminal');
  });

  it('is listed in tcp-trainer --help', () => {
    expect(run(['--help']).stdout).toMatch(/^ {2}exam +a timed exam with a report/m);
  });
});
