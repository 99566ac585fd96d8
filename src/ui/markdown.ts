// A lesson body as lines a terminal can show at a given width. Only the
// Markdown subset the packs use (see content/AUTHORING.md): headings,
// paragraphs, nested `-` and numbered lists, **bold**, *italic*, `code`,
// fenced code, {{figure:NAME}} lines, and tables kept as written. Prose is
// wrapped (CJK-aware); code, figures and tables are pictures, so they are
// cut, never wrapped.

import { clean, expandTabs, stringWidth, truncate, wrapText } from './text.js';

export interface Span {
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
}

export type LineStyle = 'heading' | 'text' | 'bullet' | 'code' | 'figure' | 'table' | 'blank';

export interface DisplayLine {
  style: LineStyle;
  /** The whole line as shown, for measuring and searching. */
  text: string;
  /** The same text in styled pieces. */
  spans: Span[];
  /** 1 to 3 for headings. */
  level?: number;
  /** A picture line (code, figure, table) too wide for the screen, uncut, for panning. */
  wide?: string;
}

export interface RenderOptions {
  /** The line shown in place of a figure the pack does not have. */
  missingFigure?: (name: string) => string;
}

type Style = Omit<Span, 'text'>;

const FENCE = /^\s*(```+|~~~+)/;
const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const FIGURE = /^\s*\{\{\s*figure:\s*([A-Za-z0-9_.-]+)\s*\}\}\s*$/;
const ITEM = /^(\s*)([-*+]|\d{1,3}[.)])\s+(.*)$/;
const TABLE = /^\s*\|/;
const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/;

const BULLETS = ['•', '◦', '▪'];

export function renderMarkdown(body: string, width: number, figures: Record<string, string> = {}, options: RenderOptions = {}): DisplayLine[] {
  const w = Math.max(4, Math.floor(width));
  const src = expandTabs(clean(body)).split('\n');
  const out: DisplayLine[] = [];
  // One blank line between blocks, none at the top or bottom, never two in a row.
  const gap = (): void => {
    if (out.length > 0 && out[out.length - 1]!.style !== 'blank') out.push({ style: 'blank', text: '', spans: [] });
  };
  const picture = (style: LineStyle, line: string): void => {
    const whole = line.trimEnd();
    const text = truncate(whole, w);
    out.push({ style, text, spans: text ? [{ text }] : [], ...(text !== whole ? { wide: whole } : {}) });
  };

  let listIndents: number[] = [];
  let i = 0;
  while (i < src.length) {
    const line = src[i]!;
    if (line.trim() === '') {
      i++;
      continue;
    }

    const fence = FENCE.exec(line);
    if (fence) {
      gap();
      const close = new RegExp(`^\\s*${fence[1]![0] === '`' ? '`' : '~'}{${fence[1]!.length},}\\s*$`);
      i++;
      while (i < src.length && !close.test(src[i]!)) picture('code', src[i++]!);
      i++;
      listIndents = [];
      continue;
    }

    const figure = FIGURE.exec(line);
    if (figure) {
      gap();
      const name = figure[1]!;
      // Own names only: {{figure:constructor}} is not Object's constructor.
      const art = Object.hasOwn(figures, name) ? figures[name] : undefined;
      if (art === undefined) picture('figure', options.missingFigure?.(name) ?? `[figure: ${name}]`);
      else for (const l of trimBlankEdges(expandTabs(clean(art)).split('\n'))) picture('figure', l);
      i++;
      listIndents = [];
      continue;
    }

    const heading = HEADING.exec(line);
    if (heading) {
      gap();
      const level = Math.min(3, heading[1]!.length);
      for (const l of wrapSpans(parseInline(heading[2]!), w)) out.push({ style: 'heading', level, ...l });
      i++;
      listIndents = [];
      continue;
    }

    if (TABLE.test(line)) {
      gap();
      while (i < src.length && TABLE.test(src[i]!)) {
        const whole = parseInline(src[i]!.trimEnd());
        const spans = cutSpans(whole, w);
        const text = spans.map((s) => s.text).join('');
        const plain = whole.map((s) => s.text).join('');
        out.push({ style: 'table', text, spans, ...(text !== plain ? { wide: plain } : {}) });
        i++;
      }
      listIndents = [];
      continue;
    }

    const item = ITEM.exec(line);
    if (item) {
      const indent = stringWidth(item[1]!);
      // Nesting follows indentation: deeper than the item above is one level down.
      while (listIndents.length > 0 && indent < listIndents[listIndents.length - 1]!) listIndents.pop();
      if (listIndents.length === 0 || indent > listIndents[listIndents.length - 1]!) {
        if (listIndents.length === 0) gap();
        listIndents.push(indent);
      }
      const level = listIndents.length - 1;
      const parts = [item[3]!];
      i++;
      // Continuation lines: anything up to a blank line or the next block.
      while (i < src.length && src[i]!.trim() !== '' && !startsBlock(src[i]!)) parts.push(src[i++]!);
      const raw = item[2]!;
      const marker = /\d/.test(raw) ? raw : BULLETS[level % BULLETS.length]!;
      const lead = '  '.repeat(level) + marker + ' ';
      const hang = ' '.repeat(stringWidth(lead));
      const wrapped = wrapSpans(parseInline(joinLines(parts)), Math.max(1, w - stringWidth(lead)));
      wrapped.forEach((l, n) => {
        const prefix = n === 0 ? lead : hang;
        out.push({ style: 'bullet', text: prefix + l.text, spans: [{ text: prefix }, ...l.spans] });
      });
      // A blank line ends the item but not the list.
      continue;
    }

    gap();
    listIndents = [];
    const parts = [line];
    i++;
    while (i < src.length && src[i]!.trim() !== '' && !startsBlock(src[i]!)) parts.push(src[i++]!);
    for (const l of wrapSpans(parseInline(joinLines(parts)), w)) out.push({ style: 'text', ...l });
  }
  while (out.length > 0 && out[out.length - 1]!.style === 'blank') out.pop();
  return out;
}

function startsBlock(line: string): boolean {
  return FENCE.test(line) || FIGURE.test(line) || HEADING.test(line) || TABLE.test(line) || ITEM.test(line);
}

function trimBlankEdges(lines: string[]): string[] {
  let a = 0;
  let b = lines.length;
  while (a < b && lines[a]!.trim() === '') a++;
  while (b > a && lines[b - 1]!.trim() === '') b--;
  return lines.slice(a, b);
}

/** Source lines of one paragraph as one line: Chinese lines join without a space. */
function joinLines(parts: string[]): string {
  let s = '';
  for (const p of parts.map((x) => x.trim())) {
    if (s === '') s = p;
    else if (CJK.test(s.slice(-1)) && CJK.test(p[0] ?? '')) s += p;
    else s += ` ${p}`;
  }
  return s;
}

/** `code`, **bold** and *italic*, nested as far as the lessons need. */
export function parseInline(s: string, style: Style = {}): Span[] {
  const spans: Span[] = [];
  const re = /(`+)([\s\S]*?[^`])\1(?!`)|\*\*(?=\S)([\s\S]*?\S)\*\*|(?<![\w*])\*(?=[^\s*])([^*]*?[^\s*])\*(?![\w*])/;
  let rest = s;
  while (rest.length > 0) {
    const m = re.exec(rest);
    if (!m) {
      spans.push({ text: rest, ...style });
      break;
    }
    if (m.index > 0) spans.push({ text: rest.slice(0, m.index), ...style });
    if (m[1] !== undefined) spans.push({ text: m[2]!.replace(/^ (.*\S.*) $/, '$1'), ...style, code: true });
    else if (m[3] !== undefined) spans.push(...parseInline(m[3], { ...style, bold: true }));
    else spans.push(...parseInline(m[4]!, { ...style, italic: true }));
    rest = rest.slice(m.index + m[0].length);
  }
  return merge(spans);
}

