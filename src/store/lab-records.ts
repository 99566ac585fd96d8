// What the progress file keeps of labs (issue: labs). Owned by the labs feature.
import * as z from 'zod/mini';

export const LabRecord = z.looseObject({
  /** Best score, 0..1. */
  best: z.number().check(z.minimum(0), z.maximum(1)),
  /** Finished runs. */
  attempts: z.int().check(z.minimum(0)),
  lastAt: z.number(),
  /** Score of the latest finished run, 0..1. */
  last: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
});
export type LabRecord = z.infer<typeof LabRecord>;
