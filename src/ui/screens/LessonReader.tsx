// Reading a lesson: its body laid out for the window, a scrolling viewport,
// and at the end a way on (practise the topic, or the next lesson). Reaching
// the end marks the lesson read.

import { useEffect, useMemo, useReducer, useRef } from 'react';
import { Box, Text } from 'ink';
import { Screen } from '../components/Screen.js';
import { useBodySize, useNav } from '../nav-context.js';
import { useServices } from '../services.js';
import type { Route } from '../navigation.js';
import { scroll, type ScrollAction } from '../use-scroll.js';
import { splitKeys } from '../split-keys.js';
import { panLine, renderMarkdown, type DisplayLine } from '../markdown.js';
import { clean, stringWidth, truncate } from '../text.js';
import type { CourseLesson } from '../../engine/course.js';
import { LEARN_STRINGS, type LearnStrings } from './learn-strings.js';
import { useRawKeys } from '../use-keys.js';

export function LessonReader({ route }: { route: Extract<Route, { name: 'lesson' }> }) {
  // "n" replaces the route in place; a fresh reader per lesson starts at the top.
  return <Reader key={route.key} lessonKey={route.key} />;
}

type Intent = { seq: number; to: 'practise' | 'next' | null };

function Reader({ lessonKey }: { lessonKey: string }) {
  const { t, course, lang, save, now } = useServices();
  const s = LEARN_STRINGS[lang];
  const index = course.lessons.findIndex((l) => l.key === lessonKey);
  const lesson = index >= 0 ? course.lessons[index] : undefined;
  const next = index >= 0 ? course.lessons[index + 1] : undefined;
  const topic = lesson ? course.topics.find((tp) => tp.key === lesson.topicKey) : undefined;

  // Home offers to continue the lesson opened last.
  useEffect(() => {
    if (!lesson) return;
    save((p) => {
      p.last = { kind: 'lesson', lesson: lesson.key, topic: lesson.topicKey, at: now() };
    });
    // Once per opening.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (!lesson) {
    return (
      <Screen title={t('learn')} hints={[t('keysBack')]}>
        <Text wrap="wrap">{s.notFound(clean(lessonKey))}</Text>
      </Screen>
    );
  }
  const title = topic ? `${t('learn')} · ${clean(topic.title[lang])}` : t('learn');
  const hints = [s.keysScroll, s.keysPractise, ...(next ? [s.keysNext] : []), t('keysBack')];
  return (
    <Screen title={title} hints={hints}>
      <ReaderBody lesson={lesson} next={next} />
    </Screen>
  );
}

// Inside Screen, where useBodySize knows the real size.
function ReaderBody({ lesson, next }: { lesson: CourseLesson; next: CourseLesson | undefined }) {
  const { lang, progress, save, now } = useServices();
  const { go } = useNav();
  const { columns, rows } = useBodySize();
  const s = LEARN_STRINGS[lang];

  const lines = useMemo(
    () => renderMarkdown(lesson.lesson.body[lang], columns, lesson.figures, { missingFigure: s.missingFigure }),
    [lesson, lang, columns, s],
  );
  // One row for the title, one for the line under the text.
  const visible = Math.max(1, rows - 2);
  const total = lines.length;
  // useScroll's reducer, with keys split first: a held j must not be lost in a burst.
  const [rawTop, scrollBy] = useReducer((t: number, a: ScrollAction) => scroll(t, a, total, visible), 0);
  useEffect(() => scrollBy({ type: 'by', n: 0 }), [total, visible]);
  const top = Math.min(rawTop, Math.max(0, total - visible));
  const atEnd = top >= total - visible;

  // Pictures wider than the window pan sideways instead of wrapping.
  const maxPan = Math.max(0, ...lines.map((l) => (l.wide ? stringWidth(l.wide) - columns : 0)));
  const [rawLeft, panBy] = useReducer((l: number, n: number) => Math.max(0, Math.min(maxPan, l + n)), 0);
  const left = Math.min(rawLeft, maxPan);
  const panStep = Math.max(4, Math.floor(columns / 4));

  const [intent, dispatch] = useReducer((st: Intent, to: 'practise' | 'next'): Intent => ({ seq: st.seq + 1, to }), { seq: 0, to: null });
  useRawKeys((chunk, chunkKey) => {
    const page = Math.max(1, visible - 1);
    for (const { input, key } of splitKeys(chunk, chunkKey)) {
      if (key.downArrow || input === 'j') scrollBy({ type: 'by', n: 1 });
      else if (key.upArrow || input === 'k') scrollBy({ type: 'by', n: -1 });
      else if (key.pageDown || input === ' ') scrollBy({ type: 'by', n: page });
      else if (key.pageUp) scrollBy({ type: 'by', n: -page });
      else if (key.home || input === 'g') scrollBy({ type: 'to', top: 0 });
      else if (key.end || input === 'G') scrollBy({ type: 'end' });
      else if (key.rightArrow || input === 'l') panBy(panStep);
      else if (key.leftArrow || input === 'h') panBy(-panStep);
      else if (input === 'p') dispatch('practise');
      else if (input === 'n' && next) dispatch('next');
    }
  });
  useEffect(() => {
    if (intent.seq === 0) return;
    if (intent.to === 'practise') go({ type: 'push', route: { name: 'practice', topic: lesson.topicKey } });
    else if (intent.to === 'next' && next) go({ type: 'replace', route: { name: 'lesson', key: next.key } });
    // Only a new key press (seq) navigates.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [intent.seq]);

  const marked = useRef(false);
  useEffect(() => {
    if (!atEnd || marked.current) return;
    marked.current = true;
    if (progress.lessons[lesson.key]) return;
    save((p) => {
      // The first reading counts; reading again does not move the date.
      p.lessons[lesson.key] ??= { readAt: now() };
    });
  }, [atEnd, lesson, progress, save, now]);

  const shown = lines.slice(top, top + visible);
  const position = lines.length > 0 ? s.position(top + 1, top + shown.length, lines.length) : '';
  const room = columns - stringWidth(position) - 2;
  const heading = truncate(clean(lesson.lesson.title[lang]), room >= 10 ? room : columns);
  const gap = room >= 10 ? ' '.repeat(Math.max(2, columns - stringWidth(heading) - stringWidth(position))) : '';
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text bold>{heading}</Text>
        {gap ? <Text dimColor>{gap + position}</Text> : null}
      </Text>
      <Box flexDirection="column" height={visible} overflow="hidden">
        {shown.map((line, i) => (
          <LineView key={top + i} line={line} left={left} width={columns} />
        ))}
      </Box>
      {atEnd ? (
        <Text color="green" wrap="truncate-end">
          {truncate(endLine(s, !!next, columns), columns)}
        </Text>
      ) : (
        <Text dimColor wrap="truncate-end">
          {truncate(shown.some((l) => l.wide) ? `${s.more} · ${s.pan}` : s.more, columns)}
        </Text>
      )}
    </Box>
  );
}

function endLine(s: LearnStrings, hasNext: boolean, columns: number): string {
  const long = hasNext ? s.endLine : s.endLineLast;
  return stringWidth(long) <= columns ? long : hasNext ? s.endLineShort : s.endLineLastShort;
}

function LineView({ line, left, width }: { line: DisplayLine; left: number; width: number }) {
  if (left > 0 && (line.style === 'code' || line.style === 'figure' || line.style === 'table')) {
    const text = panLine(line.wide ?? line.text, left, width);
    line = { ...line, text, spans: [{ text }] };
  }
  switch (line.style) {
    case 'blank':
      return <Text> </Text>;
    case 'code':
      return (
        <Text dimColor wrap="truncate-end">
          {line.text || ' '}
        </Text>
      );
    case 'figure':
      return (
        <Text color="green" wrap="truncate-end">
          {line.text || ' '}
        </Text>
      );
    case 'heading':
      return (
        <Text bold underline={line.level === 1} wrap="truncate-end">
          {line.text}
        </Text>
      );
    default:
      return (
        <Text wrap="truncate-end">
          {line.spans.length === 0
            ? ' '
            : line.spans.map((sp, i) => (
                <Text key={i} bold={sp.bold} italic={sp.italic} color={sp.code ? 'yellow' : undefined}>
                  {sp.text}
                </Text>
              ))}
        </Text>
      );
  }
}
