// Past exams as a section of the Progress screen: how many, how many passed,
// best and last, then the latest scores as bars, oldest first, so the score
// over time reads downwards.

import type { ReactNode } from 'react';
import { Text } from 'ink';
import type { Lang } from '../../content/schema.js';
import { formatWhen } from '../../exam/timer.js';
import type { ExamResult } from '../../store/exam-records.js';
import { barParts, fitEnd, fitStart, packLine, percent } from '../bars.js';
import { EXAM_STRINGS } from '../screens/exam-strings.js';
import { truncate, wrapText } from '../text.js';

const SHOWN = 8;
const BAR_MAX = 30;

export function examHistorySection(exams: readonly ExamResult[] | undefined, lang: Lang, width: number): Array<{ key: string; node: ReactNode }> {
  const s = EXAM_STRINGS[lang];
  const history = [...(exams ?? [])].sort((a, b) => a.finishedAt - b.finishedAt);
  const line = (key: string, text: string, props: { bold?: boolean; dim?: boolean } = {}) => ({
    key,
    node: (
      <Text bold={props.bold} dimColor={props.dim} wrap="truncate-end">
        {truncate(text, width)}
      </Text>
    ),
  });
  if (history.length === 0) return wrapText(s.historyNone, width).map((l, i) => line(`exams-none-${i}`, l, { dim: true }));
  const last = history[history.length - 1]!;
  const best = Math.max(...history.map((e) => e.score));
  const passed = history.filter((e) => e.passed).length;
  const out = packLine([s.history, s.historySummary(history.length, passed, percent(best), percent(last.score))], width).map((l, i) => line(`exams-title-${i}`, l, { bold: i === 0 }));
  // The time of day only where there is room for it.
  const dateW = width >= 60 ? 16 : 10;
  // Indent, date, bar, percentage and mark, with a space between each.
  const barW = Math.max(4, Math.min(BAR_MAX, width - 2 - dateW - 1 - 1 - 4 - 1 - 1));
  for (const e of history.slice(-SHOWN)) {
    const { filled, empty } = barParts(e.score, barW);
    out.push({
      key: `exam-${e.id}`,
      node: (
        <Text wrap="truncate-end">
          {'  '}
          <Text dimColor>{fitEnd(formatWhen(e.finishedAt).slice(0, dateW), dateW)}</Text> <Text color={e.passed ? 'green' : 'red'}>{filled}</Text>
          <Text dimColor>{empty}</Text> {fitStart(percent(e.score), 4)} {e.passed ? '✓' : '✗'}
        </Text>
      ),
    });
  }
  return out;
}
