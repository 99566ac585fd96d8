// Predict the next step: the scenario so far as a compact ladder that fits
// any width, the line about to run, and one or two pickers (the host's next
// state, the flags it sends). ←→ or Tab switch picker; Enter moves on to the
// next picker, then answers.

import { Box, Text } from 'ink';
import type { CompiledQuestion } from '../../content/validate.js';
import type { Lang, ScenarioFile } from '../../content/schema.js';
import type { Answer } from '../../engine/grade.js';
import { describe, type FlagName } from '../../core/segment.js';
import { STATES, type State } from '../../core/types.js';
import { formatTime } from '../../scenario/ladder.js';
import { runToLine, type Step } from '../../scenario/run.js';
import type { Keystroke } from '../keystroke.js';
import { fill } from '../screens/practice-strings.js';
import type { KeyResult, ViewCtx } from '../screens/practice-types.js';
import { clean, truncate } from '../text.js';
import { blank, Lines, wrapLines, type StyledLine } from './Lines.js';

export type PredictQ = Extract<CompiledQuestion, { kind: 'predict' }>;

/** The scenario run up to the line asked about, and that line's own step for the feedback. */
export interface PredictSetup {
  title: string;
  profile: string;
  steps: Step[];
  /** The line to predict, as written (without its comment). */
  command: string;
  line: number;
  /** The host's state before the line. */
  before: State;
  /** What the line did, for the feedback. */
  outcome: Step | null;
  beforeOutcome: { client: State; server: State };
}

export function setupPredict(q: PredictQ, file: ScenarioFile | undefined, lang: Lang): PredictSetup | null {
  if (!file) return null;
  const r = runToLine(file.source, q.step);
  if ('error' in r) return null;
  const last = r.before[r.before.length - 1];
  const states = { client: last?.client ?? 'CLOSED', server: last?.server ?? 'CLOSED' };
  return {
    title: clean(file.title[lang]),
    profile: clean(file.profile),
    steps: r.before,
    command: clean(r.line.text),
    line: q.step,
    before: states[q.host],
    outcome: r.step,
    beforeOutcome: states,
  };
}

const SENDS: FlagName[][] = [[], ['SYN'], ['SYN', 'ACK'], ['ACK'], ['FIN', 'ACK'], ['RST'], ['RST', 'ACK'], ['PSH', 'ACK']];

const sameFlags = (a: readonly FlagName[], b: readonly FlagName[]): boolean => a.length === b.length && a.every((f) => b.includes(f));

/** The flag sets offered; the key's own set is added when the usual list lacks it, so every item can be answered. */
export function sendOptions(q: PredictQ): FlagName[][] {
  const key = q.key?.sends;
  return key && !SENDS.some((s) => sameFlags(s, key)) ? [...SENDS, key] : SENDS;
}

export function flagsLabel(flags: readonly FlagName[], s: ViewCtx['s']): string {
  return flags.length === 0 ? s.sendsNothing : flags.join(',');
}

type Column = 'state' | 'sends';

export function columns(q: PredictQ): Column[] {
  return q.ask === 'both' ? ['state', 'sends'] : [q.ask];
}

export interface PredictState {
  col: number;
  state: number;
  sends: number;
}

export function initPredict(setup: PredictSetup | null): PredictState {
  return { col: 0, state: Math.max(0, STATES.indexOf(setup?.before ?? 'CLOSED')), sends: 0 };
}

export function predictKey(q: PredictQ, st: PredictState, k: Keystroke): KeyResult<PredictState> {
  const cols = columns(q);
  const col = cols[st.col] ?? 'state';
  const count = col === 'state' ? STATES.length : sendOptions(q).length;
  const move = (to: number): PredictState => ({ ...st, [col]: Math.max(0, Math.min(count - 1, to)) });
  if (k.up || k.ch === 'k') return { state: move(st[col] - 1) };
  if (k.down || k.ch === 'j') return { state: move(st[col] + 1) };
  if (k.home || k.ch === 'g') return { state: move(0) };
  if (k.end || k.ch === 'G') return { state: move(count - 1) };
  if (k.left || k.ch === 'h') return { state: { ...st, col: Math.max(0, st.col - 1) } };
  if (k.right || k.ch === 'l') return { state: { ...st, col: Math.min(cols.length - 1, st.col + 1) } };
  if (k.tab) return { state: { ...st, col: (st.col + 1) % cols.length } };
  if (k.enter) {
    if (st.col < cols.length - 1) return { state: { ...st, col: st.col + 1 } };
    const answer: Answer = { kind: 'predict' };
    if (q.ask !== 'sends') answer.state = STATES[st.state]!;
    if (q.ask !== 'state') answer.sends = sendOptions(q)[st.sends]!;
    return { state: st, answer };
  }
  return { state: st };
}

/** One scenario line, compactly: the command, the segments sent, the states that changed. */
export function stepLines(step: Step, before: { client: State; server: State }, width: number, mark = ' '): StyledLine[] {
  const out: StyledLine[] = [];
  const time = step.time > 0 ? `  t=${formatTime(step.time)}` : '';
  out.push({ text: truncate(`${mark}${String(step.line).padStart(3)} ${clean(step.command)}${time}`, width) });
  const shown = step.sent.slice(0, 4);
  for (const seg of shown) out.push({ text: truncate(`       ${seg.from === 'client' ? 'c→s' : 's→c'} ${describe(seg)}`, width), color: 'yellow' });
  if (step.sent.length > shown.length) out.push({ text: truncate(`       … +${step.sent.length - shown.length}`, width), dim: true });
  for (const host of ['client', 'server'] as const) {
    if (step[host] !== before[host]) out.push({ text: truncate(`       ${host}: ${before[host]} → ${step[host]}`, width), color: 'green' });
  }
  if (step.error) out.push({ text: truncate(`       ! ${step.error}`, width), color: 'red' });
  return out;
}

