// The end of a drill: key points covered overall, per question and per
// topic, the weakest first, the time each answer took, and the points
// missed. Enter on a question re-reads the answers to it.

import { useEffect, useReducer } from 'react';
import { Box } from 'ink';
import { useKeys } from '../use-keys.js';
import type { Lang } from '../../content/schema.js';
import type { Course } from '../../engine/course.js';
import type { DrillResult } from '../../store/drill-records.js';
import { formatDuration } from '../../drill/clock.js';
import { drillReport, percent, share, weakKeys, type ItemReport } from '../../drill/report.js';
import { itemText } from '../../drill/session.js';
import { INTERVIEW_STRINGS, type InterviewStrings } from '../screens/interview-strings.js';
import { useBodySize } from '../nav-context.js';
import { useServices } from '../services.js';
import { clean, stringWidth, truncate } from '../text.js';
import { useFollowScroll } from '../use-follow-scroll.js';
import { LineWindow, wrapStyled, type StyledLine } from './LineWindow.js';
import { shareColor } from './DrillHistory.js';

export interface ReportPage {
  lines: StyledLine[];
  /** Where each question's block is, in report order (weakest first), with its index in the drill. */
  targets: Array<{ index: number; start: number; end: number }>;
}

export function itemTime(i: Pick<ItemReport, 'ms' | 'over'>, limitMs: number): string {
  return i.over ? `${formatDuration(i.ms)} (+${formatDuration(i.ms - limitMs)})` : formatDuration(i.ms);
}

/** The report as lines of `width` columns. `fresh`: just finished, so the practice queue note applies. */
export function reportLines(result: DrillResult, course: Course, lang: Lang, width: number, fresh: boolean): ReportPage {
  const s: InterviewStrings = INTERVIEW_STRINGS[lang];
  const r = drillReport(result);
  const lines: StyledLine[] = [];
  const push = (...l: StyledLine[]): void => void lines.push(...l);
  push(...wrapStyled(s.summary(r.covered, r.total, percent(r.covered, r.total), r.questions.length, formatDuration(r.ms)), width, { bold: true }));
  push(...wrapStyled(s.seed(result.seed), width, { dim: true }));
  const weak = weakKeys(r).length;
  if (fresh) push(...wrapStyled(weak > 0 ? s.priority(weak) : s.allCovered, width, { color: weak > 0 ? 'yellow' : 'green' }));
  push({ text: '' }, ...wrapStyled(s.weakest, width, { bold: true }));

  const targets: ReportPage['targets'] = [];
  for (const q of r.questions) {
    const start = lines.length;
    const main = itemText(course, result, { q: q.index, f: -1 }, lang);
    const head = `${percent(q.covered, q.total).padStart(4)} ${q.covered}/${q.total}  `;
    const prompt = main ? clean(main.main) : q.key;
    push({ text: `  ${head}${truncate(prompt, Math.max(1, width - 2 - stringWidth(head)))}`, color: shareColor(share(q.covered, q.total)) });
    const dq = result.questions[q.index];
    const label = (f: number): string => (f < 0 ? s.main : s.followupShort((dq?.followups.indexOf(f) ?? 0) + 1));
    const parts = q.items.map((i) => `${label(i.f)} ${i.covered}/${i.total} ${itemTime(i, result.limitMs)}`);
    push(...wrapStyled(parts.join(' · '), width, { dim: true }, '    '));
    for (const i of q.items) {
      const text = itemText(course, result, { q: q.index, f: i.f }, lang);
      for (const m of i.missed) {
        const point = text?.points[m];
        if (point) push(...wrapStyled(clean(point), width, { color: 'yellow' }, `    ${s.missedIn(label(i.f))}`));
      }
    }
    targets.push({ index: q.index, start, end: lines.length });
  }

  push({ text: '' }, ...wrapStyled(s.byTopic, width, { bold: true }));
  const titles = r.topics.map((t) => clean(course.topics.find((c) => c.key === t.topic)?.title[lang] ?? t.topic));
  const titleW = Math.min(Math.max(0, ...titles.map((t) => stringWidth(t))), Math.max(8, width - 16));
  r.topics.forEach((t, i) => {
    const title = truncate(titles[i]!, titleW);
    const pad = ' '.repeat(Math.max(0, titleW - stringWidth(title)));
    push({ text: `  ${title}${pad}  ${percent(t.covered, t.total).padStart(4)} ${t.covered}/${t.total}`, color: shareColor(share(t.covered, t.total)) });
  });
  return { lines, targets };
}

type State = { cursor: number; opened: number | null; seq: number };
type Action = { type: 'move'; by: number; count: number } | { type: 'open'; count: number };

function reducer(s: State, a: Action): State {
  if (a.count === 0) return s;
  if (a.type === 'move') return { ...s, cursor: Math.max(0, Math.min(a.count - 1, s.cursor + a.by)) };
  return { ...s, opened: s.cursor, seq: s.seq + 1 };
}

/** The report, scrollable, with a cursor on the questions; `onOpen` gets the drill index of the question chosen. */
export function DrillReportView(props: { result: DrillResult; fresh: boolean; onOpen: (index: number) => void }) {
  const { course, lang } = useServices();
  const { rows, columns } = useBodySize();
  const page = reportLines(props.result, course, lang, columns, props.fresh);
  const count = page.targets.length;
  const [state, dispatch] = useReducer(reducer, { cursor: 0, opened: null, seq: 0 });
  useKeys((input, key) => {
    if (key.downArrow || input === 'j') dispatch({ type: 'move', by: 1, count });
    else if (key.upArrow || input === 'k') dispatch({ type: 'move', by: -1, count });
    else if (key.return) dispatch({ type: 'open', count });
  });
  useEffect(() => {
    if (state.opened !== null) {
      const target = page.targets[state.opened];
      if (target) props.onOpen(target.index);
    }
    // Only a new Enter (seq) opens a question.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.seq]);

  const target = page.targets[state.cursor];
  const lines = page.lines.map((l, i) => (target && i === target.start ? { ...l, text: `❯${l.text.slice(1)}`, bold: true } : l));
  const top = useFollowScroll(lines.length, rows, target ? { key: state.cursor, start: target.start, end: target.end } : null);
  return (
    <Box flexDirection="column">
      <LineWindow lines={lines} top={top} rows={rows} width={columns} />
    </Box>
  );
}
