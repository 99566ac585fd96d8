// What the progress file keeps of interview drills (issue: interview drill). Owned by the drill feature.
// Loose objects: a field a later release adds is kept, never stripped. Every field the drill writes
// is listed, because the store validates the whole file before each write.
import * as z from 'zod/mini';

/** One question of a drill: the main question and the follow-ups asked after it (indexes into its `followups`). */
export const DrillQuestion = z.looseObject({
  /** Question key, "pack/id". */
  key: z.string(),
  /** Topic key, kept so that a report still groups by topic if the pack changes. */
  topic: z.string(),
  followups: z.array(z.int().check(z.minimum(0))),
});
export type DrillQuestion = z.infer<typeof DrillQuestion>;

/** One typed answer, to the main question (f = -1) or to a follow-up (f = its index in the content). */
export const DrillAnswer = z.looseObject({
  /** Index into the drill's questions. */
  q: z.int().check(z.minimum(0)),
  f: z.int().check(z.minimum(-1)),
  text: z.string(),
  /** Time spent typing it. */
  ms: z.number().check(z.minimum(0)),
  /** The key points the matcher found in the text (a hint). */
  auto: z.array(z.boolean()),
  /** The key points the learner confirmed as covered. */
  ticks: z.array(z.boolean()),
  /** False until the learner has checked the ticks. */
  confirmed: z.boolean(),
});
export type DrillAnswer = z.infer<typeof DrillAnswer>;

const drillFields = {
  id: z.string(),
  startedAt: z.number(),
  lang: z.enum(['en', 'zh']),
  seed: z.int().check(z.minimum(0)),
  /** Time allowed per answer. */
  limitMs: z.number().check(z.minimum(0)),
  questions: z.array(DrillQuestion),
  answers: z.array(DrillAnswer),
};

export const DrillResult = z.looseObject({
  ...drillFields,
  finishedAt: z.number(),
  /** Key points confirmed, out of `total`, over every answer. */
  covered: z.int().check(z.minimum(0)),
  total: z.int().check(z.minimum(0)),
});
export type DrillResult = z.infer<typeof DrillResult>;

/** A drill in progress, saved after every answer and every confirmation so that it can be resumed. */
export const DrillSession = z.looseObject({
  ...drillFields,
  /** The answer being typed when the drill was left (Esc, Ctrl+C): its text and the time spent so far. */
  draft: z.optional(z.looseObject({ text: z.string(), ms: z.number().check(z.minimum(0)) })),
});
export type DrillSession = z.infer<typeof DrillSession>;
