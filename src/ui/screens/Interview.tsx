// Interview drill: open questions one at a time, as an interviewer asks
// them. The learner types an answer against a visible clock (going over is
// allowed and shown), then sees the model answer with its key points as a
// checklist, pre-ticked where the matcher found them, and confirms or
// corrects the ticks. Follow-ups come after the main answer. At the end, a
// report, weakest first. The drill is saved after every answer and every
// confirmation, and the answer being typed is kept as a draft when the
// screen is left (Esc, Ctrl+C), so the drill resumes where it stopped.

import { useEffect, useLayoutEffect, useMemo, useReducer, useRef } from 'react';
import { Box, Text } from 'ink';
import { useKeys } from '../use-keys.js';
import type { Lang } from '../../content/schema.js';
import type { Course } from '../../engine/course.js';
import type { DrillResult, DrillSession } from '../../store/drill-records.js';
import { countdown, formatWhen } from '../../drill/clock.js';
import { DEFAULT_COUNT, DEFAULT_MINUTES, MAX_COUNT, interviewSet } from '../../drill/interview-set.js';
import {
  confirmTicks,
  drillItems,
  finishDrill,
  itemText,
  position,
  recordResult,
  seedFrom,
  sessionFits,
  startDrill,
  submitAnswer,
  type DrillItem,
} from '../../drill/session.js';
import { Screen } from '../components/Screen.js';
import { TextArea } from '../components/TextArea.js';
import { LineWindow, wrapStyled, type StyledLine } from '../components/LineWindow.js';
import { DrillReportView, itemTime } from '../components/DrillReport.js';
import { DrillAnswers } from '../components/DrillAnswers.js';
import { drillHistoryRows } from '../components/DrillHistory.js';
import { useBodySize, useNav } from '../nav-context.js';
import type { Route } from '../navigation.js';
import { useServices } from '../services.js';
import { clean, stringWidth, truncate } from '../text.js';
import { useFollowScroll } from '../use-follow-scroll.js';
import { INTERVIEW_STRINGS, type InterviewStrings } from './interview-strings.js';

type InterviewRoute = Extract<Route, { name: 'interview' }>;

export function Interview({ route }: { route: InterviewRoute }) {
  if (route.review !== undefined) return <PastDrill id={route.review} item={route.item} finished={route.finished === true} />;
  return <DrillRunner route={route} />;
}

// ---------------------------------------------------------------------------
// A finished drill from the history: its report, or the answers to one question.

function PastDrill({ id, item, finished }: { id: string; item: number | undefined; finished: boolean }) {
  const { progress, t, lang } = useServices();
  const { go } = useNav();
  const s = INTERVIEW_STRINGS[lang];
  const result = progress.drills?.find((d) => d.id === id);
  if (!result) {
    return (
      <Screen title={t('interview')} hints={[t('keysBack')]}>
        <Text>{s.notFound}</Text>
      </Screen>
    );
  }
  if (item === undefined) {
    return (
      <Screen title={`${t('interview')} · ${s.report} · ${formatWhen(result.finishedAt)}`} hints={[...s.keysReport, t('keysBack')]}>
        <DrillReportView result={result} fresh={finished} onOpen={(index) => go({ type: 'push', route: { name: 'interview', review: id, item: index } })} />
      </Screen>
    );
  }
  return (
    <Screen title={`${t('interview')} · ${s.reread}`} hints={[...s.keysReread, t('keysBack')]}>
      <DrillAnswers result={result} initial={item} />
    </Screen>
  );
}

// ---------------------------------------------------------------------------
// The drill itself: a reducer over the session and what the screen shows.

type IntroItem = { kind: 'resume' } | { kind: 'start' } | { kind: 'count' } | { kind: 'minutes' } | { kind: 'past'; id: string };
type Note = 'noResume' | 'cannotResume' | 'waiting' | null;

type Mode =
  | { kind: 'intro'; cursor: number; count: number; minutes: number; note: Note }
  /** Typing the answer to the current item; the clock runs from `since`, plus `carried` from before a resume. */
  | { kind: 'answer'; since: number; carried: number; draft: string }
  | { kind: 'check'; cursor: number; ticks: boolean[] }
  | { kind: 'report'; result: DrillResult }
  | { kind: 'empty' };

interface State {
  session: DrillSession | null;
  mode: Mode;
  /** Bumped when the session (or the finished result) must be saved. */
  saves: number;
  /** A past drill to open, and a counter so that the effect opens it once. */
  open: { id: string; seq: number } | null;
}

