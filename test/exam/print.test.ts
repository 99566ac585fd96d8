// `--print`: the exam and its answer key as Markdown, the same for the same seed.
import { describe, expect, it } from 'vitest';
import { examMarkdown } from '../../src/exam/print.js';
import { shownQuestion } from '../../src/exam/permute.js';
import { selectExam } from '../../src/exam/select.js';
import { course, question } from './helpers.js';

const options = { seed: 5, minutes: 25, passMark: 70, topicNames: [], command: 'tcp-trainer exam --seed 5 --count 30', lang: 'en' as const };

describe('the exam on paper', () => {
  const questions = selectExam(course, { count: 30, topics: [], seed: 5 });
  const md = examMarkdown(course, questions, options);
  const [paper, key] = md.split('\n## Answer key\n');

  it('numbers every question, then gives the key with explanations and sources', () => {
    expect(md.startsWith('# TCP exam (seed 5)\n')).toBe(true);
    expect(md).toContain('30 questions · 25 minutes · pass mark 70 % · topics: all');
    for (let n = 1; n <= 30; n++) {
      expect(paper).toMatch(new RegExp(`^### ${n}\\. `, 'm'));
      expect(key).toMatch(new RegExp(`^${n}\\. \\*\\*`, 'm'));
    }
    questions.forEach((eq) => expect(key).toContain(`*Source: ${question(eq.key).source}*`));
    expect(examMarkdown(course, questions, options)).toBe(md);
  });

  it('letters the options in the exam order, and the key names the right letter', () => {
    questions.forEach((eq, i) => {
      const q = shownQuestion(question(eq.key), eq.perm);
      if (q.kind !== 'single') return;
      const letter = String.fromCharCode(65 + q.answer);
      expect(paper).toContain(`- ${letter}. ${q.en.options[q.answer]}`);
      expect(key).toMatch(new RegExp(`^${i + 1}\\. \\*\\*${letter}\\*\\*$`, 'm'));
    });
  });

  it('shows a predict item’s scenario so far as a ladder, and its computed key', () => {
    const i = questions.findIndex((eq) => question(eq.key).kind === 'predict');
    expect(i).toBeGreaterThanOrEqual(0);
    const q = question(questions[i]!.key);
    if (q.kind !== 'predict') throw new Error('not predict');
    const block = paper!.split(/^### /m)[i + 1]!;
    expect(block).toContain('```text');
    expect(block).toMatch(/client +server/);
    expect(block).toContain(`Next, line ${q.step}:`);
    if (q.ask !== 'sends') expect(key).toContain(`state ${q.key!.state}`);
    // No line of the ladder is wider than 80 columns.
    const ladder = block.slice(block.indexOf('```text') + 8, block.lastIndexOf('```'));
    for (const line of ladder.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('speaks Chinese with --lang zh', () => {
    const zh = examMarkdown(course, questions, { ...options, lang: 'zh' });
    expect(zh).toContain('# TCP 考试(种子 5)');
    expect(zh).toContain('## 答案');
    expect(zh).toContain(question(questions[0]!.key).zh.prompt.trim().split('\n')[0]!);
  });
});
