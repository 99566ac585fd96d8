// What the progress file keeps of labs (issue: labs). Owned by the labs feature.
import * as z from 'zod';

export const LabRecord = z.looseObject({
  /** Best score, 0..1. */
  best: z.number().min(0).max(1),
  attempts: z.number().int().min(0),
  lastAt: z.number(),
});
export type LabRecord = z.infer<typeof LabRecord>;