type Action =
  | { type: 'introMove'; by: number; items: number }
  | { type: 'introChange'; by: number; items: IntroItem[]; maxCount: number }
  | { type: 'choose'; items: IntroItem[]; at: number; stored: DrillSession | undefined; seed: number | undefined }
  | { type: 'submit'; text: string; at: number }
  | { type: 'checkMove'; by: number }
  | { type: 'toggle'; index?: number }
  | { type: 'confirm'; at: number };

const MIN_MINUTES = 1;
const MAX_MINUTES = 30;

/** The mode a session is in when it is (re)opened at `at`. */
function modeOf(d: DrillSession, at: number): { mode: Mode; result: DrillResult | null } {
  const pos = position(d);
  if (pos.phase === 'answer') return { mode: { kind: 'answer', since: at, carried: d.draft?.ms ?? 0, draft: d.draft?.text ?? '' }, result: null };
  if (pos.phase === 'review') return { mode: { kind: 'check', cursor: 0, ticks: [...d.answers[pos.index]!.ticks] }, result: null };
  const result = finishDrill(d, at);
  return { mode: { kind: 'report', result }, result };
}

function reducerFor(course: Course, lang: Lang) {
  return (s: State, a: Action): State => {
    const m = s.mode;
    switch (a.type) {
      case 'introMove':
        if (m.kind !== 'intro') return s;
        return { ...s, mode: { ...m, cursor: Math.max(0, Math.min(a.items - 1, m.cursor + a.by)) } };
      case 'introChange': {
        if (m.kind !== 'intro') return s;
        const item = a.items[m.cursor];
        if (item?.kind === 'count') return { ...s, mode: { ...m, count: Math.max(1, Math.min(a.maxCount, m.count + a.by)) } };
        if (item?.kind === 'minutes') return { ...s, mode: { ...m, minutes: Math.max(MIN_MINUTES, Math.min(MAX_MINUTES, Math.round(m.minutes) + a.by)) } };
        return s;
      }
      case 'choose': {
        if (m.kind !== 'intro') return s;
        const item = a.items[m.cursor];
        if (!item) return s;
        if (item.kind === 'past') return { ...s, open: { id: item.id, seq: (s.open?.seq ?? 0) + 1 } };
        if (item.kind === 'resume') {
          if (!a.stored || !sessionFits(course, a.stored)) return { ...s, mode: { ...m, note: a.stored ? 'cannotResume' : 'noResume' } };
          const { mode } = modeOf(a.stored, a.at);
          return { ...s, session: a.stored, mode, saves: s.saves + 1 };
        }
        const session = startDrill(course, { count: m.count, limitMs: Math.round(m.minutes * 60_000), seed: a.seed ?? seedFrom(a.at), lang, now: a.at });
        return { ...s, session, mode: { kind: 'answer', since: a.at, carried: 0, draft: '' }, saves: s.saves + 1 };
      }
      case 'submit': {
        if (m.kind !== 'answer' || !s.session) return s;
        const session = submitAnswer(course, s.session, a.text, a.at - m.since + m.carried, lang);
        const last = session.answers[session.answers.length - 1]!;
        return { ...s, session, mode: { kind: 'check', cursor: 0, ticks: [...last.ticks] }, saves: s.saves + 1 };
      }
      case 'checkMove':
        if (m.kind !== 'check') return s;
        return { ...s, mode: { ...m, cursor: Math.max(0, Math.min(m.ticks.length - 1, m.cursor + a.by)) } };
      case 'toggle': {
        if (m.kind !== 'check') return s;
        const i = a.index ?? m.cursor;
        if (i < 0 || i >= m.ticks.length) return s;
        return { ...s, mode: { ...m, cursor: i, ticks: m.ticks.map((t, n) => (n === i ? !t : t)) } };
      }
      case 'confirm': {
        if (m.kind !== 'check' || !s.session) return s;
        const session = confirmTicks(s.session, m.ticks);
        return { ...s, session, mode: modeOf(session, a.at).mode, saves: s.saves + 1 };
      }
    }
  };
}

function introItems(stored: DrillSession | undefined, past: string[]): IntroItem[] {
  return [...(stored ? [{ kind: 'resume' } as const] : []), { kind: 'start' }, { kind: 'count' }, { kind: 'minutes' }, ...past.map((id) => ({ kind: 'past', id }) as const)];
}

