// Reads a pack directory into memory and checks its shape. Never throws on
// bad input: every problem comes back as `FILE: path.to.field: what is wrong`.
// Packs are hostile until proven otherwise: sizes, depth and counts are bounded.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, isCollection, isMap, isSeq, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { LANGS, Lab, LessonMeta, Manifest, QuestionFile, type Lang, type Lesson, type Pack, type Question, type ScenarioFile } from './schema.js';
import { byCodeUnit } from '../text/compare.js';

export interface Problem {
  file: string;
  path: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}: ${p.path ? `${p.path}: ` : ''}${p.message}`;
}

/** A question with the file it came from, for messages. */
export type SourcedQuestion = Question & { file: string };

/**
 * A lab with the file it came from and the YAML line of each field the validator may complain
 * about ("scenario", "predictions.2.step"), so that cross-checks can name the line too. Both are
 * absent when a compiled pack is checked again (the built-in course).
 */
export type SourcedLab = Lab & { file?: string; lines?: Record<string, number> };

export interface RawPack extends Pack {
  dir: string;
  questions: SourcedQuestion[];
  labs: SourcedLab[];
}

const MAX_FILE_BYTES = 2 * 1024 * 1024;
const MAX_FILES = 2000;
const MAX_DEPTH = 32;

class Reader {
  readonly problems: Problem[] = [];
  constructor(readonly dir: string) {}

  problem(file: string, path: string, message: string): void {
    this.problems.push({ file: join(this.dir, file), path, message });
  }

  list(sub: string, ext: string): string[] {
    let names: string[];
    try {
      names = readdirSync(join(this.dir, sub));
    } catch {
      return [];
    }
    const out = names.filter((n) => n.endsWith(ext)).sort();
    if (out.length > MAX_FILES) {
      this.problem(sub, '', `more than ${MAX_FILES} ${ext} files; split the pack`);
      return out.slice(0, MAX_FILES);
    }
    return out;
  }

  read(file: string): string | null {
    const path = join(this.dir, file);
    try {
      const stat = statSync(path);
      // A FIFO or a device (/dev/zero behind a symlink) would block the read or never end.
      if (!stat.isFile()) {
        this.problem(file, '', 'is not a regular file');
        return null;
      }
      const size = stat.size;
      if (size > MAX_FILE_BYTES) {
        this.problem(file, '', `the file is ${Math.round(size / 1024)} KB; at most ${MAX_FILE_BYTES / 1024} KB`);
        return null;
      }
      return readFileSync(path, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      this.problem(file, '', code === 'ENOENT' ? 'missing' : `cannot read it (${code ?? 'error'})`);
      return null;
    }
  }

  /** Parses YAML, reporting syntax errors with their line. Returns the document for line lookups. */
  yaml(file: string, text: string): { value: unknown; doc: Document; lines: LineCounter } | null {
    const lines = new LineCounter();
    // resolveKnownTags off: !!binary, !!set, !!omap and !!timestamp stay plain text, lists and maps, never a Buffer, Set, Map or Date.
    const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, resolveKnownTags: false });
    if (doc.errors.length > 0) {
      const e = doc.errors[0]!;
      const at = lines.linePos(e.pos[0]);
      // The parser's stack overflowed: say why in the author's terms.
      if (e.code === 'RESOURCE_EXHAUSTION') this.problem(file, '', `line ${at.line}: nested more than ${MAX_DEPTH} levels deep`);
      else this.problem(file, '', `line ${at.line}: YAML syntax: ${e.message.split('\n')[0]}`);
      return null;
    }
    if (depth(doc.contents) > MAX_DEPTH) {
      this.problem(file, '', `nested more than ${MAX_DEPTH} levels deep`);
      return null;
    }
    try {
      return { value: doc.toJS({ maxAliasCount: 50 }), doc, lines };
    } catch {
      this.problem(file, '', 'YAML aliases expand too much (at most 50); write the data out');
      return null;
    }
  }

  /** Reports a zod error, one problem per issue, with a readable path and the YAML line. */
  zod(file: string, error: z.ZodError, label: (path: PropertyKey[]) => string, where?: { doc: Document; lines: LineCounter }): void {
    for (const issue of error.issues.slice(0, 50)) {
      const line = where ? lineOf(where.doc, where.lines, issue.path) : null;
      this.problem(file, label(issue.path), `${issue.message}${line ? ` (line ${line})` : ''}`);
    }
  }
}

function depth(node: unknown, d = 0): number {
  if (d > MAX_DEPTH) return d;
  if (isMap(node)) return Math.max(d, ...node.items.map((p) => depth(p.value, d + 1)));
  if (isSeq(node)) return Math.max(d, ...node.items.map((v) => depth(v, d + 1)));
  return d;
}

function lineOf(doc: Document, lines: LineCounter, path: PropertyKey[]): number | null {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as (string | number)[], true);
    if (node && typeof node === 'object' && 'range' in node && Array.isArray(node.range)) {
      return lines.linePos(node.range[0] as number).line;
    }
    if (n === 0 && isCollection(doc.contents) && doc.contents.range) return lines.linePos(doc.contents.range[0]).line;
  }
  return null;
}

function dotted(path: PropertyKey[]): string {
  return path.map(String).join('.');
}

/** `handshake-ack.en.options.1`, naming a question by its id where it has one. */
function questionPath(items: unknown[], path: PropertyKey[]): string {
  const [index, ...rest] = path;
  if (typeof index !== 'number') return dotted(path);
  const item = items[index] as { id?: unknown } | undefined;
  const name = item && typeof item.id === 'string' && /^[a-z0-9-]{1,64}$/.test(item.id) ? item.id : `#${index + 1}`;
  return [name, ...rest.map(String)].join('.');
}

