// Hostile content packs. test/fixtures/packs/hostile-escapes puts terminal
// control sequences (CSI, OSC 0/8/52, 8-bit C1, DCS, BEL, backspace, DEL, CR,
// NUL, tab, an unterminated OSC) in every text a learner reads: it is valid
// (the text is legal data), and nothing of it may reach the terminal raw. Other
// packs, built in temp directories, are too big, too deep, too many, or name
// paths: each is rejected with a clear `FILE: path: message`, fast. And a pack
// of 3,000 questions loads and the app stays responsive.
//
// How frames are checked: this file sets FORCE_COLOR=0 before Ink loads, so Ink
// itself writes no SGR colour codes (the first test checks that the good
// fixture's frames carry no ESC at all). Any control character but newline in a
// frame therefore came from the pack. A filter that let Ink's SGR through would
// also let a pack's SGR through.

import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { tempDirs } from '../support/node-module.js';

vi.hoisted(() => {
  process.env['FORCE_COLOR'] = '0';
});

import { compilePack } from '../../src/content/compile.js';
import { loadCatalog, type LoadedPack } from '../../src/content/catalog.js';
import { formatProblem } from '../../src/content/load.js';
import type { CompiledPack } from '../../src/content/validate.js';
import { ProgressStore } from '../../src/store/progress-store.js';
import { renderMarkdown } from '../../src/ui/markdown.js';
import { run } from '../cli/run.js';
import { KEYS, renderApp } from '../ui/render-app.js';

const HOSTILE = fileURLToPath(new URL('../fixtures/packs/hostile-escapes', import.meta.url));
const GOOD = fileURLToPath(new URL('../fixtures/packs/good', import.meta.url));

/** C0 controls but newline, DEL, and C1 controls: none may reach the screen. */
const CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f]/;
/** In plain CLI text a tab is harmless layout (stripControl keeps it); everything else is banned. */
const CLI_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

function firstControl(text: string, re = CONTROL): string | null {
  const m = re.exec(text);
  if (!m) return null;
  return `U+${m[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${m.index}: ${JSON.stringify(text.slice(Math.max(0, m.index - 40), m.index + 20))}`;
}

const scratch = tempDirs('tcp-trainer-hostile');
const tempDir = (part = 'pack'): string => scratch(part);

function loaded(dir: string): LoadedPack {
  const { pack, problems } = compilePack(dir);
  expect(problems.map(formatProblem)).toEqual([]);
  return { pack: pack!, dir };
}

type App = ReturnType<typeof renderApp>;

/** Everything the app drew so far. */
const drawn = (app: App): string => app.frames.join('\n');

/** Waits until the last frame satisfies `ok`. */
async function until(app: App, ok: (frame: string) => boolean, what: string): Promise<void> {
  await vi.waitFor(
    () => {
      if (!ok(app.lastFrame() ?? '')) throw new Error(`waiting for ${what}; the frame was:\n${app.lastFrame()}`);
    },
    { timeout: 5000 },
  );
  await new Promise((r) => setTimeout(r, 0));
}

// ---------------------------------------------------------------------------------------------