function DrillRunner({ route }: { route: InterviewRoute }) {
  const services = useServices();
  const { course, lang, now, progress, save, t } = services;
  const { go } = useNav();
  const s = INTERVIEW_STRINGS[lang];
  const setSize = useMemo(() => interviewSet(course).length, [course]);
  const maxCount = Math.max(1, Math.min(MAX_COUNT, setSize));
  const reducer = useMemo(() => reducerFor(course, lang), [course, lang]);

  const [state, dispatch] = useReducer(reducer, null, (): State => {
    const at = now();
    const stored = progress.drillInProgress;
    const intro = (note: Note): State => ({
      session: null,
      mode: { kind: 'intro', cursor: 0, count: Math.min(route.count ?? DEFAULT_COUNT, maxCount), minutes: route.minutes ?? DEFAULT_MINUTES, note },
      saves: 0,
      open: null,
    });
    if (setSize === 0) return { session: null, mode: { kind: 'empty' }, saves: 0, open: null };
    if (route.resume) {
      if (!stored) return intro('noResume');
      if (!sessionFits(course, stored)) return intro('cannotResume');
      const { mode, result } = modeOf(stored, at);
      return { session: stored, mode, saves: result ? 1 : 0, open: null };
    }
    if (route.start && !stored) {
      const count = Math.min(route.count ?? DEFAULT_COUNT, maxCount);
      const limitMs = Math.round((route.minutes ?? DEFAULT_MINUTES) * 60_000);
      const session = startDrill(course, { count, limitMs, seed: route.seed ?? seedFrom(at), lang, now: at });
      return { session, mode: { kind: 'answer', since: at, carried: 0, draft: '' }, saves: 1, open: null };
    }
    return intro(stored ? 'waiting' : null);
  });

  // Saving follows from the state, once per change.
  useEffect(() => {
    if (state.saves === 0) return;
    if (state.mode.kind === 'report') {
      // Filed in the history, the drill is shown from there, so that Esc from re-reading an answer comes back to its report.
      const result = state.mode.result;
      save((p) => recordResult(p, result));
      go({ type: 'replace', route: { name: 'interview', review: result.id, finished: true } });
    } else if (state.session) {
      const session = state.session;
      save((p) => {
        p.drillInProgress = structuredClone(session);
      });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.saves]);

  useEffect(() => {
    if (state.open) go({ type: 'push', route: { name: 'interview', review: state.open.id } });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.open?.seq]);

  // The answer being typed is kept as a draft when the screen goes away (Esc, Ctrl+C, a closed
  // terminal): a layout effect, because its cleanup runs even when Ink unmounts at exit.
  const draft = useRef('');
  const latest = useRef({ state, now, save });
  latest.current = { state, now, save };
  useLayoutEffect(
    () => () => {
      const { state: st, now: clock, save: store } = latest.current;
      if (st.mode.kind !== 'answer' || !st.session) return;
      const id = st.session.id;
      const kept = { text: draft.current, ms: Math.max(0, clock() - st.mode.since + st.mode.carried) };
      store((p) => {
        if (p.drillInProgress?.id === id) p.drillInProgress.draft = kept;
      });
    },
    [],
  );

  // The clock redraws twice a second while an answer is being typed (once a second could skip one).
  const [, tick] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (state.mode.kind !== 'answer') return;
    const timer = setInterval(tick, 500);
    return () => clearInterval(timer);
  }, [state.mode.kind]);

  const past = drillHistoryRows(progress.drills, lang);
  const items = introItems(progress.drillInProgress, past.map((p) => p.id));

  const mode = state.mode;
  useKeys(
    (input, key) => {
      if (mode.kind === 'intro') {
        if (key.downArrow || input === 'j') dispatch({ type: 'introMove', by: 1, items: items.length });
        else if (key.upArrow || input === 'k') dispatch({ type: 'introMove', by: -1, items: items.length });
        else if (key.rightArrow || input === '+' || input === 'l') dispatch({ type: 'introChange', by: 1, items, maxCount });
        else if (key.leftArrow || input === '-' || input === 'h') dispatch({ type: 'introChange', by: -1, items, maxCount });
        else if (key.return) dispatch({ type: 'choose', items, at: now(), stored: progress.drillInProgress, seed: route.seed });
      } else if (mode.kind === 'check') {
        if (key.downArrow || input === 'j') dispatch({ type: 'checkMove', by: 1 });
        else if (key.upArrow || input === 'k') dispatch({ type: 'checkMove', by: -1 });
        else if (input === ' ' || input === 'x') dispatch({ type: 'toggle' });
        else if (/^[1-9]$/.test(input)) dispatch({ type: 'toggle', index: Number(input) - 1 });
        else if (key.return) dispatch({ type: 'confirm', at: now() });
      }
    },
    { isActive: mode.kind === 'intro' || mode.kind === 'check' },
  );

  const title = t('interview');
  switch (mode.kind) {
    case 'empty':
      return (
        <Screen title={title} hints={[t('keysBack')]}>
          <Text>{s.noQuestions}</Text>
        </Screen>
      );
    case 'intro':
      return (
        <Screen title={title} hints={[...s.keysIntro, t('keysBack')]}>
          <Intro s={s} mode={mode} items={items} past={past} stored={progress.drillInProgress} />
        </Screen>
      );
    case 'report':
      // Only for the moment before the route is replaced by the drill's report.
      return (
        <Screen title={`${title} · ${s.report}`} hints={[t('keysBack')]}>
          <Text> </Text>
        </Screen>
      );
    case 'answer':
    case 'check': {
      const session = state.session!;
      const pos = position(session);
      const index = pos.phase === 'done' ? 0 : pos.index;
      const item = drillItems(session)[index]!;
      return (
        <Screen title={title} hints={mode.kind === 'answer' ? s.keysAnswer : s.keysCheck}>
          {mode.kind === 'answer' ? (
            <Answer
              key={`${session.id}-${index}`}
              s={s}
              session={session}
              item={item}
              elapsed={now() - mode.since + mode.carried}
              initial={mode.draft}
              onChange={(text) => {
                draft.current = text;
                // Typing redraws the clock too, so it is never a second behind what was typed.
                tick();
              }}
              onSubmit={(text) => dispatch({ type: 'submit', text, at: now() })}
            />
          ) : (
            <Check key={`${session.id}-${index}`} s={s} session={session} item={item} cursor={mode.cursor} ticks={mode.ticks} answerIndex={index} />
          )}
        </Screen>
      );
    }
  }
}

