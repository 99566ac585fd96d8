// Settings: new cards per day and the topics to practise. Keys go through a
// reducer (a burst of keys applies in order) and every change is saved from
// an effect as soon as it is made.

import { useEffect, useReducer } from 'react';
import { Box, Text } from 'ink';
import { Screen } from '../components/Screen.js';
import { useBodySize } from '../nav-context.js';
import { useServices } from '../services.js';
import type { Route } from '../navigation.js';
import { clean, stringWidth, truncate } from '../text.js';
import { packLine } from '../bars.js';
import { SETTINGS_STRINGS } from './settings-strings.js';
import { useRawKeys } from '../use-keys.js';

export const NEW_PER_DAY_MAX = 500;

export interface SettingsState {
  /** 0 is the new-cards row; 1..n are the topics. */
  row: number;
  newPerDay: number;
  /** Ticked topic keys. */
  ticked: string[];
  /** Bumped by every change, so the effect saves once per change and never on mount. */
  seq: number;
}

export type SettingsAction =
  | { type: 'move'; by: number }
  | { type: 'to'; row: number }
  /** ±1 on the new-cards row; elsewhere nothing. */
  | { type: 'step'; by: 1 | -1 }
  /** ±10 on the new-cards row; elsewhere the cursor moves a page. */
  | { type: 'page'; by: 1 | -1; rows: number }
  | { type: 'toggle' }
  | { type: 'all' }
  | { type: 'none' };

/** `topics` are the course's topic keys in course order. */
export function settingsReducer(topics: readonly string[]) {
  return (s: SettingsState, a: SettingsAction): SettingsState => {
    const last = topics.length;
    switch (a.type) {
      case 'move':
        return { ...s, row: Math.max(0, Math.min(last, s.row + a.by)) };
      case 'to':
        return { ...s, row: Math.max(0, Math.min(last, a.row)) };
      case 'step':
      case 'page': {
        if (s.row !== 0) return a.type === 'page' ? { ...s, row: Math.max(1, Math.min(last, s.row - a.by * a.rows)) } : s;
        const n = Math.max(0, Math.min(NEW_PER_DAY_MAX, s.newPerDay + a.by * (a.type === 'page' ? 10 : 1)));
        return n === s.newPerDay ? s : { ...s, newPerDay: n, seq: s.seq + 1 };
      }
      case 'toggle': {
        const key = topics[s.row - 1];
        if (key === undefined) return s;
        const on = s.ticked.includes(key);
        const ticked = topics.filter((k) => (k === key ? !on : s.ticked.includes(k)));
        return { ...s, ticked, seq: s.seq + 1 };
      }
      case 'all':
        return { ...s, ticked: [...topics], seq: s.seq + 1 };
      case 'none':
        return { ...s, ticked: [], seq: s.seq + 1 };
    }
  };
}

const CHAR_KEYS: Record<string, SettingsAction | 'end'> = {
  j: { type: 'move', by: 1 },
  k: { type: 'move', by: -1 },
  g: { type: 'to', row: 0 },
  G: 'end',
  '+': { type: 'step', by: 1 },
  '=': { type: 'step', by: 1 },
  '-': { type: 'step', by: -1 },
  ' ': { type: 'toggle' },
  '\r': { type: 'toggle' },
  a: { type: 'all' },
  n: { type: 'none' },
};

export function Settings(_props: { route: Extract<Route, { name: 'settings' }> }) {
  const { t, lang } = useServices();
  const s = SETTINGS_STRINGS[lang];
  return (
    <Screen title={t('settings')} hints={[s.keysRow, s.keysChange, s.keysTick, t('keysBack')]}>
      <SettingsBody />
    </Screen>
  );
}

