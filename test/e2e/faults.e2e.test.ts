// Terminal faults, in a real terminal (tmux) against the built app: the window
// shrunk to 20x8 in the middle of a lab and of an exam and grown back, the
// terminal closed under a running session, stdin a pipe that closes, and
// terminals without colour (NO_COLOR=1, TERM=dumb).
//
// Terminal (tmux.ts) always sets CI=false, and supports-color reads any CI
// variable as "no colour", so the colour tests start their own pane without
// CI, and read the bytes the app wrote with `tmux pipe-pane` as well as the
// screen with `capture-pane -e`.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import builtin from 'virtual:builtin-pack';
import { buildCourse } from '../../src/engine/course.js';
import { selectExam } from '../../src/exam/select.js';
import { classify, type Progress } from '../../src/store/progress.js';
import { Terminal, hasTmux, terminals, waitForScreen } from './tmux.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/tcp-trainer.js', import.meta.url));

const course = buildCourse([{ pack: builtin, dir: null }]);
/** A seed whose exam of 3 opens with a single-choice question, so "1" and Enter answer it. */
let seed = 0;
while (course.questions.find((c) => c.key === selectExam(course, { count: 3, topics: [], seed })[0]!.key)!.question.kind !== 'single') seed++;

const q = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A tmux pane running the app through our own shell line: no CI variable, the app's exit status
 * and stderr in files, and (optionally) every byte it writes copied to a file before it starts.
 */
class Pane {
  private static next = 0;
  readonly session = `tcp-trainer-faults-${process.pid}-${Pane.next++}`;
  readonly dir = mkdtempSync(join(tmpdir(), 'tcp-trainer-e2e-pane-'));
  readonly raw = join(this.dir, 'raw');

  constructor(args: string[], env: Record<string, string>, options: { columns?: number; rows?: number; stdin?: string } = {}) {
    const go = join(this.dir, 'go');
    const vars = Object.entries(env).map(([k, v]) => `${k}=${q(v)}`);
    const stdin = options.stdin ? `${options.stdin} | ` : '';
    // The shell survives the hangup (a trap, not an ignore: the app still gets SIGHUP) to write down how the app ended.
    const line = [
      `cd ${q(ROOT)}`,
      `while [ ! -e ${q(go)} ]; do sleep 0.02; done`,
      `trap 'echo hup >> ${q(join(this.dir, 'log'))}' HUP`,
      `${stdin}env -u CI ${vars.join(' ')} ${q(process.execPath)} ${q(BIN)} ${args.map(q).join(' ')} 2> ${q(join(this.dir, 'err'))}`,
      `echo "exit $?" >> ${q(join(this.dir, 'log'))}`,
    ].join('; ');
    execFileSync('tmux', ['new-session', '-d', '-s', this.session, '-x', String(options.columns ?? 80), '-y', String(options.rows ?? 24), line]);
    execFileSync('tmux', ['pipe-pane', '-t', this.session, '-o', `cat >> ${q(this.raw)}`]);
    writeFileSync(go, '');
  }

  screen(escapes = false): string {
    return execFileSync('tmux', ['capture-pane', '-p', ...(escapes ? ['-e'] : []), '-t', this.session], { encoding: 'utf8' });
  }

  key(name: string): void {
    execFileSync('tmux', ['send-keys', '-t', this.session, name]);
  }

  waitFor(text: string | RegExp, timeoutMs = 10_000): Promise<string> {
    return waitForScreen(() => this.screen(), text, timeoutMs);
  }

  /** The app's process: the node child of the pane's shell. */
  appPid(): number {
    const shell = execFileSync('tmux', ['display', '-p', '-t', this.session, '#{pane_pid}'], { encoding: 'utf8' }).trim();
    const out = spawnSync('pgrep', ['-P', shell, '-f', 'tcp-trainer.js'], { encoding: 'utf8' }).stdout.trim();
    expect(out, 'the app is running').toMatch(/^\d+$/);
    return Number(out);
  }

  /** How the app ended ("exit 0", "exit 129" for a hangup) once it has. */
  async ended(timeoutMs = 5_000): Promise<string> {
    const log = join(this.dir, 'log');
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (existsSync(log)) {
        const m = /exit \d+/.exec(readFileSync(log, 'utf8'));
        if (m) return m[0];
      }
      await sleep(20);
    }
    throw new Error('the app did not end');
  }

  stderr(): string {
    return readFileSync(join(this.dir, 'err'), 'utf8');
  }

  close(): void {
    spawnSync('tmux', ['kill-session', '-t', this.session]);
  }
}

const panes: Pane[] = [];
afterEach(() => {
  while (panes.length) panes.pop()!.close();
});

function home(): string {
  return mkdtempSync(join(tmpdir(), 'tcp-trainer-e2e-faults-'));
}

const start = terminals();
const terminal = (dir: string, args: string[]): Terminal => start(dir, args, { columns: 80, rows: 24 });