const FRONT = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

function readLessons(r: Reader): Lesson[] {
  const byId = new Map<string, { meta: Partial<Record<Lang, z.infer<typeof LessonMeta>>>; body: Partial<Record<Lang, string>>; files: string[] }>();
  for (const name of r.list('lessons', '.md')) {
    const file = `lessons/${name}`;
    const m = /^(.+)\.(en|zh)\.md$/.exec(name);
    if (!m) {
      r.problem(file, '', 'a lesson file is named ID.en.md or ID.zh.md');
      continue;
    }
    const lang = m[2] as Lang;
    const text = r.read(file);
    if (text === null) continue;
    const front = FRONT.exec(text);
    if (!front) {
      r.problem(file, '', 'starts with a front matter block: ---, id/topic/order/title lines, ---');
      continue;
    }
    const parsed = r.yaml(file, front[1]!);
    if (!parsed) continue;
    const meta = LessonMeta.safeParse(parsed.value);
    if (!meta.success) {
      r.zod(file, meta.error, (p) => `front matter.${dotted(p)}`);
      continue;
    }
    if (meta.data.id !== m[1]) r.problem(file, 'front matter.id', `is '${meta.data.id}' but the file name says '${m[1]}'`);
    const body = text.slice(front[0].length).trim();
    if (body.length === 0) r.problem(file, 'body', 'the lesson has no text');
    if (body.length > 60_000) r.problem(file, 'body', 'is longer than 60,000 characters');
    const entry = byId.get(meta.data.id) ?? { meta: {}, body: {}, files: [] };
    entry.meta[lang] = meta.data;
    entry.body[lang] = body;
    entry.files.push(file);
    byId.set(meta.data.id, entry);
  }
  const lessons: Lesson[] = [];
  for (const [id, e] of byId) {
    const missing = LANGS.filter((l) => e.meta[l] === undefined);
    if (missing.length > 0) {
      r.problem(e.files[0]!, '', `lesson '${id}' has no ${missing.join(', ')} version (add lessons/${id}.${missing[0]}.md)`);
      continue;
    }
    const en = e.meta.en!;
    const zh = e.meta.zh!;
    if (en.topic !== zh.topic || en.order !== zh.order) r.problem(e.files[1] ?? e.files[0]!, 'front matter', `topic and order must match the other language's (${en.topic}, ${en.order})`);
    lessons.push({ id, topic: en.topic, order: en.order, title: { en: en.title, zh: zh.title }, body: { en: e.body.en!, zh: e.body.zh! } });
  }
  return lessons.sort((a, b) => byCodeUnit(a.topic, b.topic) || a.order - b.order);
}

