// Fuzzing the three readers of untrusted input: the scenario parser, the pack
// loader and the progress-file reader, with random input and with mutations of
// real files. Each must answer with a clear error, never crash, never hang.
// The seed is fixed; FC_SEED and FC_RUNS explore further.

import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../support/node-module.js';
import { compilePack } from '../../src/content/compile.js';
import { formatProblem, type Problem } from '../../src/content/load.js';
import { ScriptError, parseScript, type Line } from '../../src/scenario/parse.js';
import { runScript } from '../../src/scenario/run.js';
import { classify, emptyProgress, type Progress } from '../../src/store/progress.js';
import { FILE_NAME, ProgressStore } from '../../src/store/progress-store.js';
import { renderMarkdown } from '../../src/ui/markdown.js';

const SEED = Number(process.env.FC_SEED ?? 1793);
const RUNS = Number(process.env.FC_RUNS ?? 150);
const params = { seed: SEED, numRuns: RUNS };

/** Any single call slower than this counts as a hang (the slowest seen is far below it). */
const BUDGET_MS = 2_000;

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const GOOD = join(ROOT, 'test/fixtures/packs/good');

const tempDir = tempDirs('tcp-trainer-fuzz');

/** Runs `fn`, failing when it takes longer than the budget; returns its result and the time taken. */
function timed<T>(what: string, fn: () => T): T {
  const t0 = performance.now();
  const out = fn();
  const ms = performance.now() - t0;
  slowest[what] = Math.max(slowest[what] ?? 0, ms);
  expect(ms, `${what} took ${ms.toFixed(0)} ms`).toBeLessThan(BUDGET_MS);
  return out;
}
const slowest: Record<string, number> = {};
afterAll(() => {
  // The slowest call of each kind, for the record.
  console.log(`fuzz: slowest calls (ms): ${Object.entries(slowest).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`);
});

// ---------------------------------------------------------------------------------------------
// Mutations of text files, as data so that fast-check can shrink them.

/** Words that stress the parsers: huge and odd numbers, unicode, control characters, keywords. */
const JUNK = [
  '99999999999999999999999999',
  '4294967296',
  '4294967295',
  '9007199254740993',
  '1e308',
  '1e-7',
  '-1',
  '0x1f',
  '00000000000000000001',
  'NaN',
  'Infinity',
  '1000000000',
  '100000',
  '100001',
  '5256000m',
  '99999999999999999999ms',
  '2MSL',
  'ＳＹＮ',
  '客户端',
  '\u202e',
  '\u200b',
  '\ufeff',
  '\u2028',
  '\u0085',
  '😀',
  'e\u0301',
  '\x00',
  '\x1b[31m',
  '\x1b]0;title\x07',
  '\x07',
  '\r',
  '\t',
  '\x9b',
  '\\',
  '../',
  'client',
  'server',
  'deliver',
  'all',
  'c>s',
  's>c',
  'wait',
  'flood',
  'inject',
  'seq=',
  'ack=',
  'len=',
  'expect',
  'set',
  'msl',
  'rto',
  'profile',
  'linux',
  'SYN,FIN',
  'NONE',
  '#',
  ':',
  '- ',
  '{',
  '[',
  '"',
  "'",
  '&a',
  '*a',
  '!!binary',
  '---',
  '{{figure:tiny}}',
  '{{figure:constructor}}',
];

const junkArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...JUNK) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
);

type TextMutation =
  | { op: 'delete'; at: number }
  | { op: 'duplicate'; at: number }
  | { op: 'swap'; a: number; b: number }
  | { op: 'flip'; at: number; pos: number; ch: string }
  | { op: 'insert-word'; at: number; pos: number; word: string }
  | { op: 'insert-line'; at: number; line: string };

const textMutationArb: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), pos: fc.nat(), ch: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) }),
  fc.record({ op: fc.constant('insert-word' as const), at: fc.nat(), pos: fc.nat(), word: junkArb }),
  fc.record({ op: fc.constant('insert-line' as const), at: fc.nat(), line: fc.array(junkArb, { maxLength: 5 }).map((w) => w.join(' ')) }),
);

