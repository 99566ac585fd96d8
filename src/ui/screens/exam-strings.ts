// The exam's own words, in English and Simplified Chinese (the same shape for each).

import type { Lang } from '../../content/schema.js';

export type ReviewFilter = 'all' | 'wrong' | 'flagged';

export interface ExamStrings {
  // Intro
  intro: string;
  clockRule: string;
  resume: (left: string, answered: number, total: number) => string;
  resumeTimeUp: string;
  start: string;
  startNew: string;
  count: (n: number) => string;
  minutes: (n: number) => string;
  pass: (n: number) => string;
  topicsAll: string;
  topics: (names: string) => string;
  seed: (n: number) => string;
  past: string;
  pastRow: (when: string, pct: string, passed: boolean, right: number, total: number) => string;
  noQuestions: string;
  noResume: string;
  cannotResume: string;
  unfinished: string;
  keysIntro: string[];

  // Taking
  position: (i: number, n: number) => string;
  left: (t: string) => string;
  leftWarn: (t: string) => string;
  leftLast: (t: string) => string;
  answeredOf: (n: number, total: number) => string;
  flaggedN: (n: number) => string;
  answeredMark: string;
  flaggedMark: string;
  recorded: string;
  notRecorded: string;
  flagOn: string;
  flagOff: string;
  warn5: string;
  warn1: string;
  keysQuestion: string[];
  keysTyping: string[];
  /** The same, for narrow terminals: the list (^O) reaches everything else. */
  keysShort: string[];
  listTitle: string;
  legend: string;
  submitRow: string;
  keysList: string[];
  confirmTitle: string;
  unansweredN: (n: number, total: number) => string;
  allAnswered: (total: number) => string;
  flaggedLeft: (n: number) => string;
  noChanges: string;
  keysConfirm: string[];
  submitting: string;

  // Report
  report: string;
  score: (right: number, total: number, pct: string) => string;
  passed: (mark: number) => string;
  failed: (mark: number) => string;
  timeUsed: (used: string, limit: string) => string;
  timedOut: string;
  again: (command: string) => string;
  byTopic: string;
  practise: (n: number) => string;
  practised: (n: number) => string;
  nothingWrong: string;
  review: string;
  filters: Record<ReviewFilter, (n: number) => string>;
  noneInFilter: string;
  gone: string;
  notFound: string;
  keysReport: string[];

  // One question reviewed
  item: (i: number, n: number) => string;
  unanswered: string;
  flaggedNote: string;
  keysItem: string[];

  // Home and Progress
  resumeHome: (left: string) => string;
  resumeHomeTimeUp: string;
  history: string;
  historyNone: string;
  historySummary: (n: number, passed: number, best: string, last: string) => string;
}

