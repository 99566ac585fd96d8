// Practice: the day's spaced-repetition session. The queue (put-first items,
// then due cards oldest first, then new cards up to the daily limit) is built
// once when the screen opens. Each answer is graded, shown with the
// explanation and the source, and saved at once.

import { useEffect, useMemo, useReducer, useRef, useState, type ReactNode } from 'react';
import { Box, Text } from 'ink';
import { Screen } from '../components/Screen.js';
import { ChoiceQuestion, type ChoiceQ } from '../components/ChoiceQuestion.js';
import { Feedback } from '../components/Feedback.js';
import { blank, Lines, wrapLines, type StyledLine } from '../components/Lines.js';
import { OpenQuestion, type OpenQ } from '../components/OpenQuestion.js';
import { OrderQuestion, type OrderQ } from '../components/OrderQuestion.js';
import { PredictQuestion, type PredictQ } from '../components/PredictQuestion.js';
import { TextAnswer } from '../components/TextAnswer.js';
import { useBodySize, useNav } from '../nav-context.js';
import type { Route } from '../navigation.js';
import { useServices } from '../services.js';
import { clean, truncate } from '../text.js';
import { buildQueue, newCardsToday, type CourseQuestion } from '../../engine/queue.js';
import { review } from '../../engine/srs.js';
import { dayOf } from '../../engine/days.js';
import type { CardJson, Progress } from '../../store/progress.js';
import { keystroke } from '../keystroke.js';
import { useKeys } from '../use-keys.js';
import { clampTop, feedbackWithPrompt, initSession, prepareCard, reduceSession, viewOf, type Action, type Env, type Session } from './practice-session.js';
import { fill, PRACTICE_STRINGS, type PracticeStrings } from './practice-strings.js';

function when(ms: number, s: PracticeStrings): string {
  const min = Math.max(1, Math.ceil(ms / 60_000));
  if (min < 60) return fill(s.minutes, { n: min });
  const h = Math.round(min / 60);
  if (h < 48) return fill(s.hours, { n: h });
  return fill(s.days, { n: Math.round(h / 24) });
}

