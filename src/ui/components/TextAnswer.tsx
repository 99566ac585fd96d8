// A one-line text input for numeric and fill-in answers: a cursor that ←→
// Home/End (Ctrl+A/E) move, Backspace, and pasted or IME-composed text taken
// whole. While it is on screen q and ? are letters, not commands.

import { useLayoutEffect } from 'react';
import { Text } from 'ink';
import type { Keystroke } from '../keystroke.js';
import { useNav } from '../nav-context.js';
import { stringWidth, truncate } from '../text.js';
import type { CompiledQuestion } from '../../content/validate.js';
import type { Answer } from '../../engine/grade.js';

export interface TextState {
  /** Code points, so the cursor never splits a character. */
  chars: string[];
  cursor: number;
}

export function initText(): TextState {
  return { chars: [], cursor: 0 };
}

export function textKey(st: TextState, k: Keystroke): { state: TextState; submit?: string } {
  const { chars, cursor } = st;
  if (k.enter) return { state: st, submit: chars.join('') };
  if (k.left) return { state: { chars, cursor: Math.max(0, cursor - 1) } };
  if (k.right) return { state: { chars, cursor: Math.min(chars.length, cursor + 1) } };
  if (k.home || (k.ctrl && k.ch === 'a')) return { state: { chars, cursor: 0 } };
  if (k.end || (k.ctrl && k.ch === 'e')) return { state: { chars, cursor: chars.length } };
  if (k.ctrl && k.ch === 'u') return { state: { chars: chars.slice(cursor), cursor: 0 } };
  if (k.backspace) {
    if (cursor === 0) return { state: st };
    return { state: { chars: [...chars.slice(0, cursor - 1), ...chars.slice(cursor)], cursor: cursor - 1 } };
  }
  if (k.ch !== '' && !k.ctrl && chars.length < 200) {
    return { state: { chars: [...chars.slice(0, cursor), k.ch, ...chars.slice(cursor)], cursor: cursor + 1 } };
  }
  return { state: st };
}

/**
 * The number typed, or null. Full-width digits (from a CJK input method),
 * thousands separators and the question's unit after the number are accepted.
 */
export function parseNumber(text: string, units: readonly string[]): number | null {
  let t = text.normalize('NFKC').trim().toLowerCase();
  for (const u of units) {
    const unit = u.normalize('NFKC').trim().toLowerCase();
    if (unit && t.endsWith(unit)) {
      t = t.slice(0, -unit.length).trim();
      break;
    }
  }
  t = t.replace(/(\d)[,_](?=\d{3})/g, '$1').replace(/\s+/g, '');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/.test(t)) return null;
  return Number(t);
}

/** What a typed answer to a fill-in or numeric question means: an answer, or why it is not one yet. */
export function textSubmission(q: CompiledQuestion, typed: string): { answer: Answer } | { notice: 'nothingTyped' | 'notANumber' } | null {
  const text = typed.trim();
  if (text === '') return { notice: 'nothingTyped' };
  if (q.kind === 'fill') return { answer: { kind: 'fill', text } };
  if (q.kind !== 'numeric') return null;
  const value = parseNumber(text, [q.en.unit, q.zh.unit].filter((u): u is string => !!u));
  return value === null ? { notice: 'notANumber' } : { answer: { kind: 'numeric', value } };
}

/** The part of `chars` to show in `width` columns so that the cursor stays in sight. */
export function visibleSlice(chars: readonly string[], cursor: number, width: number): { before: string; at: string; after: string } {
  const w = (cs: readonly string[]): number => cs.reduce((n, c) => n + stringWidth(c), 0);
  let start = 0;
  // Room for the cursor cell itself.
  while (start < cursor && w(chars.slice(start, cursor)) + 1 > width) start++;
  const before = chars.slice(start, cursor).join('');
  const at = chars[cursor] ?? ' ';
  let rest = width - w(chars.slice(start, cursor)) - stringWidth(at);
  let after = '';
  for (const c of chars.slice(cursor + 1)) {
    const cw = stringWidth(c);
    if (cw > rest) break;
    after += c;
    rest -= cw;
  }
  return { before, at, after };
}

export function TextAnswer(props: { state: TextState; width: number; unit?: string }) {
  const { setCapture } = useNav();
  // A layout effect, so that a key typed right after the input appears is already a letter.
  useLayoutEffect(() => {
    setCapture(true);
    return () => setCapture(false);
  }, [setCapture]);
  const unit = props.unit ? ` ${truncate(props.unit, Math.max(1, Math.floor(props.width / 3)))}` : '';
  const room = Math.max(1, props.width - 2 - stringWidth(unit));
  const { before, at, after } = visibleSlice(props.state.chars, props.state.cursor, room);
  return (
    <Text wrap="truncate-end">
      <Text color="cyan">› </Text>
      {before}
      <Text inverse>{at}</Text>
      {after}
      <Text dimColor>{unit}</Text>
    </Text>
  );
}
