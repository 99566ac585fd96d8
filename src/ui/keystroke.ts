// One key as the screens read it: a character or a named key, with the few
// modifiers it uses. useKeys has already split a burst of keys ("2\r", a
// paste, an IME commit) into single keys.

import type { Key } from 'ink';

export interface Keystroke {
  /** The character typed, or '' for a named key. */
  ch: string;
  up: boolean;
  down: boolean;
  left: boolean;
  right: boolean;
  pageUp: boolean;
  pageDown: boolean;
  home: boolean;
  end: boolean;
  enter: boolean;
  backspace: boolean;
  tab: boolean;
  shift: boolean;
  ctrl: boolean;
}

const NONE: Keystroke = {
  ch: '',
  up: false,
  down: false,
  left: false,
  right: false,
  pageUp: false,
  pageDown: false,
  home: false,
  end: false,
  enter: false,
  backspace: false,
  tab: false,
  shift: false,
  ctrl: false,
};

export function stroke(partial: Partial<Keystroke>): Keystroke {
  return { ...NONE, ...partial };
}

/** The keystroke for one key from useKeys, or null for a key Practice ignores (Esc belongs to App). */
export function keystroke(input: string, key: Key): Keystroke | null {
  const named = key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.pageUp || key.pageDown || key.home || key.end || key.tab;
  if (named) {
    return stroke({
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
      ctrl: key.ctrl,
    });
  }
  if (key.escape) return null;
  // Most terminals send DEL (0x7f) for Backspace, which Ink names "delete".
  if (key.backspace || key.delete) return stroke({ backspace: true });
  if (key.return) return stroke({ enter: true });
  if (key.ctrl) return stroke({ ch: input, ctrl: true });
  if (input === '' || /[\x00-\x1f\x7f-\x9f]/.test(input)) return null;
  return stroke({ ch: input });
}
