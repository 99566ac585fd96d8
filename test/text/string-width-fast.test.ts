import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import stringWidthFast from '../../src/text/string-width-fast.js';

// Code points that join their neighbours into one cluster, or have no width: where a fast path
// that sums per-code-point widths would go wrong if it took them.
const JOINERS = ['\u0301', '\u200d', '\ufe0f', '\ufe0e', '\u{1f3fd}', '\u1100', '\u1161', '\u11a8', '\u3099', '\uff9e', '\u00ad', '\u200b', '\u2060', '\u{e0067}', '\u0600', '\u0e31', '\u20e3', '\u1f1e6'];
const SAMPLES = ['a', ' ', '~', 'é', 'Ω', 'Ж', '—', '…', '→', '│', '▸', '✓', '☀', '⌚', '中', '文', '。', '，', 'Ａ', '가', 'ア', '😀', '👍', '🇨', '\t', '\x1b[31m', '\x1b[0m'];

describe('string-width fast path', () => {
  it('gives the width string-width gives, for every BMP code point on its own', () => {
    const wrong: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const s = String.fromCharCode(c);
      if (stringWidthFast(s) !== stringWidth(s)) wrong.push(c.toString(16));
      if (stringWidthFast(s, { ambiguousIsNarrow: false }) !== stringWidth(s, { ambiguousIsNarrow: false })) wrong.push(`${c.toString(16)} (wide)`);
    }
    expect(wrong).toEqual([]);
  });

  it('gives the width string-width gives for mixed text with joiners, emoji and escapes', () => {
    const piece = fc.oneof(fc.constantFrom(...JOINERS, ...SAMPLES), fc.string({ unit: 'binary', maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const s = pieces.join('');
        expect(stringWidthFast(s)).toBe(stringWidth(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('measures the lines the screens draw', () => {
    expect(stringWidthFast('│ ▸ Learn · 12 cards due')).toBe(24);
    expect(stringWidthFast('继续：TIME-WAIT 与 2MSL')).toBe(23);
  });
});