const en: ExamStrings = {
  intro: 'A timed exam: questions from the course, no feedback until you submit, then a report.',
  clockRule: 'The clock is the wall clock: it keeps running while the app is closed. Answers are saved as you go.',
  resume: (left, answered, total) => `Resume the exam (${left} left, ${answered} of ${total} answered)`,
  resumeTimeUp: 'Resume the exam (its time is up: see the result)',
  start: 'Start the exam',
  startNew: 'Start a new exam (drops the unfinished one)',
  count: (n) => `Questions: ‹ ${n} ›`,
  minutes: (n) => `Minutes: ‹ ${n} ›`,
  pass: (n) => `Pass mark: ‹ ${n} % ›`,
  topicsAll: 'Topics: all',
  topics: (names) => `Topics: ${names}`,
  seed: (n) => `Seed: ${n}`,
  past: 'Past exams',
  pastRow: (when, pct, passed, right, total) => `${when}  ${pct.padStart(4)}  ${passed ? 'passed' : 'failed'}  ${right}/${total}`,
  noQuestions: 'The course has no questions an exam can ask in these topics.',
  noResume: 'There is no unfinished exam to resume.',
  cannotResume: 'The unfinished exam asks questions the course no longer has; start a new one.',
  unfinished: 'An exam is unfinished: resume it, or start a new one.',
  keysIntro: ['↑↓ move', '←→ change', 'Enter choose'],

  position: (i, n) => `Question ${i} of ${n}`,
  left: (t) => `${t} left`,
  leftWarn: (t) => `⚠ ${t} left`,
  leftLast: (t) => `⚠ ${t} left!`,
  answeredOf: (n, total) => `${n}/${total} answered`,
  flaggedN: (n) => `⚑ ${n}`,
  answeredMark: 'answered',
  flaggedMark: '⚑ flagged',
  recorded: 'Answer saved.',
  notRecorded: 'Not answered yet: Enter records your answer.',
  flagOn: 'Flagged for review.',
  flagOff: 'Flag removed.',
  warn5: 'Five minutes left.',
  warn1: 'One minute left: the exam is submitted at 00:00.',
  keysQuestion: ['Enter answer', 'Tab next', '⇧Tab back', '^F flag', '^O list', '^S submit'],
  keysTyping: ['type, Enter answer', 'Tab next', '⇧Tab back', '^F flag', '^O list', '^S submit'],
  keysShort: ['Tab ⇧Tab', '^O list', '^F flag', '^S submit'],
  listTitle: 'All questions',
  legend: '● answered · ○ not answered · ⚑ flagged',
  submitRow: 'Submit the exam…',
  keysList: ['↑↓ move', 'Enter open', 'f flag', 's submit', 'Tab back to the question'],
  confirmTitle: 'Submit the exam?',
  unansweredN: (n, total) => `${n} of ${total} questions ${n === 1 ? 'is' : 'are'} not answered; they count as wrong.`,
  allAnswered: (total) => `All ${total} questions are answered.`,
  flaggedLeft: (n) => `${n} ${n === 1 ? 'question is' : 'questions are'} flagged for review.`,
  noChanges: 'After submitting, answers cannot be changed.',
  keysConfirm: ['y submit', 'n keep going'],
  submitting: 'Submitting…',

  report: 'Report',
  score: (right, total, pct) => `Score ${right}/${total} · ${pct}`,
  passed: (mark) => `✓ Passed (pass mark ${mark} %)`,
  failed: (mark) => `✗ Not passed (pass mark ${mark} %)`,
  timeUsed: (used, limit) => `Time used ${used} of ${limit}`,
  timedOut: 'time ran out',
  again: (command) => `The same exam again: ${command}`,
  byTopic: 'By topic, weakest first',
  practise: (n) => `p  Practise my mistakes: put the ${n} wrong ${n === 1 ? 'question' : 'questions'} first in Practice`,
  practised: (n) => `${n} ${n === 1 ? 'question is' : 'questions are'} first in the practice queue.`,
  nothingWrong: 'Nothing wrong: nothing to practise.',
  review: 'Review',
  filters: { all: (n) => `All ${n}`, wrong: (n) => `Wrong ${n}`, flagged: (n) => `Flagged ${n}` },
  noneInFilter: 'No question here.',
  gone: '(no longer in the course)',
  notFound: 'This exam is not in the history.',
  keysReport: ['↑↓ move', 'Enter review', 'f filter', 'p practise mistakes'],

  item: (i, n) => `Question ${i} of ${n}`,
  unanswered: '— Not answered',
  flaggedNote: '⚑ You flagged this question.',
  keysItem: ['↑↓ scroll', '←→ previous, next'],

  resumeHome: (left) => `Resume exam (${left} left)`,
  resumeHomeTimeUp: 'Resume exam (time is up: see the result)',
  history: 'Exams, score over time',
  historyNone: 'Exams: none yet (Home › Exam).',
  historySummary: (n, passed, best, last) => `${n} ${n === 1 ? 'exam' : 'exams'} · ${passed} passed · best ${best} · last ${last}`,
};

