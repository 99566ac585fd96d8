// Keys that arrive together reach the screens one by one, as keystrokes.
import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { keystroke, type Keystroke } from '../../src/ui/keystroke.js';
import { splitKeys } from '../../src/ui/split-keys.js';

function keys(input: string, key: Key): Keystroke[] {
  return splitKeys(input, key).flatMap((k) => keystroke(k.input, k.key) ?? []);
}

const plain = { upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false } as Key;

describe('splitting keys', () => {
  it('a run of text becomes one keystroke per character, Enter and Tab included', () => {
    expect(keys('a\r\tb', plain).map((k) => (k.enter ? '⏎' : k.tab ? '⇥' : k.ch))).toEqual(['a', '⏎', '⇥', 'b']);
  });

  it('Ctrl+U read together with the text after it still clears first', () => {
    const got = keys('\u0015/tmp/x', plain);
    expect(got[0]).toMatchObject({ ch: 'u', ctrl: true });
    expect(got.slice(1).map((k) => k.ch).join('')).toBe('/tmp/x');
  });

  it('named keys pass through, Esc is left to the app', () => {
    expect(keys('', { ...plain, pageUp: true })[0]!.pageUp).toBe(true);
    expect(keys('', { ...plain, escape: true })).toEqual([]);
    expect(keys('', { ...plain, tab: true, shift: true })[0]).toMatchObject({ tab: true, shift: true });
  });
});
