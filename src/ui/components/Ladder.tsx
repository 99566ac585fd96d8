// The ladder on screen: its header (states, clock, timers) and a window on
// its rows that follows the latest row unless the learner has scrolled back.
// `back` counts rows scrolled up from the bottom; 0 follows the run.

import { Box, Text } from 'ink';
import type { LadderStrings } from './ladder-strings.js';
import type { Row } from './ladder-rows.js';
import { stringWidth, truncate } from '../text.js';

export function StyledRow({ row, width }: { row: Row; width: number }) {
  let room = width;
  const spans: Row = [];
  for (const s of row) {
    if (room <= 0) break;
    const text = truncate(s.text, room);
    spans.push({ ...s, text });
    room -= stringWidth(text);
  }
  return (
    <Text wrap="truncate-end">
      {spans.every((s) => s.text === '')
        ? ' '
        : spans.map((s, i) => (
            <Text key={i} color={s.color} bold={s.bold} dimColor={s.dim}>
              {s.text}
            </Text>
          ))}
    </Text>
  );
}

/** The largest useful `back` for this many rows in this window. */
export function maxBack(total: number, visible: number): number {
  return Math.max(0, total - visible);
}

export function Ladder(props: { header: Row[]; rows: Row[]; height: number; width: number; back: number; strings: LadderStrings }) {
  const { header, rows, width, strings } = props;
  const head = header.slice(0, Math.max(0, Math.min(header.length, props.height)));
  const body = Math.max(0, props.height - head.length);
  const back = Math.min(props.back, maxBack(rows.length, body));
  const top = Math.max(0, rows.length - body - back);
  const window = rows.slice(top, top + body);
  const below = rows.length - (top + window.length);
  const shown: Row[] = [...window];
  if (below > 0 && shown.length >= 3) shown[shown.length - 1] = [{ text: strings.scrolled(below), dim: true }];
  return (
    <Box flexDirection="column" height={props.height}>
      {head.map((r, i) => (
        <StyledRow key={`h${i}`} row={r} width={width} />
      ))}
      {shown.map((r, i) => (
        <StyledRow key={top + i} row={r} width={width} />
      ))}
    </Box>
  );
}
