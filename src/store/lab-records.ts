// What the progress file keeps of labs (issue: labs). Owned by the labs feature.
import * as z from 'zod';

export const LabRecord = z.looseObject({
  /** Best score, 0..1. */
  best: z.number().min(0).max(1),
  /** Finished runs. */
  attempts: z.number().int().min(0),
  lastAt: z.number(),
  /** Score of the latest finished run, 0..1. */
  last: z.number().min(0).max(1).optional(),
});
export type LabRecord = z.infer<typeof LabRecord>;
