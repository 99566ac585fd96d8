// The frame of every screen: a title line, the body, and a line of key hints.

import type { ReactNode } from 'react';
import { Box, Text } from 'ink';
import { BodySizeContext } from '../nav-context.js';
import { useServices } from '../services.js';
import { useTerminalSize } from '../terminal-size.js';
import { clean, truncate, wrapText } from '../text.js';

export function Screen(props: { title: string; hints: string[]; children: ReactNode }) {
  const { columns, rows } = useTerminalSize();
  const { t, message, saving } = useServices();
  const status = message ?? (saving === 'memory' ? t('unsavedMode') : null);
  // A notice (a file moved aside, a failed save) names paths: show it whole, up to three lines.
  const statusLines = status ? wrapText(clean(status), columns).slice(0, 3) : [];
  const hints = [...props.hints, t('keysHelp')].join(' · ');
  const bodyRows = Math.max(1, rows - 2 - statusLines.length);
  return (
    <Box flexDirection="column" width={columns} height={rows}>
      <Text bold color="cyan" wrap="truncate-end">
        {truncate(`${t('appName')} · ${props.title}`, columns)}
      </Text>
      <BodySizeContext.Provider value={{ columns, rows: bodyRows }}>
        <Box flexDirection="column" height={bodyRows} overflow="hidden">
          {props.children}
        </Box>
      </BodySizeContext.Provider>
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
