// The run as a ladder diagram: client on the left, server on the right,
// each segment an arrow drawn when it is sent, with the states of both
// hosts at that moment, and the reasons underneath. Pure: steps in, lines out.

import { describe, type Segment } from '../core/segment.js';
import type { CoreEvent, State } from '../core/types.js';
import type { Step } from './run.js';

const STATE_W = 12; // "SYN-RECEIVED"
export const MIN_WIDTH = 60;

export function formatTime(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${(ms / 1000).toFixed(3)}s`;
}

/** Wraps `text` to `width` columns after `prefix`; continuation lines get `indent`. */
function wrap(prefix: string, text: string, width: number, indent: string): string[] {
  const out: string[] = [];
  let line = prefix;
  let fresh = true;
  for (const word of text.split(' ')) {
    if (!fresh && line.length + 1 + word.length > width) {
      out.push(line);
      line = indent + word;
    } else {
      line = fresh ? line + word : `${line} ${word}`;
    }
    fresh = false;
  }
  out.push(line);
  return out;
}

/** One arrow row: `client-state ──label──▶ server-state` (or ◀── for the server). */
export function arrowRow(seg: Segment, client: State, server: State, width: number): string[] {
  const span = width - 2 * STATE_W - 2;
  const label = ` ${describe(seg)} `;
  const right = seg.from === 'client';
  const body = span - 1;
  const rows: string[] = [];
  let mid: string;
  if (label.length + 4 <= body) {
    const lead = Math.floor((body - label.length) / 2);
    mid = '─'.repeat(lead) + label + '─'.repeat(body - lead - label.length);
  } else {
    // Too narrow for the label on the arrow: put it on its own line above.
    rows.push(' '.repeat(STATE_W + 1) + describe(seg));
    mid = '─'.repeat(body);
  }
  const arrow = right ? `${mid}▶` : `◀${mid}`;
  rows.push(`${client.padEnd(STATE_W)} ${arrow} ${server}`);
  return rows;
}

function reason(e: CoreEvent): string {
  const ref = e.ref ? ` [${e.ref}]` : '';
  return `${e.host}: ${e.text}${ref}`;
}

/** The reasons one step gives, as the JSON output lists them. */
export function reasons(step: Step): string[] {
  return step.events.map(reason);
}

const INDENT = '     ';

export function renderStep(step: Step, before: { client: State; server: State }, width: number): string[] {
  const w = Math.max(MIN_WIDTH, width);
  const inner = w - INDENT.length;
  const out: string[] = [];
  const head = `${String(step.line).padStart(3)}  ${step.command}`;
  const time = `t=${formatTime(step.time)}`;
  out.push(head.length + time.length + 1 <= w ? head + ' '.repeat(w - head.length - time.length) + time : `${head} ${time}`);
  const states = { ...before };
  const note = (mark: string, text: string): void => {
    out.push(...wrap(`${INDENT}${mark} `, text, w, `${INDENT}  `));
  };
  for (const e of step.events) {
    if (e.to && e.host !== 'network') states[e.host] = e.to;
    if (e.seg && e.host !== 'network') {
      out.push(...arrowRow(e.seg, states.client, states.server, inner).map((r) => INDENT + r));
      const why = e.text.replace(/^send [^:]*: /, '');
      note(' ', `${why}${e.ref ? ` [${e.ref}]` : ''}`);
    } else {
      note('·', reason(e));
    }
  }
  if (step.spoofedReplies > 0) note('·', `server: ${step.spoofedReplies} replies went to spoofed sources (not drawn)`);
  if (step.error) note('!', `${step.command.split(' ')[0]}: error: ${step.error}`);
  if (step.expect) note(step.expect.ok ? '✓' : '✗', `expect ${step.expect.host} ${step.expect.expected}: it is ${step.expect.actual}`);
  out.push(statesRow(step.client, step.server, inner));
  return out;
}

function statesRow(client: State, server: State, inner: number): string {
  return INDENT + client.padEnd(inner - STATE_W) + server;
}

export function renderLadder(steps: readonly Step[], width = 80): string[] {
  const w = Math.max(MIN_WIDTH, width);
  const inner = w - INDENT.length;
  const out = [INDENT + 'client'.padEnd(inner - STATE_W) + 'server', statesRow('CLOSED', 'CLOSED', inner)];
  let before: { client: State; server: State } = { client: 'CLOSED', server: 'CLOSED' };
  for (const step of steps) {
    out.push('');
    out.push(...renderStep(step, before, w));
    before = { client: step.client, server: step.server };
  }
  return out;
}
