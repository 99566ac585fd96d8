// The frame of every screen: a title line, the body, and a line of key hints.

import type { ReactNode } from 'react';
import { Box, Text } from 'ink';
import { useServices } from '../services.js';
import { useTerminalSize } from '../terminal-size.js';
import { clean, truncate, wrapText } from '../text.js';

/** How the terminal is split: a title line, the body, up to three status lines, the key hints. */
export function useChrome(): { columns: number; rows: number; bodyRows: number; statusLines: string[] } {
  const { columns, rows } = useTerminalSize();
  const { t, message, saving } = useServices();
  const status = message ?? (saving === 'memory' ? t('unsavedMode') : null);
  // A notice (a file moved aside, a failed save) names paths: show it whole, up to three lines.
  const statusLines = status ? wrapText(clean(status), columns).slice(0, 3) : [];
  return { columns, rows, bodyRows: Math.max(1, rows - 2 - statusLines.length), statusLines };
}

export function Screen(props: { title: string; hints: string[]; children: ReactNode }) {
  const { columns, rows, bodyRows, statusLines } = useChrome();
  const { t } = useServices();
  const hints = [...props.hints, t('keysHelp')].join(' · ');
  return (
    <Box flexDirection="column" width={columns} height={rows}>
      <Text bold color="cyan" wrap="truncate-end">
        {truncate(`${t('appName')} · ${props.title}`, columns)}
      </Text>
      <Box flexDirection="column" height={bodyRows} overflow="hidden">
        {props.children}
      </Box>
      {statusLines.map((line, i) => (
        <Text key={i} color="yellow" wrap="truncate-end">
          {line}
        </Text>
      ))}
      <Text dimColor wrap="truncate-end">
        {truncate(hints, columns)}
      </Text>
    </Box>
  );
}
