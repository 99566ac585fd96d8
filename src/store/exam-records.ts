// What the progress file keeps of exams (issue: exam mode). Owned by the exam feature.
// Loose objects: a field a later release adds is kept, never stripped. Every field the exam writes
// is listed, because the store validates the whole file before each write.
import * as z from 'zod/mini';

const Index = z.int().check(z.minimum(0));

/**
 * One recorded answer, in the question's own terms: option and item indexes as the pack writes
 * them, whatever order the exam showed them in. The predict fields stay plain strings, so that a
 * file is never thrown away over a state name.
 */
export const ExamAnswer = z.discriminatedUnion('kind', [
  z.looseObject({ kind: z.literal('single'), choice: Index }),
  z.looseObject({ kind: z.literal('multi'), choices: z.array(Index) }),
  z.looseObject({ kind: z.literal('truefalse'), value: z.boolean() }),
  z.looseObject({ kind: z.literal('order'), order: z.array(Index) }),
  z.looseObject({ kind: z.literal('numeric'), value: z.number() }),
  z.looseObject({ kind: z.literal('fill'), text: z.string().check(z.maxLength(1000)) }),
  z.looseObject({ kind: z.literal('predict'), state: z.optional(z.string()), sends: z.optional(z.array(z.string())) }),
]);
export type ExamAnswer = z.infer<typeof ExamAnswer>;

/** One question of an exam. */
export const ExamQuestion = z.looseObject({
  /** Question key, "pack/id". */
  key: z.string(),
  /** Topic key, kept so that a report still groups by topic if the pack changes. */
  topic: z.string(),
  /** The order the options (single, multi) or the items (order) were shown in: position -> index as written. */
  perm: z.optional(z.array(Index)),
});
export type ExamQuestion = z.infer<typeof ExamQuestion>;

const examFields = {
  id: z.string(),
  startedAt: z.number(),
  lang: z.enum(['en', 'zh']),
  seed: z.int().check(z.minimum(0)),
  /** Time allowed, on the wall clock from `startedAt`. */
  limitMs: z.number().check(z.positive()),
  /** Percentage right needed to pass, 0-100. */
  passMark: z.number().check(z.minimum(0), z.maximum(100)),
  /** The topic keys the exam was drawn from; empty means all. */
  topics: z.array(z.string()),
  questions: z.array(ExamQuestion),
  /** One per question, null while unanswered. */
  answers: z.array(z.nullable(ExamAnswer)),
  /** Indexes of the flagged questions. */
  flags: z.array(Index),
};

/** A finished exam in the history. */
export const ExamResult = z.looseObject({
  ...examFields,
  /** When the time ran out, for an exam the clock submitted; else when the learner submitted it. */
  finishedAt: z.number(),
  /** When it was marked (later than `finishedAt` for an exam resumed after its time ran out). */
  submittedAt: z.number(),
  /** Share right, 0..1. */
  score: z.number().check(z.minimum(0), z.maximum(1)),
  passed: z.boolean(),
  right: Index,
  total: Index,
  /** Time from the start to the submission, at most the limit. */
  timeUsedMs: z.number().check(z.minimum(0)),
  /** Submitted by the clock rather than by the learner. */
  timedOut: z.boolean(),
  /** Per question, in exam order. */
  correct: z.array(z.boolean()),
  /** Per topic, in the course's topic order. */
  byTopic: z.array(z.looseObject({ topic: z.string(), right: Index, total: Index })),
});
export type ExamResult = z.infer<typeof ExamResult>;

/** An exam being taken, saved after every answer and flag so that it can be resumed. */
export const ExamSession = z.looseObject({
  ...examFields,
  /** The question on screen when it was last saved. */
  current: z.optional(Index),
});
export type ExamSession = z.infer<typeof ExamSession>;
