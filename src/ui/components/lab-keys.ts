// Ink hands useInput one event per escape sequence but a whole run of plain
// characters at once ("\r\r", "s a", a paste, an IME commit). The lab and the
// sandbox act on one keystroke at a time, so each event is split here, in
// order, into the keystrokes the lab engine understands.

import type { Key } from 'ink';
import type { Keystroke } from '../../labs/answer.js';

export interface LabKeystroke extends Keystroke {
  pageUp: boolean;
  pageDown: boolean;
  home: boolean;
  end: boolean;
  ctrl: boolean;
}

const NONE: LabKeystroke = {
  ch: '',
  up: false,
  down: false,
  left: false,
  right: false,
  tab: false,
  shift: false,
  enter: false,
  backspace: false,
  pageUp: false,
  pageDown: false,
  home: false,
  end: false,
  ctrl: false,
};

export function labKeys(input: string, key: Key): LabKeystroke[] {
  const named = key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.pageUp || key.pageDown || key.home || key.end || key.tab;
  if (named) {
    return [
      {
        ...NONE,
        up: key.upArrow,
        down: key.downArrow,
        left: key.leftArrow,
        right: key.rightArrow,
        pageUp: key.pageUp,
        pageDown: key.pageDown,
        home: key.home,
        end: key.end,
        tab: key.tab,
        shift: key.shift,
      },
    ];
  }
  if (key.escape) return [];
  // Most terminals send DEL (0x7f) for Backspace, which Ink names "delete".
  if (key.backspace || key.delete) return [{ ...NONE, backspace: true }];
  if (key.return) return [{ ...NONE, enter: true }];
  if (key.ctrl) return [{ ...NONE, ch: input, ctrl: true }];
  const out: LabKeystroke[] = [];
  for (const ch of input) {
    if (ch === '\r' || ch === '\n') out.push({ ...NONE, enter: true });
    else if (ch === '\x7f' || ch === '\b') out.push({ ...NONE, backspace: true });
    else if (ch === '\t') out.push({ ...NONE, tab: true });
    // Ctrl+letter inside a run of text (Ctrl+U then a pasted path, read in one go).
    else if (ch >= '\x01' && ch <= '\x1a') out.push({ ...NONE, ch: String.fromCharCode(ch.charCodeAt(0) + 96), ctrl: true });
    else if (/[\x00-\x1f\x80-\x9f]/.test(ch)) continue;
    else out.push({ ...NONE, ch });
  }
  return out;
}
