// What the Progress screen says, in both languages (the same shape for each).

import type { Lang } from '../../content/schema.js';

export interface ProgressStrings {
  streak: (days: number) => string;
  lessonsRead: (n: number, total: number) => string;
  dueNow: (n: number) => string;
  reviewsToday: (n: number) => string;
  colTopic: string;
  colMastery: string;
  colSeen: string;
  colDue: string;
  activity: (days: number) => string;
  activityTotal: (total: number, most: number) => string;
  today: string;
  empty: string;
  filtered: string;
  keysScroll: string;
}

export const PROGRESS_STRINGS: Record<Lang, ProgressStrings> = {
  en: {
    streak: (d) => `Streak: ${d} ${d === 1 ? 'day' : 'days'}`,
    lessonsRead: (n, total) => `Lessons read: ${n} of ${total}`,
    dueNow: (n) => `Due now: ${n}`,
    reviewsToday: (n) => `Reviews today: ${n}`,
    colTopic: 'Topic',
    colMastery: 'Mastery',
    colSeen: 'Seen',
    colDue: 'Due',
    activity: (d) => `Reviews per day, last ${d} days`,
    activityTotal: (total, most) => (total === 0 ? 'none yet' : `${total} in all, at most ${most} a day`),
    today: 'today',
    empty: 'Answer questions in Practice to fill these bars.',
    filtered: 'Dimmed topics are left out of practice (see Settings).',
    keysScroll: '↑↓ PgUp PgDn',
  },
  zh: {
    streak: (d) => `连续 ${d} 天`,
    lessonsRead: (n, total) => `已读课程 ${n}/${total}`,
    dueNow: (n) => `待复习 ${n}`,
    reviewsToday: (n) => `今日复习 ${n}`,
    colTopic: '主题',
    colMastery: '掌握度',
    colSeen: '已学',
    colDue: '到期',
    activity: (d) => `最近 ${d} 天每日复习`,
    activityTotal: (total, most) => (total === 0 ? '尚无记录' : `共 ${total} 次,单日最多 ${most} 次`),
    today: '今天',
    empty: '在练习中答题,这些进度条就会增长。',
    filtered: '灰色主题不在练习范围内(见设置)。',
    keysScroll: '↑↓ PgUp PgDn',
  },
};
