// Ink hands a run of plain characters that arrived in one read to useInput as
// one string ("jjj", "j\r"), which happens whenever keys repeat faster than
// the screen redraws. This splits such a run back into one key per character.

import type { Key } from 'ink';

export function splitKeys(input: string, key: Key): Array<{ input: string; key: Key }> {
  const chars = [...input];
  if (chars.length <= 1) return [{ input, key }];
  const none: Key = { ...key, upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false };
  return chars.map((ch) => {
    if (ch === '\r' || ch === '\n') return { input: '', key: { ...none, return: true } };
    if (ch === '\t') return { input: '', key: { ...none, tab: true } };
    if (ch === '\x7f' || ch === '\b') return { input: '', key: { ...none, backspace: true } };
    // Ctrl+letter inside a run of text (Ctrl+U, then a pasted path, read in one go).
    if (ch >= '\x01' && ch <= '\x1a') return { input: String.fromCharCode(ch.charCodeAt(0) + 96), key: { ...none, ctrl: true } };
    return { input: ch, key: { ...none, shift: /[A-Z]/.test(ch) } };
  });
}
