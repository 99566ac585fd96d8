// The ladder diagram as rows of styled text: the client's column on the
// left, the server's on the right, an arrow for every segment with its flags
// and seq/ack, drawn as it stands after the steps shown (solid and arrived,
// dotted and still in flight, cut and crossed when lost), the states on both
// sides, and a header with the states now, the virtual clock and the running
// timers with the time they have left. Pure: a trace in, rows out. Widths are
// display columns, so Chinese labels line up.

import { describe } from '../../core/segment.js';
import type { RunningTimer } from '../../core/timers.js';
import type { State } from '../../core/types.js';
import { fateAt, isQuiet, type Trace, type TraceStep, type TracedSegment } from '../../labs/trace.js';
import type { LadderStrings } from './ladder-strings.js';
import { stringWidth, truncate } from '../text.js';

export interface Span {
  text: string;
  color?: 'green' | 'red' | 'cyan' | 'yellow' | 'magenta' | 'gray';
  bold?: boolean;
  dim?: boolean;
}
export type Row = Span[];

/** "SYN-RECEIVED" is the widest state. */
export const STATE_W = 12;

const pad = (s: string, w: number): string => s + ' '.repeat(Math.max(0, w - stringWidth(s)));

export function rowWidth(row: Row): number {
  return row.reduce((n, s) => n + stringWidth(s.text), 0);
}

/** The virtual clock: 0s, 999ms, 1s, 1.5s, 4m, 4m1s. */
export function clockTime(ms: number): string {
  return ms === 0 ? '0s' : formatLeft(ms);
}

