// Re-reading a drill: for one question, each answer as typed, the time it
// took, the key points ticked, and the model answer. ←→ go to the other
// questions of the drill.

import { useReducer } from 'react';
import { Box, Text } from 'ink';
import { useKeys } from '../use-keys.js';
import type { Lang } from '../../content/schema.js';
import type { Course } from '../../engine/course.js';
import type { DrillResult } from '../../store/drill-records.js';
import { drillReport } from '../../drill/report.js';
import { itemText } from '../../drill/session.js';
import { INTERVIEW_STRINGS } from '../screens/interview-strings.js';
import { useBodySize } from '../nav-context.js';
import { useServices } from '../services.js';
import { clean, truncate } from '../text.js';
import { useScroll } from '../use-scroll.js';
import { LineWindow, wrapStyled, type StyledLine } from './LineWindow.js';
import { itemTime } from './DrillReport.js';

export function answerLines(result: DrillResult, index: number, course: Course, lang: Lang, width: number): StyledLine[] {
  const s = INTERVIEW_STRINGS[lang];
  const q = drillReport(result).questions.find((x) => x.index === index);
  const lines: StyledLine[] = [];
  if (!q) return lines;
  const dq = result.questions[index];
  const topic = course.topics.find((t) => t.key === q.topic);
  lines.push({ text: truncate(`${s.question(index + 1, result.questions.length)}${topic ? ` · ${clean(topic.title[lang])}` : ''}`, width), bold: true, color: 'cyan' });
  for (const i of q.items) {
    const text = itemText(course, result, { q: index, f: i.f }, lang);
    lines.push({ text: '' });
    if (i.f >= 0) lines.push({ text: s.followup((dq?.followups.indexOf(i.f) ?? 0) + 1, dq?.followups.length ?? 0), color: 'cyan' });
    lines.push(...wrapStyled(clean(text ? (text.followup ?? text.main) : q.key), width, { bold: true }));
    lines.push({ text: s.yourAnswer(itemTime(i, result.limitMs)), dim: true });
    const typed = clean(i.answer.text);
    lines.push(...(typed.trim() === '' ? [{ text: s.noAnswer, dim: true }] : wrapStyled(typed, width, {}, '  ')));
    lines.push({ text: `${s.keyPoints} ${i.covered}/${i.total}`, dim: true });
    i.answer.ticks.forEach((tick, n) => {
      const point = text?.points[n] ?? `#${n + 1}`;
      lines.push(...wrapStyled(clean(point), width, { color: tick ? 'green' : 'yellow' }, `  [${tick ? 'x' : ' '}] `));
    });
    if (text) {
      lines.push({ text: s.modelAnswer, dim: true });
      lines.push(...wrapStyled(clean(text.answer), width, {}, '  '));
    }
  }
  return lines;
}

/** The answers to question `initial` of the drill (an index in the drill); ←→ move to the other questions. */
export function DrillAnswers(props: { result: DrillResult; initial: number }) {
  const { course, lang } = useServices();
  const { rows, columns } = useBodySize();
  const answered = drillReport(props.result)
    .questions.map((q) => q.index)
    .sort((a, b) => a - b);
  const [at, dispatch] = useReducer((i: number, by: number) => Math.max(0, Math.min(answered.length - 1, i + by)), Math.max(0, answered.indexOf(props.initial)));
  useKeys((_input, key) => {
    if (key.leftArrow) dispatch(-1);
    else if (key.rightArrow) dispatch(1);
  });
  const index = answered[at];
  const lines = index === undefined ? [] : answerLines(props.result, index, course, lang, columns);
  return <Answers key={index} lines={lines} rows={rows} columns={columns} />;
}

// Keyed by question, so that each one opens at its top.
function Answers(props: { lines: StyledLine[]; rows: number; columns: number }) {
  const { top } = useScroll(props.lines.length, props.rows);
  if (props.lines.length === 0) return <Text> </Text>;
  return (
    <Box flexDirection="column">
      <LineWindow lines={props.lines} top={top} rows={props.rows} width={props.columns} />
    </Box>
  );
}