// Inside Screen, where useBodySize knows the real size.
function SettingsBody() {
  const { lang, course, progress, save } = useServices();
  const s = SETTINGS_STRINGS[lang];
  const { rows, columns } = useBodySize();
  const keys = course.topics.map((tp) => tp.key);
  const [state, dispatch] = useReducer(settingsReducer(keys), null, () => ({
    row: 0,
    newPerDay: progress.settings.newPerDay,
    ticked: keys.filter((k) => progress.settings.topics.includes(k)),
    seq: 0,
  }));

  const count = state.ticked.length === 0 ? s.allTopics(keys.length) : s.someTopics(state.ticked.length, keys.length);
  // The count goes under the heading when both do not fit on one line.
  const countBelow = stringWidth(`  ${s.topics} ${count}`) > columns;
  const listRows = Math.max(1, rows - 3 - (countBelow ? 1 : 0));
  useRawKeys((input, key) => {
    if (key.downArrow) dispatch({ type: 'move', by: 1 });
    else if (key.upArrow) dispatch({ type: 'move', by: -1 });
    else if (key.home) dispatch({ type: 'to', row: 0 });
    else if (key.end) dispatch({ type: 'to', row: keys.length });
    else if (key.rightArrow) dispatch({ type: 'step', by: 1 });
    else if (key.leftArrow) dispatch({ type: 'step', by: -1 });
    else if (key.pageUp) dispatch({ type: 'page', by: 1, rows: listRows });
    else if (key.pageDown) dispatch({ type: 'page', by: -1, rows: listRows });
    else if (key.return) dispatch({ type: 'toggle' });
    // Ink hands over a run of printable keys typed together ("++", "a ") as one string.
    else for (const ch of input) {
      const action = CHAR_KEYS[ch];
      if (action) dispatch(action === 'end' ? { type: 'to', row: keys.length } : action);
    }
  });

  useEffect(() => {
    if (state.seq === 0) return;
    save((p) => {
      p.settings.newPerDay = state.newPerDay;
      // Topics of packs not loaded in this session stay chosen, but only beside a
      // ticked topic of this course: on their own they would leave nothing to practise here.
      const foreign = p.settings.topics.filter((k) => !keys.includes(k));
      p.settings.topics = state.ticked.length > 0 ? [...foreign, ...state.ticked] : [];
    });
    // Only a change (seq) saves; a new `save` or `keys` identity must not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.seq]);

  // The window over the topic list follows the cursor.
  const cursor = Math.max(0, state.row - 1);
  const visible = Math.min(listRows, keys.length);
  const start = Math.max(0, Math.min(cursor - visible + 1, keys.length - visible));
  const onNumber = state.row === 0;

  return (
    <Box flexDirection="column">
      <Text color={onNumber ? 'cyan' : undefined} bold={onNumber} wrap="truncate-end">
        {truncate(`${onNumber ? '❯' : ' '} ${s.newPerDay} ${state.newPerDay > 0 ? '◀' : ' '} ${state.newPerDay} ${state.newPerDay < NEW_PER_DAY_MAX ? '▶' : ' '}`, columns)}
      </Text>
      {countBelow ? (
        <>
          <Text wrap="truncate-end">{truncate(`  ${s.topics}`, columns)}</Text>
          <Text dimColor wrap="truncate-end">
            {truncate(`  ${count}`, columns)}
          </Text>
        </>
      ) : (
        <Text wrap="truncate-end">
          {`  ${s.topics}`}
          <Text dimColor>{` ${count}`}</Text>
        </Text>
      )}
      {course.topics.slice(start, start + visible).map((tp, i) => {
        const row = start + i + 1;
        const here = row === state.row;
        const on = state.ticked.includes(tp.key);
        return (
          <Text key={tp.key} color={here ? 'cyan' : undefined} wrap="truncate-end">
            {truncate(`${here ? '❯' : ' '} [${on ? 'x' : ' '}] ${clean(tp.title[lang])}`, columns)}
          </Text>
        );
      })}
      {rows > 3 + (countBelow ? 1 : 0) + visible ? <Text> </Text> : null}
      <Text dimColor wrap="truncate-end">
        {`  ${packLine([s.language, s.switchLanguage], columns - 2)[0]}`}
      </Text>
    </Box>
  );
}
