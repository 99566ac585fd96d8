// The interview drill's own words, in English and Simplified Chinese.

import type { Lang } from '../../content/schema.js';

export interface InterviewStrings {
  intro: string;
  start: (n: number, minutes: string) => string;
  startNew: (n: number, minutes: string) => string;
  count: (n: number) => string;
  minutes: (m: string) => string;
  resume: (date: string, done: number, total: number) => string;
  past: string;
  noPast: string;
  noQuestions: string;
  noResume: string;
  cannotResume: string;
  waiting: string;
  keysIntro: string[];

  question: (i: number, n: number) => string;
  followup: (i: number, n: number) => string;
  /** The same, for narrow terminals. */
  questionTight: (i: number, n: number) => string;
  followupTight: (i: number, n: number) => string;
  took: (t: string) => string;
  left: (t: string) => string;
  over: (t: string) => string;
  placeholder: string;
  keysAnswer: string[];

  found: (found: number, total: number) => string;
  keyPoints: string;
  modelAnswer: string;
  yourAnswer: (time: string) => string;
  noAnswer: string;
  keysCheck: string[];

  report: string;
  summary: (covered: number, total: number, pct: string, questions: number, time: string) => string;
  seed: (seed: number) => string;
  weakest: string;
  byTopic: string;
  main: string;
  followupShort: (i: number) => string;
  missedIn: (item: string) => string;
  priority: (n: number) => string;
  allCovered: string;
  keysReport: string[];

  reread: string;
  notFound: string;
  keysReread: string[];

  resumeHome: string;
  historyTitle: string;
  historyRow: (date: string, pct: string, covered: number, total: number, questions: number, time: string) => string;
}

const en: InterviewStrings = {
  intro:
    'Open questions, asked the way an interviewer asks them. Type your answer against the clock, then check it against the key points of the model answer. Each question comes with follow-ups.',
  start: (n, m) => `Start: ${n} question${n === 1 ? '' : 's'}, ${m} min per answer`,
  startNew: (n, m) => `Start a new drill: ${n} question${n === 1 ? '' : 's'}, ${m} min per answer (the unfinished one is discarded)`,
  count: (n) => `Questions: ‹ ${n} ›`,
  minutes: (m) => `Minutes per answer: ‹ ${m} ›`,
  resume: (date, done, total) => `Resume the drill of ${date} (${done} of ${total} answers given)`,
  past: 'Past drills',
  noPast: 'No drills yet.',
  noQuestions: 'The loaded packs have no open questions to ask.',
  noResume: 'There is no unfinished interview drill to resume.',
  cannotResume: 'The unfinished drill asks questions the course no longer has; start a new one.',
  waiting: 'An unfinished drill is waiting: resume it, or start a new one.',
  keysIntro: ['↑↓ move', '←→ change', 'Enter choose'],

  question: (i, n) => `Question ${i} of ${n}`,
  followup: (i, n) => `Follow-up ${i} of ${n}`,
  questionTight: (i, n) => `Q${i}/${n}`,
  followupTight: (i, n) => `follow-up ${i}/${n}`,
  took: (t) => `answered in ${t}`,
  left: (t) => `${t} left`,
  over: (t) => `${t} over time`,
  placeholder: 'Type your answer. Enter starts a new line; Ctrl+D submits.',
  keysAnswer: ['Ctrl+D submit', 'Enter new line', 'Esc pause (saved)'],

  found: (found, total) => `The app ticked the ${found} of ${total} key points it found in your answer, as a hint. Check every one: Space ticks or unticks, Enter confirms.`,
  keyPoints: 'Key points',
  modelAnswer: 'Model answer',
  yourAnswer: (time) => `Your answer (${time})`,
  noAnswer: '(no answer)',
  keysCheck: ['↑↓ point', 'Space tick', 'Enter confirm', 'PgUp PgDn scroll', 'Esc pause'],

  report: 'Report',
  summary: (c, t, pct, q, time) => `${c} of ${t} key points covered (${pct}) in ${q} question${q === 1 ? '' : 's'}, ${time}`,
  seed: (seed) => `Seed ${seed}: tcp-trainer interview --seed ${seed} asks the same questions again.`,
  weakest: 'Questions, weakest first (Enter re-reads your answers)',
  byTopic: 'By topic, weakest first',
  main: 'answer',
  followupShort: (i) => `follow-up ${i}`,
  missedIn: (item) => `${item}, missed: `,
  priority: (n) => `${n} question${n === 1 ? '' : 's'} with missed points ${n === 1 ? 'is' : 'are'} now first in your practice queue.`,
  allCovered: 'Every key point covered.',
  keysReport: ['↑↓ question', 'Enter re-read', 'PgUp PgDn scroll'],

  reread: 'Your answers',
  notFound: 'This drill is not in your history.',
  keysReread: ['←→ question', '↑↓ scroll'],

  resumeHome: 'Resume interview drill',
  historyTitle: 'Interview drills (Home › Interview drill re-reads them)',
  historyRow: (date, pct, c, t, q, time) => `${date}  ${pct.padStart(4)}  ${c}/${t} points  ${q} question${q === 1 ? '' : 's'}  ${time}`,
};