function clock(ms: number): string {
  const d = new Date(ms);
  return `${dayOf(ms)} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** The summary at the end (or instead) of a session. */
function summaryLines(st: Session, progress: Progress, questions: readonly CourseQuestion[], topic: string | undefined, now: number, s: PracticeStrings, width: number): StyledLine[] {
  const lines: StyledLine[] = [{ text: fill(s.summary, { n: st.answered, right: st.right, wrong: st.answered - st.right }), bold: true }, { text: '' }];
  // Cards answered Again come due again within minutes; the session does not take them back by itself.
  const dueNow = buildQueue(progress, questions, now, topic ? [topic] : undefined).length;
  lines.push(dueNow > 0 ? { text: fill(s.moreDue, { n: dueNow }), color: 'yellow' } : { text: s.nothingMore, color: 'green' });
  const inScope = topic ? questions.filter((c) => c.question.topic === topic) : questions.filter((c) => progress.settings.topics.length === 0 || progress.settings.topics.includes(c.question.topic));
  const upcoming = inScope.map((c) => progress.cards[c.key]?.due).filter((d): d is number => d !== undefined && d > now);
  if (upcoming.length > 0) {
    const next = Math.min(...upcoming);
    lines.push({ text: fill(s.nextDue, { when: when(next - now, s), at: clock(next) }) });
  } else if (!inScope.some((c) => progress.cards[c.key])) {
    lines.push({ text: s.nothingAtAll });
  }
  const unseen = inScope.some((c) => !progress.cards[c.key]);
  const today = newCardsToday(progress, now);
  if (unseen && today >= progress.settings.newPerDay) lines.push({ text: fill(s.newLimit, { n: today, max: progress.settings.newPerDay }), dim: true });
  return lines.flatMap(({ text, ...style }) => (text === '' ? [blank] : wrapLines(text, width, style)));
}

export function Practice({ route }: { route: Extract<Route, { name: 'practice' }> }) {
  const { course, lang, progress, now, save, t } = useServices();
  const { go } = useNav();
  const { columns, rows } = useBodySize();
  const s = PRACTICE_STRINGS[lang];

  // Built once: answering must not reshuffle the session under the learner.
  const [cards] = useState(() => {
    const time = now();
    return buildQueue(progress, course.questions, time, route.topic ? [route.topic] : undefined).map((item) => prepareCard(item, course, lang, time));
  });
  const env: Env = useMemo(() => ({ cards, lang, width: columns, rows: Math.max(1, rows - 1), s }), [cards, lang, columns, rows, s]);
  const [state, dispatch] = useReducer((st: Session, a: Action) => reduceSession(st, a, env), cards, initSession);

  useKeys((input, key) => {
    const k = keystroke(input, key);
    if (k) dispatch({ type: 'key', k });
  });

  // The card as it was before this answer, so that a change of rating replaces the review instead of adding one.
  const answered = useRef<{ key: string; at: number; before: CardJson | undefined } | null>(null);
  useEffect(() => {
    const last = state.lastSave;
    if (!last) return;
    const key = cards[last.index]!.item.key;
    if (last.first) {
      const at = now();
      const before = progress.cards[key];
      answered.current = { key, at, before };
      save((p) => {
        p.cards[key] = review(p.cards[key], last.rating, at);
        p.reviews.push({ q: key, at, rating: last.rating, correct: last.correct });
        p.priority = p.priority.filter((k) => k !== key);
        p.last = route.topic ? { kind: 'practice', topic: route.topic, at } : { kind: 'practice', at };
      });
    } else if (answered.current?.key === key) {
      const { at, before } = answered.current;
      save((p) => {
        p.cards[key] = review(before, last.rating, at);
        const r = p.reviews.find((x) => x.q === key && x.at === at);
        if (r) r.rating = last.rating;
      });
    }
    // Only a new answer or rating (saves) saves; progress changing because of it must not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.saves]);

  useEffect(() => {
    if (state.exits > 0) go({ type: 'back' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.exits]);

  const topic = route.topic ? course.topics.find((tp) => tp.key === route.topic) : undefined;
  const title = topic ? `${s.title} · ${clean(topic.title[lang])}` : s.title;
  const card = cards[state.index];
  const q = card?.item.question;

  const v = viewOf(state, env);
  const top = clampTop(state.top, v);
  const ctx = env;

  let header: string;
  if (state.phase === 'done' || !q) {
    header = s.sessionDone;
  } else {
    const count = (r: string): number => cards.filter((c) => c.item.reason === r).length;
    const parts = [fill(s.position, { i: state.index + 1, n: cards.length }), fill(s.due, { n: count('due') }), fill(s.fresh, { n: count('new') })];
    if (count('priority') > 0) parts.push(fill(s.priority, { n: count('priority') }));
    parts.push(s.kind[q.kind]);
    // The scroll marks go last but are never the part cut off.
    const more = `${top > 0 ? '▲' : ''}${top + v.rows < v.lines.length ? '▼' : ''}`;
    header = more ? `${truncate(parts.join(' · '), columns - more.length - 1)} ${more}` : parts.join(' · ');
  }
  const notice = state.notice ? s[state.notice] : null;

  let hints: string[];
  let body: ReactNode;
  if (state.phase === 'done' || !q || !card) {
    hints = [s.hintDone];
    body = <Lines lines={summaryLines(state, progress, course.questions, route.topic, now(), s, columns)} top={0} rows={env.rows} width={columns} />;
  } else if (state.phase === 'feedback') {
    hints = [s.hintNext, t('keysBack')];
    body = <Feedback q={q} setup={card.setup ?? null} result={state.result!} ctx={ctx} withPrompt={feedbackWithPrompt(env)} top={top} rows={v.rows} />;
  } else {
    const ui = state.ui;
    switch (ui.kind) {
      case 'choice':
        hints = [q.kind === 'multi' ? s.hintTick : q.kind === 'truefalse' ? s.hintTrueFalse : s.hintChoose, t('keysBack')];
        body = <ChoiceQuestion q={q as ChoiceQ} state={ui.st} ctx={ctx} top={top} rows={v.rows} />;
        break;
      case 'order':
        hints = [s.hintOrder, t('keysBack')];
        body = <OrderQuestion q={q as OrderQ} state={ui.st} ctx={ctx} top={top} rows={v.rows} />;
        break;
      case 'text': {
        hints = [s.hintType];
        const unit = q.kind === 'numeric' ? q[lang].unit : undefined;
        body = (
          <Box flexDirection="column">
            <Lines lines={v.lines} top={top} rows={v.rows} width={columns} />
            <TextAnswer key={state.index} state={ui.st} width={columns} unit={unit ? clean(unit) : undefined} />
          </Box>
        );
        break;
      }
      case 'predict':
        hints = [s.hintPredict, t('keysBack')];
        body = <PredictQuestion q={q as PredictQ} setup={card.setup!} state={ui.st} ctx={ctx} top={top} rows={env.rows} contextRows={v.rows} />;
        break;
      case 'open':
        hints = [ui.st.revealed ? s.hintRate : s.hintReveal, t('keysBack')];
        body = <OpenQuestion q={q as OpenQ} state={ui.st} ctx={ctx} top={top} rows={v.rows} />;
        break;
      case 'missing':
        hints = [s.hintSkip, t('keysBack')];
        body = <Lines lines={v.lines} top={top} rows={v.rows} width={columns} />;
        break;
    }
  }

  return (
    <Screen title={title} hints={hints}>
      <Box flexDirection="column">
        <Text color={notice ? 'yellow' : undefined} dimColor={!notice} wrap="truncate-end">
          {truncate(notice ?? header, columns)}
        </Text>
        {body}
      </Box>
    </Screen>
  );
}
