// Text that fits: display width aware (CJK characters take two columns), and
// stripped of terminal control sequences whatever its source.

import stringWidth from 'string-width';
import { stripControl } from '../text/sanitize.js';

export { stringWidth };

/**
 * A tab moves the cursor to the terminal's next tab stop, a width no layout can know, so it
 * becomes spaces to the next multiple of 4 columns, like the lesson reader's code blocks.
 */
export function clean(s: string): string {
  return expandTabs(stripControl(s));
}

export function expandTabs(s: string): string {
  return s.replace(/[^\n]*\t[^\n]*/g, (line) => {
    let col = 0;
    let out = '';
    for (const ch of line) {
      if (ch === '\t') {
        const n = 4 - (col % 4);
        out += ' '.repeat(n);
        col += n;
      } else {
        out += ch;
        col += stringWidth(ch);
      }
    }
    return out;
  });
}

/** Cuts `s` to `width` columns, ending with … when it had to cut. */
export function truncate(s: string, width: number): string {
  if (stringWidth(s) <= width) return s;
  let out = '';
  let w = 0;
  for (const ch of s) {
    const cw = stringWidth(ch);
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return `${out}…`;
}

/** Wraps text to `width` columns: at spaces for Latin text, anywhere between CJK characters. */
export function wrapText(text: string, width: number): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    if (para.trim() === '') {
      out.push('');
      continue;
    }
    const indent = /^\s*/.exec(para)![0];
    let line = '';
    let lineW = 0;
    const tokens = para.trimStart().match(/[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]|[^\s\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]+|\s+/g) ?? [];
    const push = (): void => {
      out.push(line.trimEnd());
      line = indent;
      lineW = stringWidth(indent);
    };
    line = indent;
    lineW = stringWidth(indent);
    for (const tok of tokens) {
      const w = stringWidth(tok);
      if (/^\s+$/.test(tok)) {
        if (lineW > stringWidth(indent) && lineW + 1 <= width) {
          line += ' ';
          lineW += 1;
        }
        continue;
      }
      if (lineW + w > width && lineW > stringWidth(indent)) push();
      if (w > width) {
        // A word longer than the line: cut it.
        for (const ch of tok) {
          const cw = stringWidth(ch);
          if (lineW + cw > width) push();
          line += ch;
          lineW += cw;
        }
        continue;
      }
      line += tok;
      lineW += w;
    }
    out.push(line.trimEnd());
  }
  return out;
}