const zh: InterviewStrings = {
  intro: '像面试官那样提问的开放题。限时写下你的回答，再对照参考答案的要点检查。每道题之后都有追问。',
  start: (n, m) => `开始：${n} 道题，每次回答 ${m} 分钟`,
  startNew: (n, m) => `开始新的演练：${n} 道题，每次回答 ${m} 分钟（未完成的那次将被丢弃）`,
  count: (n) => `题数：‹ ${n} ›`,
  minutes: (m) => `每次回答的分钟数：‹ ${m} ›`,
  resume: (date, done, total) => `继续 ${date} 的演练（已回答 ${done}/${total}）`,
  past: '以往的演练',
  noPast: '还没有演练记录。',
  noQuestions: '已加载的内容包里没有可问的开放题。',
  noResume: '没有未完成的面试演练可以继续。',
  cannotResume: '未完成的演练包含课程中已不存在的题目，请开始新的演练。',
  waiting: '有一次未完成的演练：可以继续，也可以开始新的。',
  keysIntro: ['↑↓ 移动', '←→ 调整', 'Enter 选择'],

  question: (i, n) => `第 ${i}/${n} 题`,
  followup: (i, n) => `追问 ${i}/${n}`,
  questionTight: (i, n) => `${i}/${n}题`,
  followupTight: (i, n) => `追问${i}/${n}`,
  took: (t) => `用时 ${t}`,
  left: (t) => `剩余 ${t}`,
  over: (t) => `超时 ${t}`,
  placeholder: '在这里输入回答。Enter 换行，Ctrl+D 提交。',
  keysAnswer: ['Ctrl+D 提交', 'Enter 换行', 'Esc 暂停(已保存)'],

  found: (found, total) => `程序在你的回答中找到了 ${total} 个要点中的 ${found} 个并已勾选，仅供参考。请逐条检查：空格勾选或取消，Enter 确认。`,
  keyPoints: '要点',
  modelAnswer: '参考答案',
  yourAnswer: (time) => `你的回答（${time}）`,
  noAnswer: '（未作答）',
  keysCheck: ['↑↓ 要点', '空格 勾选', 'Enter 确认', 'PgUp PgDn 滚动', 'Esc 暂停'],

  report: '报告',
  summary: (c, t, pct, q, time) => `${q} 道题共 ${t} 个要点，答到 ${c} 个（${pct}），用时 ${time}`,
  seed: (seed) => `种子 ${seed}：tcp-trainer interview --seed ${seed} 会再问同样的题目。`,
  weakest: '各题，最弱的在前（Enter 重读你的回答）',
  byTopic: '按主题，最弱的在前',
  main: '回答',
  followupShort: (i) => `追问 ${i}`,
  missedIn: (item) => `${item} 遗漏：`,
  priority: (n) => `有遗漏要点的 ${n} 道题已排到练习队列最前面。`,
  allCovered: '所有要点都答到了。',
  keysReport: ['↑↓ 选题', 'Enter 重读', 'PgUp PgDn 滚动'],

  reread: '你的回答',
  notFound: '历史记录中没有这次演练。',
  keysReread: ['←→ 换题', '↑↓ 滚动'],

  resumeHome: '继续面试演练',
  historyTitle: '面试演练（在 首页 › 面试演练 中可重读）',
  historyRow: (date, pct, c, t, q, time) => `${date}  ${pct.padStart(4)}  要点 ${c}/${t}  ${q} 道题  ${time}`,
};

export const INTERVIEW_STRINGS: Record<Lang, InterviewStrings> = { en, zh };
