// Which questions an interview drill asks. Pure.
//
// The interview set is every `open` question in the loaded packs. The
// classics, the questions every TCP interview asks (listed below by key),
// come first: a drill of N questions draws from the classics, in an order
// shuffled by the seed, and only then from the other open questions. Each
// question brings up to two of its follow-ups (chosen by the same seed, asked
// in the order the author wrote them). The same seed and count give the same
// drill for the same course.

import type { Course } from '../engine/course.js';
import type { CompiledQuestion } from '../content/validate.js';
import type { DrillQuestion } from '../store/drill-records.js';
import { generator, shuffle } from '../engine/random.js';

export type OpenQuestion = Extract<CompiledQuestion, { kind: 'open' }>;

export interface InterviewQuestion {
  key: string;
  question: OpenQuestion;
}

/** The classic interview questions, in the order. */
export const CLASSICS: readonly string[] = [
  'tcp-core/why-three-way-open-why-not-two', // why three-way and not two
  'tcp-core/close-why-four-way', // why four-way
  'tcp-core/states-eleven-states', // what each of the 11 states means
  'tcp-core/time-wait-why-2msl', // why TIME-WAIT and why 2MSL
  'tcp-core/retransmission-open-third-ack-lost', // the third ACK is lost
  'tcp-core/syn-flood-open-defences', // SYN flood and every defence
  'tcp-core/states-many-close-wait', // many CLOSE-WAIT sockets
  'tcp-core/time-wait-many-on-server', // many TIME-WAIT sockets on a server, remedies and trade-offs
  'tcp-core/rst-when-sent', // when RST is sent
  'tcp-core/isn-open-how-chosen', // how the ISN is chosen and why
  'tcp-core/backlog-open-accept-queue', // backlog and the accept queue
];

export const DEFAULT_COUNT = 5;
export const DEFAULT_MINUTES = 3;
export const MAX_COUNT = 50;
export const FOLLOWUPS_PER_QUESTION = 2;

/** Follow-ups present in both languages. */
export function followupCount(q: OpenQuestion): number {
  return Math.min(q.en.followups?.length ?? 0, q.zh.followups?.length ?? 0);
}

/** Every open question: the classics first, in the order above, then the others in course order. */
export function interviewSet(course: Course): InterviewQuestion[] {
  const open = course.questions.flatMap((c) => (c.question.kind === 'open' ? [{ key: c.key, question: c.question }] : []));
  const rank = (key: string): number => {
    const i = CLASSICS.indexOf(key);
    return i === -1 ? CLASSICS.length : i;
  };
  return open.map((q, i) => ({ q, i })).sort((a, b) => rank(a.q.key) - rank(b.q.key) || a.i - b.i).map((x) => x.q);
}

export function isClassic(key: string): boolean {
  return CLASSICS.includes(key);
}

/** The questions of a drill of `count` (fewer when the set is smaller), with the follow-ups to ask. */
export function selectDrill(course: Course, count: number, seed: number): DrillQuestion[] {
  const random = generator(seed);
  const set = interviewSet(course);
  const classics = shuffle(
    set.filter((q) => isClassic(q.key)),
    random,
  );
  const others = shuffle(
    set.filter((q) => !isClassic(q.key)),
    random,
  );
  return [...classics, ...others].slice(0, Math.max(0, count)).map((q) => {
    const n = followupCount(q.question);
    const followups = shuffle(
      Array.from({ length: n }, (_, i) => i),
      random,
    )
      .slice(0, FOLLOWUPS_PER_QUESTION)
      .sort((a, b) => a - b);
    return { key: q.key, topic: q.question.topic, followups };
  });
}
