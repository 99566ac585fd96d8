// Which key points a typed answer seems to cover: a hint that pre-ticks the
// checklist, never a grade (the learner confirms or corrects every tick).
// Pure.
//
// A key point becomes a list of keywords: its content words, numbers and
// protocol terms (TIME-WAIT, 2MSL, SYN, ACK, RST, ISN), each widened to its
// synonyms in both languages (src/drill/synonyms.ts). Chinese has no spaces,
// so Chinese terms are found as substrings; Chinese words the table does not
// know are compared by their character pairs. A point is covered when the
// answer names at least half of its keywords (by weight: words every answer
// uses, and the flags SYN ACK FIN RST, count half), at least two of them, and
// 60% of those that are not such common words: a missed tick costs the learner
// a keypress, a wrong one may go unnoticed, so the matcher errs towards
// leaving a box empty. A point written in both
// languages is covered when either version is, so an answer in either
// language (or a mix) is read the same way.

import { GENERIC, STOP_WORDS, SYNONYMS, ZH_STOP_CHARS, ZH_STOP_WORDS } from './synonyms.js';

const CJK_CHAR = /[\u2E80-\u9FFF\uF900-\uFAFF\u3040-\u30FF]/u;
const CJK_RUN = /[\u2E80-\u9FFF\uF900-\uFAFF\u3040-\u30FF]+/gu;
const WORD = /[a-z0-9]+(?:\.[0-9]+)*/g;

interface Token {
  raw: string;
  stem: string;
}

type Form = { words: Token[] } | { cjk: string };

export interface Keyword {
  label: string;
  forms: Form[];
  /** How many of the forms the answer must contain (1, except for Chinese character pairs). */
  need: number;
  weight: number;
}

export interface PointMatch {
  hit: boolean;
  /** Labels of the keywords found, and of all the keywords, of the version that matched best. */
  found: string[];
  keywords: string[];
}

/** Case, width (NFKC: full-width letters and digits), and hyphens, underscores and slashes as spaces. */
export function normalize(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[-_/\u2010-\u2015\u2212]/g, ' ');
}

/** A light English stemmer: enough that plurals and tenses meet ("closes", "closed", "close"). */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let s = word;
  let cut = false;
  if (s.endsWith('ies') && s.length > 4) s = `${s.slice(0, -3)}y`;
  else if (s.endsWith('sses')) s = s.slice(0, -2);
  else if (s.endsWith('ing') && s.length > 5) [s, cut] = [s.slice(0, -3), true];
  else if (s.endsWith('ed') && s.length > 4) [s, cut] = [s.slice(0, -2), true];
  else if (s.endsWith('es') && s.length > 4) s = s.slice(0, -2);
  else if (s.endsWith('s') && !/(ss|us|is)$/.test(s)) s = s.slice(0, -1);
  // "dropped" -> "dropp" -> "drop"
  if (cut && /([b-df-hj-km-np-rtv-z])\1$/.test(s)) s = s.slice(0, -1);
  if (s.endsWith('e') && s.length > 3) s = s.slice(0, -1);
  return s;
}

/** Two stems name the same word: equal, or one a long enough beginning of the other ("retransmit", "retransmission"). */
export function sameStem(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (/^\d/.test(short)) return false;
  return (short.length >= 5 && long.startsWith(short)) || (short.length >= 7 && long.startsWith(short.slice(0, -1)));
}

function tokens(normalized: string): Token[] {
  const text = normalized.replace(/['’]s\b/g, '').replace(/['’]/g, '');
  return (text.match(WORD) ?? []).map((raw) => ({ raw, stem: stem(raw) }));
}

function toForm(text: string): Form {
  const n = normalize(text);
  return CJK_CHAR.test(n) ? { cjk: n.replace(/\s+/g, '') } : { words: tokens(n) };
}

interface Group {
  label: string;
  forms: Form[];
}

const GROUPS: Group[] = SYNONYMS.map((row) => ({ label: row[0]!, forms: row.map(toForm) }));

/** English forms longest first, so "old duplicate" wins over "duplicate". */
const WORD_FORMS = GROUPS.flatMap((g) => g.forms.flatMap((f) => ('words' in f && f.words.length > 0 ? [{ group: g, words: f.words }] : []))).sort(
  (a, b) => b.words.length - a.words.length,
);
const CJK_FORMS = GROUPS.flatMap((g) => g.forms.flatMap((f) => ('cjk' in f ? [{ group: g, text: f.cjk }] : []))).sort((a, b) => b.text.length - a.text.length);

function wordsAt(list: readonly Token[], at: number, words: readonly Token[]): boolean {
  if (at + words.length > list.length) return false;
  return words.every((w, j) => sameStem(list[at + j]!.stem, w.stem));
}

function groupKeyword(g: Group): Keyword {
  return { label: g.label, forms: g.forms, need: 1, weight: GENERIC.has(g.label) ? 0.5 : 1 };
}

