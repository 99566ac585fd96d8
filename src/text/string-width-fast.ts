// string-width with a fast path, swapped in for every `string-width` import of the bundle
// (scripts/build.mjs). string-width segments text into grapheme clusters and tests each against
// Unicode property regexps: the first non-ASCII string cost ~30 ms at start-up (compiling those
// regexps) and every later one tens of microseconds, and Ink measures every line of every frame.
// Text made only of code points that can never join a neighbour into one cluster (no combining
// marks, joiners, variation selectors, emoji modifiers or conjoining jamo) has one cluster per code
// point, so its width is the sum of their East Asian widths. Anything else goes to string-width
// itself. test/text/string-width-fast.test.ts checks the two agree.
import { eastAsianWidth } from 'get-east-asian-width';

type StringWidth = typeof import('string-width').default;
let real: StringWidth | undefined;

/** string-width itself, loaded on first use: its start-up (an Intl.Segmenter, property regexps) costs ~20 ms. */
function stringWidth(input: string, options: Options): number {
  real ??= (require('string-width') as typeof import('string-width')).default;
  return real(input, options);
}

export interface Options {
  ambiguousIsNarrow?: boolean;
  countAnsiEscapeCodes?: boolean;
}

// Inclusive ranges, sorted, none of which holds a control, format, default-ignorable,
// combining, prepend or joining code point. Everything the course and the screens draw is here:
// Latin, Greek, Cyrillic, punctuation, arrows, box drawing, shapes, CJK and fullwidth forms.
const SIMPLE: readonly (readonly [number, number])[] = [
  [0x20, 0x7e],
  [0xa0, 0xac],
  [0xae, 0x2ff],
  [0x370, 0x377],
  [0x37a, 0x37f],
  [0x384, 0x38a],
  [0x38c, 0x38c],
  [0x38e, 0x3a1],
  [0x3a3, 0x482],
  [0x2010, 0x2027],
  [0x2030, 0x205e],
  [0x2070, 0x2071],
  [0x2074, 0x208e],
  [0x20a0, 0x20c0],
  [0x2100, 0x218b],
  [0x2190, 0x2426],
  [0x2440, 0x244a],
  [0x2460, 0x2b73],
  [0x2b76, 0x2b95],
  [0x2b97, 0x2bff],
  [0x2e80, 0x2e99],
  [0x2e9b, 0x2ef3],
  [0x2f00, 0x2fd5],
  [0x3000, 0x3029],
  [0x3030, 0x303f],
  [0x3041, 0x3096],
  [0x309b, 0x30ff],
  [0x3105, 0x312f],
  [0x3131, 0x3163],
  [0x3165, 0x318e],
  [0x3190, 0x31e5],
  [0x31ef, 0x321e],
  [0x3220, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xac00, 0xd7a3],
  [0xf900, 0xfa6d],
  [0xfa70, 0xfad9],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe52],
  [0xfe54, 0xfe66],
  [0xfe68, 0xfe6b],
  [0xff01, 0xff60],
  [0xffe0, 0xffe6],
];

function isSimple(c: number): boolean {
  let lo = 0;
  let hi = SIMPLE.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [from, to] = SIMPLE[mid]!;
    if (c < from) hi = mid - 1;
    else if (c > to) lo = mid + 1;
    else return true;
  }
  return false;
}

export default function stringWidthFast(input: string, options: Options = {}): number {
  if (typeof input !== 'string' || options.countAnsiEscapeCodes) return stringWidth(input, options);
  const ambiguousAsWide = options.ambiguousIsNarrow === false;
  let width = 0;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c >= 0x20 && c <= 0x7e) width += 1;
    else if (isSimple(c)) width += eastAsianWidth(c, { ambiguousAsWide });
    else return stringWidth(input, options);
  }
  return width;
}
