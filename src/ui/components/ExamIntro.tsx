// Before an exam: resume the unfinished one, or set up and start a new one
// (questions, minutes, pass mark), or open a past exam's report. A reducer,
// so that "↓ → → ⏎" arriving in one chunk changes the count twice and starts.

import { useEffect, useReducer } from 'react';
import { Box } from 'ink';
import { formatClock, formatWhen, remainingMs } from '../../exam/timer.js';
import { counts } from '../../exam/session.js';
import { MAX_MINUTES } from '../../exam/select.js';
import type { ExamResult, ExamSession } from '../../store/exam-records.js';
import { percent } from '../bars.js';
import { useBodySize } from '../nav-context.js';
import { useKeys } from '../use-keys.js';
import { truncate } from '../text.js';
import type { ExamStrings } from '../screens/exam-strings.js';
import { inSight } from '../screens/practice-session.js';
import { blank, Lines, wrapLines, type StyledLine } from './Lines.js';

export type IntroNote = 'noResume' | 'cannotResume' | 'unfinished' | 'noQuestions';

export type IntroItem = { kind: 'resume' } | { kind: 'start' } | { kind: 'count' } | { kind: 'minutes' } | { kind: 'pass' } | { kind: 'past'; id: string };

export interface Settings {
  count: number;
  minutes: number;
  pass: number;
}

interface State extends Settings {
  cursor: number;
  chosen: IntroItem | null;
  seq: number;
}

// The item a key acts on is looked up here, from the latest cursor, never from the last render.
type Action = { type: 'move'; by: number; items: readonly IntroItem[] } | { type: 'change'; by: number; items: readonly IntroItem[]; maxCount: number } | { type: 'choose'; items: readonly IntroItem[] };

function reduce(st: State, a: Action): State {
  const item = a.items[st.cursor];
  switch (a.type) {
    case 'move':
      return { ...st, cursor: Math.max(0, Math.min(a.items.length - 1, st.cursor + a.by)) };
    case 'change': {
      const clamp = (v: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, v));
      if (item?.kind === 'count') return { ...st, count: clamp(st.count + a.by, 1, a.maxCount) };
      if (item?.kind === 'minutes') return { ...st, minutes: clamp(st.minutes + a.by, 1, MAX_MINUTES) };
      if (item?.kind === 'pass') return { ...st, pass: clamp(st.pass + 5 * a.by, 0, 100) };
      return st;
    }
    case 'choose':
      return item && item.kind !== 'count' && item.kind !== 'minutes' && item.kind !== 'pass' ? { ...st, chosen: item, seq: st.seq + 1 } : st;
  }
}

export function ExamIntro(props: {
  s: ExamStrings;
  now: number;
  stored: ExamSession | null;
  note: IntroNote | null;
  initial: Settings;
  maxCount: number;
  topics: string;
  seed: number | undefined;
  past: readonly ExamResult[];
  onStart: (settings: Settings) => void;
  onResume: () => void;
  onOpen: (id: string) => void;
}) {
  const { s, stored } = props;
  const { columns, rows } = useBodySize();
  const history = [...props.past].reverse();
  const items: IntroItem[] = [...(stored ? [{ kind: 'resume' } as const] : []), { kind: 'start' }, { kind: 'count' }, { kind: 'minutes' }, { kind: 'pass' }, ...history.map((r) => ({ kind: 'past', id: r.id }) as const)];
  const [st, dispatch] = useReducer(reduce, { ...props.initial, count: Math.min(props.initial.count, props.maxCount), cursor: 0, chosen: null, seq: 0 });

  useKeys((input, key) => {
    if (key.downArrow || input === 'j') dispatch({ type: 'move', by: 1, items });
    else if (key.upArrow || input === 'k') dispatch({ type: 'move', by: -1, items });
    else if (key.rightArrow || input === '+' || input === 'l') dispatch({ type: 'change', by: 1, items, maxCount: props.maxCount });
    else if (key.leftArrow || input === '-' || input === 'h') dispatch({ type: 'change', by: -1, items, maxCount: props.maxCount });
    else if (key.pageUp) dispatch({ type: 'change', by: 5, items, maxCount: props.maxCount });
    else if (key.pageDown) dispatch({ type: 'change', by: -5, items, maxCount: props.maxCount });
    else if (key.return) dispatch({ type: 'choose', items });
  });

  useEffect(() => {
    const c = st.chosen;
    if (!c) return;
    if (c.kind === 'resume') props.onResume();
    else if (c.kind === 'start') props.onStart({ count: st.count, minutes: st.minutes, pass: st.pass });
    else if (c.kind === 'past') props.onOpen(c.id);
    // Only a new choice (seq) acts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [st.seq]);

  const label = (item: IntroItem): string => {
    switch (item.kind) {
      case 'resume': {
        const left = remainingMs(stored!, props.now);
        const c = counts(stored!);
        return left > 0 ? s.resume(formatClock(left), c.answered, c.total) : s.resumeTimeUp;
      }
      case 'start':
        return stored ? s.startNew : s.start;
      case 'count':
        return s.count(st.count);
      case 'minutes':
        return s.minutes(st.minutes);
      case 'pass':
        return s.pass(st.pass);
      case 'past': {
        const r = history.find((h) => h.id === item.id)!;
        return s.pastRow(formatWhen(r.finishedAt), percent(r.score), r.passed, r.right, r.total);
      }
    }
  };

  const lines: StyledLine[] = [...wrapLines(s.intro, columns, { dim: true }), ...wrapLines(s.clockRule, columns, { dim: true })];
  if (props.note) lines.push(blank, ...wrapLines(s[props.note], columns, { color: 'yellow' }));
  lines.push(blank);
  let focus: [number, number] = [0, 0];
  items.forEach((item, i) => {
    if (item.kind === 'past' && (i === 0 || items[i - 1]!.kind !== 'past')) lines.push(blank, { text: s.past, bold: true });
    const on = i === st.cursor;
    if (on) focus = [lines.length, lines.length];
    lines.push({ text: truncate(`${on ? '❯' : ' '} ${label(item)}`, columns), ...(on ? { color: 'cyan', bold: true } : {}) });
    if (item.kind === 'pass') {
      lines.push({ text: truncate(`  ${props.topics}`, columns), dim: true });
      if (props.seed !== undefined) lines.push({ text: truncate(`  ${s.seed(props.seed)}`, columns), dim: true });
    }
  });
  const top = inSight(0, focus, rows);
  return (
    <Box flexDirection="column">
      <Lines lines={lines} top={top} rows={rows} width={columns} />
    </Box>
  );
}
