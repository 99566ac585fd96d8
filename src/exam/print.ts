// `tcp-trainer exam --print`: an exam and its answer key as Markdown, for
// teachers and for studying on paper. The questions are the ones the trainer
// would ask with the same seed, options in the same shuffled order; predict
// items show the scenario run so far as a ladder. Pure: text in, text out.

import type { Lang } from '../content/schema.js';
import type { CompiledQuestion } from '../content/validate.js';
import type { Course } from '../engine/course.js';
import { scenarioFor } from '../engine/course.js';
import { renderLadder } from '../scenario/ladder.js';
import { runToLine, type Step } from '../scenario/run.js';
import type { ExamQuestion } from '../store/exam-records.js';
import { stripControl } from '../text/sanitize.js';
import { shownQuestion } from './permute.js';

interface PrintStrings {
  title: (seed: number) => string;
  about: (n: number, minutes: number, pass: number, topics: string) => string;
  again: (cmd: string) => string;
  allTopics: string;
  questions: string;
  key: string;
  kind: Record<CompiledQuestion['kind'], string>;
  difficulty: (d: number) => string;
  scenario: (title: string, profile: string) => string;
  next: (line: number, command: string, host: string) => string;
  host: Record<'client' | 'server', string>;
  stateBlank: (host: string) => string;
  sendsBlank: (host: string) => string;
  state: string;
  sends: string;
  nothing: string;
  answerBlank: string;
  orderHow: string;
  yes: string;
  no: string;
  source: string;
  accepted: string;
  noScenario: string;
}

const STRINGS: Record<Lang, PrintStrings> = {
  en: {
    title: (seed) => `TCP exam (seed ${seed})`,
    about: (n, m, pass, topics) => `${n} questions · ${m} minutes · pass mark ${pass} % · topics: ${topics}`,
    again: (cmd) => `The same exam in the trainer: \`${cmd}\``,
    allTopics: 'all',
    questions: 'Questions',
    key: 'Answer key',
    kind: {
      single: 'choose one',
      multi: 'choose all that apply',
      truefalse: 'true or false',
      order: 'put in order',
      numeric: 'a number',
      fill: 'fill in',
      predict: 'predict the next step',
      open: 'open question',
    },
    difficulty: (d) => ['recall', 'apply', 'analyse'][d - 1] ?? String(d),
    scenario: (title, profile) => `Scenario: ${title} (profile ${profile}), run so far:`,
    next: (line, command, host) => `Next, line ${line}: \`${command}\`. What does the ${host} do?`,
    host: { client: 'client', server: 'server' },
    stateBlank: (host) => `The ${host}'s state after it: ____________`,
    sendsBlank: (host) => `The flags of the first segment the ${host} sends (or nothing): ____________`,
    state: 'state',
    sends: 'sends',
    nothing: 'nothing',
    answerBlank: 'Answer: ____________',
    orderHow: 'Write the letters in the right order.',
    yes: 'True',
    no: 'False',
    source: 'Source',
    accepted: 'accepted',
    noScenario: '(the scenario of this question is missing)',
  },
  zh: {
    title: (seed) => `TCP 考试(种子 ${seed})`,
    about: (n, m, pass, topics) => `${n} 题 · ${m} 分钟 · 及格线 ${pass}% · 主题:${topics}`,
    again: (cmd) => `在训练器中做同一份试卷:\`${cmd}\``,
    allTopics: '全部',
    questions: '试题',
    key: '答案',
    kind: {
      single: '单选',
      multi: '多选',
      truefalse: '判断',
      order: '排序',
      numeric: '填数字',
      fill: '填空',
      predict: '预测下一步',
      open: '开放题',
    },
    difficulty: (d) => ['记忆', '应用', '分析'][d - 1] ?? String(d),
    scenario: (title, profile) => `场景:${title}(配置 ${profile}),已运行到:`,
    next: (line, command, host) => `下一行(第 ${line} 行):\`${command}\`。${host}会怎样?`,
    host: { client: '客户端', server: '服务器' },
    stateBlank: (host) => `执行后${host}的状态:____________`,
    sendsBlank: (host) => `${host}发送的第一个报文段的标志(或不发送):____________`,
    state: '状态',
    sends: '发送',
    nothing: '不发送',
    answerBlank: '答案:____________',
    orderHow: '按正确顺序写出字母。',
    yes: '对',
    no: '错',
    source: '出处',
    accepted: '可接受',
    noScenario: '(这道题的场景缺失)',
  },
};

const letter = (i: number): string => String.fromCharCode(65 + i);
const clean = (s: string): string => stripControl(s).trim();

/** The scenario run up to the line a predict item asks about, as the trainer shows it. */
function prefix(course: Course, key: string, q: Extract<CompiledQuestion, { kind: 'predict' }>): { profile: string; steps: Step[]; command: string } | null {
  const file = scenarioFor(course, { key, question: q });
  if (!file) return null;
  const r = runToLine(file.source, q.step);
  if ('error' in r) return null;
  // Settings and expects change nothing on the wire; on paper they would only make the ladder longer.
  const steps = r.before.filter((st) => !/^(set|expect)\b/.test(st.command.trim()));
  return { profile: file.profile, steps, command: r.line.text };
}

