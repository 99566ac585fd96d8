// `tcp-trainer exam` in a real terminal (tmux): an exam answered, left with Ctrl+C, resumed with
// --resume --json, flagged, submitted after the confirmation; the report, then the result as JSON
// once the app has exited. And at 40x12, in Chinese.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import builtin from 'virtual:builtin-pack';
import stringWidth from 'string-width';
import { hasTmux, terminals, type Terminal } from './tmux.js';
import { buildCourse } from '../../src/engine/course.js';
import { selectExam } from '../../src/exam/select.js';

const course = buildCourse([{ pack: builtin, dir: null }]);
/** A seed whose exam of 3 opens with a single-choice question, so "1" and Enter answer it. */
let seed = 0;
while (course.questions.find((c) => c.key === selectExam(course, { count: 3, topics: [], seed })[0]!.key)!.question.kind !== 'single') seed++;

const start = terminals();

/** Everything the terminal showed, scrollback included (the JSON is longer than the window). */
const history = (t: Terminal): string => execFileSync('tmux', ['capture-pane', '-p', '-S', '-', '-t', t.session], { encoding: 'utf8' });

const progress = (home: string) => JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8'));

describe.skipIf(!hasTmux)('tcp-trainer exam in a real terminal (tmux)', () => {
  it('answers, survives Ctrl+C, resumes, submits after asking, reports, and prints the result as JSON', async () => {
    const home = mkdtempSync(join(tmpdir(), 'tcp-trainer-e2e-exam-'));
    let t = start(home, ['exam', '--seed', String(seed), '--count', '3', '--minutes', '10']);
    await t.waitFor('Question 1 of 3');
    expect(t.screen()).toMatch(/(10:00|09:59) left/);
    t.key('1');
    t.key('Enter');
    await t.waitFor('Answer saved.');
    await t.waitFor('●○○ 1/3 answered');
    t.key('C-c');
    await t.waitFor('[exit 0]');
    const saved = progress(home).examInProgress;
    expect(saved.seed).toBe(seed);
    expect(saved.answers[0]).toMatchObject({ kind: 'single' });
    expect(saved.current).toBe(1);
    t.close();

    t = start(home, ['exam', '--resume', '--json']);
    await t.waitFor('Question 2 of 3');
    t.key('C-f');
    await t.waitFor('●⚑○ 1/3 answered · ⚑ 1');
    t.key('C-s');
    await t.waitFor('2 of 3 questions are not answered; they count as wrong.');
    t.key('y');
    await t.waitFor('Exam · Report');
    expect(t.screen()).toMatch(/Score [01]\/3/);
    expect(t.screen()).toContain('Review: [All 3]  Wrong');
    t.key('q');
    await t.waitFor('❯ Learn');
    t.key('q');
    await t.waitFor('[exit 0]');
    // The JSON comes after the app's last frame: from its first brace to the exit line.
    const all = history(t);
    const json = JSON.parse(all.slice(all.lastIndexOf('\n{') + 1, all.lastIndexOf('[exit 0]')));
    expect(json).toMatchObject({ seed, total: 3, passed: false, passMark: 70, timeLimitSeconds: 600, timedOut: false });
    expect(json.questions).toHaveLength(3);
    expect(json.questions[1]).toMatchObject({ n: 2, answered: false, correct: false, flagged: true });
    const p = progress(home);
    expect(p.examInProgress).toBeUndefined();
    expect(p.exams).toHaveLength(1);
    expect(p.exams[0].flags).toEqual([1]);
  });

  it('fits 40x12 in Chinese: the countdown, the strip and the question', async () => {
    const home = mkdtempSync(join(tmpdir(), 'tcp-trainer-e2e-exam-'));
    const t = start(home, ['--lang', 'zh', 'exam', '--seed', String(seed), '--count', '3'], { columns: 40, rows: 12 });
    await t.waitFor('第 1/3 题');
    const screen = t.screen();
    expect(screen).toMatch(/剩余 2[45]:\d\d/);
    expect(screen).toContain('已答 0/3');
    expect(screen).toContain('❯ 1.');
    // Display columns: a Chinese character takes two.
    for (const line of screen.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(40);
    t.key('C-c');
    await t.waitFor('[exit 0]');
  });
});
