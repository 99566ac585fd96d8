// What a drill comes to: key points covered per answer, per question and per
// topic, the weakest first, and the time each answer took. Pure.

import type { DrillAnswer, DrillQuestion } from '../store/drill-records.js';

export interface ItemReport {
  f: number;
  covered: number;
  total: number;
  ms: number;
  over: boolean;
  /** Indexes of the key points not covered. */
  missed: number[];
  answer: DrillAnswer;
}

export interface QuestionReport {
  /** Index in the drill. */
  index: number;
  key: string;
  topic: string;
  covered: number;
  total: number;
  ms: number;
  items: ItemReport[];
}

export interface TopicReport {
  topic: string;
  covered: number;
  total: number;
  questions: number;
}

export interface DrillReport {
  covered: number;
  total: number;
  ms: number;
  /** Answered questions, weakest first. */
  questions: QuestionReport[];
  /** Topics, weakest first. */
  topics: TopicReport[];
}

/** Share covered, 0..1 (1 when there was nothing to cover). */
export function share(covered: number, total: number): number {
  return total === 0 ? 1 : covered / total;
}

export function percent(covered: number, total: number): string {
  return `${Math.round(share(covered, total) * 100)}%`;
}

const count = (ticks: readonly boolean[]): number => ticks.filter(Boolean).length;

/** Weakest first: the lowest share, then the most points missed, then drill order. */
function weakestFirst<T extends { covered: number; total: number }>(order: (x: T) => number) {
  return (a: T, b: T): number => share(a.covered, a.total) - share(b.covered, b.total) || b.total - b.covered - (a.total - a.covered) || order(a) - order(b);
}

export function drillReport(d: { questions: readonly DrillQuestion[]; answers: readonly DrillAnswer[]; limitMs: number }): DrillReport {
  const questions: QuestionReport[] = [];
  d.questions.forEach((dq, index) => {
    const items = d.answers
      .filter((a) => a.q === index && a.confirmed)
      .map((a): ItemReport => ({
        f: a.f,
        covered: count(a.ticks),
        total: a.ticks.length,
        ms: a.ms,
        over: a.ms > d.limitMs,
        missed: a.ticks.flatMap((t, i) => (t ? [] : [i])),
        answer: a,
      }));
    if (items.length === 0) return;
    const sum = (f: (i: ItemReport) => number): number => items.reduce((s, i) => s + f(i), 0);
    questions.push({ index, key: dq.key, topic: dq.topic, covered: sum((i) => i.covered), total: sum((i) => i.total), ms: sum((i) => i.ms), items });
  });

  const topicOrder: string[] = [];
  const byTopic = new Map<string, TopicReport>();
  for (const q of questions) {
    let t = byTopic.get(q.topic);
    if (!t) {
      t = { topic: q.topic, covered: 0, total: 0, questions: 0 };
      byTopic.set(q.topic, t);
      topicOrder.push(q.topic);
    }
    t.covered += q.covered;
    t.total += q.total;
    t.questions++;
  }

  return {
    covered: questions.reduce((s, q) => s + q.covered, 0),
    total: questions.reduce((s, q) => s + q.total, 0),
    ms: questions.reduce((s, q) => s + q.ms, 0),
    questions: [...questions].sort(weakestFirst((q) => q.index)),
    topics: [...byTopic.values()].sort(weakestFirst((t) => topicOrder.indexOf(t.topic))),
  };
}

/** Question keys with any key point missed, weakest first: these go to the front of the practice queue. */
export function weakKeys(r: DrillReport): string[] {
  return [...new Set(r.questions.filter((q) => q.covered < q.total).map((q) => q.key))];
}
