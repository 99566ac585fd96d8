// Pre-wrapped, styled lines and a window onto them: the drill screens build
// each view as lines first, so they know how tall it is and where the
// focused item sits before drawing it.

import { Box, Text } from 'ink';
import { stringWidth, truncate, wrapText } from '../text.js';

export interface StyledLine {
  text: string;
  color?: string;
  bold?: boolean;
  dim?: boolean;
}

type Style = Omit<StyledLine, 'text'>;

/** `text` wrapped to `width`; the first line starts with `prefix`, the others are indented to match. */
export function wrapStyled(text: string, width: number, style: Style = {}, prefix = ''): StyledLine[] {
  const pad = ' '.repeat(stringWidth(prefix));
  const inner = Math.max(4, width - stringWidth(prefix));
  return wrapText(text, inner).map((l, i) => ({ ...style, text: truncate(`${i === 0 ? prefix : pad}${l}`, width) }));
}

export function LineWindow(props: { lines: readonly StyledLine[]; top: number; rows: number; width: number }) {
  const rows = Math.max(0, props.rows);
  return (
    <Box flexDirection="column" height={rows} overflow="hidden">
      {props.lines.slice(props.top, props.top + rows).map((l, i) => (
        <Text key={i} color={l.color} bold={l.bold} dimColor={l.dim} wrap="truncate-end">
          {truncate(l.text, props.width) || ' '}
        </Text>
      ))}
    </Box>
  );
}
