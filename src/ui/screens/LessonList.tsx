// Learn: the course's topics in pack order, each with its lessons and a
// read/unread mark. Enter opens a lesson (on a topic: its first unread one),
// p practises the topic under the cursor.

import { useEffect, useMemo, useReducer } from 'react';
import { Box, Text } from 'ink';
import { Screen } from '../components/Screen.js';
import { useBodySize, useNav } from '../nav-context.js';
import { useServices } from '../services.js';
import type { Route } from '../navigation.js';
import type { Course } from '../../engine/course.js';
import type { Lang } from '../../content/schema.js';
import type { Progress } from '../../store/progress.js';
import { clean, stringWidth, truncate } from '../text.js';
import { splitKeys } from '../split-keys.js';
import { LEARN_STRINGS } from './learn-strings.js';
import { useRawKeys } from '../use-keys.js';

export type Row =
  | { kind: 'topic'; topicKey: string; title: string; read: number; total: number; open: string | null }
  | { kind: 'lesson'; topicKey: string; key: string; title: string; read: boolean };

/** Topics in pack order, each followed by its lessons in course order. */
export function lessonRows(course: Course, progress: Progress, lang: Lang): Row[] {
  const rows: Row[] = [];
  for (const topic of course.topics) {
    const lessons = course.lessons.filter((l) => l.topicKey === topic.key);
    const read = lessons.filter((l) => progress.lessons[l.key]).length;
    const open = (lessons.find((l) => !progress.lessons[l.key]) ?? lessons[0])?.key ?? null;
    rows.push({ kind: 'topic', topicKey: topic.key, title: clean(topic.title[lang]), read, total: lessons.length, open });
    for (const l of lessons) rows.push({ kind: 'lesson', topicKey: topic.key, key: l.key, title: clean(l.lesson.title[lang]), read: !!progress.lessons[l.key] });
  }
  return rows;
}

type State = { index: number; top: number; seq: number; intent: 'open' | 'practise' | null };
type Action = { type: 'move'; by: number } | { type: 'to'; index: number } | { type: 'open' } | { type: 'practise' };

/** Keeps the cursor on a row and the window around it, moving the window no more than needed. */
export function listReducer(count: number, visible: number) {
  return (s: State, a: Action): State => {
    const clamp = (i: number): number => Math.max(0, Math.min(count - 1, i));
    switch (a.type) {
      case 'move':
      case 'to': {
        const index = clamp(a.type === 'move' ? s.index + a.by : a.index);
        return { ...s, index, top: windowTop(s.top, index, count, visible) };
      }
      case 'open':
      case 'practise':
        return { ...s, seq: s.seq + 1, intent: a.type };
    }
  };
}

function windowTop(top: number, index: number, count: number, visible: number): number {
  const t = Math.min(Math.max(top, index - visible + 1), index);
  return Math.max(0, Math.min(t, count - visible));
}

function initialIndex(rows: Row[], route: Extract<Route, { name: 'learn' }>, progress: Progress): number {
  if (route.topic) {
    // The route names a topic by key ("tcp-core/close") or, from the command line, by bare id.
    const i = rows.findIndex((r) => r.kind === 'topic' && (r.topicKey === route.topic || r.topicKey.endsWith(`/${route.topic}`)));
    if (i >= 0) return i;
  }
  const last = progress.last?.kind === 'lesson' ? progress.last.lesson : undefined;
  const at = rows.findIndex((r) => r.kind === 'lesson' && r.key === last);
  if (at >= 0) return at;
  const unread = rows.findIndex((r) => r.kind === 'lesson' && !r.read);
  return Math.max(0, unread);
}

export function LessonList({ route }: { route: Extract<Route, { name: 'learn' }> }) {
  const { t, lang } = useServices();
  const s = LEARN_STRINGS[lang];
  return (
    <Screen title={t('learn')} hints={[s.keysList, s.keysPractise, t('keysBack')]}>
      <ListBody route={route} />
    </Screen>
  );
}

