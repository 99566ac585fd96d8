// Every string the app itself shows, in English and Simplified Chinese.
// Course text comes from the packs; this is only the chrome around it.

import type { Lang } from '../content/schema.js';

const en = {
  appName: 'tcp-trainer',
  home: 'Home',
  learn: 'Learn',
  practice: 'Practice',
  labs: 'Labs',
  exam: 'Exam',
  interview: 'Interview drill',
  progress: 'Progress',
  settings: 'Settings',
  help: 'Help',
  quit: 'Quit',
  continueLesson: 'Continue: {title}',
  continuePractice: 'Continue practising',
  dueCards: '{n} cards due',
  newCards: '{n} new today',
  nothingDue: 'nothing due',
  keysBack: 'q/Esc back',
  keysHelp: '? help',
  keysSelect: '↑↓ move · Enter open',
  tooSmall: 'The terminal is {w}x{h}; tcp-trainer needs at least {minW}x{minH}. Make it larger.',
  unsavedAsk: '{message}. Go on without saving? [y/N]',
  unsavedMode: 'not saving: progress lives only in this session',
  saveFailed: '{message}',
} as const;

export type MessageKey = keyof typeof en;

const zh: Record<MessageKey, string> = {
  appName: 'tcp-trainer',
  home: '首页',
  learn: '学习',
  practice: '练习',
  labs: '实验',
  exam: '考试',
  interview: '面试演练',
  progress: '进度',
  settings: '设置',
  help: '帮助',
  quit: '退出',
  continueLesson: '继续:{title}',
  continuePractice: '继续练习',
  dueCards: '{n} 张卡片待复习',
  newCards: '今天 {n} 张新卡',
  nothingDue: '暂无待复习',
  keysBack: 'q/Esc 返回',
  keysHelp: '? 帮助',
  keysSelect: '↑↓ 移动 · Enter 打开',
  tooSmall: '终端大小为 {w}x{h},tcp-trainer 至少需要 {minW}x{minH}。请调大窗口。',
  unsavedAsk: '{message}。不保存继续吗?[y/N]',
  unsavedMode: '未保存:进度只存在于本次会话',
  saveFailed: '{message}',
};

const TABLE: Record<Lang, Record<MessageKey, string>> = { en, zh };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  return (key, vars) => {
    let s = TABLE[lang][key];
    if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
    return s;
  };
}