function mutateText(text: string, muts: readonly TextMutation[]): string {
  const lines = text.split('\n');
  for (const m of muts) {
    if (lines.length === 0) lines.push('');
    const i = (n: number): number => n % lines.length;
    switch (m.op) {
      case 'delete':
        lines.splice(i(m.at), 1);
        break;
      case 'duplicate':
        lines.splice(i(m.at), 0, lines[i(m.at)]!);
        break;
      case 'swap': {
        const [a, b] = [i(m.a), i(m.b)];
        [lines[a], lines[b]] = [lines[b]!, lines[a]!];
        break;
      }
      case 'flip': {
        const l = lines[i(m.at)]!;
        const p = l.length === 0 ? 0 : m.pos % l.length;
        lines[i(m.at)] = l.slice(0, p) + m.ch + l.slice(p + 1);
        break;
      }
      case 'insert-word': {
        const l = lines[i(m.at)]!;
        const p = m.pos % (l.length + 1);
        lines[i(m.at)] = `${l.slice(0, p)}${m.word}${l.slice(p)}`;
        break;
      }
      case 'insert-line':
        lines.splice(m.at % (lines.length + 1), 0, m.line);
        break;
    }
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// (a) The scenario parser and runner.

const SCENARIOS = [
  ...readdirSync(join(ROOT, 'content/scenarios'))
    .filter((f) => f.endsWith('.tcp'))
    .map((f) => readFileSync(join(ROOT, 'content/scenarios', f), 'utf8')),
  readFileSync(join(GOOD, 'scenarios/handshake.tcp'), 'utf8'),
];

/** parseScript returns lines or throws ScriptError with a line of the script and a short message; whatever parses runs without throwing. */
function checkScript(text: string): void {
  let lines: Line[];
  try {
    lines = timed('parseScript', () => parseScript(text));
  } catch (e) {
    expect(e, String(e)).toBeInstanceOf(ScriptError);
    const err = e as ScriptError;
    expect(err.line).toBeGreaterThanOrEqual(1);
    expect(err.line).toBeLessThanOrEqual(text.split(/\r?\n/).length);
    expect(err.message.length).toBeGreaterThan(0);
    // A clear error is a short one, whatever the line held.
    expect(err.message.length, err.message.slice(0, 200)).toBeLessThan(400);
    return;
  }
  const r = timed('runScript', () => runScript(lines));
  expect(['ok', 'expect-failed', 'script-error']).toContain(r.outcome.kind);
}

describe('fuzz: the scenario parser', () => {
  it('random strings parse or throw ScriptError', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 300 }),
          fc.string({ unit: 'grapheme', maxLength: 100 }),
          fc.array(junkArb, { maxLength: 30 }).map((w) => w.join(' ')),
          fc.array(fc.array(junkArb, { maxLength: 5 }).map((w) => w.join(' ')), { maxLength: 10 }).map((l) => l.join('\n')),
        ),
        checkScript,
      ),
      { ...params, numRuns: RUNS * 2 },
    );
  });

  it('mutations of the real scenario files parse or throw ScriptError, and what parses runs', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SCENARIOS), fc.array(textMutationArb, { minLength: 1, maxLength: 6 }), (source, muts) => checkScript(mutateText(source, muts))),
      { ...params, numRuns: RUNS * 2 },
    );
  });

  it('huge numbers in every numeric position are rejected with a short message or run quickly', () => {
    const lines = [
      'set client.isn N',
      'set seed N',
      'set backlog N',
      'set msl Nms',
      'set rto Nm',
      'client send N',
      'deliver c>s N',
      'flood N',
      'wait Nms',
      'wait Nm',
      'inject c>s SYN seq=N ack=N len=N',
    ];
    for (const line of lines) {
      for (const n of ['0', '1', '65535', '65536', '100000', '100001', '999999999', '1000000000', '1000000001', '4294967295', '4294967296', '9'.repeat(400)]) {
        checkScript(`server listen\nclient connect\n${line.replace(/N/g, n)}\ndeliver all\nwait 2msl\ndeliver all\n`);
      }
    }
  });

  it('a line of a megabyte is rejected with a message of a few hundred characters at most', () => {
    for (const line of ['x'.repeat(1 << 20), `flood ${'9'.repeat(1 << 20)}`, `wait ${'9'.repeat(1 << 20)}ms`, `client ${'y'.repeat(1 << 20)}`, `inject c>s ${'SYN,'.repeat(1 << 18)}`]) {
      expect(() => checkScript(`server listen\n${line}\n`)).not.toThrow();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// (b) The pack loader on mutated copies of the good fixture pack.

const PACK_FILES = ['pack.yaml', 'questions/basics.yaml', 'labs/handshake.yaml', 'lessons/basics-intro.en.md', 'lessons/basics-intro.zh.md', 'scenarios/handshake.tcp', 'figures/tiny.txt'];
const YAML_FILES = PACK_FILES.filter((f) => f.endsWith('.yaml'));

/** Values to put anywhere in a YAML file. */
const yamlValueArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    null,
    -1,
    0,
    1.5,
    1e308,
    Number.MAX_SAFE_INTEGER + 2,
    '',
    ' ',
    'a/b',
    '../../etc/passwd',
    '..\\..\\windows',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    '\x1b]0;title\x07',
    'x'.repeat(20_001),
    [],
    {},
    { __proto__: null, constructor: 1 },
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  // Deeper than the loader's limit of 32 levels.
  fc.integer({ min: 30, max: 40 }).map((n) => {
    let v: unknown = 'bottom';
    for (let i = 0; i < n; i++) v = i % 2 ? [v] : { k: v };
    return v;
  }),
);

type PackMutation =
  | { op: 'text'; file: string; muts: TextMutation[] }
  | { op: 'bytes'; file: string; flips: Array<{ pos: number; byte: number }> }
  | { op: 'truncate'; file: string; at: number }
  | { op: 'set'; file: string; pick: number; value: unknown }
  | { op: 'delete-key'; file: string; pick: number }
  | { op: 'remove'; file: string }
  | { op: 'add'; file: string; text: string };

const packMutationArb: fc.Arbitrary<PackMutation> = fc.oneof(
  fc.record({ op: fc.constant('text' as const), file: fc.constantFrom(...PACK_FILES), muts: fc.array(textMutationArb, { minLength: 1, maxLength: 4 }) }),
  fc.record({
    op: fc.constant('bytes' as const),
    file: fc.constantFrom(...PACK_FILES),
    flips: fc.array(fc.record({ pos: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 5 }),
  }),
  fc.record({ op: fc.constant('truncate' as const), file: fc.constantFrom(...PACK_FILES), at: fc.nat() }),
  { arbitrary: fc.record({ op: fc.constant('set' as const), file: fc.constantFrom(...YAML_FILES), pick: fc.nat(), value: yamlValueArb }), weight: 3 },
  fc.record({ op: fc.constant('delete-key' as const), file: fc.constantFrom(...YAML_FILES), pick: fc.nat() }),
  fc.record({ op: fc.constant('remove' as const), file: fc.constantFrom(...PACK_FILES) }),
  fc.record({
    op: fc.constant('add' as const),
    file: fc.constantFrom('questions/extra.yaml', 'labs/extra.yaml', 'lessons/extra.en.md', 'lessons/basics-intro.fr.md', 'scenarios/extra.tcp', 'figures/constructor.txt', 'figures/__proto__.txt'),
    text: fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.array(junkArb, { maxLength: 20 }).map((w) => w.join(' '))),
  }),
);

/** Every path to a node of a parsed YAML value, maps and lists alike. */
function yamlPaths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => yamlPaths(v, [...prefix, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) yamlPaths(v, [...prefix, k], out);
  return out;
}

function applyPackMutation(dir: string, m: PackMutation): void {
  const path = join(dir, m.file);
  let bytes: Buffer | null = null;
  try {
    bytes = readFileSync(path);
  } catch {
    // removed by an earlier mutation
  }
  switch (m.op) {
    case 'text':
      if (bytes) writeFileSync(path, mutateText(bytes.toString('utf8'), m.muts));
      break;
    case 'bytes':
      if (bytes && bytes.length > 0) {
        for (const f of m.flips) bytes[f.pos % bytes.length] = f.byte;
        writeFileSync(path, bytes);
      }
      break;
    case 'truncate':
      if (bytes) writeFileSync(path, bytes.subarray(0, m.at % (bytes.length + 1)));
      break;
    case 'set':
    case 'delete-key': {
      if (!bytes) break;
      const doc = parseDocument(bytes.toString('utf8'));
      if (doc.errors.length > 0) break;
      const paths = yamlPaths(doc.toJS());
      const at = paths[m.pick % paths.length]!;
      if (m.op === 'set') {
        if (at.length === 0) doc.contents = doc.createNode(m.value) as typeof doc.contents;
        else doc.setIn(at, doc.createNode(m.value));
      } else if (at.length > 0) doc.deleteIn(at);
      writeFileSync(path, doc.toString({ lineWidth: 0 }));
      break;
    }
    case 'remove':
      rmSync(path, { force: true });
      break;
    case 'add':
      writeFileSync(path, m.text);
      break;
  }
}

/** A problem an author can act on: file and path are strings, the message is one short line. */
function checkProblem(p: Problem, dir: string): void {
  expect(typeof p.file).toBe('string');
  expect(typeof p.path).toBe('string');
  expect(p.file.startsWith(dir), p.file).toBe(true);
  expect(p.message.length).toBeGreaterThan(0);
  const line = formatProblem(p);
  expect(line.length, line.slice(0, 300)).toBeLessThan(600);
}

describe('fuzz: the pack loader', () => {
  const base = tempDir('packs');
  let n = 0;

  it('mutated copies of the good pack give problems or a pack, never an exception', () => {
    fc.assert(
      fc.property(fc.array(packMutationArb, { minLength: 1, maxLength: 4 }), (muts) => {
        const dir = join(base, String(n++));
        cpSync(GOOD, dir, { recursive: true });
        for (const m of muts) applyPackMutation(dir, m);
        const { pack, problems } = timed('compilePack', () => compilePack(dir));
        for (const p of problems) checkProblem(p, dir);
        if (problems.length === 0) {
          expect(pack).not.toBeNull();
          // What the reader will draw: every lesson of a pack that validates lays out.
          for (const l of pack!.lessons) for (const lang of ['en', 'zh'] as const) expect(() => renderMarkdown(l.body[lang], 80, pack!.figures)).not.toThrow();
        }
        rmSync(dir, { recursive: true, force: true });
      }),
      {
        ...params,
        examples: [
          // Found by this property (FC_SEED=3): !!binary made a Buffer, and zod listed its methods as unknown fields.
          [[{ op: 'add', file: 'labs/extra.yaml', text: '!!binary' }, { op: 'truncate', file: 'pack.yaml', at: 0 }]],
          [[{ op: 'add', file: 'questions/extra.yaml', text: '- !!set {a, b}\n- !!omap [a: 1]\n- !!timestamp 2001-12-14\n- id: !!binary aGk=' }]],
        ],
      },
    );
  });

  it('random bytes as every file of a pack give problems, never an exception', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 400 }), { minLength: PACK_FILES.length, maxLength: PACK_FILES.length }), (contents) => {
        const dir = join(base, String(n++));
        for (const [i, f] of PACK_FILES.entries()) {
          mkdirSync(join(dir, f, '..'), { recursive: true });
          writeFileSync(join(dir, f), contents[i]!);
        }
        const { problems } = timed('compilePack', () => compilePack(dir));
        expect(problems.length).toBeGreaterThan(0);
        for (const p of problems) checkProblem(p, dir);
        rmSync(dir, { recursive: true, force: true });
      }),
      { ...params, numRuns: Math.ceil(RUNS / 3) },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// (c) The progress-file reader.

const NOW = new Date('2026-03-01T10:00:00.000Z');
const STAMP = '2026-03-01T10-00-00-000Z';

/** A progress file with something in every part the trainer writes. */
function richProgress(): Progress {
  const p = emptyProgress();
  p.cards['tcp-core/handshake-ack-of-syn'] = {
    due: 1_700_086_400_000,
    stability: 2.5,
    difficulty: 5.1,
    elapsedDays: 0,
    scheduledDays: 1,
    learningSteps: 0,
    reps: 1,
    lapses: 0,
    state: 2,
    lastReview: 1_700_000_000_000,
  };
  p.reviews.push({ q: 'tcp-core/handshake-ack-of-syn', at: 1_700_000_000_000, rating: 3, correct: true }, { q: 'tcp-core/fin-wait-2', at: 1_700_000_100_000, rating: 1 });
  p.lessons['tcp-core/handshake'] = { readAt: 1_699_999_000_000 };
  p.last = { kind: 'lesson', topic: 'tcp-core/handshake', lesson: 'tcp-core/handshake', at: 1_699_999_000_000 };
  p.settings = { newPerDay: 30, topics: ['tcp-core/handshake'] };
  p.priority.push('tcp-core/fin-wait-2');
  p.labs = { 'tcp-core/handshake': { best: 0.75, attempts: 2, lastAt: 1_700_000_200_000, last: 0.5 } };
  expect(classify(p).kind).toBe('ok');
  return p;
}

/** Values to put anywhere in a progress file. */
const jsonJunkArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, -1, 0, 0.5, 2, 1e308, -1e308, '', '1', '__proto__', [], {}, true, { version: 1 }, { version: 2 }),
);

