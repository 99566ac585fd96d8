import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, run } from './run.js';

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

describe('tcp-trainer executable', () => {
  it('--version prints the package.json version', () => {
    for (const flag of ['--version', '-v']) {
      const r = run([flag]);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(`${pkg.version}\n`);
      expect(r.stderr).toBe('');
    }
  });

  it('--help lists the commands with their summaries and exits 0', () => {
    for (const flag of ['--help', '-h']) {
      const r = run([flag]);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('Usage:');
      expect(r.stdout).toMatch(/^ {2}sim +run a scenario script and print it as a ladder diagram$/m);
      expect(r.stdout).toContain('--version');
      expect(r.stderr).toBe('');
    }
  });

  it('COMMAND --help (and -h) prints the usage of that command and exits 0, for every command', () => {
    for (const name of ['sim', 'live', 'validate', 'list', 'lab', 'interview', 'exam', 'progress', 'reset']) {
      for (const flag of ['--help', '-h']) {
        const r = run([name, flag]);
        expect(r.status, `${name} ${flag}`).toBe(0);
        expect(r.stdout, `${name} ${flag}`).toMatch(new RegExp(`^usage: tcp-trainer ${name}\\b`));
        expect(r.stderr).toBe('');
      }
    }
    // After --, --help is an argument, not a request for help.
    expect(run(['sim', '--', '--help']).stderr).toMatch(/^tcp-trainer: sim: /);
  });

  it('an unknown command exits 2 with one line on stderr', () => {
    const r = run(['frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("tcp-trainer: unknown command 'frobnicate' (try tcp-trainer --help)\n");
  });

  it('an unknown option exits 2 with one line on stderr', () => {
    const r = run(['--frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("tcp-trainer: unknown option '--frobnicate' (try tcp-trainer --help)\n");
  });

  it('no command without a terminal exits 2 with one line naming the commands that work', () => {
    const r = run([], '\n');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n');
    expect(lines).toHaveLength(2); // one line plus the final newline
    expect(lines[0]).toMatch(/^tcp-trainer: the interactive trainer needs a terminal; .*\bsim\b.*--help/);
    expect(lines[1]).toBe('');
  });
});
