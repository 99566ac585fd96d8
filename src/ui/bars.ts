// Pure text layout for charts: horizontal bars, column charts and
// sparklines, and fitting text into columns by display width (CJK takes two
// columns). No React here, so every shape can be tested as a string.

import { stringWidth, truncate } from './text.js';

const FULL = '█';
const EMPTY = '░';
/** Eighths of a cell, from one eighth to a full block. */
const EIGHTHS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;
/** A day with no reviews: distinct from the lowest non-zero level. */
const NONE = '·';

function unit(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}

/**
 * Cells of a bar `width` long that `value` (0..1) fills. A bar only looks empty at
 * exactly 0 and full at exactly 1: 0.3% must not read as nothing, 99.7% not as done.
 */
export function filledCells(value: number, width: number): number {
  const v = unit(value);
  const w = Math.max(0, Math.floor(width));
  if (w === 0) return 0;
  const n = Math.round(v * w);
  if (v > 0 && n === 0) return 1;
  if (v < 1 && n === w) return Math.max(0, w - 1);
  return n;
}

/** The filled and empty parts of a bar, separately, so they can be coloured apart. */
export function barParts(value: number, width: number): { filled: string; empty: string } {
  const n = filledCells(value, width);
  return { filled: FULL.repeat(n), empty: EMPTY.repeat(Math.max(0, Math.floor(width)) - n) };
}

/** A bar of █ and ░, exactly `width` columns. */
export function bar(value: number, width: number): string {
  const { filled, empty } = barParts(value, width);
  return filled + empty;
}

/** A share as a whole percentage, with the same rule as the bar: 0% and 100% only when exact. */
export function percent(value: number): string {
  const v = unit(value);
  let p = Math.round(v * 100);
  if (v > 0 && p === 0) p = 1;
  if (v < 1 && p === 100) p = 99;
  return `${p}%`;
}

/**
 * Columns of `counts` scaled to the largest, `height` rows tall, top row first.
 * Each count is `colWidth` columns wide with `gap` spaces between; the top of a
 * column is drawn in eighths. A zero shows as · on the bottom row, and any
 * non-zero count gets at least one eighth.
 */
export function columnChart(counts: readonly number[], height: number, colWidth = 1, gap = 0): string[] {
  const h = Math.max(1, Math.floor(height));
  const max = Math.max(0, ...counts.map((c) => (Number.isFinite(c) ? c : 0)));
  const eighths = counts.map((c) => {
    if (!(c > 0) || max === 0) return 0;
    return Math.max(1, Math.round((c / max) * h * 8));
  });
  const rows: string[] = [];
  for (let r = h - 1; r >= 0; r--) {
    const cells = eighths.map((e) => {
      const left = e - r * 8;
      const ch = left >= 8 ? FULL : left > 0 ? EIGHTHS[left - 1]! : r === 0 && e === 0 ? NONE : ' ';
      return ch.repeat(colWidth);
    });
    rows.push(cells.join(' '.repeat(gap)));
  }
  return rows;
}

/** One row of eighths: a column chart one cell high. */
export function sparkline(counts: readonly number[]): string {
  return columnChart(counts, 1)[0]!;
}

/** Width of a column chart of `n` columns. */
export function chartWidth(n: number, colWidth: number, gap: number): number {
  return n <= 0 ? 0 : n * colWidth + (n - 1) * gap;
}

/** `s` cut or padded on the right to exactly `width` columns. */
export function fitEnd(s: string, width: number): string {
  const w = Math.max(0, width);
  const cut = stringWidth(s) > w ? truncate(s, w) : s;
  return cut + ' '.repeat(Math.max(0, w - stringWidth(cut)));
}

/** `s` padded on the left to `width` columns (never cut: numbers must stay whole). */
export function fitStart(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - stringWidth(s))) + s;
}

/**
 * Joins `parts` with `sep` into as few lines of at most `width` columns as it
 * can, never splitting a part (a part wider than a line is cut).
 */
export function packLine(parts: readonly string[], width: number, sep = ' · '): string[] {
  const lines: string[] = [];
  let line = '';
  for (const raw of parts) {
    const part = stringWidth(raw) > width ? truncate(raw, width) : raw;
    if (line === '') line = part;
    else if (stringWidth(line) + stringWidth(sep) + stringWidth(part) <= width) line += sep + part;
    else {
      lines.push(line);
      line = part;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** `left` and `right` on one line `width` wide, or only `left` when both do not fit. */
export function spread(left: string, right: string, width: number): string {
  const gap = width - stringWidth(left) - stringWidth(right);
  if (gap < 1) return fitEnd(left, width).trimEnd();
  return left + ' '.repeat(gap) + right;
}