const zh: ExamStrings = {
  intro: '限时考试:题目来自课程,交卷前不显示对错,交卷后给出报告。',
  clockRule: '计时按实际时间:关闭程序时也继续计时。答案随答随存。',
  resume: (left, answered, total) => `继续考试(剩余 ${left},已答 ${answered}/${total})`,
  resumeTimeUp: '继续考试(时间已到:查看结果)',
  start: '开始考试',
  startNew: '开始新考试(放弃未完成的考试)',
  count: (n) => `题数:‹ ${n} ›`,
  minutes: (n) => `分钟:‹ ${n} ›`,
  pass: (n) => `及格线:‹ ${n}% ›`,
  topicsAll: '主题:全部',
  topics: (names) => `主题:${names}`,
  seed: (n) => `种子:${n}`,
  past: '历次考试',
  pastRow: (when, pct, passed, right, total) => `${when}  ${pct.padStart(4)}  ${passed ? '及格' : '不及格'}  ${right}/${total}`,
  noQuestions: '这些主题中没有可用于考试的题目。',
  noResume: '没有未完成的考试。',
  cannotResume: '未完成的考试包含课程中已不存在的题目;请开始新考试。',
  unfinished: '有一场考试尚未完成:继续它,或开始新考试。',
  keysIntro: ['↑↓ 移动', '←→ 调整', 'Enter 选择'],

  position: (i, n) => `第 ${i}/${n} 题`,
  left: (t) => `剩余 ${t}`,
  leftWarn: (t) => `⚠ 剩余 ${t}`,
  leftLast: (t) => `⚠ 剩余 ${t}!`,
  answeredOf: (n, total) => `已答 ${n}/${total}`,
  flaggedN: (n) => `⚑ ${n}`,
  answeredMark: '已答',
  flaggedMark: '⚑ 已标记',
  recorded: '答案已保存。',
  notRecorded: '尚未作答:按 Enter 记录答案。',
  flagOn: '已标记,稍后复查。',
  flagOff: '已取消标记。',
  warn5: '还剩五分钟。',
  warn1: '还剩一分钟:00:00 时自动交卷。',
  keysQuestion: ['Enter 作答', 'Tab 下一题', '⇧Tab 上一题', '^F 标记', '^O 题目列表', '^S 交卷'],
  keysTyping: ['输入,Enter 作答', 'Tab 下一题', '⇧Tab 上一题', '^F 标记', '^O 题目列表', '^S 交卷'],
  keysShort: ['Tab ⇧Tab', '^O 列表', '^F 标记', '^S 交卷'],
  listTitle: '全部题目',
  legend: '● 已答 · ○ 未答 · ⚑ 已标记',
  submitRow: '交卷…',
  keysList: ['↑↓ 移动', 'Enter 打开', 'f 标记', 's 交卷', 'Tab 回到题目'],
  confirmTitle: '确定交卷吗?',
  unansweredN: (n, total) => `${total} 题中有 ${n} 题未作答;未答按错误计。`,
  allAnswered: (total) => `全部 ${total} 题均已作答。`,
  flaggedLeft: (n) => `有 ${n} 题标记为待复查。`,
  noChanges: '交卷后不能再修改答案。',
  keysConfirm: ['y 交卷', 'n 继续答题'],
  submitting: '正在交卷…',

  report: '报告',
  score: (right, total, pct) => `得分 ${right}/${total} · ${pct}`,
  passed: (mark) => `✓ 及格(及格线 ${mark}%)`,
  failed: (mark) => `✗ 不及格(及格线 ${mark}%)`,
  timeUsed: (used, limit) => `用时 ${used} / ${limit}`,
  timedOut: '时间到',
  again: (command) => `再做同一份试卷:${command}`,
  byTopic: '各主题得分,最弱的在前',
  practise: (n) => `p  练习错题:把答错的 ${n} 题排到练习队列最前面`,
  practised: (n) => `已把 ${n} 题排到练习队列最前面。`,
  nothingWrong: '全部答对:没有需要练习的错题。',
  review: '复查',
  filters: { all: (n) => `全部 ${n}`, wrong: (n) => `答错 ${n}`, flagged: (n) => `已标记 ${n}` },
  noneInFilter: '这里没有题目。',
  gone: '(课程中已没有这道题)',
  notFound: '历史记录中没有这场考试。',
  keysReport: ['↑↓ 移动', 'Enter 复查', 'f 筛选', 'p 练习错题'],

  item: (i, n) => `第 ${i}/${n} 题`,
  unanswered: '— 未作答',
  flaggedNote: '⚑ 你标记了这道题。',
  keysItem: ['↑↓ 滚动', '←→ 上一题、下一题'],

  resumeHome: (left) => `继续考试(剩余 ${left})`,
  resumeHomeTimeUp: '继续考试(时间已到:查看结果)',
  history: '历次考试得分',
  historyNone: '考试:还没有(首页 › 考试)。',
  historySummary: (n, passed, best, last) => `共 ${n} 次 · 及格 ${passed} 次 · 最高 ${best} · 最近 ${last}`,
};

export const EXAM_STRINGS: Record<Lang, ExamStrings> = { en, zh };
