import { describe, expect, it } from 'vitest';
import { bar, barParts, chartWidth, columnChart, filledCells, fitEnd, fitStart, packLine, percent, sparkline, spread } from '../../src/ui/bars.js';
import { stringWidth } from '../../src/ui/text.js';

describe('bar', () => {
  it('fills its width in proportion, always exactly width columns', () => {
    expect(bar(0, 10)).toBe('░'.repeat(10));
    expect(bar(1, 10)).toBe('█'.repeat(10));
    expect(bar(0.5, 10)).toBe('█████░░░░░');
    expect(bar(0.26, 4)).toBe('█░░░');
    for (const v of [0, 0.001, 0.33, 0.5, 0.999, 1]) for (const w of [1, 4, 9, 30]) expect(stringWidth(bar(v, w))).toBe(w);
  });

  it('looks empty only at 0 and full only at 1', () => {
    expect(bar(0.001, 10)).toBe('█░░░░░░░░░');
    expect(bar(0.999, 10)).toBe('█████████░');
    expect(filledCells(0.5, 1)).toBe(0);
    expect(filledCells(0.01, 1)).toBe(1);
  });

  it('clamps values out of range and treats NaN as 0', () => {
    expect(bar(-1, 5)).toBe('░░░░░');
    expect(bar(7, 5)).toBe('█████');
    expect(bar(Number.NaN, 5)).toBe('░░░░░');
    expect(bar(0.5, 0)).toBe('');
  });

  it('gives the parts apart for colouring', () => {
    expect(barParts(0.3, 10)).toEqual({ filled: '███', empty: '░░░░░░░' });
  });
});

describe('percent', () => {
  it('rounds, with 0% and 100% only when exact', () => {
    expect(percent(0)).toBe('0%');
    expect(percent(1)).toBe('100%');
    expect(percent(0.424)).toBe('42%');
    expect(percent(0.001)).toBe('1%');
    expect(percent(0.999)).toBe('99%');
  });
});

describe('columnChart and sparkline', () => {
  it('scales to the largest count in eighths', () => {
    expect(sparkline([0, 1, 2, 4, 8])).toBe('·▁▂▄█');
    expect(sparkline([3, 3])).toBe('██');
  });

  it('shows an all-zero series as a dotted baseline', () => {
    expect(sparkline([0, 0, 0])).toBe('···');
    expect(columnChart([0, 0], 3)).toEqual(['  ', '  ', '··']);
  });

  it('gives any non-zero count at least one eighth', () => {
    expect(sparkline([1, 1000])).toBe('▁█');
  });

  it('draws taller charts top row first, with column width and gaps', () => {
    expect(columnChart([0, 1, 2], 2)).toEqual(['  █', '·██']);
    expect(columnChart([2, 1], 2, 2, 1)).toEqual(['██   ', '██ ██']);
    expect(columnChart([4, 1], 2)).toEqual(['█ ', '█▄']);
    const rows = columnChart([5, 0, 3, 9, 1, 0, 2], 4, 2, 1);
    expect(rows).toHaveLength(4);
    for (const r of rows) expect(stringWidth(r)).toBe(chartWidth(7, 2, 1));
  });

  it('knows its width', () => {
    expect(chartWidth(14, 2, 1)).toBe(41);
    expect(chartWidth(14, 1, 1)).toBe(27);
    expect(chartWidth(0, 1, 1)).toBe(0);
  });
});

describe('fitting text', () => {
  it('cuts or pads to a display width, CJK counting two', () => {
    expect(fitEnd('abc', 5)).toBe('abc  ');
    expect(fitEnd('abcdef', 4)).toBe('abc…');
    expect(fitEnd('三次握手', 5)).toBe('三次…');
    expect(stringWidth(fitEnd('三次握手', 5))).toBe(5);
    expect(stringWidth(fitEnd('三次握手', 6))).toBe(6);
    expect(fitStart('7', 3)).toBe('  7');
    expect(fitStart('到期', 5)).toBe(' 到期');
    expect(fitStart('1234', 2)).toBe('1234');
  });

  it('packs parts into lines without splitting one', () => {
    expect(packLine(['aaa', 'bb', 'cccc'], 20)).toEqual(['aaa · bb · cccc']);
    expect(packLine(['aaa', 'bb', 'cccc'], 9)).toEqual(['aaa · bb', 'cccc']);
    expect(packLine(['连续 3 天', '今日复习 5'], 12)).toEqual(['连续 3 天', '今日复习 5']);
    expect(packLine(['a-very-long-part'], 6)).toEqual(['a-ver…']);
    expect(packLine([], 10)).toEqual([]);
  });

  it('spreads two labels across a width, or keeps the left one', () => {
    expect(spread('11-08', 'today', 15)).toBe('11-08     today');
    expect(spread('11-08', '今天', 12)).toBe('11-08   今天');
    expect(spread('11-08', 'today', 10)).toBe('11-08');
  });
});
