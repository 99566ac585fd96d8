// Progress: a summary line, mastery and due cards per topic, and reviews per
// day. The page is a list of one-row lines built section by section, so a
// later section (exam history, labs) is one more function in `sections`, and
// scrolling works the same whatever is on the page.

import type { ReactNode } from 'react';
import { Box, Text } from 'ink';
import { Screen } from '../components/Screen.js';
import { useBodySize } from '../nav-context.js';
import { useServices, type Services } from '../services.js';
import type { Route } from '../navigation.js';
import { useScroll } from '../use-scroll.js';
import { clean, stringWidth, wrapText } from '../text.js';
import { barParts, chartWidth, columnChart, fitEnd, fitStart, packLine, percent, spread } from '../bars.js';
import { reviewsPerDay, streak, topicStats, type TopicStats } from '../../engine/stats.js';
import { PROGRESS_STRINGS, type ProgressStrings } from './progress-strings.js';
import { drillHistorySection } from '../components/DrillHistory.js';
import { examHistorySection } from '../components/ExamHistory.js';

const DAYS = 14;
const BAR_MIN = 4;
const BAR_MAX = 30;

export interface Line {
  key: string;
  node: ReactNode;
}

interface Page {
  services: Services;
  s: ProgressStrings;
  columns: number;
  rows: number;
  time: number;
  /** Per topic, in course order. */
  stats: TopicStats[];
}

const text = (key: string, s: string, props: { dim?: boolean; bold?: boolean; color?: string } = {}): Line => ({
  key,
  node: (
    <Text dimColor={props.dim} bold={props.bold} color={props.color} wrap="truncate-end">
      {s}
    </Text>
  ),
});

function summary({ services, s, columns, time, stats }: Page): Line[] {
  const { progress, course } = services;
  const read = course.lessons.filter((l) => progress.lessons[l.key]).length;
  const due = stats.reduce((n, t) => n + t.due, 0);
  const today = reviewsPerDay(progress, time, 1)[0]!.count;
  const parts = [s.streak(streak(progress, time)), s.reviewsToday(today), s.dueNow(due), s.lessonsRead(read, course.lessons.length)];
  const lines = packLine(parts, columns).map((l, i) => text(`summary-${i}`, l, { bold: true }));
  if (progress.reviews.length === 0) wrapText(s.empty, columns).forEach((l, i) => lines.push(text(`summary-empty-${i}`, l, { dim: true })));
  return lines;
}

/** Widths of the topic table's columns for `columns` of screen. */
export function topicColumns(columns: number, titleWidth: number, seenW: number, dueW: number): { title: number; bar: number } {
  const PCT = 4; // "100%"
  const gaps = 4;
  const avail = Math.max(0, columns - gaps - PCT - seenW - dueW);
  let barW = Math.max(BAR_MIN, Math.min(BAR_MAX, Math.floor(avail * 0.4)));
  const title = Math.max(1, Math.min(titleWidth, avail - barW));
  barW = Math.max(BAR_MIN, Math.min(BAR_MAX, avail - title));
  return { title, bar: barW };
}

