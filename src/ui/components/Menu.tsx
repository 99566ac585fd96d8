// A vertical menu. Keys go through a reducer and the choice comes out of an
// effect, so "↓ ↓ Enter" arriving in one chunk selects the third item.

import { useEffect, useReducer } from 'react';
import { Box, Text } from 'ink';
import { useKeys } from '../use-keys.js';
import { stringWidth, truncate } from '../text.js';

export interface MenuItem<V> {
  key: string;
  label: string;
  value: V;
  /** Shown dimmed after the label. */
  note?: string;
}

type State = { index: number; chosen: number | null; seq: number };
type Action = { type: 'move'; by: number; count: number } | { type: 'to'; index: number; count: number } | { type: 'choose'; index?: number; count: number };

export function menuReducer(s: State, a: Action): State {
  const clamp = (i: number): number => Math.max(0, Math.min(a.count - 1, i));
  switch (a.type) {
    case 'move':
      return { ...s, index: clamp(s.index + a.by) };
    case 'to':
      return { ...s, index: clamp(a.index) };
    case 'choose': {
      const index = a.index === undefined ? s.index : clamp(a.index);
      return { index, chosen: index, seq: s.seq + 1 };
    }
  }
}

export function Menu<V>(props: { items: MenuItem<V>[]; onSelect: (v: V) => void; rows: number; width: number; isActive?: boolean; initialIndex?: number }) {
  const { items, rows, width } = props;
  const count = items.length;
  const [state, dispatch] = useReducer(menuReducer, { index: props.initialIndex ?? 0, chosen: null, seq: 0 });
  useKeys(
    (input, key) => {
      if (key.downArrow || input === 'j') dispatch({ type: 'move', by: 1, count });
      else if (key.upArrow || input === 'k') dispatch({ type: 'move', by: -1, count });
      else if (key.pageDown) dispatch({ type: 'move', by: rows, count });
      else if (key.pageUp) dispatch({ type: 'move', by: -rows, count });
      else if (key.home || input === 'g') dispatch({ type: 'to', index: 0, count });
      else if (key.end || input === 'G') dispatch({ type: 'to', index: count - 1, count });
      else if (key.return) dispatch({ type: 'choose', count });
      else if (/^[1-9]$/.test(input) && Number(input) <= count) dispatch({ type: 'choose', index: Number(input) - 1, count });
    },
    { isActive: props.isActive ?? true },
  );
  useEffect(() => {
    if (state.chosen !== null && items[state.chosen]) props.onSelect(items[state.chosen]!.value);
    // Only a new choice (seq) selects; item identity changes must not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.seq]);

  const visible = Math.max(1, Math.min(rows, count));
  const top = Math.min(Math.max(0, state.index - visible + 1), Math.max(0, count - visible), state.index);
  const start = Math.max(0, Math.min(top, count - visible));
  return (
    <Box flexDirection="column">
      {items.slice(start, start + visible).map((item, i) => {
        const selected = start + i === state.index;
        const label = truncate(`${selected ? '❯' : ' '} ${item.label}`, width);
        return (
          <Text key={item.key} color={selected ? 'cyan' : undefined} wrap="truncate-end">
            {label}
            {item.note ? <Text dimColor>{truncate(`  ${item.note}`, Math.max(0, width - stringWidth(label)))}</Text> : null}
          </Text>
        );
      })}
    </Box>
  );
}