function readQuestions(r: Reader): SourcedQuestion[] {
  const out: SourcedQuestion[] = [];
  for (const name of r.list('questions', '.yaml')) {
    const file = `questions/${name}`;
    const text = r.read(file);
    if (text === null) continue;
    const parsed = r.yaml(file, text);
    if (!parsed) continue;
    const items = Array.isArray(parsed.value) ? parsed.value : [];
    const result = QuestionFile.safeParse(parsed.value);
    if (!result.success) {
      r.zod(file, result.error, (p) => questionPath(items, p), parsed);
      continue;
    }
    out.push(...result.data.map((q) => Object.assign(q, { file })));
  }
  return out;
}

function header(source: string, key: string): string | null {
  const m = new RegExp(`^#\\s*${key.replace('.', '\\.')}:\\s*(.+)$`, 'm').exec(source);
  return m ? m[1]!.trim() : null;
}

function readScenarios(r: Reader): ScenarioFile[] {
  const out: ScenarioFile[] = [];
  for (const name of r.list('scenarios', '.tcp')) {
    const file = `scenarios/${name}`;
    const source = r.read(file);
    if (source === null) continue;
    const en = header(source, 'title');
    const zh = header(source, 'title.zh');
    const profile = header(source, 'profile') ?? 'rfc';
    if (!en || !zh) r.problem(file, '', 'needs header comments `# title: ...` and `# title.zh: ...`');
    out.push({ name, title: { en: en ?? name, zh: zh ?? name }, profile, source });
  }
  return out;
}

/** The YAML line of every field a lab cross-check may point at. */
function labLines(lab: Lab, where: { doc: Document; lines: LineCounter }): Record<string, number> {
  const out: Record<string, number> = {};
  const note = (path: (string | number)[]): void => {
    const line = lineOf(where.doc, where.lines, path);
    if (line !== null) out[path.join('.')] = line;
  };
  for (const key of ['id', 'topic', 'scenario']) note([key]);
  lab.predictions.forEach((p, i) => {
    note(['predictions', i, 'step']);
    if (p.numbers) note(['predictions', i, 'numbers']);
  });
  return out;
}

function readLabs(r: Reader): SourcedLab[] {
  const out: SourcedLab[] = [];
  for (const name of r.list('labs', '.yaml')) {
    const file = `labs/${name}`;
    const text = r.read(file);
    if (text === null) continue;
    const parsed = r.yaml(file, text);
    if (!parsed) continue;
    const result = Lab.safeParse(parsed.value);
    if (!result.success) {
      r.zod(file, result.error, dotted, parsed);
      continue;
    }
    const stem = name.slice(0, -'.yaml'.length);
    if (result.data.id !== stem) {
      const line = lineOf(parsed.doc, parsed.lines, ['id']);
      r.problem(file, 'id', `is '${result.data.id}' but the file name says '${stem}'${line ? ` (line ${line})` : ''}`);
      continue;
    }
    out.push({ ...result.data, file, lines: labLines(result.data, parsed) });
  }
  return out;
}

function readFigures(r: Reader): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of r.list('figures', '.txt')) {
    const text = r.read(`figures/${name}`);
    if (text !== null) out[name.slice(0, -4)] = text.replace(/\s+$/, '');
  }
  return out;
}

/** Reads and shape-checks a pack. Cross-references are checked by `validatePack`. */
export function readPack(dir: string): { pack: RawPack | null; problems: Problem[] } {
  const r = new Reader(dir);
  try {
    if (!statSync(dir).isDirectory()) return { pack: null, problems: [{ file: dir, path: '', message: 'is not a directory' }] };
  } catch {
    return { pack: null, problems: [{ file: dir, path: '', message: 'no such directory' }] };
  }
  const text = r.read('pack.yaml');
  let manifest: Manifest | null = null;
  if (text !== null) {
    const parsed = r.yaml('pack.yaml', text);
    if (parsed) {
      const m = Manifest.safeParse(parsed.value);
      if (m.success) manifest = m.data;
      else r.zod('pack.yaml', m.error, dotted, parsed);
    }
  }
  const lessons = readLessons(r);
  const questions = readQuestions(r);
  const scenarios = readScenarios(r);
  const labs = readLabs(r);
  const figures = readFigures(r);
  if (!manifest) return { pack: null, problems: r.problems };
  return { pack: { dir, manifest, lessons, questions, scenarios, labs, figures }, problems: r.problems };
}