// ---------------------------------------------------------------------------
// The views.

function Intro(props: { s: InterviewStrings; mode: Extract<Mode, { kind: 'intro' }>; items: IntroItem[]; past: Array<{ id: string; text: string }>; stored: DrillSession | undefined }) {
  const { s, mode, items, past, stored } = props;
  const { rows, columns } = useBodySize();
  const minutes = Number.isInteger(mode.minutes) ? String(mode.minutes) : mode.minutes.toFixed(1);
  const lines: StyledLine[] = [...wrapStyled(s.intro, columns, { dim: true })];
  const note = mode.note === 'noResume' ? s.noResume : mode.note === 'cannotResume' ? s.cannotResume : mode.note === 'waiting' ? s.waiting : null;
  if (note) lines.push(...wrapStyled(note, columns, { color: 'yellow' }));
  lines.push({ text: '' });
  let focus: { key: number; start: number; end: number } | null = null;
  items.forEach((item, i) => {
    if (item.kind === 'past' && (i === 0 || items[i - 1]!.kind !== 'past')) lines.push({ text: '' }, { text: s.past, bold: true });
    const label =
      item.kind === 'resume'
        ? s.resume(formatWhen(stored?.startedAt ?? 0), stored?.answers.filter((a) => a.confirmed).length ?? 0, stored ? drillItems(stored).length : 0)
        : item.kind === 'start'
          ? stored
            ? s.startNew(mode.count, minutes)
            : s.start(mode.count, minutes)
          : item.kind === 'count'
            ? s.count(mode.count)
            : item.kind === 'minutes'
              ? s.minutes(minutes)
              : (past.find((p) => p.id === item.id)?.text ?? item.id);
    const selected = i === mode.cursor;
    const start = lines.length;
    lines.push(...wrapStyled(label, columns, selected ? { color: 'cyan', bold: true } : {}, selected ? '❯ ' : '  '));
    if (selected) focus = { key: i, start, end: lines.length };
  });
  if (past.length === 0) lines.push({ text: '' }, { text: s.past, bold: true }, { text: `  ${s.noPast}`, dim: true });
  const top = useFollowScroll(lines.length, rows, focus);
  return <LineWindow lines={lines} top={top} rows={rows} width={columns} />;
}

/** "Question 2 of 5 · Follow-up 1 of 2 · topic" on the left, `right` on the right. */
function headerLine(s: InterviewStrings, session: DrillSession, item: DrillItem, course: Course, lang: Lang, width: number, right: string): string {
  const dq = session.questions[item.q]!;
  const topic = course.topics.find((x) => x.key === dq.topic);
  const rw = stringWidth(right);
  const label = (tight: boolean): string => {
    const parts = [(tight ? s.questionTight : s.question)(item.q + 1, session.questions.length)];
    if (item.f >= 0) parts.push((tight ? s.followupTight : s.followup)(dq.followups.indexOf(item.f) + 1, dq.followups.length));
    if (topic) parts.push(clean(topic.title[lang]));
    return parts.join(' · ');
  };
  // Where the words do not fit, the short forms keep the numbers in sight.
  const full = label(false);
  const left = truncate(stringWidth(full) + rw + 1 <= width ? full : label(true), Math.max(1, width - rw - 1));
  return `${left}${' '.repeat(Math.max(1, width - stringWidth(left) - rw))}`;
}

