import { describe, expect, it } from 'vitest';
import { panLine, parseInline, renderMarkdown, wrapChinese, type DisplayLine } from '../../src/ui/markdown.js';
import { stringWidth } from '../../src/ui/text.js';

const texts = (lines: DisplayLine[]): string[] => lines.map((l) => l.text);
const styles = (lines: DisplayLine[]): string[] => lines.map((l) => l.style);

describe('renderMarkdown', () => {
  it('turns headings into bold lines with their level, one blank line between blocks', () => {
    const lines = renderMarkdown('# Title\n\n\n\nSome text.\n## Section\n### Detail ###\n', 80);
    expect(styles(lines)).toEqual(['heading', 'blank', 'text', 'blank', 'heading', 'blank', 'heading']);
    expect(texts(lines)).toEqual(['Title', '', 'Some text.', '', 'Section', '', 'Detail']);
    expect(lines.map((l) => l.level)).toEqual([1, undefined, undefined, undefined, 2, undefined, 3]);
  });

  it('joins a paragraph written over several lines and wraps it at the width, at spaces', () => {
    const body = 'The quick brown fox jumps over\nthe lazy dog and keeps on running far away.';
    const lines = renderMarkdown(body, 20);
    for (const l of lines) expect(stringWidth(l.text)).toBeLessThanOrEqual(20);
    expect(lines.length).toBeGreaterThan(2);
    expect(texts(lines).join(' ')).toBe(body.replace('\n', ' '));
  });

  it('wraps Chinese anywhere, two columns a character, never starting a line with closing punctuation', () => {
    const body = '连接的每一端都保存着一份小小的记录，叫 TCB（传输控制块），而 TCB 总处于一组固定状态中的某一个。RFC 9293 第 3.3.2 节列出了十一种状态。';
    for (const width of [20, 21, 30, 40]) {
      const lines = renderMarkdown(body, width);
      for (const l of lines) {
        expect(stringWidth(l.text)).toBeLessThanOrEqual(width);
        expect(l.text).not.toMatch(/^[，。）：]/);
        expect(l.text).not.toMatch(/（$/);
      }
      // Nothing is lost or added but the spaces at the breaks.
      expect(texts(lines).join('').replace(/ /g, '')).toBe(body.replace(/ /g, ''));
    }
    const at20 = renderMarkdown(body, 20);
    // Full lines really use the width: 10 characters of 2 columns.
    expect(stringWidth(at20[0]!.text)).toBeGreaterThanOrEqual(18);
  });

  it('joins Chinese lines without a space and Latin lines with one', () => {
    expect(texts(renderMarkdown('第一行\n第二行', 80))).toEqual(['第一行第二行']);
    expect(texts(renderMarkdown('one\ntwo', 80))).toEqual(['one two']);
  });

  it('draws bullets, nested by indentation, with a hanging indent when they wrap', () => {
    const lines = renderMarkdown('Intro:\n\n- first item\n  - nested one\n  - nested two\n- second item that is long enough to wrap\n  over more lines\n\n1. numbered', 24);
    expect(texts(lines)).toEqual([
      'Intro:',
      '',
      '• first item',
      '  ◦ nested one',
      '  ◦ nested two',
      '• second item that is',
      '  long enough to wrap',
      '  over more lines',
      '1. numbered',
    ]);
    expect(lines.slice(2).every((l) => l.style === 'bullet')).toBe(true);
  });

  it('keeps **bold**, *italic* and `code` as spans without their markers', () => {
    const [line] = renderMarkdown('Use **ss -tan** or `netstat` *first*, not 60*HZ.', 80);
    expect(line!.text).toBe('Use ss -tan or netstat first, not 60*HZ.');
    expect(line!.spans).toEqual([
      { text: 'Use ' },
      { text: 'ss -tan', bold: true },
      { text: ' or ' },
      { text: 'netstat', code: true },
      { text: ' ' },
      { text: 'first', italic: true },
      { text: ', not 60*HZ.' },
    ]);
    expect(parseInline('**bold `code` inside**')).toEqual([
      { text: 'bold ', bold: true },
      { text: 'code', bold: true, code: true },
      { text: ' inside', bold: true },
    ]);
  });

  it('keeps styles on the right characters after wrapping', () => {
    const lines = renderMarkdown('aaaa **bbbb cccc** dddd', 10);
    expect(texts(lines)).toEqual(['aaaa bbbb', 'cccc dddd']);
    expect(lines[0]!.spans).toEqual([{ text: 'aaaa ' }, { text: 'bbbb', bold: true }]);
    expect(lines[1]!.spans).toEqual([{ text: 'cccc', bold: true }, { text: ' dddd' }]);
  });

  it('never wraps code blocks: long lines are cut to the width with …, spacing and markers kept', () => {
    const body = 'Before.\n\n```\n$ ss -tan   state time-wait | wc -l    # one line\n**not bold**\n\n  indented\n```\nAfter.';
    const lines = renderMarkdown(body, 30);
    expect(styles(lines)).toEqual(['text', 'blank', 'code', 'code', 'code', 'code', 'blank', 'text']);
    expect(lines[2]!.text).toBe('$ ss -tan   state time-wait |…');
    expect(stringWidth(lines[2]!.text)).toBe(30);
    expect(lines[2]!.wide).toBe('$ ss -tan   state time-wait | wc -l    # one line');
    expect(lines[3]!.text).toBe('**not bold**');
    expect(lines[4]!.text).toBe('');
    expect(lines[5]!.text).toBe('  indented');
  });

  it('puts a figure where its line is, cut but never wrapped', () => {
    const figures = { box: '\n+------+\n| SYN  |\n+------+\n' };
    const lines = renderMarkdown('Look:\n\n{{figure:box}}\n\nDone.', 80, figures);
    expect(styles(lines)).toEqual(['text', 'blank', 'figure', 'figure', 'figure', 'blank', 'text']);
    expect(texts(lines).slice(2, 5)).toEqual(['+------+', '| SYN  |', '+------+']);
    const narrow = renderMarkdown('{{figure:box}}', 5, figures);
    expect(texts(narrow)).toEqual(['+---…', '| SY…', '+---…']);
  });

  it('shows a one-line placeholder for a figure the pack does not have', () => {
    const lines = renderMarkdown('{{figure:nowhere}}', 80, {});
    expect(lines).toHaveLength(1);
    expect(lines[0]!.style).toBe('figure');
    expect(lines[0]!.text).toContain('nowhere');
    const custom = renderMarkdown('{{figure:nowhere}}', 80, {}, { missingFigure: (n) => `缺少 ${n}` });
    expect(custom[0]!.text).toBe('缺少 nowhere');
  });

  it('keeps table lines as written', () => {
    const lines = renderMarkdown('| state | meaning |\n| --- | --- |\n| **LISTEN** | waiting |', 80);
    expect(styles(lines)).toEqual(['table', 'table', 'table']);
    expect(texts(lines)).toEqual(['| state | meaning |', '| --- | --- |', '| LISTEN | waiting |']);
  });

  it('strips terminal control sequences from the body and from figures', () => {
    const body = '# \x1b[2JTitle\n\nPlain \x1b[31mred\x1b[0m text\x07 and a \x1b]0;owned\x07title.\r\n\n{{figure:evil}}';
    const lines = renderMarkdown(body, 80, { evil: '\x1b[1mART\x1b[0m\tX' });
    for (const l of lines) {
      expect(l.text).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
      for (const s of l.spans) expect(s.text).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    }
    expect(texts(lines)).toEqual(['Title', '', 'Plain red text and a title.', '', 'ART X']);
  });

  it('wraps inside a bullet in Chinese with correct widths', () => {
    const lines = renderMarkdown('- **大量 CLOSE-WAIT**：对端已经关闭，我方程序却没有关。内核早就确认了对方的 FIN。', 24);
    for (const l of lines) expect(stringWidth(l.text)).toBeLessThanOrEqual(24);
    expect(lines[0]!.text.startsWith('• 大量 CLOSE-WAIT')).toBe(true);
    expect(lines.slice(1).every((l) => l.text.startsWith('  '))).toBe(true);
    expect(lines[0]!.spans[1]).toEqual({ text: '大量 CLOSE-WAIT', bold: true });
  });
});

describe('wrapChinese', () => {
  it('pushes a character down rather than start a line with a comma', () => {
    // wrapText alone would put "，" at the start of the second line.
    const lines = wrapChinese('一二三四五，六七', 10);
    expect(lines).toEqual(['一二三四', '五，六七']);
  });
  it('keeps an opening bracket with what follows', () => {
    expect(wrapChinese('一二三四（五六）', 10)).toEqual(['一二三四', '（五六）']);
  });
});

describe('panLine', () => {
  it('shows a wide line from a column on, marking the cut', () => {
    expect(panLine('0123456789', 0, 6)).toBe('01234…');
    expect(panLine('0123456789', 4, 6)).toBe('…56789');
    expect(panLine('ab中文cd', 2, 6)).toBe('… 文cd');
    expect(panLine('ab中文cd', 2, 5)).toBe('… 文…');
  });
});
