// Cross-checks a pack that has the right shape: unique ids, known topics,
// answers among the options in both languages, figures that exist and fit,
// scenarios that run with every expect holding, and predict-the-state items
// whose keys the core computes, and labs whose scenario runs and whose
// predictions point at command lines (their keys computed the same way).
// The result is the compiled pack the app uses.

import stringWidth from 'string-width';
import type { FlagName } from '../core/segment.js';
import { ACK, flagNames } from '../core/segment.js';
import type { State } from '../core/types.js';
import { runScript, runToLine, type Step } from '../scenario/run.js';
import { ScriptError, parseScript, type Line } from '../scenario/parse.js';
import { LANGS, type Lab, type LabPrediction, type Pack, type Question, type ScenarioFile } from './schema.js';
import type { Problem, RawPack, SourcedLab, SourcedQuestion } from './load.js';

export const FIGURE_WIDTH = 76;

/** The answer of a predict-the-state item, as the core computed it. */
export interface PredictKey {
  state: State;
  /** Flags of the first segment the host sends in that step; [] when it sends nothing. */
  sends: FlagName[];
}

export type CompiledQuestion = Question & { key?: PredictKey };

/** What a lab prediction's line does to its host, as the core computed it. */
export interface LabKey extends PredictKey {
  /** seq and ack of the first segment the host sends in that step; null when it sends nothing (ack: or has no ACK flag). */
  seq: number | null;
  ack: number | null;
}

export type CompiledPrediction = LabPrediction & { key: LabKey };
export type CompiledLab = Omit<Lab, 'predictions'> & { predictions: CompiledPrediction[] };

export interface CompiledPack extends Pack {
  questions: CompiledQuestion[];
  labs: CompiledLab[];
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
  const r = runToLine(source, step);
  if ('error' in r) return r.error;
  const first = r.step.sent.find((seg) => seg.from === host);
  return { state: r.step[host], sends: first ? flagNames(first.flags) : [] };
}

/** The lab as the pack stores it: without where it came from, and without keys a compiled pack already had. */
function plainLab(lab: SourcedLab): Lab {
  const { file, lines, predictions, ...rest } = lab;
  void file;
  void lines;
  return {
    ...rest,
    predictions: predictions.map((p) => {
      const { key, ...pred } = p as LabPrediction & { key?: LabKey };
      void key;
      return pred;
    }),
  };
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

/**
 * Runs a lab's scenario and computes the key of every prediction, or reports why it cannot:
 * the scenario does not run, a step is not a command line, the steps are out of order, or seq/ack
 * are asked where the host sends no such number. `report(path, message)` gets each problem.
 */
export function compileLab(lab: Lab, scenario: ScenarioFile | undefined, report: (path: string, message: string) => void): CompiledLab | null {
  if (!scenario) {
    report('scenario', `there is no scenarios/${lab.scenario}`);
    return null;
  }
  const p = parsed(scenario.source);
  if ('error' in p) {
    report('scenario', `${lab.scenario} does not run: line ${p.error.line}: ${p.error.message}`);
    return null;
  }
  const run = runScript(p.lines);
  const o = run.outcome;
  if (o.kind === 'expect-failed') {
    report('scenario', `${lab.scenario} does not run: line ${o.line}: expect ${o.host} ${o.expected} fails: the ${o.host} is ${o.actual}`);
    return null;
  }
  if (o.kind === 'script-error') {
    report('scenario', `${lab.scenario} does not run: line ${o.line}: ${o.message}`);
    return null;
  }
  const byLine = new Map<number, { line: Line; step: Step }>(p.lines.map((l, i) => [l.line, { line: l, step: run.steps[i]! }]));
  const lastLine = scenario.source.replace(/\r?\n$/, '').split(/\r?\n/).length;
  const predictions: CompiledPrediction[] = [];
  let previous = 0;
  let ok = true;
  lab.predictions.forEach((pred, i) => {
    const at = (field: string, message: string): void => {
      ok = false;
      report(`predictions.${i}.${field}`, message);
    };
    const found = byLine.get(pred.step);
    if (!found) {
      at('step', pred.step > lastLine ? `there is no line ${pred.step}: ${lab.scenario} has ${lastLine} lines` : `line ${pred.step} of ${lab.scenario} is blank or a comment; give the line of a command`);
      return;
    }
    const kind = found.line.cmd.kind;
    if (kind === 'expect' || kind.startsWith('set-')) {
      at('step', `line ${pred.step} of ${lab.scenario} is '${found.line.text}', which changes nothing to predict; give the line of a host or network command`);
      return;
    }
    if (pred.step <= previous) {
      at('step', `line ${pred.step} comes at or before the previous prediction's line ${previous}; list predictions in the order of the scenario, one per line`);
      return;
    }
    previous = pred.step;
    const s = found.step;
    const first = s.sent.find((seg) => seg.from === pred.host);
    const key: LabKey = {
      state: s[pred.host],
      sends: first ? flagNames(first.flags) : [],
      seq: first ? first.seq : null,
      ack: first && first.flags & ACK ? first.ack : null,
    };
    if (pred.numbers) {
      if (pred.ask === 'state') at('numbers', 'seq and ack can only be asked with ask: sends or both');
      else if (!first) at('numbers', `the ${pred.host} sends nothing on line ${pred.step}, so there is no seq or ack to predict`);
      else if (pred.numbers.includes('ack') && key.ack === null) at('numbers', `the ${pred.host}'s ${key.sends.join(',')} on line ${pred.step} has no ACK flag, so there is no ack number to predict`);
    }
    predictions.push({ ...pred, key });
  });
  return ok ? { ...lab, predictions } : null;
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
        if (!Object.hasOwn(raw.figures, m[1]!)) at(`lessons/${l.id}.${lang}.md`, 'body', `{{figure:${m[1]}}} but there is no figures/${m[1]}.txt`);
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
  const labs: CompiledLab[] = [];
  for (const lab of raw.labs as SourcedLab[]) {
    const file = lab.file ?? `labs/${lab.id}.yaml`;
    const report = (path: string, message: string): void => {
      const line = lab.lines?.[path] ?? lab.lines?.[path.split('.').slice(0, 2).join('.')];
      at(file, path, `${message}${line ? ` (line ${line})` : ''}`);
    };
    if (!topics.has(lab.topic)) {
      report('topic', `unknown topic '${lab.topic}'; pack.yaml lists ${[...topics].join(', ')}`);
      continue;
    }
    const compiled = compileLab(plainLab(lab), scenarios.get(lab.scenario), report);
    if (compiled) labs.push(compiled);
  }
  const { dir, ...pack } = raw;
  void dir;
  return { pack: { ...pack, questions, labs }, problems };
}
