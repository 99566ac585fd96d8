// Ordering: the items, shuffled, with one highlighted. ↑↓ (j/k) move the
// highlight; u/d or Shift+↑↓ carry the highlighted item up or down.

import type { CompiledQuestion } from '../../content/validate.js';
import type { Answer } from '../../engine/grade.js';
import type { Keystroke } from '../keystroke.js';
import type { KeyResult, ViewCtx } from '../screens/practice-types.js';
import { clean } from '../text.js';
import { blank, Lines, wrapLines, type StyledLine } from './Lines.js';

export type OrderQ = Extract<CompiledQuestion, { kind: 'order' }>;

export interface OrderState {
  /** Item indexes as written (0..n-1 is the right order), in the order shown. */
  arrangement: number[];
  cursor: number;
}

/** A shuffle of 0..n-1 that is never already right, from `seed` (so a session is reproducible). */
export function shuffled(n: number, seed: number): number[] {
  let a = seed >>> 0 || 1;
  const rand = (): number => {
    // mulberry32
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  if (n > 1 && out.every((v, i) => v === i)) out.push(out.shift()!);
  return out;
}

export function initOrder(arrangement: number[]): OrderState {
  return { arrangement, cursor: 0 };
}

function carry(st: OrderState, by: -1 | 1): OrderState {
  const to = st.cursor + by;
  if (to < 0 || to >= st.arrangement.length) return st;
  const arrangement = [...st.arrangement];
  [arrangement[st.cursor], arrangement[to]] = [arrangement[to]!, arrangement[st.cursor]!];
  return { arrangement, cursor: to };
}

export function orderKey(st: OrderState, k: Keystroke): KeyResult<OrderState> {
  const n = st.arrangement.length;
  if ((k.up && k.shift) || k.ch === 'u' || k.ch === 'K') return { state: carry(st, -1) };
  if ((k.down && k.shift) || k.ch === 'd' || k.ch === 'J') return { state: carry(st, 1) };
  if (k.up || k.ch === 'k') return { state: { ...st, cursor: Math.max(0, st.cursor - 1) } };
  if (k.down || k.ch === 'j') return { state: { ...st, cursor: Math.min(n - 1, st.cursor + 1) } };
  if (k.home || k.ch === 'g') return { state: { ...st, cursor: 0 } };
  if (k.end || k.ch === 'G') return { state: { ...st, cursor: n - 1 } };
  if (k.enter) return { state: st, answer: { kind: 'order', order: st.arrangement } };
  return { state: st };
}

export function orderLines(q: OrderQ, st: OrderState, ctx: ViewCtx): { lines: StyledLine[]; focus: [number, number] } {
  const items = q[ctx.lang].items.map(clean);
  const lines: StyledLine[] = [...wrapLines(clean(q[ctx.lang].prompt), ctx.width, { bold: true }), blank];
  let focus: [number, number] = [0, 0];
  st.arrangement.forEach((item, pos) => {
    const on = pos === st.cursor;
    const start = lines.length;
    lines.push(...wrapLines(items[item] ?? '', ctx.width, on ? { color: 'cyan', bold: true } : {}, `${on ? '❯' : ' '} ${pos + 1}. `));
    if (on) focus = [start, lines.length - 1];
  });
  return { lines, focus };
}

/** The learner's order, each place marked, then the right order when it differed. */
export function orderFeedback(q: OrderQ, answer: Answer, ctx: ViewCtx): StyledLine[] {
  const items = q[ctx.lang].items.map(clean);
  const order = answer.kind === 'order' ? answer.order : [];
  const lines: StyledLine[] = [{ text: ctx.s.yourOrder, bold: true }];
  order.forEach((item, pos) => {
    const ok = item === pos;
    lines.push(...wrapLines(items[item] ?? '', ctx.width, { color: ok ? 'green' : 'red' }, `${ok ? '✓' : '✗'} ${pos + 1}. `));
  });
  if (order.some((item, pos) => item !== pos)) {
    lines.push(blank, { text: ctx.s.rightOrder, bold: true });
    items.forEach((text, pos) => lines.push(...wrapLines(text, ctx.width, { color: 'green' }, `  ${pos + 1}. `)));
  }
  return lines;
}

export function OrderQuestion(props: { q: OrderQ; state: OrderState; ctx: ViewCtx; top: number; rows: number }) {
  const { lines } = orderLines(props.q, props.state, props.ctx);
  return <Lines lines={lines} top={props.top} rows={props.rows} width={props.ctx.width} />;
}