type JsonMutation = { op: 'set'; pick: number; value: unknown } | { op: 'delete'; pick: number } | { op: 'add'; pick: number; key: string; value: unknown };

const jsonMutationArb: fc.Arbitrary<JsonMutation> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('set' as const), pick: fc.nat(), value: jsonJunkArb }), weight: 3 },
  fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('add' as const), pick: fc.nat(), key: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor', 'version')), value: jsonJunkArb }),
);

function mutateJson(doc: unknown, muts: readonly JsonMutation[]): unknown {
  let root: unknown = structuredClone(doc);
  for (const m of muts) {
    const paths = yamlPaths(root);
    const at = paths[m.pick % paths.length]!;
    if (at.length === 0) {
      if (m.op === 'set') root = structuredClone(m.value);
      continue;
    }
    let parent = root as Record<string | number, unknown>;
    for (const k of at.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
    const last = at[at.length - 1]!;
    if (m.op === 'set') parent[last] = structuredClone(m.value);
    else if (m.op === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
    } else {
      const target = parent[last];
      if (target && typeof target === 'object' && !Array.isArray(target)) Object.defineProperty(target, m.key, { value: structuredClone(m.value), enumerable: true, writable: true, configurable: true });
    }
  }
  return root;
}

type ByteMutation = { op: 'flip'; flips: Array<{ pos: number; byte: number }> } | { op: 'truncate'; at: number } | { op: 'splice'; at: number; text: string };

const byteMutationArb: fc.Arbitrary<ByteMutation> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), flips: fc.array(fc.record({ pos: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 4 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('splice' as const), at: fc.nat(), text: fc.oneof(junkArb, fc.constantFrom('{', '}', ',', '"', '[', ']', 'null', ':', '\\u0000', '\\ud800')) }),
);

