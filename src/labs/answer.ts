// The learner's answer to a prediction while they build it: a grid of the 11
// states, a row of flags to tick (none ticked means "sends nothing"), and seq
// and ack typed as numbers when the prediction asks for them. Keys move
// between these fields like a form: Tab / Shift+Tab, or ↑↓ across rows; Enter
// goes to the next field and answers from the last one. Pure.

import type { FlagName } from '../core/segment.js';
import { STATES, type State } from '../core/types.js';
import type { CompiledPrediction } from '../content/validate.js';
import { partsAsked, type Part, type PredictionAnswer } from './grade.js';

/** The flags offered, in the order a ladder prints them. URG is left out: no lab turns on it. */
export const FLAG_CHOICES: readonly FlagName[] = ['SYN', 'FIN', 'RST', 'PSH', 'ACK'];
const FLAG_LETTER: Record<string, FlagName> = { s: 'SYN', f: 'FIN', r: 'RST', p: 'PSH', a: 'ACK' };

export interface Keystroke {
  ch: string;
  up: boolean;
  down: boolean;
  left: boolean;
  right: boolean;
  tab: boolean;
  shift: boolean;
  enter: boolean;
  backspace: boolean;
}

export interface Draft {
  fields: Part[];
  field: number;
  /** Index into STATES. */
  state: number;
  flagCursor: number;
  flags: FlagName[];
  seq: string;
  ack: string;
}

export function initDraft(p: Pick<CompiledPrediction, 'ask' | 'numbers'>, current: State): Draft {
  return { fields: partsAsked(p), field: 0, state: Math.max(0, STATES.indexOf(current)), flagCursor: 0, flags: [], seq: '', ack: '' };
}

const MAX_U32 = 0xffff_ffff;

function typeDigit(text: string, ch: string): string {
  // Full-width digits come from CJK input methods.
  const d = ch.normalize('NFKC');
  if (!/^\d$/.test(d)) return text;
  const next = text === '0' ? d : text + d;
  return Number(next) > MAX_U32 ? text : next;
}

/** Whether the number fields matter: with nothing sent there is no seq or ack. */
function numbersLive(d: Draft): boolean {
  return d.flags.length > 0;
}

function fieldsInUse(d: Draft): number[] {
  return d.fields.map((f, i) => ({ f, i })).filter(({ f }) => (f !== 'seq' && f !== 'ack') || numbersLive(d)).map(({ i }) => i);
}

function step(d: Draft, by: 1 | -1): Draft {
  const live = fieldsInUse(d);
  const at = live.indexOf(d.field);
  const next = live[Math.max(0, Math.min(live.length - 1, (at < 0 ? 0 : at) + by))];
  return { ...d, field: next ?? d.field };
}

export function toAnswer(d: Draft): PredictionAnswer {
  const a: PredictionAnswer = {};
  for (const f of d.fields) {
    if (f === 'state') a.state = STATES[d.state]!;
    if (f === 'sends') a.sends = FLAG_CHOICES.filter((x) => d.flags.includes(x));
    if (f === 'seq' && d.seq !== '' && numbersLive(d)) a.seq = Number(d.seq);
    if (f === 'ack' && d.ack !== '' && numbersLive(d)) a.ack = Number(d.ack);
  }
  return a;
}

/** The first number field that is asked, live and still empty, if any. */
function missingNumber(d: Draft): number | null {
  if (!numbersLive(d)) return null;
  const i = d.fields.findIndex((f) => (f === 'seq' && d.seq === '') || (f === 'ack' && d.ack === ''));
  return i < 0 ? null : i;
}

/** One key. `columns` is how many states the grid shows per row (↑↓ move by that much). */
export function draftKey(d: Draft, k: Keystroke, columns: number): { draft: Draft; submit?: PredictionAnswer } {
  const field = d.fields[d.field]!;
  const last = fieldsInUse(d).at(-1) === d.field;
  if (k.tab) return { draft: step(d, k.shift ? -1 : 1) };
  if (k.enter) {
    if (!last) return { draft: step(d, 1) };
    const missing = missingNumber(d);
    if (missing !== null) return { draft: { ...d, field: missing } };
    return { draft: d, submit: toAnswer(d) };
  }
  switch (field) {
    case 'state': {
      const move = (to: number): Draft => ({ ...d, state: Math.max(0, Math.min(STATES.length - 1, to)) });
      if (k.left) return { draft: move(d.state - 1) };
      if (k.right) return { draft: move(d.state + 1) };
      if (k.up) return { draft: move(d.state - columns) };
      if (k.down) return { draft: d.state + columns < STATES.length ? move(d.state + columns) : d.fields.length > 1 ? step(d, 1) : d };
      return { draft: d };
    }
    case 'sends': {
      const toggle = (f: FlagName): Draft => ({ ...d, flags: d.flags.includes(f) ? d.flags.filter((x) => x !== f) : [...d.flags, f] });
      if (k.left) return { draft: { ...d, flagCursor: Math.max(0, d.flagCursor - 1) } };
      if (k.right) return { draft: { ...d, flagCursor: Math.min(FLAG_CHOICES.length - 1, d.flagCursor + 1) } };
      if (k.up) return { draft: step(d, -1) };
      if (k.down) return { draft: step(d, 1) };
      if (k.ch === ' ') return { draft: toggle(FLAG_CHOICES[d.flagCursor]!) };
      const letter = FLAG_LETTER[k.ch.toLowerCase()];
      if (letter) return { draft: { ...toggle(letter), flagCursor: FLAG_CHOICES.indexOf(letter) } };
      if (k.ch.toLowerCase() === 'n') return { draft: { ...d, flags: [] } };
      return { draft: d };
    }
    case 'seq':
    case 'ack': {
      const text = d[field];
      if (k.backspace) return { draft: { ...d, [field]: text.slice(0, -1) } };
      if (k.up) return { draft: step(d, -1) };
      if (k.down) return { draft: step(d, 1) };
      if (k.left && field === 'ack' && d.fields.includes('seq')) return { draft: step(d, -1) };
      if (k.right && field === 'seq' && d.fields.includes('ack')) return { draft: step(d, 1) };
      if (k.ch !== '') return { draft: { ...d, [field]: typeDigit(text, k.ch) } };
      return { draft: d };
    }
  }
}