/** Time left on a timer, short: 800ms, 1s, 1.5s, 59s, 3m59s, 4m. */
export function formatLeft(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))}ms`;
  if (ms < 60_000) return `${Number((ms / 1000).toFixed(3))}s`;
  const total = Math.round(ms / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  return s === 0 ? `${m}m` : `${m}m${s}s`;
}

function stateSpan(state: State, changed: boolean): Span {
  return changed ? { text: pad(state, STATE_W), color: 'green', bold: true } : { text: pad(state, STATE_W) };
}

/** The arrow between the two state columns, `span` columns wide, with the label on it when it fits. */
export function arrow(seg: TracedSegment, fate: 'flight' | 'delivered' | 'lost', label: string, span: number): { line: string; labelAbove: boolean } {
  const right = seg.dir === 'c>s';
  const shaft = fate === 'flight' ? '┄' : '─';
  const head = fate === 'lost' ? '✗' : fate === 'flight' ? (right ? '▷' : '◁') : right ? '▶' : '◀';
  const text = ` ${label} `;
  const tw = stringWidth(text);
  // A lost segment's arrow stops two thirds of the way across.
  const length = fate === 'lost' ? Math.max(Math.min(span, tw + 5), Math.floor((span * 2) / 3)) : span;
  const body = length - 1;
  const fits = tw + 4 <= body;
  let mid: string;
  if (fits) {
    const lead = Math.floor((body - tw) / 2);
    mid = shaft.repeat(lead) + text + shaft.repeat(body - lead - tw);
  } else {
    mid = shaft.repeat(Math.max(0, body));
  }
  const drawn = right ? mid + head : head + mid;
  const gap = ' '.repeat(Math.max(0, span - length));
  return { line: right ? drawn + gap : gap + drawn, labelAbove: !fits };
}

function segmentLabel(t: TracedSegment, s: LadderStrings): string {
  const tag = t.origin === 'injected' ? ` · ${s.injected}` : t.origin === 'copy' ? ` · ${s.copy}` : '';
  return `${describe(t.seg)}${tag}`;
}

export interface LadderOptions {
  width: number;
  strings: LadderStrings;
  /** A line about to run, drawn last with a marker (a prediction waiting for its answer). */
  next?: { line: number; command: string } | null;
  /** Subtracted from line numbers (the sandbox numbers the learner's commands from 1). */
  offset?: number;
}

/** Rows for the first `upTo` steps of the trace. */
export function ladderRows(trace: Trace, upTo: number, o: LadderOptions): Row[] {
  const { width, strings: s } = o;
  const span = Math.max(6, width - 2 * STATE_W - 2);
  const last = upTo - 1;
  const rows: Row[] = [];
  let shown: { client: State; server: State } = { client: 'CLOSED', server: 'CLOSED' };

  const statesRow = (client: State, server: State, middle: Span): Row => {
    const row: Row = [stateSpan(client, client !== shown.client), { text: ' ' }];
    const mw = stringWidth(middle.text);
    const lead = Math.max(0, Math.floor((span - mw) / 2));
    row.push({ text: ' '.repeat(lead) }, { ...middle, text: truncate(middle.text, span) }, { text: ' '.repeat(Math.max(0, span - lead - Math.min(mw, span))) });
    row.push({ text: ' ' }, stateSpan(server, server !== shown.server));
    shown = { client, server };
    return row;
  };

  for (const step of trace.steps.slice(0, upTo)) {
    if (isQuiet(step.kind)) {
      shown = { client: step.client, server: step.server };
      continue;
    }
    rows.push(stepHeader(step, width, o.offset ?? 0));
    for (const item of step.items) {
      if (item.kind === 'segment') {
        const seg = trace.segments[item.id]!;
        const fate = fateAt(seg, last);
        const label = segmentLabel(seg, s);
        const a = arrow(seg, fate, label, span);
        const color: Span['color'] = fate === 'lost' ? 'red' : seg.origin === 'injected' ? 'magenta' : seg.origin === 'copy' ? 'yellow' : undefined;
        if (a.labelAbove) {
          // Over the arrow where it fits, else pulled left so that it stays whole.
          const indent = Math.max(0, Math.min(STATE_W + 1, width - stringWidth(label)));
          rows.push([{ text: ' '.repeat(indent) }, { text: truncate(label, width - indent), color, dim: fate === 'flight' }]);
        }
        rows.push([stateSpan(item.client, item.client !== shown.client), { text: ' ' }, { text: a.line, color, dim: fate === 'flight' }, { text: ' ' }, stateSpan(item.server, item.server !== shown.server)]);
        shown = { client: item.client, server: item.server };
      } else if (item.kind === 'lost') {
        const seg = trace.segments[item.id]!;
        rows.push(statesRow(item.client, item.server, { text: `✗ ${describe(seg.seg)} · ${s.lost}`, color: 'red' }));
      } else {
        rows.push(statesRow(shown.client, shown.server, { text: s.flood(item.n, item.replies), color: 'magenta' }));
      }
    }
    if (step.items.length === 0 || step.client !== shown.client || step.server !== shown.server) {
      rows.push(statesRow(step.client, step.server, step.items.length === 0 && step.sent.length === 0 ? { text: s.nothingSent, dim: true } : { text: '' }));
    }
    if (step.error) rows.push([{ text: truncate(`   ! ${step.error}`, width), color: 'red' }]);
  }
  if (o.next) {
    const head = `▶${String(o.next.line).padStart(3)} ${o.next.command}`;
    rows.push([{ text: truncate(`${head}   ?`, width), color: 'cyan', bold: true }]);
  }
  return rows;
}

function stepHeader(step: TraceStep, width: number, offset: number): Row {
  const head = `${String(step.line - offset).padStart(4)} ${step.command}`;
  const time = step.time > 0 ? `t=${clockTime(step.time)}` : '';
  const room = width - stringWidth(time) - 1;
  const left = truncate(head, Math.max(1, room));
  return [{ text: left, dim: true }, { text: ' '.repeat(Math.max(1, width - stringWidth(left) - stringWidth(time))) }, { text: time, dim: true }];
}

/** The two header rows: both states now with the clock between them, then the running timers. */
export function headerRows(states: { client: State; server: State }, now: number, timers: readonly RunningTimer[], width: number, s: LadderStrings): Row[] {
  const left = `${s.client} ${states.client}`;
  const right = `${s.server} ${states.server}`;
  const clock = `t=${clockTime(now)}`;
  const free = width - stringWidth(left) - stringWidth(right);
  let top: Row;
  if (free >= stringWidth(clock) + 2) {
    const lead = Math.floor((free - stringWidth(clock)) / 2);
    top = [{ text: left, bold: true }, { text: ' '.repeat(lead) }, { text: clock, color: 'yellow' }, { text: ' '.repeat(free - lead - stringWidth(clock)) }, { text: right, bold: true }];
  } else {
    top = [{ text: truncate(`${left} · ${right} · ${clock}`, width), bold: true }];
  }
  const list = timers.map((t) => `${s.hostShort[t.host]} ${s.timer[t.kind]} ${formatLeft(t.deadline - now)}${t.retries ? ` (${s.retries(t.retries)})` : ''}`);
  const timerText = `${s.timers}${s.colon}${list.length === 0 ? s.none : list.join(' · ')}`;
  return [top, [{ text: truncate(timerText, width), color: list.length ? 'yellow' : undefined, dim: list.length === 0 }]];
}
