// The model of a multi-line text box: the text as code points, a cursor, and
// its layout into rows of a given display width. A reducer, so that a burst
// of keys (or a pasted chunk with newlines in it) is applied in order. Pure.
//
// The layout breaks a line at the last space that fits, or between two CJK
// characters (which take two columns each), like wrapText in text.ts; unlike
// wrapText it keeps every character, spaces included, so that each cursor
// position has exactly one place on the screen.

import { stringWidth } from './text.js';

/** Longest answer kept, in characters: about ten minutes of fast typing. */
export const MAX_CHARS = 10_000;

export interface EditorState {
  chars: string[];
  cursor: number;
  /** The column ↑ and ↓ aim for, kept while moving vertically. */
  goal: number | null;
  /** Bumped by each submit; the component reports the text when it changes. */
  submits: number;
  /** True when typing stopped at MAX_CHARS. */
  full: boolean;
}

export type Move = 'left' | 'right' | 'up' | 'down' | 'home' | 'end' | 'pageUp' | 'pageDown' | 'top' | 'bottom';

export type EditorAction =
  | { type: 'input'; text: string }
  | { type: 'newline' }
  | { type: 'backspace' }
  | { type: 'killLine' }
  | { type: 'killWord' }
  | { type: 'move'; move: Move; width: number; page?: number }
  | { type: 'submit' };

export interface Row {
  start: number;
  /** Exclusive; a row never contains the newline that ends it. */
  end: number;
}

export function initEditor(text = ''): EditorState {
  const chars = [...text.replace(/\r\n?/g, '\n')].filter(printable).slice(0, MAX_CHARS);
  return { chars, cursor: chars.length, goal: null, submits: 0, full: false };
}

function printable(ch: string): boolean {
  if (ch === '\n') return true;
  const c = ch.codePointAt(0)!;
  return !(c < 0x20 || (c >= 0x7f && c < 0xa0));
}

const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u;

const CLOSING = /^[，。、；：？！）」』】》〉”’…]$/u;

function charWidth(ch: string): number {
  return ch === '\n' ? 0 : stringWidth(ch);
}

/** Rows of at most `width` columns (a space that ends a full row may take one more: the column kept for the cursor). */
export function layout(chars: readonly string[], width: number): Row[] {
  const w = Math.max(2, width);
  const rows: Row[] = [];
  const paragraph = (from: number, to: number): void => {
    let pos = from;
    for (;;) {
      let col = 0;
      let i = pos;
      let brk = -1;
      while (i < to) {
        const cw = charWidth(chars[i]!);
        if (col + cw > w) break;
        col += cw;
        const ch = chars[i]!;
        if (ch === ' ' || WIDE.test(ch) || (i + 1 < to && WIDE.test(chars[i + 1]!))) brk = i + 1;
        i++;
      }
      if (i >= to) {
        rows.push({ start: pos, end: to });
        return;
      }
      if (chars[i] === ' ') {
        rows.push({ start: pos, end: i + 1 });
        pos = i + 1;
        continue;
      }
      let end = brk > pos ? brk : Math.max(i, pos + 1);
      // Chinese punctuation that closes a phrase does not start a row: the character before it goes down too.
      if (end < to && CLOSING.test(chars[end]!) && end - 1 > pos && WIDE.test(chars[end - 1]!)) end -= 1;
      rows.push({ start: pos, end });
      pos = end;
    }
  };
  let start = 0;
  for (let i = 0; i <= chars.length; i++) {
    if (i === chars.length || chars[i] === '\n') {
      paragraph(start, i);
      start = i + 1;
    }
  }
  return rows;
}

/** Whether the row is followed by a soft wrap (the next row continues the same line). */
function soft(rows: readonly Row[], r: number): boolean {
  const next = rows[r + 1];
  return next !== undefined && next.start === rows[r]!.end;
}

/** The row and display column of the cursor. */
export function cursorAt(rows: readonly Row[], chars: readonly string[], cursor: number): { row: number; col: number } {
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    if (cursor >= row.start && (cursor < row.end || (cursor === row.end && !soft(rows, r)))) {
      return { row: r, col: width(chars, row.start, cursor) };
    }
  }
  return { row: Math.max(0, rows.length - 1), col: 0 };
}

function width(chars: readonly string[], from: number, to: number): number {
  let w = 0;
  for (let i = from; i < to; i++) w += charWidth(chars[i]!);
  return w;
}