function same(a: Style, b: Style): boolean {
  return !!a.bold === !!b.bold && !!a.italic === !!b.italic && !!a.code === !!b.code;
}

function merge(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    if (s.text === '') continue;
    const last = out[out.length - 1];
    if (last && same(last, s)) last.text += s.text;
    else out.push({ ...s });
  }
  return out;
}

/**
 * Wraps styled text with wrapText, then lays the styles back onto the wrapped
 * lines: wrapText only drops or collapses whitespace, so walking both texts
 * side by side finds each character's source.
 */
export function wrapSpans(spans: Span[], width: number): Array<{ text: string; spans: Span[] }> {
  const chars: Array<{ ch: string; style: Style }> = [];
  for (const s of spans) {
    const { text, ...style } = s;
    for (const ch of text.replace(/\s+/g, ' ')) chars.push({ ch, style });
  }
  const plain = chars.map((c) => c.ch).join('');
  const lines = wrapChinese(plain.trim(), width);
  let p = 0;
  return lines.map((line) => {
    const out: Span[] = [];
    for (const ch of line) {
      if (ch !== ' ') while (p < chars.length && chars[p]!.ch !== ch && /\s/.test(chars[p]!.ch)) p++;
      const src = chars[p]?.ch === ch ? chars[p++] : undefined;
      out.push({ text: ch, ...(src?.style ?? {}) });
    }
    return { text: line, spans: merge(out) };
  });
}