describe('a pack with control sequences in every text field', () => {
  it('validates: the sequences are legal data, and every text field of the compiled pack carries them', () => {
    const { pack, problems } = compilePack(HOSTILE);
    expect(problems.map(formatProblem)).toEqual([]);
    // Fields that are not prose: ids, enums, file names, numbers; and the script's own source.
    const NOT_TEXT = new Set(['id', 'topic', 'kind', 'scenario', 'host', 'ask', 'version', 'numbers', 'profile', 'name', 'state', 'sends', 'source']);
    const texts: string[] = [];
    const walk = (v: unknown, path: string[]): void => {
      if (typeof v === 'string') {
        texts.push(path.join('.'));
        // The first accepted answer is plain, so that a learner can type it.
        if (/accept\.0$/.test(path.join('.'))) return;
        expect(v, path.join('.')).toMatch(/[\x1b\x9b-\x9d]/);
      } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, String(i)]));
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          // `source` is prose on a question (its reference) and the script on a scenario.
          if (NOT_TEXT.has(k) && !(k === 'source' && path.includes('questions'))) continue;
          walk(x, [...path, k]);
        }
      }
    };
    walk(pack, []);
    // Pack and topic titles, the lesson's title and body, the figure, 8 questions, the lab, the scenario's titles.
    expect(texts.length).toBeGreaterThan(90);
    for (const field of ['manifest.title.en', 'manifest.topics.0.title.zh', 'lessons.0.title.en', 'lessons.0.body.zh', 'figures.hostile', 'scenarios.0.title.en', 'labs.0.outro.zh', 'labs.0.predictions.0.explain.en']) {
      expect(texts).toContain(field);
    }
    for (const kind of ['single', 'multi', 'truefalse', 'order', 'numeric', 'fill', 'predict', 'open']) expect(pack!.questions.map((q) => q.kind)).toContain(kind);
  });

  it('Ink draws no escape of its own here: the good fixture pack renders without any control character', async () => {
    const app = renderApp({ packs: [loaded(GOOD)] });
    await app.waitFor('❯ Learn');
    await app.press(KEYS.enter);
    await app.waitFor('A first look');
    expect(firstControl(drawn(app))).toBeNull();
    app.unmount();
  });

  for (const lang of ['en', 'zh'] as const) {
    const L = lang.toUpperCase();

    it(`${lang}: Home, the lesson list and the lesson reader show the text and no control character`, async () => {
      const app = renderApp({ lang, packs: [loaded(HOSTILE)] });
      await app.waitFor('❯ ');
      await app.press(KEYS.enter);
      await app.waitFor(`LESSON-TITLE-${L}`);
      expect(app.lastFrame()).toContain(`TOPIC-TITLE-${L}`);
      await app.press(KEYS.down, KEYS.enter);
      await app.waitFor(`LESSON-H1-${L}`);
      await app.press(KEYS.end);
      await app.waitFor(`LESSON-LAST-${L}`);
      const all = drawn(app);
      for (const m of ['H1', 'PARA', 'BOLD', 'CODE', 'ITEM', 'SUBITEM', 'NUMBERED', 'FENCE', 'TABLE']) expect(all).toContain(`LESSON-${m}-${L}-tail`);
      expect(all).toContain('FIGURE-1-tail');
      expect(all).toContain('FIGURE-3-tail');
      expect(firstControl(all)).toBeNull();
      await app.press('q', 'q');
      await app.waitFor(lang === 'en' ? 'tcp-trainer · Home' : 'tcp-trainer · 首页');
      expect(firstControl(drawn(app))).toBeNull();
      app.unmount();
    });

    it(`${lang}: Practice shows each of the 8 kinds of question and its feedback with no control character`, async () => {
      const app = renderApp({ lang, packs: [loaded(HOSTILE)], route: [{ name: 'home' }, { name: 'practice' }] });
      const seen = new Set<string>();
      for (let card = 0; card < 8; card++) {
        await until(app, (f) => /Q-([A-Z]+)-PROMPT-/.test(f), `card ${card + 1}`);
        const kind = /Q-([A-Z]+)-PROMPT-/.exec(app.lastFrame()!)![1]!;
        expect(seen.has(kind), `card ${card + 1} is ${kind} again`).toBe(false);
        seen.add(kind);
        const keys: Record<string, string[]> = {
          SINGLE: ['1', KEYS.enter],
          MULTI: ['1', KEYS.enter],
          TRUEFALSE: ['t', KEYS.enter],
          ORDER: [KEYS.enter],
          NUMERIC: ['7', KEYS.enter],
          FILL: ['x', KEYS.enter],
          PREDICT: [KEYS.enter, KEYS.enter],
          OPEN: ['s', '3'],
        };
        await app.press(...keys[kind]!);
        // The feedback ends with the explanation (the model answer and follow-ups for an open question) and the source.
        await until(app, (f) => f.includes(kind === 'OPEN' ? `Q-OPEN-ANSWER-${L}` : `Q-${kind}-EXPLANATION-${L}`), `the feedback of ${kind}`);
        await app.press('G');
        await until(app, (f) => f.includes(`Q-${kind}-SOURCE-tail`), `the source of ${kind}`);
        await app.press(KEYS.enter);
        await until(app, (f) => !f.includes(`Q-${kind}-SOURCE-tail`), `the card after ${kind}`);
      }
      expect(seen.size).toBe(8);
      const all = drawn(app);
      for (const m of ['SINGLE-OPTION3', 'MULTI-OPTION2', 'ORDER-ITEM3', 'NUMERIC-UNIT', 'OPEN-POINT2', 'OPEN-FOLLOWUP-PROMPT', 'OPEN-FOLLOWUP-ANSWER', 'OPEN-FOLLOWUP-POINT1']) {
        expect(all).toContain(`Q-${m}-${L}-tail`);
      }
      expect(firstControl(all)).toBeNull();
      app.unmount();
    });

    it(`${lang}: the lab list and the lab intro show the text and no control character`, async () => {
      const app = renderApp({ lang, packs: [loaded(HOSTILE)], route: [{ name: 'home' }, { name: 'labs' }] });
      await app.waitFor(`LAB-TITLE-${L}`);
      await app.press(KEYS.down, KEYS.enter);
      await app.waitFor(`LAB-INTRO-${L}-tail`);
      expect(firstControl(drawn(app))).toBeNull();
      app.unmount();
    });
  }

  it('en: a whole lab (predictions, the ladder, explanations, the summary) shows no control character', async () => {
    const app = renderApp({ packs: [loaded(HOSTILE)], route: [{ name: 'home' }, { name: 'labs' }, { name: 'lab', id: 'hostile-escapes/hostile-lab' }] });
    await app.waitFor('Enter start');
    await app.press(KEYS.enter);
    await app.waitFor('Enter runs line 8: client connect');
    await app.press(KEYS.enter);
    await app.waitFor('Prediction 1 of 2');
    expect(app.lastFrame()).toContain('LAB-PROMPT1-EN-tail');
    await app.press(KEYS.enter, KEYS.enter);
    await app.waitFor('Core:');
    expect(app.lastFrame()).toContain('LAB-EXPLAIN1-EN-tail');
    await app.press(KEYS.enter);
    await app.waitFor('Prediction 2 of 2');
    await app.press(KEYS.enter);
    await app.waitFor('Core:');
    for (let i = 0; i < 10 && !app.lastFrame()!.includes('LAB-OUTRO-EN'); i++) {
      const before = app.lastFrame();
      await app.press(KEYS.enter);
      await until(app, (f) => f !== before, 'the next step');
    }
    await app.waitFor('LAB-OUTRO-EN-tail');
    expect(firstControl(drawn(app))).toBeNull();
    app.unmount();
  });

  it('the exam and its report show no control character', async () => {
    const app = renderApp({ packs: [loaded(HOSTILE)], route: [{ name: 'home' }, { name: 'exam', start: true, count: 7, seed: 1 }] });
    await app.waitFor('Question 1 of 7');
    for (let i = 1; i <= 7; i++) {
      await app.waitFor(`Question ${i} of 7`);
      await app.press('\t');
    }
    await app.press('\u0013'); // Ctrl+S
    await app.waitFor('not answered');
    await app.press('y');
    await app.waitFor('Exam · Report');
    await app.press(KEYS.enter);
    await until(app, (f) => /Q-[A-Z]+-PROMPT-EN/.test(f), 'a reviewed question');
    expect(firstControl(drawn(app))).toBeNull();
    app.unmount();
  });

  it('the interview drill shows the open question, its key points and follow-ups with no control character', async () => {
    const app = renderApp({ packs: [loaded(HOSTILE)], route: [{ name: 'home' }, { name: 'interview', start: true, count: 1, seed: 1 }] });
    await app.waitFor('Q-OPEN-PROMPT-EN-tail');
    await app.press('an answer', '\u0004'); // Ctrl+D submits
    await app.waitFor('Q-OPEN-POINT2-EN-tail');
    expect(firstControl(drawn(app))).toBeNull();
    app.unmount();
  });

  it('the built CLI: validate, list, list --json, lab and exam --print write no raw control character', () => {
    const outputs = [
      run(['validate', HOSTILE]),
      run(['--pack', HOSTILE, 'list']),
      run(['--pack', HOSTILE, '--lang', 'zh', 'list']),
      run(['--pack', HOSTILE, 'list', '--json']),
      run(['--pack', HOSTILE, 'lab']),
      run(['--pack', HOSTILE, 'exam', '--print', '--seed', '1', '--topics', 'hostile-escapes/basics']),
    ];
    for (const r of outputs) {
      expect(r.status, r.stderr).toBe(0);
      expect(firstControl(r.stdout, CLI_CONTROL)).toBeNull();
      expect(firstControl(r.stderr, CLI_CONTROL)).toBeNull();
    }
    expect(outputs[1]!.stdout).toContain('PACK-TITLE-EN');
    expect(outputs[2]!.stdout).toContain('TOPIC-TITLE-ZH');
    // The JSON keeps the data: the escapes are escaped, C1 and DEL included, and parse back to the same text.
    const json = JSON.parse(outputs[3]!.stdout) as Array<{ id: string; title: { en: string } }>;
    const { pack } = compilePack(HOSTILE);
    expect(json.find((p) => p.id === 'hostile-escapes')!.title.en).toBe(pack!.manifest.title.en);
    // A bad pack's problems too: a YAML key full of escapes is named without them.
    const dir = tempDir();
    cpSync(GOOD, dir, { recursive: true });
    writeFileSync(join(dir, 'pack.yaml'), 'id: bad\nversion: 1.0.0\n"\\e]0;pwned\\a\\e[2J\\x9b31m": 1\ntitle: { en: "\\e[31mx", zh: "y" }\ntopics: [{ id: basics, title: { en: a, zh: b } }]\n');
    const bad = run(['validate', dir]);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain(`${dir}/pack.yaml: : unknown field`.replace(': : ', ': '));
    expect(firstControl(bad.stdout, CLI_CONTROL)).toBeNull();
    const used = run(['--pack', dir, 'list']);
    expect(used.status).toBe(1);
    expect(firstControl(used.stderr, CLI_CONTROL)).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// Packs too big, too deep, too many, or naming paths.

/** A copy of the good pack with `files` written over it. */
function packWith(files: Record<string, string | Buffer>): string {
  const dir = tempDir();
  cpSync(GOOD, dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/**
 * The problems of a pack as printed, with the directory cut off; each one a short line; and the
 * time taken. With `viaPack`, --pack too refuses it in one line (a second load: slow packs skip it).
 */
async function problemsOf(dir: string, viaPack = true): Promise<{ lines: string[]; ms: number }> {
  const t0 = performance.now();
  const { problems } = compilePack(dir);
  const ms = performance.now() - t0;
  const lines = problems.map(formatProblem);
  for (const l of lines) {
    expect(l.startsWith(`${dir}/`), l).toBe(true);
    expect(l.length, l.slice(0, 200)).toBeLessThan(400);
    expect(l).not.toContain('\n');
  }
  if (viaPack) await expect(loadCatalog([dir])).rejects.toThrow(/^pack .* is not valid: [^\n]*$/);
  return { lines: lines.map((l) => l.slice(dir.length + 1)), ms };
}

const question = (id: string, prompt = 'A prompt?', extra = '') =>
  `- id: ${id}\n  topic: basics\n  kind: truefalse\n  difficulty: 1\n  source: RFC 9293\n  answer: true${extra}\n  en: { prompt: ${JSON.stringify(prompt)}, explanation: "Yes." }\n  zh: { prompt: "问?", explanation: "是。" }\n`;

const MB = 1 << 20;

/** Keys that answer a practice card (rightly or not), by the line that names its kind. */
const ANSWER: Record<string, string[]> = {
  'Choose one': ['2', KEYS.enter],
  'Choose all that apply': [' ', KEYS.enter],
  'True or false': ['t', KEYS.enter],
  'Put in order': [KEYS.enter],
  'Type a number': ['1', KEYS.enter],
  'Type the answer': ['x', KEYS.enter],
  'Predict the next step': [KEYS.enter, KEYS.enter],
  'Interview question': ['s', '3'],
};
const timings: string[] = [];
afterAll(() => console.log(`hostile packs: ${timings.join(', ')}`));

describe('packs too big, too deep, too many, or naming paths', () => {
  it('megabyte strings: every one rejected with FILE: path: message, in well under a second', async () => {
    const cases: Array<[string, Record<string, string>, RegExp]> = [
      ['a 1 MB question prompt', { 'questions/big.yaml': question('big-one', 'x'.repeat(MB)) }, /^questions\/big\.yaml: big-one\.en\.prompt: is longer than 20,000 characters \(line 7\)$/],
      ['a 1 MB pack title', { 'pack.yaml': `id: fixture-pack\nversion: 0.1.0\ntitle: { en: "${'t'.repeat(MB)}", zh: "z" }\ntopics: [{ id: basics, title: { en: a, zh: b } }]\n` }, /^pack\.yaml: title\.en: is longer than 20,000 characters \(line 3\)$/],
      ['a 1 MB lesson body', { 'lessons/basics-intro.en.md': `---\nid: basics-intro\ntopic: basics\norder: 1\ntitle: A\n---\n${'word '.repeat(MB / 5)}\n` }, /^lessons\/basics-intro\.en\.md: body: is longer than 60,000 characters$/],
      ['a 1 MB implicit YAML key', { 'labs/handshake.yaml': `${'k'.repeat(MB)}: 1\n` }, /^labs\/handshake\.yaml: line 1: YAML syntax: The : indicator must be at most 1024 chars after the start of an implicit block mapping key$/],
      ['a 1 MB explicit YAML key', { 'labs/handshake.yaml': `? ${'k'.repeat(MB)}\n: 1\n` }, /^labs\/handshake\.yaml: unknown field 'k{40}…' \(check the spelling against content\/AUTHORING\.md\) \(line 1\)$/],
      ['a 1 MB scenario line', { 'scenarios/big.tcp': `# title: a\n# title.zh: b\nserver ${'y'.repeat(MB)}\n` }, /^scenarios\/big\.tcp: line 3: server: unknown call 'y{40}…' \(/],
      ['a 1 MB number in a scenario', { 'scenarios/big.tcp': `# title: a\n# title.zh: b\nflood ${'9'.repeat(MB)}\n` }, /^scenarios\/big\.tcp: line 3: flood: 9{40}… is out of range \(1\.\.100000\)$/],
      ['a 1 MB figure line', { 'figures/wide.txt': 'w'.repeat(MB) }, /^figures\/wide\.txt: line 1: is 1048576 columns wide; figures fit in 76$/],
      ['a 3 MB file', { 'questions/huge.yaml': `# ${'h'.repeat(3 * MB)}\n` }, /^questions\/huge\.yaml: the file is 3072 KB; at most 2048 KB$/],
    ];
    for (const [name, files, want] of cases) {
      const { lines, ms } = await problemsOf(packWith(files));
      expect(lines.some((l) => want.test(l)), `${name}: ${lines.join('\n')}`).toBe(true);
      expect(ms, name).toBeLessThan(2000);
      timings.push(`${name} ${ms.toFixed(0)} ms`);
    }
  });

  it('deep nesting: 100 levels (block and flow), and 10,000 levels, are rejected with a line', async () => {
    let block = 'x';
    for (let i = 0; i < 100; i++) block = `- ${block.replace(/\n/g, '\n  ')}`;
    const flow = (n: number) => `${'['.repeat(n)}1${']'.repeat(n)}`;
    const cases: Array<[string, Record<string, string>, RegExp]> = [
      ['100 levels of block lists', { 'questions/deep.yaml': `${block}\n` }, /^questions\/deep\.yaml: nested more than 32 levels deep$/],
      ['100 levels of flow lists in pack.yaml', { 'pack.yaml': `id: fixture-pack\nversion: 0.1.0\ntitle: { en: a, zh: b }\ntopics: ${flow(100)}\n` }, /^pack\.yaml: nested more than 32 levels deep$/],
      ['100 levels of maps in a lab', { 'labs/handshake.yaml': `${'{a: '.repeat(100)}1${'}'.repeat(100)}\n` }, /^labs\/handshake\.yaml: nested more than 32 levels deep$/],
      ['10,000 levels (the YAML parser\'s stack overflows)', { 'questions/deep.yaml': flow(10_000) }, /^questions\/deep\.yaml: line 1: nested more than 32 levels deep$/],
      ['10,000 levels of maps in pack.yaml', { 'pack.yaml': `${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}` }, /^pack\.yaml: line 1: nested more than 32 levels deep$/],
    ];
    for (const [name, files, want] of cases) {
      const { lines, ms } = await problemsOf(packWith(files));
      expect(lines.some((l) => want.test(l)), `${name}: ${lines.join('\n')}`).toBe(true);
      expect(ms, name).toBeLessThan(2000);
      timings.push(`${name} ${ms.toFixed(0)} ms`);
    }
  });

  it('5,001 questions in one file are rejected; 2,001 question files are too', async () => {
    const many = Array.from({ length: 5001 }, (_, i) => question(`q-${i}`)).join('');
    let { lines, ms } = await problemsOf(packWith({ 'questions/many.yaml': many }), false);
    expect(lines).toContain('questions/many.yaml: : more than 5,000 questions in one file (line 1)'.replace(': : ', ': '));
    timings.push(`5,001 questions in one file ${ms.toFixed(0)} ms`);

    const files: Record<string, string> = {};
    for (let i = 0; i <= 2000; i++) files[`questions/f${String(i).padStart(4, '0')}.yaml`] = question(`f-${i}`);
    ({ lines, ms } = await problemsOf(packWith(files), false));
    expect(lines).toContain('questions: more than 2000 .yaml files; split the pack');
    timings.push(`2,001 question files ${ms.toFixed(0)} ms`);
  });

  it('ids with path separators and dots are rejected wherever an id is given', async () => {
    const ID = 'an id is 2-64 characters of a-z, 0-9 and -, starting with a letter or digit';
    for (const bad of ['a/b', '../etc', '..', 'a\\b', '/abs', 'x/../../y']) {
      const y = JSON.stringify(bad);
      const cases: Array<[Record<string, string>, string]> = [
        [{ 'questions/bad.yaml': question(y) }, `questions/bad.yaml: #1.id: ${ID} (line 1)`],
        [{ 'pack.yaml': `id: ${y}\nversion: 0.1.0\ntitle: { en: a, zh: b }\ntopics: [{ id: basics, title: { en: a, zh: b } }]\n` }, `pack.yaml: id: ${ID} (line 1)`],
        [{ 'pack.yaml': `id: fixture-pack\nversion: 0.1.0\ntitle: { en: a, zh: b }\ntopics: [{ id: ${y}, title: { en: a, zh: b } }]\n` }, `pack.yaml: topics.0.id: ${ID} (line 4)`],
        [{ 'lessons/basics-intro.en.md': `---\nid: ${y}\ntopic: basics\norder: 1\ntitle: A\n---\nText.\n` }, `lessons/basics-intro.en.md: front matter.id: ${ID}`],
        [{ 'labs/handshake.yaml': `id: ${y}\ntopic: basics\nscenario: handshake.tcp\ntitle: { en: a, zh: b }\nintro: { en: a, zh: b }\noutro: { en: a, zh: b }\npredictions: [{ step: 7, host: client, ask: state, prompt: { en: a, zh: b } }]\n` }, `labs/handshake.yaml: id: ${ID} (line 1)`],
        [{ 'questions/bad.yaml': question('q-bad').replace('kind: truefalse', 'kind: predict').replace('answer: true', `scenario: ${JSON.stringify(`${bad}.tcp`)}\n  step: 1\n  host: client\n  ask: state`) }, 'questions/bad.yaml: q-bad.scenario: a scenario file name in the pack, like 01-handshake.tcp (line 6)'],
      ];
      for (const [files, want] of cases) expect((await problemsOf(packWith(files))).lines, `${bad}: ${want}`).toContain(want);
    }
  });

  it('{{figure:NAME}} with an Object.prototype name is a missing figure, not a crash in the reader', () => {
    for (const name of ['constructor', 'tostring', 'hasownproperty', '__proto__']) {
      const dir = packWith({ 'lessons/basics-intro.en.md': `---\nid: basics-intro\ntopic: basics\norder: 1\ntitle: A\n---\nText.\n\n{{figure:${name}}}\n` });
      const { pack, problems } = compilePack(dir);
      if (/^[a-z0-9-]+$/.test(name)) expect(problems.map(formatProblem)).toEqual([`${dir}/lessons/basics-intro.en.md: body: {{figure:${name}}} but there is no figures/${name}.txt`]);
      // The reader never gets Object's own members as a figure, whatever got through.
      const figures = pack?.figures ?? {};
      expect(renderMarkdown(`{{figure:${name}}}\n{{figure:constructor}}\n{{figure:toString}}\n{{figure:__proto__}}`, 80, figures).map((l) => l.text)).toEqual([
        `[figure: ${name}]`,
        '',
        '[figure: constructor]',
        '',
        '[figure: toString]',
        '',
        '[figure: __proto__]',
      ]);
    }
  });

  it('a FIFO, a device behind a symlink, and a directory where a file belongs are named, not read (a FIFO used to hang the loader)', () => {
    const dir = packWith({});
    const fifo = spawnSync('mkfifo', [join(dir, 'questions/fifo.yaml')]);
    symlinkSync('/dev/zero', join(dir, 'lessons/zero.en.md'));
    mkdirSync(join(dir, 'labs/dir.yaml'));
    // In a child process: if the loader blocked on the FIFO, the test would time out instead of hanging vitest.
    const t0 = performance.now();
    const r = run(['validate', dir]);
    const ms = performance.now() - t0;
    timings.push(`FIFO + /dev/zero + directory (CLI) ${ms.toFixed(0)} ms`);
    expect(r.status).toBe(1);
    if (fifo.status === 0) expect(r.stdout).toContain(`${dir}/questions/fifo.yaml: is not a regular file`);
    expect(r.stdout).toContain(`${dir}/lessons/zero.en.md: is not a regular file`);
    expect(r.stdout).toContain(`${dir}/labs/dir.yaml: is not a regular file`);
    expect(ms).toBeLessThan(10_000);
  });
});

// ---------------------------------------------------------------------------------------------

describe('a pack of 3,000 valid questions', () => {
  it('loads, and Home and Practice answer keys quickly', async () => {
    const kinds = [
      (i: number) => question(`tf-${i}`, `Statement ${i}?`),
      (i: number) =>
        `- id: single-${i}\n  topic: basics\n  kind: single\n  difficulty: 2\n  source: RFC 9293\n  answer: 1\n  en: { prompt: "Choose ${i}", options: ["One", "Two", "Three"], explanation: "Two." }\n  zh: { prompt: "选 ${i}", options: ["一", "二", "三"], explanation: "二。" }\n`,
      (i: number) =>
        `- id: predict-${i}\n  topic: basics\n  kind: predict\n  difficulty: 2\n  source: RFC 9293\n  scenario: handshake.tcp\n  step: 8\n  host: server\n  ask: both\n  en: { prompt: "Predict ${i}", explanation: "SYN,ACK." }\n  zh: { prompt: "预测 ${i}", explanation: "SYN,ACK。" }\n`,
    ];
    const files: Record<string, string> = {};
    for (let f = 0; f < 3; f++) files[`questions/bulk-${f}.yaml`] = Array.from({ length: 1000 }, (_, i) => kinds[f]!(f * 1000 + i)).join('');
    const dir = packWith(files);

    let t0 = performance.now();
    const { pack, problems } = compilePack(dir);
    const compileMs = performance.now() - t0;
    expect(problems).toEqual([]);
    expect(pack!.questions.length).toBe(3008);

    const home = tempDir('ui');
    ProgressStore.open({ dir: home }).store.update((p) => {
      p.settings.newPerDay = 500;
    });
    t0 = performance.now();
    const app = renderApp({ dir: home, packs: [{ pack: pack as CompiledPack, dir }] });
    await app.waitFor('❯ Learn');
    const homeMs = performance.now() - t0;

    t0 = performance.now();
    await app.press(KEYS.down, KEYS.enter);
    await app.waitFor(/1\/500 · due 0 · new 500/);
    const practiceMs = performance.now() - t0;

    // A keypress answers: the first card is whatever the queue put first; answer it and time the feedback.
    const answers: number[] = [];
    for (let card = 0; card < 5; card++) {
      const frame = app.lastFrame()!;
      const kind = Object.keys(ANSWER).find((k) => frame.includes(k));
      expect(kind, frame).toBeDefined();
      t0 = performance.now();
      await app.press(...ANSWER[kind!]!);
      await app.waitFor(/✓ Right|✗ Wrong|◐ Partly|Rated/);
      answers.push(performance.now() - t0);
      await app.press(KEYS.enter);
      await app.waitFor(`${card + 2}/500 · `);
    }
    app.unmount();
    timings.push(
      `3,008 questions: compilePack ${compileMs.toFixed(0)} ms, Home ${homeMs.toFixed(0)} ms, Practice ${practiceMs.toFixed(0)} ms, answer→feedback ${answers.map((a) => a.toFixed(0)).join('/')} ms`,
    );
    expect(compileMs).toBeLessThan(10_000);
    expect(homeMs).toBeLessThan(5_000);
    expect(practiceMs).toBeLessThan(5_000);
    for (const a of answers) expect(a).toBeLessThan(1_000);
  });
});
