// Cross-checks a pack that has the right shape: unique ids, known topics,
// answers among the options in both languages, figures that exist and fit,
// scenarios that run with every expect holding, and predict-the-state items
// whose keys the core computes. The result is the compiled pack the app uses.

import stringWidth from 'string-width';
import type { FlagName } from '../core/segment.js';
import { flagNames } from '../core/segment.js';
import type { State } from '../core/types.js';
import { ScenarioRunner, runScript } from '../scenario/run.js';
import { ScriptError, parseScript, type Line } from '../scenario/parse.js';
import { LANGS, type Pack, type Question } from './schema.js';
import type { Problem, RawPack, SourcedQuestion } from './load.js';

export const FIGURE_WIDTH = 76;

/** The answer of a predict-the-state item, as the core computed it. */
export interface PredictKey {
  state: State;
  /** Flags of the first segment the host sends in that step; [] when it sends nothing. */
  sends: FlagName[];
}

export type CompiledQuestion = Question & { key?: PredictKey };

export interface CompiledPack extends Pack {
  questions: CompiledQuestion[];
}

const FIGURE_LINE = /^\{\{figure:([a-z0-9-]+)\}\}$/gm;

function parsed(source: string): { lines: Line[] } | { error: ScriptError } {
  try {
    return { lines: parseScript(source) };
  } catch (e) {
    if (e instanceof ScriptError) return { error: e };
    throw e;
  }
}

/** Runs the scenario up to `step` and returns what that line does to `host`. */
export function predictKey(source: string, step: number, host: 'client' | 'server'): PredictKey | string {
  const p = parsed(source);
  if ('error' in p) return `the scenario does not parse (line ${p.error.line}: ${p.error.message})`;
  const at = p.lines.findIndex((l) => l.line === step);
  if (at < 0) return `line ${step} of the scenario is not a command (blank or comment)`;
  const runner = new ScenarioRunner();
  try {
    for (const l of p.lines.slice(0, at)) {
      const s = runner.step(l);
      if (s.expect && !s.expect.ok) return `the scenario's expect on line ${l.line} fails before step ${step}`;
    }
    const s = runner.step(p.lines[at]!);
    const first = s.sent.find((seg) => seg.from === host);
    return { state: s[host], sends: first ? flagNames(first.flags) : [] };
  } catch (e) {
    if (e instanceof ScriptError) return `the scenario fails on line ${e.line}: ${e.message}`;
    throw e;
  }
}

function checkQuestion(q: SourcedQuestion, report: (path: string, message: string) => void): void {
  const counts = (key: 'options' | 'items'): number[] => LANGS.map((l) => ((q as unknown as Record<string, Record<string, string[]>>)[l]![key] ?? []).length);
  const sameLength = (key: 'options' | 'items'): number => {
    const [en, zh] = counts(key);
    if (en !== zh) report(`zh.${key}`, `has ${zh} entries but en.${key} has ${en}; both languages list the same ${key}`);
    return Math.min(en!, zh!);
  };
  const distinct = (key: 'options' | 'items'): void => {
    for (const l of LANGS) {
      const list = (q as unknown as Record<string, Record<string, string[]>>)[l]![key]!;
      if (new Set(list).size !== list.length) report(`${l}.${key}`, 'has the same text twice');
    }
  };
  switch (q.kind) {
    case 'single': {
      const n = sameLength('options');
      distinct('options');
      if (q.answer >= n) report('answer', `is option ${q.answer} but there are only ${n} options (counted from 0)`);
      break;
    }
    case 'multi': {
      const n = sameLength('options');
      distinct('options');
      for (const a of q.answer) if (a >= n) report('answer', `lists option ${a} but there are only ${n} options (counted from 0)`);
      if (new Set(q.answer).size !== q.answer.length) report('answer', 'lists an option twice');
      break;
    }
    case 'order':
      sameLength('items');
      distinct('items');
      break;
    case 'open': {
      if (q.en.points.length !== q.zh.points.length) report('zh.points', `has ${q.zh.points.length} key points but en.points has ${q.en.points.length}`);
      const [fe, fz] = [q.en.followups?.length ?? 0, q.zh.followups?.length ?? 0];
      if (fe !== fz) report('zh.followups', `has ${fz} follow-ups but en.followups has ${fe}`);
      break;
    }
    default:
      break;
  }
}

export function validatePack(raw: RawPack): { pack: CompiledPack; problems: Problem[] } {
  const problems: Problem[] = [];
  const at = (file: string, path: string, message: string): void => {
    problems.push({ file: `${raw.dir}/${file}`.replace(/\/+/g, '/'), path, message });
  };
  const topics = new Set<string>();
  raw.manifest.topics.forEach((t, i) => {
    if (topics.has(t.id)) at('pack.yaml', `topics.${i}.id`, `topic '${t.id}' is listed twice`);
    topics.add(t.id);
  });

  const lessonIds = new Set<string>();
  for (const l of raw.lessons) {
    const file = `lessons/${l.id}.en.md`;
    if (lessonIds.has(l.id)) at(file, 'front matter.id', `lesson id '${l.id}' is used twice`);
    lessonIds.add(l.id);
    if (!topics.has(l.topic)) at(file, 'front matter.topic', `unknown topic '${l.topic}' (pack.yaml lists ${[...topics].join(', ')})`);
    for (const lang of LANGS) {
      for (const m of l.body[lang].matchAll(FIGURE_LINE)) {
        if (!(m[1]! in raw.figures)) at(`lessons/${l.id}.${lang}.md`, 'body', `{{figure:${m[1]}}} but there is no figures/${m[1]}.txt`);
      }
    }
  }
  for (const [name, text] of Object.entries(raw.figures)) {
    text.split('\n').forEach((line, i) => {
      const w = stringWidth(line);
      if (w > FIGURE_WIDTH) at(`figures/${name}.txt`, `line ${i + 1}`, `is ${w} columns wide; figures fit in ${FIGURE_WIDTH}`);
    });
  }

  const scenarios = new Map(raw.scenarios.map((s) => [s.name, s]));
  for (const s of raw.scenarios) {
    const p = parsed(s.source);
    if ('error' in p) {
      at(`scenarios/${s.name}`, `line ${p.error.line}`, p.error.message);
      continue;
    }
    const o = runScript(p.lines).outcome;
    if (o.kind === 'expect-failed') at(`scenarios/${s.name}`, `line ${o.line}`, `expect ${o.host} ${o.expected} fails: the ${o.host} is ${o.actual}`);
    if (o.kind === 'script-error') at(`scenarios/${s.name}`, `line ${o.line}`, o.message);
  }

  const questionIds = new Set<string>();
  const questions: CompiledQuestion[] = [];
  for (const q of raw.questions) {
    const report = (path: string, message: string): void => at(q.file, `${q.id}.${path}`, message);
    if (questionIds.has(q.id)) report('id', `question id '${q.id}' is used twice`);
    questionIds.add(q.id);
    if (!topics.has(q.topic)) report('topic', `unknown topic '${q.topic}'`);
    checkQuestion(q, report);
    const { file, ...question } = q;
    void file;
    if (question.kind === 'predict') {
      const s = scenarios.get(question.scenario);
      if (!s) {
        report('scenario', `there is no scenarios/${question.scenario}`);
        continue;
      }
      const key = predictKey(s.source, question.step, question.host);
      if (typeof key === 'string') {
        report('step', key);
        continue;
      }
      questions.push({ ...question, key });
    } else {
      questions.push(question);
    }
  }
  const { dir, ...pack } = raw;
  void dir;
  return { pack: { ...pack, questions }, problems };
}
