// `tcp-trainer validate [DIR]` and `tcp-trainer list [--json]`.

import { PackError, builtinPack, loadCatalog } from '../content/catalog.js';
import { compilePack } from '../content/compile.js';
import { formatProblem, type Problem } from '../content/load.js';
import { LANGS, type QuestionKind } from '../content/schema.js';
import { validatePack, type CompiledPack } from '../content/validate.js';
import { escapeJsonControls, stripControl } from '../text/sanitize.js';
import type { Context } from './commands.js';
import { commandArgs } from './args.js';
import { UserError } from './user-error.js';
import { usageOf } from './commands.js';

/** Re-checks the compiled built-in course: answers, scenarios and predict keys as the bundle holds them. */
function checkBuiltin(): { pack: CompiledPack; problems: Problem[] } {
  const pack = builtinPack();
  const sourced = pack.questions.map((q) => ({ ...q, file: `questions/${q.topic}.yaml` }));
  const { pack: again, problems } = validatePack({ ...pack, dir: '(built-in)', questions: sourced });
  again.questions.forEach((q, i) => {
    const before = pack.questions[i];
    if (q.kind === 'predict' && JSON.stringify(q.key) !== JSON.stringify(before?.key)) {
      problems.push({ file: '(built-in)', path: `${q.id}.key`, message: 'the bundled answer differs from what the simulator computes now' });
    }
  });
  return { pack, problems };
}

const count = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;

function summary(pack: CompiledPack): string {
  const kinds = new Map<QuestionKind, number>();
  for (const q of pack.questions) kinds.set(q.kind, (kinds.get(q.kind) ?? 0) + 1);
  const byKind = [...kinds].map(([k, n]) => `${n} ${k}`).join(', ');
  const m = pack.manifest;
  return [
    `${m.id} ${m.version}: ${count(pack.lessons.length, 'lesson')} and ${count(pack.questions.length, 'question')}, each in ${LANGS.join(' and ')}; ${count(m.topics.length, 'topic')}, ${count(pack.scenarios.length, 'scenario')}, ${count(pack.labs.length, 'lab')}, ${count(Object.keys(pack.figures).length, 'figure')}`,
    `questions by kind: ${byKind}`,
  ].join('\n');
}

export async function runValidate(argv: string[], _ctx: Context): Promise<number> {
  const { positionals } = commandArgs('validate', argv, {}, `usage: ${usageOf('validate')}`);
  if (positionals.length > 1) throw new UserError('validate: give at most one pack directory', 2);
  const dir = positionals[0];
  const { pack, problems } = dir === undefined ? checkBuiltin() : compilePack(dir);
  if (problems.length > 0 || !pack) {
    for (const p of problems) process.stdout.write(`${stripControl(formatProblem(p))}\n`);
    process.stdout.write(`${problems.length} problem${problems.length === 1 ? '' : 's'} in ${dir ?? 'the built-in course'}\n`);
    return 1;
  }
  process.stdout.write(`${stripControl(summary(pack))}\nno problems\n`);
  return 0;
}

export async function runList(argv: string[], ctx: Context): Promise<number> {
  const { values, positionals } = commandArgs('list', argv, { json: { type: 'boolean' } }, `usage: ${usageOf('list')}`);
  if (positionals.length > 0) throw new UserError(`list: unexpected '${positionals[0]}' (usage: ${usageOf('list')})`, 2);
  let catalog;
  try {
    catalog = await loadCatalog(ctx.packs);
  } catch (e) {
    if (e instanceof PackError) throw new UserError(stripControl(e.message), 1);
    throw e;
  }
  const rows = catalog.map(({ pack, dir }) => ({
    id: pack.manifest.id,
    version: pack.manifest.version,
    title: pack.manifest.title,
    source: dir ?? 'built-in',
    topics: pack.manifest.topics.map((t) => ({
      id: t.id,
      title: t.title,
      // Validation makes every item bilingual, so the counts per language agree; they are still counted per language.
      lessons: Object.fromEntries(LANGS.map((l) => [l, pack.lessons.filter((x) => x.topic === t.id && x.body[l]).length])),
      questions: Object.fromEntries(LANGS.map((l) => [l, pack.questions.filter((q) => q.topic === t.id && q[l]).length])),
    })),
  }));
  if (values.json) {
    process.stdout.write(`${escapeJsonControls(JSON.stringify(rows, null, 2))}\n`);
    return 0;
  }
  const out: string[] = [];
  for (const p of rows) {
    out.push(`${p.id} ${p.version}  ${p.title[ctx.lang]}  (${p.source})`);
    const w = Math.max(5, ...p.topics.map((t) => t.id.length));
    out.push(`  ${'topic'.padEnd(w)}  lessons en/zh  questions en/zh  title`);
    for (const t of p.topics) {
      const lessons = `${t.lessons['en']}/${t.lessons['zh']}`.padStart(13);
      const questions = `${t.questions['en']}/${t.questions['zh']}`.padStart(15);
      out.push(`  ${t.id.padEnd(w)}  ${lessons}  ${questions}  ${t.title[ctx.lang]}`);
    }
  }
  process.stdout.write(`${stripControl(out.join('\n'))}\n`);
  return 0;
}
