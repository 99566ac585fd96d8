// One question of a finished exam, reviewed: the learner's answer against
// the right one, the explanation and the source. ←→ go through the questions
// the report's filter kept; Esc goes back to the report.

import { useEffect, useReducer } from 'react';
import { Box, Text } from 'ink';
import type { ExamResult } from '../../store/exam-records.js';
import type { Route } from '../navigation.js';
import { useBodySize, useNav } from '../nav-context.js';
import { useServices } from '../services.js';
import { useKeys } from '../use-keys.js';
import { useScroll } from '../use-scroll.js';
import { clean, truncate } from '../text.js';
import { EXAM_STRINGS } from '../screens/exam-strings.js';
import { PRACTICE_STRINGS } from '../screens/practice-strings.js';
import { filtered, reviewLines } from './exam-lines.js';
import { Lines } from './Lines.js';
import { Screen } from './Screen.js';

type ExamRoute = Extract<Route, { name: 'exam' }>;

export function ExamReviewItem({ route, result }: { route: ExamRoute; result: ExamResult }) {
  const { lang, t } = useServices();
  const s = EXAM_STRINGS[lang];
  return (
    <Screen title={`${t('exam')} · ${s.review}`} hints={[...s.keysItem, t('keysBack')]}>
      {/* Keyed by the question, so each one opens scrolled to its top. */}
      <ItemBody key={route.item} route={route} result={result} />
    </Screen>
  );
}

function ItemBody({ route, result: r }: { route: ExamRoute; result: ExamResult }) {
  const { course, lang } = useServices();
  const { go } = useNav();
  const { columns, rows } = useBodySize();
  const s = EXAM_STRINGS[lang];
  const n = r.questions.length;
  const i = Math.max(0, Math.min(n - 1, (route.item ?? 1) - 1));
  const list = filtered(r, route.filter ?? 'all');
  const at = list.indexOf(i);
  const topic = course.topics.find((x) => x.key === r.questions[i]!.topic);
  const head = [s.item(i + 1, n), clean(topic ? topic.title[lang] : r.questions[i]!.topic)].join(' · ');
  const lines = reviewLines(r, course, i, s, { lang, width: columns, s: PRACTICE_STRINGS[lang] });
  const view = Math.max(1, rows - 1);
  const { top } = useScroll(lines.length, view);

  // Steps are summed in a reducer, so "→→" in one chunk goes two questions on.
  const [step, add] = useReducer((total: number, by: number) => total + by, 0);
  useKeys((input, key) => {
    if (key.leftArrow || input === 'h') add(-1);
    else if (key.rightArrow || input === 'l') add(1);
  });
  useEffect(() => {
    if (step === 0) return;
    // Within the filter when this question is in it, else through every question; stopping at the ends.
    const order = at >= 0 ? list : r.questions.map((_, k) => k);
    const from = at >= 0 ? at : i;
    const next = order[Math.max(0, Math.min(order.length - 1, from + step))]!;
    if (next !== i) go({ type: 'replace', route: { ...route, item: next + 1 } });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [step]);

  const more = `${top > 0 ? '▲' : ''}${top + view < lines.length ? '▼' : ''}`;
  return (
    <Box flexDirection="column">
      <Text dimColor wrap="truncate-end">
        {truncate(more ? `${truncate(head, columns - more.length - 1)} ${more}` : head, columns)}
      </Text>
      <Lines lines={lines} top={top} rows={view} width={columns} />
    </Box>
  );
}
