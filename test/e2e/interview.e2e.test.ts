// `tcp-trainer interview` in a real terminal (tmux): a drill with a follow-up typed in English and
// Chinese, left with Ctrl+C and resumed with --resume; and its option errors without a terminal.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import builtin from 'virtual:builtin-pack';
import { hasTmux, terminals } from './tmux.js';
import { run } from '../cli/run.js';
import { buildCourse } from '../../src/engine/course.js';
import { selectDrill } from '../../src/drill/interview-set.js';

const course = buildCourse([{ pack: builtin, dir: null }]);
const TW = 'tcp-core/time-wait-why-2msl';
let seed = 0;
while (selectDrill(course, 1, seed)[0]!.key !== TW) seed++;
const twq = course.questions.find((c) => c.key === TW)!.question;
const followupPrompts = twq.kind === 'open' ? selectDrill(course, 1, seed)[0]!.followups.map((f) => twq.en.followups![f]!.prompt) : [];

const start = terminals();

describe('tcp-trainer interview: options', () => {
  it.each([
    [['--count', '0'], /--count must be a whole number from 1 to 50, not '0'/],
    [['--count', 'five'], /--count must be a whole number/],
    [['--minutes-per-question', '0'], /--minutes-per-question must be a number from 0.5 to 60/],
    [['--seed', '-1'], /--seed/],
    [['--frobnicate'], /unknown option '--frobnicate'/],
    [['extra'], /unexpected argument 'extra'/],
    [['--resume', '--seed', '3'], /--resume goes on with the unfinished drill/],
  ])('%j is one line on stderr and exit 2', (args, message) => {
    const r = run(['interview', ...args]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
  });

  it('--help describes the options; without a terminal the drill says it needs one', () => {
    const help = run(['interview', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--minutes-per-question N');
    const r = run(['interview', '--count', '2']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/needs a terminal/);
  });
});

describe.skipIf(!hasTmux)('tcp-trainer interview in a real terminal (tmux)', () => {
  it('asks, checks, follows up; Ctrl+C keeps the draft and --resume finishes the drill', async () => {
    const home = mkdtempSync(join(tmpdir(), 'tcp-trainer-e2e-interview-'));
    let t = start(home, ['interview', '--count', '1', '--seed', String(seed)]);
    await t.waitFor('Why does the active closer stay in TIME-WAIT');
    await t.waitFor(/0[23]:[0-5]\d left/);
    t.type('If the final ACK is lost, the peer retransmits its FIN and we ACK it again.');
    t.key('Enter');
    t.type('Old duplicate segments expire before the 4-tuple is reused.');
    await t.waitFor('4-tuple is reused.');
    t.key('C-d');
    await t.waitFor('The app ticked the 2 of 6 key points');
    t.key('Down');
    t.key('Space');
    await t.waitFor('Key points 3/6');
    t.key('Enter');
    await t.waitFor(followupPrompts[0]!);

    // Chinese through the terminal, then Ctrl+C in the middle of the answer.
    t.type('每个重传的 FIN 都会再被确认，并重启 2MSL 计时器。');
    await t.waitFor('并重启 2MSL 计时器。');
    t.key('C-c');
    await t.waitFor('[exit 0]');
    const saved = JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8'));
    expect(saved.drillInProgress.draft.text).toBe('每个重传的 FIN 都会再被确认，并重启 2MSL 计时器。');
    t.close();

    t = start(home, ['interview', '--resume'], { columns: 80, rows: 24 });
    await t.waitFor('并重启 2MSL 计时器。');
    t.key('C-d');
    await t.waitFor('Key points');
    t.key('Enter');
    await t.waitFor(followupPrompts[1]!);
    t.key('C-d');
    await t.waitFor('The app ticked the 0 of');
    t.key('Enter');
    await t.waitFor('Questions, weakest first');
    t.key('q');
    await t.waitFor('❯ Learn');
    t.key('q');
    await t.waitFor('[exit 0]');

    const p = JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8'));
    expect(p.drillInProgress).toBeUndefined();
    expect(p.drills).toHaveLength(1);
    expect(p.drills[0].answers[1].text).toBe('每个重传的 FIN 都会再被确认，并重启 2MSL 计时器。');
    expect(p.priority[0]).toBe(TW);
  });

  it('fits 40x12 in Chinese', async () => {
    const home = mkdtempSync(join(tmpdir(), 'tcp-trainer-e2e-interview-'));
    const t = start(home, ['--lang', 'zh', 'interview', '--count', '1', '--seed', String(seed)], { columns: 40, rows: 12 });
    await t.waitFor('剩余');
    t.type('最后的 ACK 丢失时，对端重传 FIN，我方要再确认。');
    const screen = await t.waitFor('再确认。');
    expect(screen).toContain('第 1/1 题');
    expect(screen).toContain('Ctrl+D 提交');
    t.key('C-d');
    await t.waitFor('[x] 理由一');
    t.key('C-c');
    await t.waitFor('[exit 0]');
  });
});
