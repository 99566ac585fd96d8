// The lower part of the lab screen, phase by phase, as styled rows that fit
// the width: the intro, the reasons of the line just run, the prediction form,
// the verdict with the core's reason and its RFC section, and the summary.
// Pure, so the layout can be checked without a terminal.

import type { Lang } from '../../content/schema.js';
import type { CoreEvent } from '../../core/types.js';
import { STATES } from '../../core/types.js';
import type { CourseLab } from '../../engine/course.js';
import type { LabKey } from '../../content/validate.js';
import { FLAG_CHOICES, type Draft } from '../../labs/answer.js';
import type { LabScore, Part, PredictionAnswer, PredictionResult } from '../../labs/grade.js';
import { isQuiet } from '../../labs/trace.js';
import type { LabPlay, LabSession } from '../../labs/session.js';
import type { Row, Span } from '../components/ladder-rows.js';
import { clean, stringWidth, truncate, wrapText } from '../text.js';
import type { LabStrings } from './lab-strings.js';

const text = (t: string, style: Omit<Span, 'text'> = {}): Row => [{ text: t, ...style }];

export function wrapRows(t: string, width: number, style: Omit<Span, 'text'> = {}, prefix = ''): Row[] {
  const first = stringWidth(prefix);
  const lines = wrapText(t, Math.max(1, width - first));
  return lines.map((l, i) => [{ text: (i === 0 ? prefix : ' '.repeat(first)) + l, ...style }]);
}

function hostName(host: CoreEvent['host'], s: LabStrings, lang: Lang): string {
  if (host === 'network') return lang === 'zh' ? '网络' : 'network';
  return s.host[host];
}

/** The core's reasons, one bullet each, with the section they follow; when they do not fit, the hosts' before the network's. */
export function reasonRows(events: readonly CoreEvent[], width: number, s: LabStrings, lang: Lang, max: number): Row[] {
  const rowsOf = (list: readonly CoreEvent[]): Row[] =>
    list.flatMap((e) => wrapRows(`${hostName(e.host, s, lang)}${s.colon}${clean(e.text)}${e.ref ? ` [${e.ref}]` : ''}`, width, e.host === 'network' ? { dim: true } : {}, '· '));
  let out = rowsOf(events);
  if (out.length > max) out = rowsOf(events.filter((e) => e.host !== 'network'));
  if (out.length <= max) return out;
  if (max <= 1) return out.slice(0, max).map((r) => [{ ...r[0]!, text: truncate(`${r[0]!.text} …`, width) }]);
  return [...out.slice(0, max - 1), text(truncate(`  … +${out.length - max + 1}`, width), { dim: true })];
}

export function introRows(entry: CourseLab, lang: Lang, s: LabStrings, width: number): Row[] {
  const lab = entry.lab;
  return [
    ...wrapRows(clean(lab.title[lang]), width, { bold: true, color: 'cyan' }),
    text(truncate(s.scenarioLine(clean(lab.scenario), clean(entry.scenario.profile), lab.predictions.length), width), { dim: true }),
    [{ text: '' }],
    ...wrapRows(clean(lab.intro[lang]), width),
    [{ text: '' }],
    ...wrapRows(s.start, width, { color: 'cyan' }),
  ];
}

/** The next line that will run (settings and expects ride along), if any. */
export function nextAction(play: LabPlay, shown: number): { line: number; command: string } | null {
  const steps = play.trace.steps;
  for (let j = shown; j < steps.length; j++) if (!isQuiet(steps[j]!.kind)) return { line: steps[j]!.line, command: steps[j]!.command };
  return null;
}

export function runRows(play: LabPlay, session: LabSession, lang: Lang, s: LabStrings, width: number, max: number): Row[] {
  const last = play.trace.steps[session.shown - 1];
  const next = nextAction(play, session.shown);
  const foot = next ? s.nextLine(next.line, clean(next.command)) : s.lastLine;
  const rows: Row[] = [];
  if (last && !isQuiet(last.kind)) {
    rows.push(text(truncate(`${s.why} · ${last.line} ${clean(last.command)}`, width), { bold: true }));
    rows.push(...reasonRows(last.events, width, s, lang, Math.max(1, max - 2)));
  }
  rows.push(...wrapRows(foot, width, { color: 'cyan' }));
  return rows;
}