function mutateBytes(bytes: Buffer, m: ByteMutation): Buffer {
  const b = Buffer.from(bytes);
  switch (m.op) {
    case 'flip':
      for (const f of m.flips) if (b.length > 0) b[f.pos % b.length] = f.byte;
      return b;
    case 'truncate':
      return b.subarray(0, m.at % (b.length + 1));
    case 'splice': {
      const at = m.at % (b.length + 1);
      return Buffer.concat([b.subarray(0, at), Buffer.from(m.text), b.subarray(at)]);
    }
  }
}

/** What the store should make of these bytes, decided independently of it. */
function expected(bytes: Buffer): ReturnType<typeof classify> | { kind: 'not-json' } {
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8'));
  } catch {
    return { kind: 'not-json' };
  }
  return classify(data);
}

/**
 * Opens a store on `bytes` and checks it: a good file loads as it is, a bad one is moved aside
 * byte for byte, a newer one is left alone; then an answer is saved (or kept in memory).
 */
function checkStore(bytes: Buffer): void {
  const dir = tempDir('store');
  const file = join(dir, FILE_NAME);
  writeFileSync(file, bytes);
  const want = expected(bytes);
  const { store, notices, unsaved } = timed('ProgressStore.open', () => ProgressStore.open({ dir, now: () => NOW }));
  switch (want.kind) {
    case 'ok':
      expect(notices).toEqual([]);
      expect(unsaved).toBeNull();
      expect(store.read()).toEqual(want.progress);
      expect(readFileSync(file).equals(bytes)).toBe(true);
      break;
    case 'newer':
      expect(unsaved?.kind).toBe('newer');
      expect(store.mode).toBe('memory');
      expect(readFileSync(file).equals(bytes)).toBe(true);
      break;
    default: {
      expect(notices).toHaveLength(1);
      expect(notices[0]).not.toContain('\n');
      expect(unsaved).toBeNull();
      expect(readFileSync(join(dir, `progress.corrupt-${STAMP}.json`)).equals(bytes)).toBe(true);
      expect(store.read()).toEqual(emptyProgress());
    }
  }
  expect(timed('ProgressStore.update', () => store.update((p) => void p.priority.push('fuzz/answer')))).toBeNull();
  expect(store.read().priority).toContain('fuzz/answer');
  if (store.mode === 'disk') {
    const again = classify(JSON.parse(readFileSync(file, 'utf8')));
    expect(again.kind).toBe('ok');
    expect((again as { progress: Progress }).progress.priority).toContain('fuzz/answer');
  }
  rmSync(dir, { recursive: true, force: true });
}

