// The learner's progress as stored: keyed by stable pack-qualified ids
// ("tcp-core/handshake-ack-of-syn"), with a schema version and the
// project's own migrations. Pure: no file access here.

import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { DrillResult, DrillSession } from './drill-records.js';
import { ExamResult, ExamSession } from './exam-records.js';
import { LabRecord } from './lab-records.js';

// zod/mini rather than zod: building these schemas is part of every start, and the classic API's
// methods made it ~3x slower. Mini brings no messages of its own; the English ones name the problem.
z.config(en());

export const PROGRESS_VERSION = 1;

/** An FSRS card as JSON: ts-fsrs's Card with dates as epoch milliseconds. */
export const CardJson = z.object({
  due: z.number(),
  stability: z.number(),
  difficulty: z.number(),
  elapsedDays: z.number(),
  scheduledDays: z.number(),
  learningSteps: z.number(),
  reps: z.int(),
  lapses: z.int(),
  state: z.int().check(z.minimum(0), z.maximum(3)),
  lastReview: z.optional(z.number()),
});
export type CardJson = z.infer<typeof CardJson>;

export const Review = z.object({
  /** Question key. */
  q: z.string(),
  at: z.number(),
  rating: z.int().check(z.minimum(1), z.maximum(4)),
  correct: z.optional(z.boolean()),
});
export type Review = z.infer<typeof Review>;

export const Settings = z.object({
  newPerDay: z.int().check(z.minimum(0), z.maximum(500)),
  /** Topic ids to practise; empty means all. */
  topics: z.array(z.string()),
});
export type Settings = z.infer<typeof Settings>;

export const Last = z.object({
  kind: z.enum(['lesson', 'practice']),
  topic: z.optional(z.string()),
  lesson: z.optional(z.string()),
  at: z.number(),
});

// Loose objects: a field a later minor release adds is kept, never stripped.
export const Progress = z.looseObject({
  version: z.literal(PROGRESS_VERSION),
  cards: z.record(z.string(), CardJson),
  reviews: z.array(Review),
  lessons: z.record(z.string(), z.object({ readAt: z.number() })),
  last: z.optional(Last),
  settings: Settings,
  /** Questions to put first in the practice queue (exam mistakes, lab misses). */
  priority: z.array(z.string()),
  /** Best lab scores by lab key. */
  labs: z.optional(z.record(z.string(), LabRecord)),
  exams: z.optional(z.array(ExamResult)),
  examInProgress: z.optional(ExamSession),
  drills: z.optional(z.array(DrillResult)),
  drillInProgress: z.optional(DrillSession),
});
export type Progress = z.infer<typeof Progress>;

export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, cards: {}, reviews: [], lessons: {}, settings: { newPerDay: 20, topics: [] }, priority: [] };
}

/** Each entry lifts a file from version N to N+1. Version 1 is the first; later versions add theirs here. */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {};

export type Classified =
  | { kind: 'ok'; progress: Progress; migratedFrom: number | null }
  | { kind: 'newer'; version: number }
  | { kind: 'invalid'; reason: string };

/**
 * The trainer writes a few levels. A file nested thousands deep (an unknown field is kept as it is)
 * would overflow the stack when the session copies or saves it, so it is not progress.
 */
const MAX_DEPTH = 64;

/** Measured without recursion, for the same reason. */
function tooDeep(data: unknown): boolean {
  const stack: Array<[unknown, number]> = [[data, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (depth > MAX_DEPTH) return true;
    if (typeof value === 'object' && value !== null) for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return false;
}

/** Decides what a parsed file is: current, migratable, from a newer release, or not progress at all. */
export function classify(data: unknown): Classified {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { kind: 'invalid', reason: 'not a JSON object' };
  let doc = data as Record<string, unknown>;
  const version = doc['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { kind: 'invalid', reason: 'no schema version' };
  if (version > PROGRESS_VERSION) return { kind: 'newer', version };
  if (tooDeep(doc)) return { kind: 'invalid', reason: `nested more than ${MAX_DEPTH} levels deep` };
  for (let v = version; v < PROGRESS_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) return { kind: 'invalid', reason: `no migration from version ${v}` };
    doc = step(doc);
  }
  const parsed = Progress.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { kind: 'invalid', reason: `${issue.path.join('.') || 'file'}: ${issue.message}` };
  }
  return { kind: 'ok', progress: parsed.data, migratedFrom: version === PROGRESS_VERSION ? null : version };
}

/** Merges an imported progress file into the current one; nothing already learned is lost. */
export function mergeProgress(into: Progress, other: Progress): Progress {
  const out = structuredClone(into);
  for (const [key, card] of Object.entries(other.cards)) {
    const mine = out.cards[key];
    if (!mine || (card.lastReview ?? 0) > (mine.lastReview ?? 0)) out.cards[key] = card;
  }
  const seen = new Set(out.reviews.map((r) => `${r.q}@${r.at}`));
  for (const r of other.reviews) if (!seen.has(`${r.q}@${r.at}`)) out.reviews.push(r);
  out.reviews.sort((a, b) => a.at - b.at);
  for (const [key, l] of Object.entries(other.lessons)) {
    const mine = out.lessons[key];
    if (!mine || l.readAt < mine.readAt) out.lessons[key] = l;
  }
  for (const q of other.priority) if (!out.priority.includes(q)) out.priority.push(q);
  for (const [key, lab] of Object.entries(other.labs ?? {})) {
    const mine = out.labs?.[key];
    out.labs = out.labs ?? {};
    out.labs[key] = !mine
      ? lab
      : { ...(lab.lastAt > mine.lastAt ? lab : mine), best: Math.max(mine.best, lab.best), attempts: Math.max(mine.attempts, lab.attempts) };
  }
  // Exams and drills are kept by id: the history gains what it lacks, oldest first.
  const union = <T extends { id: string; startedAt: number }>(a: T[] | undefined, b: T[] | undefined): T[] | undefined => {
    if (!a && !b) return undefined;
    const ids = new Set((a ?? []).map((x) => x.id));
    return [...(a ?? []), ...(b ?? []).filter((x) => !ids.has(x.id))].sort((x, y) => x.startedAt - y.startedAt);
  };
  const exams = union(out.exams, other.exams);
  if (exams) out.exams = exams;
  const drills = union(out.drills, other.drills);
  if (drills) out.drills = drills;
  return out;
}
