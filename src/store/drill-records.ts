// What the progress file keeps of interview drills (issue: interview drill). Owned by the drill feature.
import * as z from 'zod';

export const DrillResult = z.looseObject({
  id: z.string(),
  startedAt: z.number(),
  finishedAt: z.number(),
});
export type DrillResult = z.infer<typeof DrillResult>;

/** A drill in progress, saved after every answer so that it can be resumed. */
export const DrillSession = z.looseObject({
  id: z.string(),
  startedAt: z.number(),
});
export type DrillSession = z.infer<typeof DrillSession>;
