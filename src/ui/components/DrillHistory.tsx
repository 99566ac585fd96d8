// Past interview drills, newest first: when, the share of key points
// covered, how many questions, how long. The interview screen lists them to
// re-read; the Progress screen can show them as a section.

import type { ReactNode } from 'react';
import { Box, Text } from 'ink';
import type { Lang } from '../../content/schema.js';
import type { DrillResult } from '../../store/drill-records.js';
import { formatDuration, formatWhen } from '../../drill/clock.js';
import { drillReport, percent } from '../../drill/report.js';
import { INTERVIEW_STRINGS } from '../screens/interview-strings.js';
import { truncate, wrapText } from '../text.js';

export interface HistoryRow {
  id: string;
  text: string;
  /** Share of key points covered, 0..1. */
  share: number;
}

export function drillHistoryRows(drills: readonly DrillResult[] | undefined, lang: Lang): HistoryRow[] {
  const s = INTERVIEW_STRINGS[lang];
  return [...(drills ?? [])]
    .sort((a, b) => b.finishedAt - a.finishedAt)
    .map((d) => {
      const r = drillReport(d);
      const time = formatDuration(r.ms);
      return { id: d.id, text: s.historyRow(formatWhen(d.finishedAt), percent(d.covered, d.total), d.covered, d.total, r.questions.length, time), share: d.total === 0 ? 1 : d.covered / d.total };
    });
}

export function shareColor(share: number): string {
  return share >= 0.8 ? 'green' : share >= 0.5 ? 'yellow' : 'red';
}

/** At most `rows` rows; with a cursor, the window keeps it in sight and marks it. */
export function DrillHistory(props: { drills: readonly DrillResult[] | undefined; lang: Lang; width: number; rows: number; cursor?: number | null }) {
  const rows = drillHistoryRows(props.drills, props.lang);
  const s = INTERVIEW_STRINGS[props.lang];
  if (rows.length === 0) return <Text dimColor>{truncate(s.noPast, props.width)}</Text>;
  const visible = Math.max(1, props.rows);
  const cursor = props.cursor ?? null;
  const top = cursor === null ? 0 : Math.max(0, Math.min(cursor - visible + 1, rows.length - visible));
  return (
    <Box flexDirection="column">
      {rows.slice(top, top + visible).map((r, i) => {
        const selected = cursor === top + i;
        return (
          <Text key={r.id} color={selected ? 'cyan' : undefined} wrap="truncate-end">
            {truncate(`${selected ? '❯' : ' '} ${r.text}`, props.width)}
          </Text>
        );
      })}
    </Box>
  );
}

/** The history as a section of one-row lines (the Progress screen's page): a title, then one row per drill. */
export function drillHistorySection(drills: readonly DrillResult[] | undefined, lang: Lang, width: number): Array<{ key: string; node: ReactNode }> {
  const s = INTERVIEW_STRINGS[lang];
  const rows = drillHistoryRows(drills, lang);
  const out: Array<{ key: string; node: ReactNode }> = wrapText(s.historyTitle, width).map((l, i) => ({
    key: `drills-title-${i}`,
    node: (
      <Text bold={i === 0} wrap="truncate-end">
        {l}
      </Text>
    ),
  }));
  if (rows.length === 0) out.push({ key: 'drills-none', node: <Text dimColor>{truncate(`  ${s.noPast}`, width)}</Text> });
  for (const r of rows) {
    out.push({
      key: `drill-${r.id}`,
      node: (
        <Text color={shareColor(r.share)} wrap="truncate-end">
          {truncate(`  ${r.text}`, width)}
        </Text>
      ),
    });
  }
  return out;
}