// Chinese line-breaking rules: closing punctuation never starts a line and
// opening brackets never end one.
const NO_START = /^[，。、；：？！）」』》〉】〕”’…·%,.;:?!)\]}]/;
const NO_END = /[（「『《〈【〔“‘([{]$/;
const CJK_END = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F\u2018-\u201D\u2026\u00B7]$/;

/** The last unbreakable piece of a line: one CJK character, or a Latin word. */
function lastUnit(line: string): number {
  if (CJK_END.test(line)) return line.length - ([...line].pop()?.length ?? 1);
  const m = /[^\s\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]+$/.exec(line);
  return m ? m.index : line.length;
}

/** wrapText, then pushes a character down wherever a line would break against those rules. */
export function wrapChinese(text: string, width: number): string[] {
  const out: string[] = [];
  let rest = text;
  for (;;) {
    const lines = wrapText(rest, width);
    let bad = -1;
    let cut = 0;
    for (let i = 1; i < lines.length && bad < 0; i++) {
      const prev = lines[i - 1]!;
      if (!NO_START.test(lines[i]!) && !NO_END.test(prev)) continue;
      let at = NO_END.test(prev) ? prev.length - 1 : lastUnit(prev);
      while (at > 0 && (NO_START.test(prev.slice(at)) || NO_END.test(prev.slice(0, at)))) at = lastUnit(prev.slice(0, at).trimEnd());
      if (at > 0 && prev.slice(0, at).trim() !== '') {
        bad = i;
        cut = at;
      }
    }
    if (bad < 0) return [...out, ...lines];
    const keep = lines.slice(0, bad);
    keep[bad - 1] = keep[bad - 1]!.slice(0, cut).trimEnd();
    out.push(...keep);
    // Where the kept lines end in `rest`: wrapText only drops whitespace.
    let p = 0;
    for (const line of keep) {
      for (const ch of line) {
        while (p < rest.length && !rest.startsWith(ch, p) && /\s/.test(rest[p]!)) p++;
        p += ch.length;
      }
    }
    rest = rest.slice(p).trimStart();
  }
}

/** Cuts styled text to `width` columns, ending with … like truncate. */
export function cutSpans(spans: Span[], width: number): Span[] {
  const whole = spans.map((s) => s.text).join('');
  if (stringWidth(whole) <= width) return spans;
  const out: Span[] = [];
  let left = width - 1;
  for (const s of spans) {
    let text = '';
    for (const ch of s.text) {
      const cw = stringWidth(ch);
      if (cw > left) break;
      text += ch;
      left -= cw;
    }
    if (text) out.push({ ...s, text });
    if (text.length < s.text.length) break;
  }
  out.push({ text: '…' });
  return merge(out);
}

/** A wide line seen from column `from` on, `width` columns of it, marked … where cut. */
export function panLine(line: string, from: number, width: number): string {
  if (from <= 0) return truncate(line, width);
  let col = 0;
  let out = '…';
  for (const ch of line) {
    const cw = stringWidth(ch);
    if (col >= from + 1) out += ch;
    // A wide character cut in half by the left edge shows as a space.
    else if (col + cw > from + 1) out += ' ';
    col += cw;
  }
  return truncate(out, width);
}
