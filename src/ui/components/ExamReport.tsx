// A finished exam: the score against the pass mark, the time used, per-topic
// bars weakest first, "practise my mistakes", and the review list, which can
// be cut down to the wrong or the flagged questions. Enter opens one question
// (a route of its own, so Esc comes back here with the same filter and row).

import { useEffect, useReducer } from 'react';
import { Box, Text } from 'ink';
import { mistakes, putFirst } from '../../exam/score.js';
import type { ExamResult } from '../../store/exam-records.js';
import type { Route } from '../navigation.js';
import { useBodySize, useNav } from '../nav-context.js';
import { useServices } from '../services.js';
import { useKeys } from '../use-keys.js';
import { EXAM_STRINGS, type ReviewFilter } from '../screens/exam-strings.js';
import { inSight } from '../screens/practice-session.js';
import { FILTERS, filterLine, filtered, reportHead, reviewRow, verdict } from './exam-lines.js';
import { blank, Lines, wrapLines, type StyledLine } from './Lines.js';
import { Screen } from './Screen.js';

type ExamRoute = Extract<Route, { name: 'exam' }>;

interface State {
  filter: ReviewFilter;
  cursor: number;
  /** First line shown; -1 until the learner scrolls: the top, or the selected row when coming back from a question. */
  top: number;
  /** Bumped to open the question under the cursor, and to practise the mistakes. */
  open: number;
  practise: number;
}

// `from` is the top as drawn, for the first action after the report opens (top is -1 until then).
type Action =
  | { type: 'move'; by: number; result: ExamResult; from: number; focus: (cursor: number) => [number, number]; rows: number }
  | { type: 'page'; by: number; from: number; max: number }
  | { type: 'filter'; from: number; list: [number, number]; rows: number }
  | { type: 'open'; result: ExamResult }
  | { type: 'practise' };

function reduce(st: State, a: Action): State {
  switch (a.type) {
    case 'move': {
      // Counted here, under the latest filter (a filter key may have come in the same burst).
      const count = filtered(a.result, st.filter).length;
      if (count === 0) return st;
      const cursor = Math.max(0, Math.min(count - 1, st.cursor + a.by));
      return { ...st, cursor, top: inSight(st.top < 0 ? a.from : st.top, a.focus(cursor), a.rows) };
    }
    case 'page':
      return { ...st, top: Math.max(0, Math.min(a.max, (st.top < 0 ? a.from : st.top) + a.by)) };
    case 'filter':
      // The filter line and the first row of the new list come into sight.
      return { ...st, filter: FILTERS[(FILTERS.indexOf(st.filter) + 1) % FILTERS.length]!, cursor: 0, top: inSight(st.top < 0 ? a.from : st.top, a.list, a.rows) };
    case 'open':
      return filtered(a.result, st.filter).length > 0 ? { ...st, open: st.open + 1 } : st;
    case 'practise':
      return { ...st, practise: st.practise + 1 };
  }
}

export function ExamReport({ route, result }: { route: ExamRoute; result: ExamResult }) {
  const { lang, t } = useServices();
  const s = EXAM_STRINGS[lang];
  return (
    <Screen title={`${t('exam')} · ${s.report}`} hints={[...s.keysReport, t('keysBack')]}>
      <ReportBody route={route} result={result} />
    </Screen>
  );
}

// Inside Screen, where useBodySize knows the real size.
function ReportBody({ route, result: r }: { route: ExamRoute; result: ExamResult }) {
  const { course, lang, progress, save } = useServices();
  const { go } = useNav();
  const { columns, rows: body } = useBodySize();
  // The verdict stays on the first line; the rest scrolls under it.
  const rows = Math.max(1, body - 1);
  const s = EXAM_STRINGS[lang];
  const [st, dispatch] = useReducer(reduce, { filter: route.filter ?? 'all', cursor: route.cursor ?? 0, top: -1, open: 0, practise: 0 });

  const wrong = mistakes(r);
  const v = verdict(r, s);
  const list = filtered(r, st.filter);
  const cursor = Math.min(st.cursor, Math.max(0, list.length - 1));
  const lines: StyledLine[] = [...reportHead(r, course, lang, s, columns), blank];
  if (wrong.length === 0) lines.push(...wrapLines(s.nothingWrong, columns, { color: 'green' }));
  else {
    lines.push(...wrapLines(s.practise(wrong.length), columns, { bold: true }));
    if (wrong.every((k, i) => progress.priority[i] === k)) lines.push(...wrapLines(s.practised(wrong.length), columns, { color: 'green' }));
  }
  lines.push(blank, filterLine(r, st.filter, s, columns));
  const first = lines.length;
  if (list.length === 0) lines.push({ text: s.noneInFilter, dim: true });
  list.forEach((i, at) => lines.push(reviewRow(r, course, lang, i, at === cursor, s, columns)));
  const focus = (c: number): [number, number] => [first + c, first + c];
  const max = Math.max(0, lines.length - rows);
  const top = Math.min(st.top < 0 ? (route.cursor !== undefined ? inSight(0, focus(cursor), rows) : 0) : st.top, max);

  useKeys((input, key) => {
    if (key.downArrow || input === 'j') dispatch({ type: 'move', by: 1, result: r, from: top, focus, rows });
    else if (key.upArrow || input === 'k') dispatch({ type: 'move', by: -1, result: r, from: top, focus, rows });
    else if (key.home || input === 'g') dispatch({ type: 'move', by: -Infinity, result: r, from: top, focus, rows });
    else if (key.end || input === 'G') dispatch({ type: 'move', by: Infinity, result: r, from: top, focus, rows });
    else if (key.pageDown || input === ' ') dispatch({ type: 'page', by: Math.max(1, rows - 1), from: top, max });
    else if (key.pageUp) dispatch({ type: 'page', by: -Math.max(1, rows - 1), from: top, max });
    else if (input === 'f' || key.tab) dispatch({ type: 'filter', from: top, list: [first - 1, first], rows });
    else if (input === 'p') dispatch({ type: 'practise' });
    else if (key.return) dispatch({ type: 'open', result: r });
  });

  const here: ExamRoute = { name: 'exam', review: r.id, filter: st.filter, cursor };
  useEffect(() => {
    if (st.open === 0) return;
    const i = list[cursor];
    if (i === undefined) return;
    go({ type: 'replace', route: here });
    go({ type: 'push', route: { name: 'exam', review: r.id, item: i + 1, filter: st.filter } });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [st.open]);

  useEffect(() => {
    if (st.practise === 0 || wrong.length === 0) return;
    save((p) => putFirst(p, wrong));
    go({ type: 'replace', route: here });
    go({ type: 'push', route: { name: 'practice' } });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [st.practise]);

  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text bold>{v.score}</Text> · <Text bold color={r.passed ? 'green' : 'red'}>{v.verdict}</Text>
      </Text>
      <Lines lines={lines} top={top} rows={rows} width={columns} />
    </Box>
  );
}