function pane(dir: string, args: string[], env: Record<string, string> = {}, options: { stdin?: string } = {}): Pane {
  const p = new Pane(args, { TCP_TRAINER_HOME: dir, LANG: 'en_US.UTF-8', ...env }, options);
  panes.push(p);
  return p;
}

function progress(dir: string): Progress {
  const c = classify(JSON.parse(readFileSync(join(dir, 'progress.json'), 'utf8')));
  expect(c.kind).toBe('ok');
  return (c as { progress: Progress }).progress;
}

/** No line wider than the terminal, and none made of the "too small" message's leftovers. */
function notGarbled(screen: string, columns: number): void {
  for (const line of screen.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(columns);
  expect(screen).not.toMatch(/needs at least|Make it\s+larger/);
}

/** The "too small" message at 20x8: every line within 20 columns. */
async function tooSmall(t: Terminal): Promise<void> {
  const screen = await t.waitFor(/The terminal is\s+20x8; tcp-trainer\s+needs at least\s+40x12\.\s+Make it\s+larger\./);
  for (const line of screen.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(20);
}

/** "[exit 0]" after the app's last line, which may wrap it at 80 columns. */
async function exitedZero(t: Terminal): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!t.screen().replace(/\n/g, '').includes('[exit 0]')) {
    if (Date.now() > deadline) throw new Error(`the app did not exit 0; the screen was:\n${t.screen()}`);
    await sleep(50);
  }
}

/** Keys that answer a practice card of the built-in course (rightly or not), by the line naming its kind. */
const ANSWER: Record<string, string[]> = {
  'Choose one': ['2', 'Enter'],
  'Choose all that apply': ['Space', 'Enter'],
  'True or false': ['t', 'Enter'],
  'Put in order': ['Enter'],
  'Type a number': ['1', 'Enter'],
  'Type the answer': ['x', 'Enter'],
  'Predict the next step': ['Enter', 'Enter'],
  'Interview question': ['s', '3'],
};
const KIND = new RegExp(Object.keys(ANSWER).join('|'));
const FEEDBACK = /✓ Right|✗ Wrong|◐ Partly|Rated (Again|Hard|Good|Easy)/;

async function answerCard(t: { waitFor(x: RegExp): Promise<string>; key(k: string): void }): Promise<void> {
  const screen = await t.waitFor(KIND);
  const kind = KIND.exec(screen)![0];
  for (const k of ANSWER[kind]!) t.key(k);
  await t.waitFor(FEEDBACK);
}

