// Pre-wrapped, styled lines and a window onto them. Practice builds every
// view as lines first, so it knows how tall a view is before drawing it and
// can keep the highlighted option in sight.

import { Box, Text } from 'ink';
import { stringWidth, truncate, wrapText } from '../text.js';

export interface StyledLine {
  text: string;
  color?: string;
  bold?: boolean;
  dim?: boolean;
  inverse?: boolean;
}

type Style = Omit<StyledLine, 'text'>;

/**
 * Wraps `text` to `width` columns. The first line starts with `prefix`; the
 * others are indented by its width, so a numbered option reads as a block.
 */
export function wrapLines(text: string, width: number, style: Style = {}, prefix = ''): StyledLine[] {
  const pw = stringWidth(prefix);
  const inner = Math.max(4, width - pw);
  const pad = ' '.repeat(pw);
  return wrapText(text, inner).map((l, i) => ({ ...style, text: truncate((i === 0 ? prefix : pad) + l, width) }));
}

export const blank: StyledLine = { text: '' };

export function Lines(props: { lines: readonly StyledLine[]; top: number; rows: number; width: number }) {
  const shown = props.lines.slice(props.top, props.top + Math.max(0, props.rows));
  return (
    <Box flexDirection="column" height={Math.max(0, props.rows)} overflow="hidden">
      {shown.map((l, i) => (
        <Text key={i} color={l.color} bold={l.bold} dimColor={l.dim} inverse={l.inverse} wrap="truncate-end">
          {truncate(l.text, props.width) || ' '}
        </Text>
      ))}
    </Box>
  );
}
