// Keys that arrive together reach the lab and the sandbox one by one.
import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { labKeys } from '../../src/ui/components/lab-keys.js';

const plain = { upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false } as Key;

describe('splitting keys', () => {
  it('a run of text becomes one keystroke per character, Enter and Tab included', () => {
    expect(labKeys('a\r\tb', plain).map((k) => (k.enter ? '⏎' : k.tab ? '⇥' : k.ch))).toEqual(['a', '⏎', '⇥', 'b']);
  });

  it('Ctrl+U read together with the text after it still clears first', () => {
    const keys = labKeys('\u0015/tmp/x', plain);
    expect(keys[0]).toMatchObject({ ch: 'u', ctrl: true });
    expect(keys.slice(1).map((k) => k.ch).join('')).toBe('/tmp/x');
  });

  it('named keys pass through, Esc is left to the app', () => {
    expect(labKeys('', { ...plain, pageUp: true })[0]!.pageUp).toBe(true);
    expect(labKeys('', { ...plain, escape: true })).toEqual([]);
    expect(labKeys('', { ...plain, tab: true, shift: true })[0]).toMatchObject({ tab: true, shift: true });
  });
});