/** The cursor position in row `r` closest to column `col` without passing it. */
function indexAtCol(rows: readonly Row[], chars: readonly string[], r: number, col: number): number {
  const row = rows[r]!;
  const last = soft(rows, r) && row.end > row.start ? row.end - 1 : row.end;
  let i = row.start;
  let w = 0;
  while (i < last && w + charWidth(chars[i]!) <= col) {
    w += charWidth(chars[i]!);
    i++;
  }
  return i;
}

function insert(s: EditorState, text: string): EditorState {
  const room = MAX_CHARS - s.chars.length;
  const add = [...text].slice(0, Math.max(0, room));
  const chars = [...s.chars.slice(0, s.cursor), ...add, ...s.chars.slice(s.cursor)];
  return { ...s, chars, cursor: s.cursor + add.length, goal: null, full: add.length < [...text].length };
}

function backspace(s: EditorState): EditorState {
  if (s.cursor === 0) return { ...s, goal: null };
  return { ...s, chars: [...s.chars.slice(0, s.cursor - 1), ...s.chars.slice(s.cursor)], cursor: s.cursor - 1, goal: null, full: false };
}

function move(s: EditorState, m: Move, w: number, page: number): EditorState {
  const rows = layout(s.chars, w);
  const at = cursorAt(rows, s.chars, s.cursor);
  const vertical = (by: number): EditorState => {
    const goal = s.goal ?? at.col;
    const r = Math.max(0, Math.min(rows.length - 1, at.row + by));
    if (r === at.row) return { ...s, cursor: by < 0 ? rows[r]!.start : by > 0 ? rows[r]!.end : s.cursor, goal };
    return { ...s, cursor: indexAtCol(rows, s.chars, r, goal), goal };
  };
  switch (m) {
    case 'left':
      return { ...s, cursor: Math.max(0, s.cursor - 1), goal: null };
    case 'right':
      return { ...s, cursor: Math.min(s.chars.length, s.cursor + 1), goal: null };
    case 'up':
      return vertical(-1);
    case 'down':
      return vertical(1);
    case 'pageUp':
      return vertical(-Math.max(1, page));
    case 'pageDown':
      return vertical(Math.max(1, page));
    case 'home':
      return { ...s, cursor: rows[at.row]!.start, goal: null };
    case 'end':
      return { ...s, cursor: indexAtCol(rows, s.chars, at.row, Number.MAX_SAFE_INTEGER), goal: null };
    case 'top':
      return { ...s, cursor: 0, goal: null };
    case 'bottom':
      return { ...s, cursor: s.chars.length, goal: null };
  }
}

export function editorReducer(s: EditorState, a: EditorAction): EditorState {
  switch (a.type) {
    case 'input': {
      // A chunk: typed keys that arrived together, a paste, or text from an input method.
      let st = s;
      let run = '';
      const flush = (): void => {
        if (run) st = insert(st, run);
        run = '';
      };
      const text = a.text.replace(/\r\n/g, '\n');
      for (const ch of text) {
        if (ch === '\r' || ch === '\n') run += '\n';
        else if (ch === '\t') run += '  ';
        else if (ch === '\x7f' || ch === '\b') {
          flush();
          st = backspace(st);
        } else if (ch === '\x04') {
          flush();
          st = { ...st, submits: st.submits + 1 };
        } else if (printable(ch)) run += ch;
      }
      flush();
      return st;
    }
    case 'newline':
      return insert(s, '\n');
    case 'backspace':
      return backspace(s);
    case 'killLine': {
      let from = s.cursor;
      while (from > 0 && s.chars[from - 1] !== '\n') from--;
      return { ...s, chars: [...s.chars.slice(0, from), ...s.chars.slice(s.cursor)], cursor: from, goal: null, full: false };
    }
    case 'killWord': {
      let from = s.cursor;
      while (from > 0 && s.chars[from - 1] === ' ') from--;
      while (from > 0 && s.chars[from - 1] !== ' ' && s.chars[from - 1] !== '\n') from--;
      return { ...s, chars: [...s.chars.slice(0, from), ...s.chars.slice(s.cursor)], cursor: from, goal: null, full: false };
    }
    case 'move':
      return move(s, a.move, a.width, a.page ?? 1);
    case 'submit':
      return { ...s, submits: s.submits + 1 };
  }
}

/** The first visible row, moved only as far as needed to keep the cursor row in sight. */
export function scrollTop(previous: number, cursorRow: number, rowCount: number, visible: number): number {
  let top = previous;
  if (cursorRow < top) top = cursorRow;
  if (cursorRow >= top + visible) top = cursorRow - visible + 1;
  return Math.max(0, Math.min(top, Math.max(0, rowCount - visible)));
}
