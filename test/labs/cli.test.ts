// `tcp-trainer lab` without a terminal: the list, and the errors a learner
// can make. Opening a lab needs a terminal; test/e2e/lab.e2e.test.ts does that.
import { describe, expect, it } from 'vitest';
import { run } from '../cli/run.js';

describe('tcp-trainer lab', () => {
  it('lists every lab with its id and title, and says how to open one', () => {
    const r = run(['lab']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^\d+ labs\. Open one with: tcp-trainer lab ID · free play: tcp-trainer lab --sandbox$/);
    expect(Number(lines[0]!.split(' ')[0])).toBeGreaterThanOrEqual(17);
    expect(r.stdout).toMatch(/^ {2}handshake +The three-way handshake$/m);
    expect(r.stdout).toMatch(/^ {2}fin-wait-2-linux +FIN-WAIT-2 under linux$/m);
  });

  it('lists the titles in Chinese with --lang zh', () => {
    const r = run(['--lang', 'zh', 'lab']);
    expect(r.stdout).toMatch(/^ {2}handshake +三次握手$/m);
  });

  it('an unknown id is one line that says how to see the ids, exit 2', () => {
    const r = run(['lab', 'no-such-lab']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("tcp-trainer: lab: there is no lab 'no-such-lab'; run tcp-trainer lab to list the ids\n");
  });

  it('opening a lab or the sandbox needs a terminal', () => {
    for (const args of [['lab', 'handshake'], ['lab', '--sandbox']]) {
      const r = run(args);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^tcp-trainer: the interactive trainer needs a terminal; these work without one: .*\blab\b/);
    }
  });

  it('refuses an id together with --sandbox, and unknown options', () => {
    expect(run(['lab', 'handshake', '--sandbox']).stderr).toBe('tcp-trainer: lab: give a lab id or --sandbox, not both (usage: tcp-trainer lab [ID | --sandbox])\n');
    const r = run(['lab', '--nope']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^tcp-trainer: lab: unknown option '--nope' \(usage: tcp-trainer lab \[ID \| --sandbox\]\)\n$/);
  });

  it('the built-in course, labs included, validates', () => {
    const r = run(['validate']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('no problems');
  });
});