/** Columns of the state grid at this width. */
export function gridColumns(width: number): number {
  return Math.max(1, Math.min(6, Math.floor(width / 16)));
}

function stateGrid(d: Draft, active: boolean, width: number): Row[] {
  const cols = gridColumns(width);
  const cell = Math.floor(width / cols);
  const rows: Row[] = [];
  for (let r = 0; r * cols < STATES.length; r++) {
    const row: Row = [];
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      const st = STATES[i];
      if (!st) break;
      const on = i === d.state;
      const mark = on ? (active ? '❯' : '›') : ' ';
      row.push({ text: `${mark} ${st}`.padEnd(cell).slice(0, cell), color: on && active ? 'cyan' : undefined, bold: on, dim: !on && !active });
    }
    rows.push(row);
  }
  return rows;
}

/** The flags to tick, as [x]SYN, or SYN✓ when `compact`; the "= SYN,ACK" after them says what is ticked. */
function flagsRow(d: Draft, active: boolean, s: LabStrings, compact: boolean): Row {
  const row: Row = [{ text: `${s.flags}${s.colon.trim()}`, bold: active, color: active ? 'cyan' : undefined }];
  FLAG_CHOICES.forEach((f, i) => {
    const ticked = d.flags.includes(f);
    const here = active && i === d.flagCursor;
    // The cursor and the ticks are in the text too, so they show without colour (NO_COLOR).
    row.push({ text: here ? '›' : ' ', color: 'cyan', bold: true });
    row.push({ text: compact ? `${f}${ticked ? '✓' : ' '}` : `[${ticked ? 'x' : ' '}]${f}`, color: here ? 'cyan' : ticked ? 'green' : undefined, bold: here || ticked, dim: !active && !ticked });
  });
  const chosen = FLAG_CHOICES.filter((f) => d.flags.includes(f));
  row.push({ text: ` ${s.sendsThat(chosen.length ? chosen.join(',') : s.sendsNothing)}`, dim: true });
  return row;
}

function numbersRow(d: Draft, s: LabStrings): Row {
  const row: Row = [];
  const live = d.flags.length > 0;
  for (const f of ['seq', 'ack'] as const) {
    if (!d.fields.includes(f)) continue;
    const active = d.fields[d.field] === f;
    row.push({ text: `${s[f]}${s.colon}`, bold: active, color: active ? 'cyan' : undefined, dim: !live });
    row.push({ text: `${d[f]}${active ? '▏' : ''}`.padEnd(11, '_'), color: active ? 'cyan' : undefined, dim: !live });
    row.push({ text: '   ' });
  }
  return row;
}

/** The prediction form. `compact` (a small screen) shows the state as one ◀ STATE ▶ row and the prompt on one line. */
export function predictRows(play: LabPlay, session: LabSession, draft: Draft, lang: Lang, s: LabStrings, width: number, compact = false): Row[] {
  const i = session.current!;
  const p = play.lab.predictions[i]!;
  const step = play.trace.steps[session.shown]!;
  const host = s.host[p.host];
  const field = draft.fields[draft.field];
  const prompt = clean(p.prompt[lang]);
  const rows: Row[] = [
    text(truncate(s.predictionOf(i + 1, play.lab.predictions.length, step.line, clean(step.command)), width), { color: 'cyan', bold: true }),
    ...(compact ? [text(truncate(prompt, width), { bold: true })] : wrapRows(prompt, width, { bold: true })),
  ];
  if (draft.fields.includes('state')) {
    const active = field === 'state';
    if (compact) {
      rows.push([
        { text: `${s.stateOf(host)}${s.colon}`, bold: active, color: active ? 'cyan' : undefined },
        { text: `${active ? '❯' : ' '} ◀ ${STATES[draft.state]} ▶`, bold: true, color: active ? 'cyan' : undefined },
      ]);
    } else {
      rows.push(text(truncate(`${s.stateOf(host)}${s.colon.trim()}`, width), { bold: active, color: active ? 'cyan' : undefined }));
      rows.push(...stateGrid(draft, active, width));
    }
  }
  if (draft.fields.includes('sends')) rows.push(flagsRow(draft, field === 'sends', s, compact || width < 56));
  if (draft.fields.includes('seq') || draft.fields.includes('ack')) rows.push(numbersRow(draft, s));
  return rows;
}

