// The words of the Learn screens (the lesson list and the reader).

import type { Lang } from '../../content/schema.js';

export interface LearnStrings {
  topicRead: (n: number, total: number) => string;
  summary: (n: number, total: number) => string;
  noLessons: string;
  empty: string;
  keysList: string;
  keysPractise: string;
  keysScroll: string;
  keysNext: string;
  position: (from: number, to: number, total: number) => string;
  endLine: string;
  endLineLast: string;
  endLineShort: string;
  endLineLastShort: string;
  pan: string;
  more: string;
  notFound: (key: string) => string;
  missingFigure: (name: string) => string;
}

export const LEARN_STRINGS: Record<Lang, LearnStrings> = {
  en: {
    topicRead: (n, total) => `${n}/${total} read`,
    summary: (n, total) => `${n} of ${total} lessons read`,
    noLessons: 'no lessons yet',
    empty: 'This course has no lessons.',
    keysList: '↑↓ move · Enter open',
    keysPractise: 'p practise',
    keysScroll: '↑↓ PgUp PgDn scroll',
    keysNext: 'n next',
    position: (from, to, total) => `${from}–${to} of ${total}`,
    endLine: 'End of lesson · p practise this topic · n next lesson · q back',
    endLineLast: 'End of lesson · p practise this topic · q back',
    endLineShort: 'End · p practise · n next · q back',
    endLineLastShort: 'End · p practise · q back',
    pan: '←→ pan',
    more: '↓ more below',
    notFound: (key) => `There is no lesson "${key}" in this course.`,
    missingFigure: (name) => `[figure "${name}" is missing from the pack]`,
  },
  zh: {
    topicRead: (n, total) => `已读 ${n}/${total}`,
    summary: (n, total) => `共 ${total} 课，已读 ${n} 课`,
    noLessons: '暂无课程',
    empty: '本课程还没有课。',
    keysList: '↑↓ 移动 · Enter 打开',
    keysPractise: 'p 练习',
    keysScroll: '↑↓ PgUp PgDn 滚动',
    keysNext: 'n 下一课',
    position: (from, to, total) => `${from}–${to} / 共 ${total} 行`,
    endLine: '本课结束 · p 练习本主题 · n 下一课 · q 返回',
    endLineLast: '本课结束 · p 练习本主题 · q 返回',
    endLineShort: '结束 · p 练习 · n 下一课 · q 返回',
    endLineLastShort: '结束 · p 练习 · q 返回',
    pan: '←→ 平移',
    more: '↓ 下面还有',
    notFound: (key) => `本课程中没有课程“${key}”。`,
    missingFigure: (name) => `[内容包中缺少插图“${name}”]`,
  },
};
