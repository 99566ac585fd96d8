// What the Settings screen says, in both languages (the same shape for each).

import type { Lang } from '../../content/schema.js';

export interface SettingsStrings {
  newPerDay: string;
  topics: string;
  allTopics: (n: number) => string;
  someTopics: (ticked: number, n: number) => string;
  language: string;
  switchLanguage: string;
  keysRow: string;
  keysChange: string;
  keysTick: string;
}

export const SETTINGS_STRINGS: Record<Lang, SettingsStrings> = {
  en: {
    newPerDay: 'New cards per day:',
    topics: 'Topics to practise',
    allTopics: (n) => `(none ticked: all ${n} are practised)`,
    someTopics: (k, n) => `(${k} of ${n} ticked)`,
    language: 'Language: English',
    switchLanguage: 'start with --lang zh for Chinese',
    keysRow: '↑↓ row',
    keysChange: '←→ -/+ ±1 · PgUp/PgDn ±10',
    keysTick: 'Space tick · a all · n none',
  },
  zh: {
    newPerDay: '每天新卡数:',
    topics: '练习的主题',
    allTopics: (n) => `(未勾选:全部 ${n} 个都练习)`,
    someTopics: (k, n) => `(已勾选 ${k}/${n})`,
    language: '语言:中文',
    switchLanguage: '用 --lang en 启动可切换为英文',
    keysRow: '↑↓ 选行',
    keysChange: '←→ -/+ 增减 1 · PgUp/PgDn 增减 10',
    keysTick: '空格 勾选 · a 全选 · n 全不选',
  },
};