/** "sends SYN,ACK", or "sends nothing" (the Chinese puts these differently, so both are whole phrases). */
function sendsText(flags: readonly string[] | undefined, s: LabStrings): string {
  if (!flags) return `${s.sendsWord} ?`;
  return flags.length === 0 ? s.sendsNone : `${s.sendsWord} ${flags.join(',')}`;
}

export function answerText(parts: readonly Part[], a: PredictionAnswer, s: LabStrings): string {
  const out: string[] = [];
  if (parts.includes('state')) out.push(a.state ?? '?');
  if (parts.includes('sends')) {
    let sends = sendsText(a.sends, s);
    // Sending nothing has no numbers to show.
    const numbers = a.sends === undefined || a.sends.length > 0;
    if (numbers && parts.includes('seq')) sends += ` seq=${a.seq ?? '?'}`;
    if (numbers && parts.includes('ack')) sends += ` ack=${a.ack ?? '?'}`;
    out.push(sends);
  }
  return out.join(' · ');
}

export function keyText(key: LabKey, s: LabStrings): string {
  let sends = sendsText(key.sends, s);
  if (key.seq !== null) sends += ` seq=${key.seq}`;
  if (key.ack !== null) sends += ` ack=${key.ack}`;
  return `${key.state} · ${sends}`;
}

export function verdict(r: PredictionResult, s: LabStrings): Span {
  if (r.correct) return { text: s.right, color: 'green', bold: true };
  if (r.score > 0) return { text: s.partly(Math.round(r.score * 100)), color: 'yellow', bold: true };
  return { text: s.wrong, color: 'red', bold: true };
}

export function revealRows(play: LabPlay, session: LabSession, lang: Lang, s: LabStrings, width: number, max: number): Row[] {
  const r = session.results.at(-1)!;
  const p = play.lab.predictions[r.index]!;
  const step = play.trace.steps[session.shown - 1]!;
  const parts = Object.keys(r.parts) as Part[];
  const rows: Row[] = [
    [verdict(r, s), { text: truncate(`  ${step.line} ${clean(step.command)}`, Math.max(1, width - stringWidth(verdict(r, s).text))), dim: true }],
    ...wrapRows(answerText(parts, r.answer, s), width, { color: r.correct ? 'green' : 'red' }, `${s.you}${s.colon}`),
    ...wrapRows(keyText(r.key, s), width, { color: 'green' }, `${s.core}${s.colon}`),
  ];
  if (p.explain) rows.push(...wrapRows(clean(p.explain[lang]), width));
  const own = step.events.filter((e) => e.host === p.host);
  const room = Math.max(1, max - rows.length - 1);
  rows.push(text(`${s.why}${s.colon.trim()}`, { bold: true }), ...reasonRows(own.length > 0 ? own : step.events, width, s, lang, room));
  return rows;
}

export function doneRows(entry: CourseLab, score: LabScore, best: number, queued: number, lang: Lang, s: LabStrings, width: number): Row[] {
  const pct = Math.round(score.score * 100);
  const rows: Row[] = [text(truncate(s.score(score.correct, score.total, pct, Math.round(best * 100)), width), { bold: true, color: pct === 100 ? 'green' : 'yellow' })];
  if (score.missed.length === 0) rows.push(text(s.noneMissed, { color: 'green' }));
  else {
    rows.push(text(`${s.missed}${s.colon.trim()}`, { bold: true }));
    for (const m of score.missed) {
      const p = entry.lab.predictions[m.index]!;
      const parts = Object.keys(m.parts) as Part[];
      const line = s.missedLine(m.step, s.host[p.host], keyText(m.key, s), answerText(parts, m.answer, s));
      rows.push(...wrapRows(line, width, { color: 'red' }));
    }
  }
  const q = s.queued(queued);
  if (q) rows.push(text(truncate(q, width), { dim: true }));
  rows.push([{ text: '' }], ...wrapRows(clean(entry.lab.outro[lang]), width));
  return rows;
}