describe.skipIf(!hasTmux)('terminal faults (tmux)', () => {
  it('a lab: shrunk to 20x8 mid-prediction, then grown back to 80x24, comes back at the same step with the half-typed answer', async () => {
    const dir = home();
    const t = terminal(dir, ['lab', 'handshake']);
    await t.waitFor('Enter start');
    t.key('Enter');
    await t.waitFor('Enter runs line 16: client connect');
    t.key('Enter');
    await t.waitFor('Prediction 1 of 5 · line 16: client connect');
    // SYN-SENT chosen, SYN ticked, not yet answered.
    for (const k of ['Right', 'Right', 'Enter', 's']) t.key(k);
    const before = await t.waitFor('[x]SYN');
    expect(before).toMatch(/SYN-SENT/);

    t.resize(20, 8);
    await tooSmall(t);
    t.resize(80, 24);
    await t.waitFor('Prediction 1 of 5 · line 16: client connect');
    // The same screen, line for line: nothing lost, nothing left over.
    const deadline = Date.now() + 5000;
    while (t.screen() !== before && Date.now() < deadline) await sleep(50);
    expect(t.screen()).toBe(before);
    notGarbled(t.screen(), 80);

    // Once more mid-way, and the answer still counts.
    t.resize(20, 8);
    await tooSmall(t);
    t.resize(80, 24);
    await t.waitFor('[x]SYN');
    t.key('Enter');
    await t.waitFor('✓ Right');
    expect(t.screen()).toContain('Core: SYN-SENT · sends SYN seq=1000');
    notGarbled(t.screen(), 80);
    t.key('C-c');
    await exitedZero(t);
  });

  it('an exam: shrunk to 20x8 on question 2, grown back: the same question and answers, the countdown still running', async () => {
    const dir = home();
    const t = terminal(dir, ['exam', '--seed', String(seed), '--count', '3', '--minutes', '10']);
    await t.waitFor('Question 1 of 3');
    t.key('1');
    t.key('Enter');
    await t.waitFor('Answer saved.');
    const before = await t.waitFor(/Question 2 of 3[\s\S]*●○○ 1\/3 answered/);
    const left = (s: string): number => {
      const m = /(\d\d):(\d\d) left/.exec(s);
      expect(m, s).not.toBeNull();
      return Number(m![1]) * 60 + Number(m![2]);
    };
    const leftBefore = left(before);
    const t0 = Date.now();

    t.resize(20, 8);
    await tooSmall(t);
    // Let the clock run while nothing of the exam shows.
    await sleep(2500);
    t.resize(80, 24);
    const after = await t.waitFor(/Question 2 of 3[\s\S]*●○○ 1\/3 answered/);
    const elapsed = Math.round((Date.now() - t0) / 1000);
    expect(left(after)).toBeLessThanOrEqual(leftBefore - 2);
    expect(left(after)).toBeGreaterThanOrEqual(leftBefore - elapsed - 2);
    // The rest of the screen is as it was.
    const masked = (s: string): string => s.replace(/\d\d:\d\d left/, 'MM:SS left');
    const deadline = Date.now() + 5000;
    while (masked(t.screen()) !== masked(before) && Date.now() < deadline) await sleep(50);
    expect(masked(t.screen())).toBe(masked(before));
    notGarbled(t.screen(), 80);
    expect(progress(dir).examInProgress?.answers[0]).toMatchObject({ kind: 'single' });
    t.key('C-c');
    await exitedZero(t);
  });

  it('the terminal closed (tmux kill-session) mid-practice: the app ends by the hangup at once, quietly, and keeps the answers given', async () => {
    const dir = home();
    const p = pane(dir, []);
    await p.waitFor('❯ Learn');
    p.key('Down');
    p.key('Enter');
    await p.waitFor(/1\/\d+ · due/);
    await answerCard(p);
    p.key('Enter');
    // The next card, not the feedback of the last one, before answering again.
    await p.waitFor(/2\/\d+ · due/);
    await answerCard(p);
    // Saved from an effect just after the feedback is drawn.
    const deadline = Date.now() + 5000;
    while (progress(dir).reviews.length < 2 && Date.now() < deadline) await sleep(20);
    const pid = p.appPid();
    const t0 = Date.now();
    p.close();
    // Killed by SIGHUP (128 + 1), no stack trace: it used to write its last frame into the dead terminal and abort (exit 134).
    expect(await p.ended()).toBe('exit 129');
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(() => process.kill(pid, 0)).toThrow();
    expect(p.stderr().replace(/\x1b\[\?25h/g, '')).toBe('');
    const saved = progress(dir);
    expect(saved.reviews).toHaveLength(2);
    expect(Object.keys(saved.cards)).toHaveLength(2);
    expect(readdirSync(dir).sort()).toEqual(['progress.json']);
  });

  it('the terminal closed mid-exam: the answers are kept and tcp-trainer exam --resume goes on from the same question', async () => {
    const dir = home();
    const p = pane(dir, ['exam', '--seed', String(seed), '--count', '3', '--minutes', '10']);
    await p.waitFor('Question 1 of 3');
    p.key('1');
    p.key('Enter');
    await p.waitFor(/Question 2 of 3[\s\S]*●○○ 1\/3 answered/);
    p.close();
    expect(await p.ended()).toBe('exit 129');
    expect(progress(dir).examInProgress).toMatchObject({ seed, current: 1 });

    const t = terminal(dir, ['exam', '--resume']);
    await t.waitFor(/Question 2 of 3[\s\S]*●○○ 1\/3 answered/);
    t.key('C-c');
    await exitedZero(t);
  });

  it('stdin a pipe that closes: the app reads the keys from the terminal and goes on', async () => {
    const dir = home();
    const p = pane(dir, [], {}, { stdin: 'sleep 0.5' });
    await p.waitFor('❯ Learn');
    await sleep(1000);
    p.key('Down');
    await p.waitFor('❯ Practice');
    p.key('q');
    expect(await p.ended()).toBe('exit 0');
  });

  describe('without colour', () => {
    /** SGR sequences (colour, bold, dim, reset) in what the app wrote or in what the screen shows. */
    const SGR = /\x1b\[[0-9;:]*m/;

    it('colour is on in the same pane setup without NO_COLOR (so the checks below can see escapes)', async () => {
      const dir = home();
      const p = pane(dir, []);
      await p.waitFor('❯ Learn');
      expect(p.screen(true)).toMatch(/\x1b\[[0-9;]*36m/);
      expect(readFileSync(p.raw, 'latin1')).toMatch(SGR);
      p.key('q');
      expect(await p.ended()).toBe('exit 0');
    });

    for (const env of [{ NO_COLOR: '1' }, { TERM: 'dumb' }] as Record<string, string>[]) {
      const name = Object.entries(env).map(([k, v]) => `${k}=${v}`)[0]!;
      it(`${name}: no SGR sequence in the output or on the screen, and a practice question is answered by its marks alone`, async () => {
        const dir = home();
        const p = pane(dir, [], env);
        await p.waitFor('❯ Learn');
        p.key('Down');
        await p.waitFor('❯ Practice');
        p.key('Enter');
        await answerCard(p);
        expect(p.screen()).toMatch(/^[✓✗◐] |Rated /m);
        expect(p.screen(true)).not.toMatch(SGR);
        p.key('q');
        await p.waitFor('❯ Learn');
        p.key('q');
        expect(await p.ended()).toBe('exit 0');
        const raw = readFileSync(p.raw, 'latin1');
        expect(raw.length).toBeGreaterThan(500);
        expect(raw).not.toMatch(SGR);
        expect(progress(dir).reviews).toHaveLength(1);
      });
    }
  });
});