/** Topics in course order, so each keeps its row from one visit to the next. */
function topics({ services, s, columns, stats }: Page): Line[] {
  const { progress, course, lang } = services;
  const practised = progress.settings.topics.length > 0 ? new Set(progress.settings.topics) : null;
  const titles = course.topics.map((t) => clean(t.title[lang]));
  const seen = stats.map((t) => `${t.seen}/${t.questions}`);
  const due = stats.map((t) => String(t.due));
  const seenW = Math.max(stringWidth(s.colSeen), ...seen.map((x) => stringWidth(x)));
  const dueW = Math.max(stringWidth(s.colDue), ...due.map((x) => stringWidth(x)));
  const titleMax = Math.max(stringWidth(s.colTopic), ...titles.map((x) => stringWidth(x)));
  const w = topicColumns(columns, titleMax, seenW, dueW);

  const head = `${fitEnd(s.colTopic, w.title)} ${fitEnd(s.colMastery, w.bar + 5)} ${fitStart(s.colSeen, seenW)} ${fitStart(s.colDue, dueW)}`;
  const lines: Line[] = [text('topics-head', head, { dim: true })];
  stats.forEach((t, i) => {
    const { filled, empty } = barParts(t.mastery, w.bar);
    const out = practised !== null && !practised.has(t.topic);
    lines.push({
      key: `topic-${t.topic}`,
      node: (
        <Text wrap="truncate-end" dimColor={out}>
          {fitEnd(titles[i]!, w.title)} <Text color={out ? undefined : 'cyan'}>{filled}</Text>
          <Text dimColor>{empty}</Text> {fitStart(percent(t.mastery), 4)} {fitStart(seen[i]!, seenW)}{' '}
          <Text color={t.due > 0 && !out ? 'yellow' : undefined}>{fitStart(due[i]!, dueW)}</Text>
        </Text>
      ),
    });
  });
  if (practised !== null) wrapText(s.filtered, columns).forEach((l, i) => lines.push(text(`topics-filtered-${i}`, l, { dim: true })));
  return lines;
}

function activity({ services, s, columns, rows, time }: Page): Line[] {
  const days = reviewsPerDay(services.progress, time, DAYS);
  const counts = days.map((d) => d.count);
  const total = counts.reduce((a, b) => a + b, 0);
  // Two columns a day with a gap when there is room; one column a day otherwise.
  const colWidth = chartWidth(DAYS, 2, 1) <= columns ? 2 : 1;
  const gap = chartWidth(DAYS, colWidth, 1) <= columns ? 1 : 0;
  // A taller chart only where the page has the rows for it.
  const height = rows >= 20 ? 4 : rows >= 14 ? 2 : 1;
  const width = chartWidth(DAYS, colWidth, gap);
  const lines: Line[] = packLine([s.activity(DAYS), s.activityTotal(total, Math.max(0, ...counts))], columns).map((l, i) =>
    text(`activity-title-${i}`, l, { bold: i === 0 }),
  );
  columnChart(counts, height, colWidth, gap).forEach((row, i) => lines.push(text(`activity-chart-${i}`, row, { color: 'green' })));
  lines.push(text('activity-axis', spread(days[0]!.day.slice(5), s.today, width), { dim: true }));
  return lines;
}

const drills = ({ services, columns }: Page): Line[] => drillHistorySection(services.progress.drills, services.lang, columns);

const exams = ({ services, columns }: Page): Line[] => examHistorySection(services.progress.exams, services.lang, columns);

const sections: Array<(page: Page) => Line[]> = [summary, topics, activity, drills, exams];

export function ProgressScreen(_props: { route: Extract<Route, { name: 'progress' }> }) {
  const { t, lang } = useServices();
  return (
    <Screen title={t('progress')} hints={[PROGRESS_STRINGS[lang].keysScroll, t('keysBack')]}>
      <ProgressBody />
    </Screen>
  );
}

// Inside Screen, where useBodySize knows the real size.
function ProgressBody() {
  const services = useServices();
  const s = PROGRESS_STRINGS[services.lang];
  const { rows, columns } = useBodySize();
  const { progress, course } = services;
  const time = services.now();
  const stats = topicStats(progress, course.questions, course.topics.map((t) => t.key), time);
  const page: Page = { services, s, columns, rows, time, stats };
  const lines: Line[] = [];
  sections.forEach((section, i) => {
    if (i > 0) lines.push(text(`gap-${i}`, ''));
    lines.push(...section(page));
  });
  const { top } = useScroll(lines.length, rows);
  return (
    <Box flexDirection="column">
      {lines.slice(top, top + rows).map((l) => (
        <Box key={l.key} height={1} overflow="hidden">
          {l.node}
        </Box>
      ))}
    </Box>
  );
}
