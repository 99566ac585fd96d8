// The ladder diagram's rows: they fit the width at 100, 80, 60 and the
// smallest screen, draw lost and in-flight segments as such, and the header
// shows the clock and the timers with the time they have left.
import { describe, expect, it } from 'vitest';
import builtin from 'virtual:builtin-pack';
import { buildCourse } from '../../src/engine/course.js';
import { playLab } from '../../src/labs/session.js';
import { traceLines } from '../../src/labs/trace.js';
import { parseScript } from '../../src/scenario/parse.js';
import { clockTime, formatLeft, headerRows, ladderRows, rowWidth, type Row } from '../../src/ui/components/ladder-rows.js';
import { LADDER_STRINGS } from '../../src/ui/components/ladder-strings.js';

const course = buildCourse([{ pack: builtin, dir: null }]);
const en = LADDER_STRINGS.en;
const text = (r: Row): string => r.map((s) => s.text).join('').trimEnd();

describe('ladder rows', () => {
  it('every built-in lab, fully run, fits 100, 80, 60 and 40 columns in both languages', () => {
    for (const l of course.labs) {
      const { trace } = playLab(l.lab, l.scenario.source);
      for (const width of [100, 80, 60, 40]) {
        for (const strings of [LADDER_STRINGS.en, LADDER_STRINGS.zh]) {
          const rows = ladderRows(trace, trace.steps.length, { width, strings });
          for (const r of rows) expect(rowWidth(r), `${l.key} at ${width}: ${text(r)}`).toBeLessThanOrEqual(width);
          const last = trace.steps.at(-1)!;
          for (const r of headerRows(last, last.time, last.timers, width, strings)) expect(rowWidth(r)).toBeLessThanOrEqual(width);
        }
      }
    }
  });

  it('draws an arrow with flags and seq/ack, the states on both sides, and the line that caused it', () => {
    const trace = traceLines(parseScript('set client.isn 1000\nserver listen\nclient connect\ndeliver c>s'));
    const rows = ladderRows(trace, trace.steps.length, { width: 80, strings: en }).map(text);
    expect(rows.some((r) => r === '   3 client connect')).toBe(true);
    const syn = rows.find((r) => r.includes('SYN seq=1000'))!;
    expect(syn).toMatch(/^SYN-SENT +─+ SYN seq=1000 ─+▶ LISTEN/);
    const synAck = rows.find((r) => r.includes('SYN,ACK'))!;
    expect(synAck).toMatch(/^SYN-SENT +◁┄+ SYN,ACK seq=\d+ ack=1001 ┄+ SYN-RECEIVED/);
  });

  it('a lost segment is cut short and crossed, with a row saying so', () => {
    const trace = traceLines(parseScript('server listen\nclient connect\ndrop c>s'));
    const rows = ladderRows(trace, trace.steps.length, { width: 60, strings: en }).map(text);
    expect(rows.find((r) => r.includes('SYN seq='))).toMatch(/─✗ +LISTEN$/);
    expect(rows.some((r) => /✗ SYN seq=\d+ · lost/.test(r))).toBe(true);
    // Before the drop ran, the same segment was still in flight.
    const before = ladderRows(trace, 2, { width: 60, strings: en }).map(text);
    expect(before.find((r) => r.includes('SYN seq='))).toMatch(/┄▷ LISTEN$/);
  });

  it('marks injected segments and copies, and the next line to predict', () => {
    const trace = traceLines(parseScript('server listen\nclient connect\ndup c>s\ninject s>c RST seq=5'));
    const rows = ladderRows(trace, trace.steps.length, { width: 80, strings: en, next: { line: 9, command: 'deliver c>s' } }).map(text);
    expect(rows.some((r) => r.includes('SYN seq=') && r.includes('· copy'))).toBe(true);
    expect(rows.some((r) => r.includes('◀') && r.includes('RST seq=5 · injected'))).toBe(true);
    expect(rows.at(-1)).toBe('▶  9 deliver c>s   ?');
  });

  it('puts a label that does not fit the arrow on its own row above it', () => {
    const trace = traceLines(parseScript('set client.isn 4294967295\nset server.isn 4294967290\nserver listen\nclient connect\ndeliver c>s'));
    const rows = ladderRows(trace, trace.steps.length, { width: 40, strings: en }).map(text);
    const i = rows.findIndex((r) => r.includes('SYN,ACK seq=4294967290 ack=0'));
    expect(rows[i + 1]).toMatch(/^SYN-SENT +◁┄+ SYN-RECEIVED$/);
  });

  it('the header shows both states, the clock and each running timer with the time left', () => {
    const trace = traceLines(parseScript('server listen\nclient connect\ndeliver all\nclient close\ndeliver all\nserver close\ndeliver s>c\nwait 1500ms'));
    const last = trace.steps.at(-1)!;
    const [top, timers] = headerRows(last, last.time, last.timers, 80, en).map(text);
    expect(top).toMatch(/^client TIME-WAIT +t=1\.5s +server LAST-ACK$/);
    // The server's FIN went out at 0 s with a 1 s RTO, fired at 1 s, now waits 2 s; 2MSL started at 0 s.
    expect(timers).toBe('timers: server retransmission 1.5s (1 sent again) · client 2MSL 3m59s');
    const zh = headerRows(last, last.time, last.timers, 80, LADDER_STRINGS.zh).map(text);
    expect(zh[1]).toContain('服务器 重传 1.5s');
  });

  it('formats the clock and time left briefly', () => {
    expect([0, 999, 1000, 1500, 60_000, 241_000].map(clockTime)).toEqual(['0s', '999ms', '1s', '1.5s', '1m', '4m1s']);
    expect([250, 1000, 59_500, 240_000, 238_500, 119_600].map(formatLeft)).toEqual(['250ms', '1s', '59.5s', '4m', '3m59s', '2m']);
  });
});
