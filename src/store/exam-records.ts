// What the progress file keeps of exams (issue: exam mode). Owned by the exam feature.
import * as z from 'zod';

export const ExamResult = z.looseObject({
  id: z.string(),
  startedAt: z.number(),
  finishedAt: z.number(),
  /** Share right, 0..1. */
  score: z.number().min(0).max(1),
  passed: z.boolean(),
});
export type ExamResult = z.infer<typeof ExamResult>;

/** An exam being taken, saved after every answer so that it can be resumed. */
export const ExamSession = z.looseObject({
  id: z.string(),
  startedAt: z.number(),
});
export type ExamSession = z.infer<typeof ExamSession>;