function pairs(run: string): string[] {
  const chars = [...run];
  if (chars.length === 2) return [run];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** The keywords of one key point, in either language. */
export function keywordsOf(point: string): Keyword[] {
  const n = normalize(point);
  const out = new Map<string, Keyword>();
  const add = (k: Keyword): void => {
    if (!out.has(k.label)) out.set(k.label, k);
  };

  const list = tokens(n);
  for (let i = 0; i < list.length; ) {
    const known = WORD_FORMS.find((f) => wordsAt(list, i, f.words));
    if (known) {
      add(groupKeyword(known.group));
      i += known.words.length;
      continue;
    }
    const t = list[i]!;
    if (t.raw.length >= 2 && !STOP_WORDS.has(t.raw)) add({ label: t.raw, forms: [{ words: [t] }], need: 1, weight: 1 });
    i++;
  }

  for (const run of n.replace(/\s+/g, '').match(CJK_RUN) ?? []) {
    let rest = '';
    const flush = (): void => {
      if ([...rest].length >= 2) {
        const ps = pairs(rest);
        add({ label: rest, forms: ps.map((p) => ({ cjk: p })), need: Math.ceil(ps.length / 2), weight: 1 });
      }
      rest = '';
    };
    for (let j = 0; j < run.length; ) {
      const known = CJK_FORMS.find((f) => run.startsWith(f.text, j));
      if (known) {
        flush();
        add(groupKeyword(known.group));
        j += known.text.length;
        continue;
      }
      const stop = ZH_STOP_WORDS.find((w) => run.startsWith(w, j));
      if (stop) {
        flush();
        j += stop.length;
        continue;
      }
      const ch = run[j]!;
      if (ZH_STOP_CHARS.includes(ch)) flush();
      else rest += ch;
      j++;
    }
    flush();
  }
  return [...out.values()];
}

/** Share of a point's own (not common) keywords an answer must name: 2 of 2, 2 of 3, 3 of 4, 3 of 5. */
const SPECIFIC = 0.6;

interface Prepared {
  tokens: Token[];
  /** The normalized answer without spaces, for Chinese substrings. */
  compact: string;
}

function prepare(answer: string): Prepared {
  const n = normalize(answer);
  return { tokens: tokens(n), compact: n.replace(/\s+/g, '') };
}

function formIn(form: Form, a: Prepared): boolean {
  if ('cjk' in form) return a.compact.includes(form.cjk);
  const words = form.words;
  if (words.length === 0) return false;
  const joined = words.map((w) => w.raw).join('');
  for (let i = 0; i < a.tokens.length; i++) {
    if (wordsAt(a.tokens, i, words)) return true;
    // "timewait" for "time wait", and "2 msl" for "2msl".
    if (words.length > 1 && a.tokens[i]!.raw === joined) return true;
    if (words.length === 1 && i + 1 < a.tokens.length && a.tokens[i]!.raw + a.tokens[i + 1]!.raw === joined) return true;
  }
  return false;
}

function keywordIn(k: Keyword, a: Prepared): boolean {
  let n = 0;
  for (const f of k.forms) if (formIn(f, a) && ++n >= k.need) return true;
  return false;
}

function matchVersion(point: string, a: Prepared): PointMatch & { ratio: number } {
  const keywords = keywordsOf(point);
  const found = keywords.filter((k) => keywordIn(k, a));
  const total = keywords.reduce((s, k) => s + k.weight, 0);
  const got = found.reduce((s, k) => s + k.weight, 0);
  const ratio = total === 0 ? 0 : got / total;
  // Words every answer uses never cover a point on their own: most of the point's own words must be there too.
  const own = keywords.filter((k) => k.weight === 1).length;
  const ownFound = found.filter((k) => k.weight === 1).length;
  const specific = own === 0 || ownFound / own >= SPECIFIC;
  const hit = keywords.length > 0 && ratio >= 0.5 && found.length >= Math.min(2, keywords.length) && specific;
  return { hit, ratio, found: found.map((k) => k.label), keywords: keywords.map((k) => k.label) };
}

/** Does `answer` cover the key point? `point` is its text, or its texts in several languages. */
export function matchPoint(point: string | readonly string[], answer: string): PointMatch {
  const versions = (typeof point === 'string' ? [point] : point).filter((v) => v.trim() !== '');
  const a = prepare(answer);
  const results = versions.map((v) => matchVersion(v, a));
  // A version that covers the point beats one that does not; then the larger share found.
  const better = (r: (typeof results)[number], b: (typeof results)[number]): boolean => (r.hit !== b.hit ? r.hit : r.ratio > b.ratio);
  let best = results[0];
  for (const r of results.slice(1)) if (better(r, best!)) best = r;
  if (!best) return { hit: false, found: [], keywords: [] };
  return { hit: best.hit, found: best.found, keywords: best.keywords };
}

/** The pre-ticks for a checklist: one boolean per key point. */
export function matchPoints(points: ReadonlyArray<string | readonly string[]>, answer: string): boolean[] {
  if (answer.trim() === '') return points.map(() => false);
  return points.map((p) => matchPoint(p, answer).hit);
}