function questionBlock(course: Course, eq: ExamQuestion, n: number, lang: Lang, s: PrintStrings): string[] {
  const c = course.questions.find((x) => x.key === eq.key)!;
  const q = shownQuestion(c.question, eq.perm);
  const topic = course.topics.find((t) => t.key === eq.topic);
  const head = [topic ? clean(topic.title[lang]) : eq.topic, s.kind[q.kind], s.difficulty(q.difficulty)].join(' · ');
  const out = [`### ${n}. ${head}`, ''];
  if (q.kind === 'predict') {
    const run = prefix(course, eq.key, q);
    if (!run) out.push(s.noScenario, '');
    else {
      const file = scenarioFor(course, c)!;
      out.push(s.scenario(clean(file.title[lang]), clean(run.profile)), '', '```text', ...renderLadder(run.steps, 80).map((l) => stripControl(l).trimEnd()), '```', '');
      out.push(s.next(q.step, clean(run.command).replace(/`/g, "'"), s.host[q.host]), '');
    }
  }
  out.push(clean(q[lang].prompt), '');
  switch (q.kind) {
    case 'single':
    case 'multi':
      q[lang].options.forEach((o, i) => out.push(`- ${letter(i)}. ${clean(o)}`));
      out.push('');
      break;
    case 'truefalse':
      out.push(`- ${letter(0)}. ${s.yes}`, `- ${letter(1)}. ${s.no}`, '');
      break;
    case 'order':
      (eq.perm ?? q[lang].items.map((_, i) => i)).forEach((item, pos) => out.push(`- ${letter(pos)}. ${clean(q[lang].items[item]!)}`));
      out.push('', s.orderHow, '');
      break;
    case 'numeric':
    case 'fill':
      out.push(q.kind === 'numeric' && q[lang].unit ? `${s.answerBlank} ${clean(q[lang].unit!)}` : s.answerBlank, '');
      break;
    case 'predict':
      if (q.ask !== 'sends') out.push(`- ${s.stateBlank(s.host[q.host])}`);
      if (q.ask !== 'state') out.push(`- ${s.sendsBlank(s.host[q.host])}`);
      out.push('');
      break;
    case 'open':
      break;
  }
  return out;
}

function keyLine(course: Course, eq: ExamQuestion, n: number, lang: Lang, s: PrintStrings): string[] {
  const c = course.questions.find((x) => x.key === eq.key)!;
  const q = shownQuestion(c.question, eq.perm);
  let answer: string;
  switch (q.kind) {
    case 'single':
      answer = letter(q.answer);
      break;
    case 'multi':
      answer = q.answer.map(letter).join(', ');
      break;
    case 'truefalse':
      answer = q.answer ? `${letter(0)} (${s.yes})` : `${letter(1)} (${s.no})`;
      break;
    case 'order': {
      const perm = eq.perm ?? q[lang].items.map((_, i) => i);
      answer = q[lang].items.map((_, item) => letter(perm.indexOf(item))).join(', ');
      break;
    }
    case 'numeric':
      answer = `${q.answer}${q.tolerance ? ` ± ${q.tolerance}` : ''}${q[lang].unit ? ` ${clean(q[lang].unit!)}` : ''}`;
      break;
    case 'fill':
      answer = `${clean(q[lang].accept[0]!)}${q[lang].accept.length > 1 ? ` (${s.accepted}: ${q[lang].accept.slice(1).map(clean).join(' / ')})` : ''}`;
      break;
    case 'predict': {
      const k = q.key;
      const parts: string[] = [];
      if (q.ask !== 'sends') parts.push(`${s.state} ${k?.state ?? '?'}`);
      if (q.ask !== 'state') parts.push(`${s.sends} ${k ? (k.sends.length === 0 ? s.nothing : k.sends.join(',')) : '?'}`);
      answer = parts.join(' · ');
      break;
    }
    case 'open':
      answer = '';
      break;
  }
  const explanation = q.kind === 'open' ? '' : clean(q[lang].explanation);
  return [`${n}. **${answer}**`, '', `   ${explanation.replace(/\n+/g, ' ')}`, '', `   *${s.source}: ${clean(q.source)}*`, ''];
}

/** The command that takes the same exam again: the same seed, count and topics give the same questions. */
export function examCommand(o: { seed: number; count: number; topicNames: readonly string[]; lang: Lang }): string {
  return ['tcp-trainer exam', `--seed ${o.seed}`, `--count ${o.count}`, ...(o.topicNames.length > 0 ? [`--topics ${o.topicNames.join(',')}`] : []), ...(o.lang === 'zh' ? ['--lang zh'] : [])].join(' ');
}

export interface PrintOptions {
  seed: number;
  minutes: number;
  passMark: number;
  /** Topic names as given (for the header); empty means all. */
  topicNames: readonly string[];
  /** The command that opens the same exam in the trainer. */
  command: string;
  lang: Lang;
}

export function examMarkdown(course: Course, questions: readonly ExamQuestion[], o: PrintOptions): string {
  const s = STRINGS[o.lang];
  const out = [`# ${s.title(o.seed)}`, '', s.about(questions.length, o.minutes, o.passMark, o.topicNames.length > 0 ? o.topicNames.join(', ') : s.allTopics), '', s.again(o.command), '', `## ${s.questions}`, ''];
  questions.forEach((q, i) => out.push(...questionBlock(course, q, i + 1, o.lang, s)));
  out.push('---', '', `## ${s.key}`, '');
  questions.forEach((q, i) => out.push(...keyLine(course, q, i + 1, o.lang, s)));
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