/** The context above the pickers: the scenario so far, the line about to run, and the question. */
export function predictLines(q: PredictQ, setup: PredictSetup, ctx: ViewCtx): StyledLine[] {
  const w = ctx.width;
  const lines: StyledLine[] = [{ text: truncate(`${ctx.s.scenario}${setup.title} (${setup.profile})`, w), dim: true }];
  lines.push({ text: truncate('       client: CLOSED · server: CLOSED', w), dim: true });
  let before: { client: State; server: State } = { client: 'CLOSED', server: 'CLOSED' };
  for (const step of setup.steps) {
    const quiet = step.sent.length === 0 && step.client === before.client && step.server === before.server && !step.error;
    // Settings and expects change nothing on the wire; they would only crowd the ladder.
    if (!quiet || !/^(set|expect)\b/.test(step.command.trim())) lines.push(...stepLines(step, before, w));
    before = { client: step.client, server: step.server };
  }
  const ask = fill(ctx.s.askHost, { host: ctx.s.hostName[q.host] });
  lines.push(...wrapLines(`${setup.command}   ← ${ask}`, w, { bold: true, color: 'cyan' }, `▶${String(setup.line).padStart(3)} `));
  lines.push(blank, ...wrapLines(clean(q[ctx.lang].prompt), w, { bold: true }));
  return lines;
}

/** Rows the pickers take: a title and the states, as many as fit in half the view. */
export function pickerRows(rows: number): number {
  return Math.min(STATES.length + 1, Math.max(4, Math.floor(rows / 2)));
}

export function predictFeedback(q: PredictQ, setup: PredictSetup | null, answer: Answer, ctx: ViewCtx): StyledLine[] {
  const key = q.key;
  const a = answer.kind === 'predict' ? answer : { kind: 'predict' as const };
  const parts = (state: State | undefined, sends: readonly FlagName[] | undefined): string =>
    [q.ask !== 'sends' ? `${ctx.s.state} ${state ?? '?'}` : null, q.ask !== 'state' ? `${ctx.s.sends} ${sends ? flagsLabel(sends, ctx.s) : '?'}` : null].filter(Boolean).join(' · ');
  const right = key !== undefined && (q.ask === 'sends' || a.state === key.state) && (q.ask === 'state' || sameFlags(a.sends ?? [], key.sends));
  const lines: StyledLine[] = [
    ...wrapLines(parts(a.state, a.sends), ctx.width, { color: right ? 'green' : 'red' }, ctx.s.yourAnswer),
    ...wrapLines(parts(key?.state, key?.sends), ctx.width, { color: 'green' }, ctx.s.theAnswer),
  ];
  if (setup?.outcome) lines.push(blank, { text: ctx.s.happened, bold: true }, ...stepLines(setup.outcome, setup.beforeOutcome, ctx.width));
  return lines;
}

function Picker(props: { title: string; items: string[]; cursor: number; active: boolean; rows: number; width: number }) {
  const visible = Math.max(1, props.rows - 1);
  const top = Math.max(0, Math.min(props.cursor - Math.floor(visible / 2), props.items.length - visible));
  return (
    <Box flexDirection="column" width={props.width}>
      <Text bold underline={props.active} color={props.active ? 'cyan' : undefined} wrap="truncate-end">
        {truncate(props.title, props.width - 1)}
      </Text>
      {props.items.slice(top, top + visible).map((item, i) => {
        const on = top + i === props.cursor;
        return (
          <Text key={item} color={on && props.active ? 'cyan' : undefined} bold={on} dimColor={!on && !props.active} wrap="truncate-end">
            {truncate(`${on ? (props.active ? '❯' : '›') : ' '} ${item}`, props.width - 1)}
          </Text>
        );
      })}
    </Box>
  );
}

/** `rows` is the whole view; `contextRows` the part above the pickers. */
export function PredictQuestion(props: { q: PredictQ; setup: PredictSetup; state: PredictState; ctx: ViewCtx; top: number; rows: number; contextRows: number }) {
  const { q, ctx, state } = props;
  const picker = pickerRows(props.rows);
  const cols = columns(q);
  const colWidth = Math.max(10, Math.min(24, Math.floor(ctx.width / cols.length)));
  const host = ctx.s.hostName[q.host];
  return (
    <Box flexDirection="column">
      <Lines lines={predictLines(q, props.setup, ctx)} top={props.top} rows={props.contextRows} width={ctx.width} />
      <Box flexDirection="row" height={picker}>
        {cols.map((c, i) => (
          <Picker
            key={c}
            title={fill(c === 'state' ? ctx.s.stateOf : ctx.s.sendsOf, { host })}
            items={c === 'state' ? [...STATES] : sendOptions(q).map((f) => flagsLabel(f, ctx.s))}
            cursor={c === 'state' ? state.state : state.sends}
            active={i === state.col}
            rows={picker}
            width={colWidth}
          />
        ))}
      </Box>
    </Box>
  );
}