// Inside Screen, where useBodySize knows the real size.
function ListBody({ route }: { route: Extract<Route, { name: 'learn' }> }) {
  const { course, progress, lang } = useServices();
  const { go } = useNav();
  const { columns, rows: bodyRows } = useBodySize();
  const s = LEARN_STRINGS[lang];
  const rows = useMemo(() => lessonRows(course, progress, lang), [course, progress, lang]);
  const visible = Math.max(1, bodyRows - 1);
  const count = rows.length;
  const reducer = useMemo(() => listReducer(count, visible), [count, visible]);
  const [state, dispatch] = useReducer(reducer, null, () => {
    const index = initialIndex(rows, route, progress);
    // A chosen topic starts at the top of the window; a lesson keeps a little context above it.
    const top = rows[index]?.kind === 'topic' ? index : index - 2;
    return { index, top: windowTop(top, index, count, visible), seq: 0, intent: null };
  });

  useRawKeys((chunk, chunkKey) => {
    if (count === 0) return;
    const page = Math.max(1, visible - 1);
    for (const { input, key } of splitKeys(chunk, chunkKey)) {
      if (key.downArrow || input === 'j') dispatch({ type: 'move', by: 1 });
      else if (key.upArrow || input === 'k') dispatch({ type: 'move', by: -1 });
      else if (key.pageDown || input === ' ') dispatch({ type: 'move', by: page });
      else if (key.pageUp) dispatch({ type: 'move', by: -page });
      else if (key.home || input === 'g') dispatch({ type: 'to', index: 0 });
      else if (key.end || input === 'G') dispatch({ type: 'to', index: count - 1 });
      else if (key.return) dispatch({ type: 'open' });
      else if (input === 'p') dispatch({ type: 'practise' });
    }
  });

  useEffect(() => {
    const row = rows[state.index];
    if (state.seq === 0 || !row) return;
    if (state.intent === 'practise') go({ type: 'push', route: { name: 'practice', topic: row.topicKey } });
    else {
      const key = row.kind === 'lesson' ? row.key : row.open;
      if (key) go({ type: 'push', route: { name: 'lesson', key } });
    }
    // Only a new choice (seq) navigates; new progress must not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.seq]);

  const readCount = rows.filter((r) => r.kind === 'lesson' && r.read).length;
  const lessonCount = rows.filter((r) => r.kind === 'lesson').length;
  const top = windowTop(state.top, Math.min(state.index, Math.max(0, count - 1)), count, visible);

  if (count === 0) return <Text wrap="wrap">{s.empty}</Text>;
  return (
    <Box flexDirection="column">
      <Text dimColor wrap="truncate-end">
        {truncate(s.summary(readCount, lessonCount), columns)}
      </Text>
      {rows.slice(top, top + visible).map((row, i) => (
        <RowLine key={row.kind === 'topic' ? `t:${row.topicKey}` : `l:${row.key}`} row={row} selected={top + i === state.index} width={columns} />
      ))}
    </Box>
  );
}

function RowLine({ row, selected, width }: { row: Row; selected: boolean; width: number }) {
  const { lang } = useServices();
  const s = LEARN_STRINGS[lang];
  const cursor = selected ? '❯ ' : '  ';
  if (row.kind === 'topic') {
    const note = row.total > 0 ? s.topicRead(row.read, row.total) : s.noLessons;
    const room = width - 2 - stringWidth(note) - 2;
    // Narrow screens keep the title and drop the count.
    const showNote = room >= 12;
    const title = truncate(row.title, showNote ? room : width - 2);
    const pad = showNote ? ' '.repeat(Math.max(2, width - 2 - stringWidth(title) - stringWidth(note))) : '';
    const done = row.total > 0 && row.read === row.total;
    return (
      <Text wrap="truncate-end">
        <Text color={selected ? 'cyan' : undefined}>{cursor}</Text>
        <Text bold color={selected ? 'cyan' : undefined}>
          {title}
        </Text>
        {showNote ? <Text color={done ? 'green' : undefined} dimColor={!done}>{pad + note}</Text> : null}
      </Text>
    );
  }
  return (
    <Text wrap="truncate-end">
      <Text color={selected ? 'cyan' : undefined}>{cursor}</Text>
      {'  '}
      {row.read ? <Text color="green">✓</Text> : <Text dimColor>•</Text>}{' '}
      <Text color={selected ? 'cyan' : undefined}>{truncate(row.title, Math.max(1, width - 6))}</Text>
    </Text>
  );
}
