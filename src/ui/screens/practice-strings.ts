// The Practice screen's own words, in English and Simplified Chinese.

import type { Lang } from '../../content/schema.js';

export interface PracticeStrings {
  title: string;
  /** Header: position in the session and what it is made of. */
  position: string;
  due: string;
  fresh: string;
  priority: string;
  kind: Record<'single' | 'multi' | 'truefalse' | 'order' | 'numeric' | 'fill' | 'predict' | 'open', string>;
  yes: string;
  no: string;
  right: string;
  wrong: string;
  partly: string;
  yourAnswer: string;
  theAnswer: string;
  accepted: string;
  yourOrder: string;
  rightOrder: string;
  source: string;
  nothingTyped: string;
  tickOne: string;
  notANumber: string;
  rateFirst: string;
  ratings: [string, string, string, string];
  rated: string;
  ratedGraded: string;
  modelAnswer: string;
  keyPoints: string;
  followUps: string;
  revealPrompt: string;
  rateYourself: string;
  scenario: string;
  askHost: string;
  stateOf: string;
  sendsOf: string;
  sendsNothing: string;
  state: string;
  sends: string;
  happened: string;
  noScenario: string;
  hostName: Record<'client' | 'server', string>;
  hintChoose: string;
  hintTick: string;
  hintTrueFalse: string;
  hintOrder: string;
  hintType: string;
  hintPredict: string;
  hintReveal: string;
  hintRate: string;
  hintNext: string;
  hintDone: string;
  hintSkip: string;
  sessionDone: string;
  summary: string;
  nothingMore: string;
  moreDue: string;
  nothingAtAll: string;
  nextDue: string;
  newLimit: string;
  minutes: string;
  hours: string;
  days: string;
}

const en: PracticeStrings = {
  title: 'Practice',
  position: '{i}/{n}',
  due: 'due {n}',
  fresh: 'new {n}',
  priority: 'first {n}',
  kind: {
    single: 'Choose one',
    multi: 'Choose all that apply',
    truefalse: 'True or false?',
    order: 'Put in order',
    numeric: 'Type a number',
    fill: 'Type the answer',
    predict: 'Predict the next step',
    open: 'Interview question',
  },
  yes: 'True',
  no: 'False',
  right: '✓ Right',
  wrong: '✗ Wrong',
  partly: '◐ Partly right',
  yourAnswer: 'Your answer: ',
  theAnswer: 'Answer: ',
  accepted: 'Accepted: ',
  yourOrder: 'Your order',
  rightOrder: 'Right order',
  source: 'Source: ',
  nothingTyped: 'Type an answer first.',
  tickOne: 'Tick at least one option with Space.',
  notANumber: 'That is not a number.',
  rateFirst: 'Rate yourself with 1-4.',
  ratings: ['Again', 'Hard', 'Good', 'Easy'],
  rated: 'Rated {r}',
  ratedGraded: 'Rated {r} · 1-4 to change',
  modelAnswer: 'Model answer',
  keyPoints: 'Key points',
  followUps: 'Follow-ups',
  revealPrompt: 'Answer it in your head or out loud, then press s to see the model answer.',
  rateYourself: 'How well did you cover the key points? 1 Again · 2 Hard · 3 Good · 4 Easy',
  scenario: 'Scenario: ',
  askHost: 'what does the {host} do?',
  stateOf: '{host} state',
  sendsOf: '{host} sends',
  sendsNothing: 'nothing',
  state: 'state',
  sends: 'sends',
  happened: 'What happened',
  noScenario: 'The scenario of this question is missing; press Enter to skip it.',
  hostName: { client: 'client', server: 'server' },
  hintChoose: '↑↓ choose · Enter answer',
  hintTick: '↑↓ move · Space tick · Enter answer',
  hintTrueFalse: 't/f or ↑↓ · Enter answer',
  hintOrder: '↑↓ pick · u/d move · Enter answer',
  hintType: 'type · Enter answer · Esc back',
  hintPredict: '↑↓ choose · ←→ column · Enter',
  hintReveal: 's show answer · PgUp/PgDn scroll',
  hintRate: '1-4 rate · ↑↓ scroll',
  hintNext: 'Enter next · 1-4 rating · ↑↓ scroll',
  hintDone: 'Enter or q back',
  hintSkip: 'Enter skip',
  sessionDone: 'Session done',
  summary: 'Answered {n} · right {right} · wrong {wrong}',
  nothingMore: 'Nothing more due.',
  moreDue: '{n} more due now: open Practice again to go on.',
  nothingAtAll: 'No card is scheduled yet.',
  nextDue: 'The next card is due {when} ({at}).',
  newLimit: 'New cards today: {n} of {max}.',
  minutes: 'in {n} min',
  hours: 'in {n} h',
  days: 'in {n} days',
};