function Answer(props: {
  s: InterviewStrings;
  session: DrillSession;
  item: DrillItem;
  elapsed: number;
  initial: string;
  onChange: (text: string) => void;
  onSubmit: (text: string) => void;
}) {
  const { s, session, item } = props;
  const { course, lang } = useServices();
  const { rows, columns } = useBodySize();
  const text = itemText(course, session, item, lang);
  const clock = countdown(props.elapsed, session.limitMs);
  const right = clock.over ? s.over(clock.text) : s.left(clock.text);
  const color = clock.over ? 'red' : session.limitMs - props.elapsed <= 30_000 ? 'yellow' : 'green';
  const head = headerLine(s, session, item, course, lang, columns, right);

  const context = item.f >= 0 && text ? [{ text: truncate(clean(text.main), columns), dim: true }] : [];
  const prompt = wrapStyled(clean(text ? (text.followup ?? text.main) : ''), columns, { bold: true });
  // The text box keeps at least three rows; a prompt too long for the rest is cut with an ellipsis.
  const room = Math.max(1, rows - 1 - context.length - 3);
  const shown = prompt.length > room ? [...prompt.slice(0, room - 1), { ...prompt[room - 1]!, text: truncate(`${prompt[room - 1]!.text}…`, columns) }] : prompt;
  const boxRows = Math.max(1, rows - 1 - context.length - shown.length);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text bold color="cyan">
          {head}
        </Text>
        <Text color={color} bold={clock.over}>
          {right}
        </Text>
      </Text>
      <LineWindow lines={[...context, ...shown]} top={0} rows={context.length + shown.length} width={columns} />
      <TextArea width={columns} rows={boxRows} initial={props.initial} placeholder={s.placeholder} onChange={props.onChange} onSubmit={props.onSubmit} />
    </Box>
  );
}

function Check(props: { s: InterviewStrings; session: DrillSession; item: DrillItem; cursor: number; ticks: boolean[]; answerIndex: number }) {
  const { s, session, item, cursor, ticks } = props;
  const { course, lang } = useServices();
  const { rows, columns } = useBodySize();
  const text = itemText(course, session, item, lang);
  const answer = session.answers[props.answerIndex]!;
  const time = itemTime({ ms: answer.ms, over: answer.ms > session.limitMs }, session.limitMs);
  const took = s.took(time);
  const head = headerLine(s, session, item, course, lang, columns, took);

  const lines: StyledLine[] = [...wrapStyled(clean(text ? (text.followup ?? text.main) : ''), columns, { bold: true }), { text: '' }];
  lines.push(...wrapStyled(s.found(answer.auto.filter(Boolean).length, answer.auto.length), columns, { color: 'yellow' }), { text: '' });
  lines.push({ text: `${s.keyPoints} ${ticks.filter(Boolean).length}/${ticks.length}`, bold: true });
  let focus: { key: number; start: number; end: number } | null = null;
  ticks.forEach((tick, i) => {
    const start = lines.length;
    const selected = i === cursor;
    const point = clean(text?.points[i] ?? `#${i + 1}`);
    lines.push(...wrapStyled(point, columns, { color: selected ? 'cyan' : tick ? 'green' : undefined, bold: selected }, `${selected ? '❯' : ' '} [${tick ? 'x' : ' '}] `));
    if (selected) focus = { key: i, start, end: lines.length };
  });
  lines.push({ text: '' }, { text: s.modelAnswer, bold: true }, ...wrapStyled(clean(text?.answer ?? ''), columns));
  lines.push({ text: '' }, { text: s.yourAnswer(time), bold: true });
  lines.push(...(answer.text.trim() === '' ? [{ text: s.noAnswer, dim: true }] : wrapStyled(clean(answer.text), columns)));

  const bodyRows = Math.max(1, rows - 1);
  const top = useFollowScroll(lines.length, bodyRows, focus, { followFirst: true });
  return (
    <Box flexDirection="column">
      <Text bold color="cyan" wrap="truncate-end">
        {head}
        <Text color={answer.ms > session.limitMs ? 'red' : undefined}>{took}</Text>
      </Text>
      <LineWindow lines={lines} top={top} rows={bodyRows} width={columns} />
    </Box>
  );
}