describe('fuzz: the progress-file reader', () => {
  it('classify never throws on any JSON value, and says ok, newer or invalid', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything({ maxDepth: 4 })), (v) => {
        const c = timed('classify', () => classify(v));
        expect(['ok', 'newer', 'invalid']).toContain(c.kind);
      }),
      { ...params, numRuns: RUNS * 3 },
    );
  });

  it('classify on mutations of a valid progress file never throws, and what it accepts is valid progress', () => {
    const rich = richProgress();
    fc.assert(
      fc.property(fc.array(jsonMutationArb, { minLength: 1, maxLength: 5 }), (muts) => {
        const doc = mutateJson(rich, muts);
        const c = timed('classify', () => classify(JSON.parse(JSON.stringify(doc))));
        expect(['ok', 'newer', 'invalid']).toContain(c.kind);
        if (c.kind === 'invalid') expect(c.reason.length).toBeGreaterThan(0);
      }),
      { ...params, numRuns: RUNS * 3 },
    );
  });

  it('the store on random JSON, mutated progress and mutated bytes: loads, moves aside or leaves alone, and saves the next answer', () => {
    const valid = Buffer.from(`${JSON.stringify(richProgress(), null, '\t')}\n`);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue({ maxDepth: 3 }).map((v) => Buffer.from(JSON.stringify(v) ?? 'null')),
          fc.array(jsonMutationArb, { minLength: 1, maxLength: 4 }).map((muts) => Buffer.from(JSON.stringify(mutateJson(richProgress(), muts)))),
          byteMutationArb.map((m) => mutateBytes(valid, m)),
          fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a)),
        ),
        checkStore,
      ),
      { ...params, numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it('a valid file loads unchanged', () => {
    checkStore(Buffer.from(`${JSON.stringify(richProgress(), null, '\t')}\n`));
  });

  it('a file nested thousands of levels deep is moved aside, and the session reads and saves (it used to overflow the stack)', () => {
    const valid = JSON.stringify(richProgress());
    for (const n of [65, 5_000, 100_000]) {
      const deep = `${'['.repeat(n)}${']'.repeat(n)}`;
      // In a field the trainer does not know (kept as it is), and in one it does.
      for (const bytes of [`${valid.slice(0, -1)},"fromTheFuture":${deep}}`, valid.replace('"priority":[', `"priority":[${deep},`)]) {
        const c = classify(JSON.parse(bytes));
        expect(c).toEqual({ kind: 'invalid', reason: 'nested more than 64 levels deep' });
        checkStore(Buffer.from(bytes));
      }
    }
    // 64 levels is still progress (the trainer itself writes four or five).
    const ok = `${valid.slice(0, -1)},"fromTheFuture":${'['.repeat(63)}${']'.repeat(63)}}`;
    expect(classify(JSON.parse(ok)).kind).toBe('ok');
    checkStore(Buffer.from(ok));
  });

  it('keys that name Object.prototype members are data, not a way in', () => {
    const valid = JSON.stringify(richProgress());
    for (const extra of ['"__proto__":{"version":2}', '"constructor":{"prototype":{"x":1}}', '"cards":{"__proto__":{"due":1}}', '"lessons":{"toString":{"readAt":1}}']) {
      checkStore(Buffer.from(`${valid.slice(0, -1)},${extra}}`));
      expect(({} as Record<string, unknown>)['x']).toBeUndefined();
    }
  });
});