const zh: PracticeStrings = {
  title: '练习',
  position: '{i}/{n}',
  due: '待复习 {n}',
  fresh: '新卡 {n}',
  priority: '优先 {n}',
  kind: {
    single: '单选',
    multi: '多选',
    truefalse: '判断',
    order: '排序',
    numeric: '填数字',
    fill: '填空',
    predict: '预测下一步',
    open: '面试题',
  },
  yes: '对',
  no: '错',
  right: '✓ 正确',
  wrong: '✗ 错误',
  partly: '◐ 部分正确',
  yourAnswer: '你的答案：',
  theAnswer: '答案：',
  accepted: '可接受的答案：',
  yourOrder: '你的顺序',
  rightOrder: '正确顺序',
  source: '出处：',
  nothingTyped: '请先输入答案。',
  tickOne: '请用空格至少勾选一项。',
  notANumber: '这不是一个数字。',
  rateFirst: '请用 1-4 自评。',
  ratings: ['重来', '困难', '良好', '简单'],
  rated: '自评：{r}',
  ratedGraded: '评分：{r} · 按 1-4 修改',
  modelAnswer: '参考答案',
  keyPoints: '要点',
  followUps: '追问',
  revealPrompt: '先在心里或大声回答，然后按 s 查看参考答案。',
  rateYourself: '你覆盖了多少要点？1 重来 · 2 困难 · 3 良好 · 4 简单',
  scenario: '场景：',
  askHost: '{host}会怎样？',
  stateOf: '{host}状态',
  sendsOf: '{host}发送',
  sendsNothing: '不发送',
  state: '状态',
  sends: '发送',
  happened: '实际发生',
  noScenario: '这道题的场景缺失；按 Enter 跳过。',
  hostName: { client: '客户端', server: '服务器' },
  hintChoose: '↑↓ 选择 · Enter 作答',
  hintTick: '↑↓ 移动 · 空格 勾选 · Enter 作答',
  hintTrueFalse: 't/f 或 ↑↓ · Enter 作答',
  hintOrder: '↑↓ 选中 · u/d 移动 · Enter 作答',
  hintType: '输入 · Enter 作答 · Esc 返回',
  hintPredict: '↑↓ 选择 · ←→ 切换列 · Enter',
  hintReveal: 's 显示答案 · PgUp/PgDn 滚动',
  hintRate: '1-4 自评 · ↑↓ 滚动',
  hintNext: 'Enter 下一题 · 1-4 评分 · ↑↓ 滚动',
  hintDone: 'Enter 或 q 返回',
  hintSkip: 'Enter 跳过',
  sessionDone: '本轮练习完成',
  summary: '作答 {n} 题 · 正确 {right} · 错误 {wrong}',
  nothingMore: '暂时没有待复习的卡片。',
  moreDue: '现在又有 {n} 张卡片到期：重新打开练习即可继续。',
  nothingAtAll: '还没有安排任何卡片。',
  nextDue: '下一张卡片 {when}到期（{at}）。',
  newLimit: '今天的新卡：{n} / {max}。',
  minutes: '{n} 分钟后',
  hours: '{n} 小时后',
  days: '{n} 天后',
};

export const PRACTICE_STRINGS: Record<Lang, PracticeStrings> = { en, zh };

export function fill(template: string, vars: Record<string, string | number>): string {
  let s = template;
  for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
  return s;
}
