// The shape of a content pack. Packs are data, never code: YAML question
// files, Markdown lessons with a small front matter, and scenario scripts.
// Every text a learner reads exists in English (en) and Simplified Chinese (zh).

import * as z from 'zod';
import { LANGS, type Lang } from './lang.js';

// Messages a pack author can act on, for the two mistakes zod words least helpfully.
z.config({
  customError: (issue) => {
    if (issue.code === 'invalid_type' && issue.input === undefined) return 'is missing';
    if (issue.code === 'unrecognized_keys') {
      // Keys come from the pack: a few of them, each cut short, keep the message one readable line.
      const shown = issue.keys.slice(0, 5).map((k) => `'${k.length > 40 ? `${k.slice(0, 40)}…` : k}'`);
      const more = issue.keys.length > 5 ? ` and ${issue.keys.length - 5} more` : '';
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${shown.join(', ')}${more} (check the spelling against content/AUTHORING.md)`;
    }
    return undefined;
  },
});

export { LANGS, type Lang };

/** Stable ids: progress is keyed by them, so they never change once published. No path separators. */
export const Id = z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'an id is 2-64 characters of a-z, 0-9 and -, starting with a letter or digit');

const Text = z.string().trim().min(1, 'must not be empty').max(20_000, 'is longer than 20,000 characters');

const both = <T extends z.ZodTypeAny>(t: T) => z.strictObject({ en: t, zh: t }, { error: 'needs both en and zh' });

export const Localized = both(Text);
export type Localized = z.infer<typeof Localized>;

export const Difficulty = z.union([z.literal(1), z.literal(2), z.literal(3)], { error: 'difficulty is 1 (recall), 2 (apply) or 3 (analyse)' });

const Base = {
  id: Id,
  topic: Id,
  difficulty: Difficulty,
  /** RFC section, Linux documentation, or a textbook chapter. */
  source: Text,
  /** True when the item corrects an error common in the material. */
  misconception: z.boolean().optional(),
};

const prompted = { prompt: Text, explanation: Text };

export const SingleChoice = z.strictObject({
  ...Base,
  kind: z.literal('single'),
  answer: z.number().int().min(0),
  en: z.strictObject({ ...prompted, options: z.array(Text).min(2).max(8) }),
  zh: z.strictObject({ ...prompted, options: z.array(Text).min(2).max(8) }),
});

export const MultipleChoice = z.strictObject({
  ...Base,
  kind: z.literal('multi'),
  answer: z.array(z.number().int().min(0)).min(1),
  en: z.strictObject({ ...prompted, options: z.array(Text).min(2).max(8) }),
  zh: z.strictObject({ ...prompted, options: z.array(Text).min(2).max(8) }),
});

export const TrueFalse = z.strictObject({
  ...Base,
  kind: z.literal('truefalse'),
  answer: z.boolean(),
  en: z.strictObject(prompted),
  zh: z.strictObject(prompted),
});

/** The items are written in the right order; the app shuffles them. */
export const Ordering = z.strictObject({
  ...Base,
  kind: z.literal('order'),
  en: z.strictObject({ ...prompted, items: z.array(Text).min(3).max(8) }),
  zh: z.strictObject({ ...prompted, items: z.array(Text).min(3).max(8) }),
});

export const Numeric = z.strictObject({
  ...Base,
  kind: z.literal('numeric'),
  answer: z.number().finite(),
  /** Accepted distance from the answer (0: exact). */
  tolerance: z.number().min(0).optional(),
  en: z.strictObject({ ...prompted, unit: Text.optional() }),
  zh: z.strictObject({ ...prompted, unit: Text.optional() }),
});

/** A short typed answer, compared case-insensitively against the accepted forms. */
export const FillIn = z.strictObject({
  ...Base,
  kind: z.literal('fill'),
  en: z.strictObject({ ...prompted, accept: z.array(Text).min(1) }),
  zh: z.strictObject({ ...prompted, accept: z.array(Text).min(1) }),
});

/**
 * Predict the state: the scenario runs up to the line before `step`; the learner predicts what the
 * line `step` does to `host`. The key is never typed by hand: the core computes it.
 */
export const Predict = z.strictObject({
  ...Base,
  kind: z.literal('predict'),
  scenario: z.string().regex(/^[a-z0-9][a-z0-9-]*\.tcp$/, 'a scenario file name in the pack, like 01-handshake.tcp'),
  step: z.number().int().min(1),
  host: z.enum(['client', 'server']),
  ask: z.enum(['state', 'sends', 'both']),
  en: z.strictObject(prompted),
  zh: z.strictObject(prompted),
});

const FollowUp = z.strictObject({ prompt: Text, answer: Text, points: z.array(Text).min(1).max(12) });

/** An open interview question: the learner grades themself against the key points. */
export const Open = z.strictObject({
  ...Base,
  kind: z.literal('open'),
  en: z.strictObject({ prompt: Text, answer: Text, points: z.array(Text).min(2).max(12), followups: z.array(FollowUp).max(6).optional() }),
  zh: z.strictObject({ prompt: Text, answer: Text, points: z.array(Text).min(2).max(12), followups: z.array(FollowUp).max(6).optional() }),
});

export const Question = z.discriminatedUnion('kind', [SingleChoice, MultipleChoice, TrueFalse, Ordering, Numeric, FillIn, Predict, Open], {
  error: 'kind must be one of single, multi, truefalse, order, numeric, fill, predict, open',
});
export type Question = z.infer<typeof Question>;
export type QuestionKind = Question['kind'];

export const QuestionFile = z.array(Question).max(5000, 'more than 5,000 questions in one file');

export const Topic = z.strictObject({ id: Id, title: Localized });
export type Topic = z.infer<typeof Topic>;

/** pack.yaml at the root of a pack. */
export const Manifest = z.strictObject({
  id: Id,
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'a version like 1.0.0'),
  title: Localized,
  topics: z.array(Topic).min(1).max(200),
});
export type Manifest = z.infer<typeof Manifest>;

/** The front matter of a lesson file (lessons/ID.LANG.md). */
export const LessonMeta = z.strictObject({
  id: Id,
  topic: Id,
  order: z.number().int().min(0),
  title: Text,
});

export interface Lesson {
  id: string;
  topic: string;
  order: number;
  title: Localized;
  body: Localized;
}

/** A scenario file name in the pack (scenarios/NAME). */
const ScenarioName = z.string().regex(/^[a-z0-9][a-z0-9-]*\.tcp$/, 'a scenario file name in the pack, like 01-handshake.tcp');

/**
 * One prediction of a lab: before the scenario line `step` runs, the learner predicts what it does to
 * `host`: its next state, the flags of the first segment it sends (or nothing), or both. `numbers`
 * also asks for that segment's seq and/or ack (only with sends or both, and only where the host sends).
 * As with predict questions, the key is never written here: the core computes it.
 */
export const LabPrediction = z.strictObject({
  step: z.number().int().min(1),
  host: z.enum(['client', 'server']),
  ask: z.enum(['state', 'sends', 'both']),
  numbers: z.array(z.enum(['seq', 'ack'])).min(1).max(2).optional(),
  prompt: Localized,
  /** Shown after the answer, next to the core's own reason. */
  explain: Localized.optional(),
});
export type LabPrediction = z.infer<typeof LabPrediction>;

/** labs/ID.yaml: a scenario of the pack run step by step, with predictions before chosen lines. */
export const Lab = z.strictObject({
  id: Id,
  topic: Id,
  scenario: ScenarioName,
  title: Localized,
  intro: Localized,
  outro: Localized,
  predictions: z.array(LabPrediction).min(1).max(20),
});
export type Lab = z.infer<typeof Lab>;

/** A scenario script shipped with the pack, with its header fields. */
export interface ScenarioFile {
  name: string;
  title: Localized;
  profile: string;
  source: string;
}

export interface Pack {
  manifest: Manifest;
  lessons: Lesson[];
  questions: Question[];
  scenarios: ScenarioFile[];
  /** Guided labs (labs/ID.yaml). */
  labs: Lab[];
  /** Terminal pictures lessons include with a {{figure:NAME}} line. */
  figures: Record<string, string>;
}
