// Every key, reachable with ? from anywhere.

import { Box, Text } from 'ink';
import { Screen } from '../components/Screen.js';
import { useBodySize } from '../nav-context.js';
import { useServices } from '../services.js';
import type { Route } from '../navigation.js';
import { useScroll } from '../use-scroll.js';
import { HELP } from '../help-text.js';
import { stringWidth, truncate, wrapText } from '../text.js';

function padDisplay(s: string, width: number): string {
  return s + ' '.repeat(Math.max(1, width - stringWidth(s)));
}

export function Help(_props: { route: Extract<Route, { name: 'help' }> }) {
  const { t, lang } = useServices();
  const { rows, columns } = useBodySize();
  // Descriptions wrap under themselves, so nothing is cut on a narrow terminal.
  const keyWidth = 18;
  const lines = HELP[lang].flatMap(([section, keys]) => [
    section,
    ...keys.flatMap(([k, what]) =>
      wrapText(what, Math.max(10, columns - keyWidth - 3)).map((part, i) => `  ${padDisplay(i === 0 ? k : '', keyWidth)} ${part}`),
    ),
    '',
  ]);
  const { top } = useScroll(lines.length, rows);
  return (
    <Screen title={t('help')} hints={['↑↓ PgUp PgDn', t('keysBack')]}>
      <Box flexDirection="column">
        {lines.slice(top, top + rows).map((l, i) => (
          <Text key={i} bold={!l.startsWith(' ') && l !== ''} wrap="truncate-end">
            {truncate(l, columns)}
          </Text>
        ))}
      </Box>
    </Screen>
  );
}
