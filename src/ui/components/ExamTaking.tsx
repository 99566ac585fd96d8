// An exam being taken: the countdown and the navigator strip on top, the
// question below in Practice's own views, no feedback. Every answer and flag
// is saved at once; the clock submits the exam at 00:00, and a resumed exam
// whose time ran out while the app was closed is submitted as soon as it
// opens.

import { useEffect, useLayoutEffect, useMemo, useReducer, useRef, type ReactNode } from 'react';
import { Box } from 'ink';
import { markExam, recordResult } from '../../exam/score.js';
import { counts, isAnswered } from '../../exam/session.js';
import type { ExamSession } from '../../store/exam-records.js';
import { useBodySize, useNav } from '../nav-context.js';
import { useServices } from '../services.js';
import { useKeys } from '../use-keys.js';
import { clean, stringWidth, truncate } from '../text.js';
import { EXAM_STRINGS, type ExamStrings } from '../screens/exam-strings.js';
import { initTake, prepareCards, questionView, reduceTake, type ExamCard, type TakeAction, type TakeEnv, type TakeNotice, type TakeState } from '../screens/exam-take.js';
import { keystroke, stroke } from '../keystroke.js';
import { clampTop } from '../screens/practice-session.js';
import { PRACTICE_STRINGS, type PracticeStrings } from '../screens/practice-strings.js';
import { ChoiceQuestion, type ChoiceQ } from './ChoiceQuestion.js';
import { ExamBar } from './ExamBar.js';
import { blank, Lines, wrapLines, type StyledLine } from './Lines.js';
import { OrderQuestion, type OrderQ } from './OrderQuestion.js';
import { PredictQuestion, type PredictQ } from './PredictQuestion.js';
import { Screen } from './Screen.js';
import { TextAnswer } from './TextAnswer.js';

/** How often the clock is looked at; under a second, so that no second is skipped on screen. */
const TICK_MS = 250;

function noticeText(n: TakeNotice, s: ExamStrings, ps: PracticeStrings): string {
  switch (n) {
    case 'recorded':
    case 'flagOn':
    case 'flagOff':
    case 'warn5':
    case 'warn1':
      return s[n];
    default:
      return ps[n];
  }
}

/** One row per question, then the submit row. */
function listLines(st: TakeState, cards: readonly ExamCard[], lang: 'en' | 'zh', s: ExamStrings, width: number): StyledLine[] {
  const n = cards.length;
  const w = String(n).length;
  const lines: StyledLine[] = cards.map((card, i) => {
    const on = i === st.list;
    const mark = isAnswered(st.session, i) ? '●' : '○';
    const flag = st.session.flags.includes(i) ? '⚑' : ' ';
    const prompt = card.shown ? clean(card.shown[lang].prompt).replace(/\s+/g, ' ') : '';
    const text = `${on ? '❯' : ' '} ${String(i + 1).padStart(w)} ${mark}${flag} ${card.topic} · ${prompt}`;
    return { text: truncate(text, width), ...(on ? { color: 'cyan', bold: true } : {}), ...(i === (st.session.current ?? 0) && !on ? { bold: true } : {}) };
  });
  const on = st.list >= n;
  lines.push({ text: truncate(`${on ? '❯' : ' '} ${' '.repeat(w)}   ${s.submitRow}`, width), ...(on ? { color: 'cyan', bold: true } : {}) });
  return lines;
}

function confirmLines(session: ExamSession, s: ExamStrings, width: number): StyledLine[] {
  const c = counts(session);
  const lines: StyledLine[] = [{ text: s.confirmTitle, bold: true }, blank];
  lines.push(...wrapLines(c.unanswered > 0 ? s.unansweredN(c.unanswered, c.total) : s.allAnswered(c.total), width, c.unanswered > 0 ? { color: 'yellow' } : { color: 'green' }));
  if (c.flagged > 0) lines.push(...wrapLines(s.flaggedLeft(c.flagged), width, { color: 'yellow' }));
  lines.push(...wrapLines(s.noChanges, width, { dim: true }), blank, ...wrapLines(s.keysConfirm.join(' · '), width, { bold: true }));
  return lines;
}

export function ExamTaking({ initial }: { initial: ExamSession }) {
  const { course, lang, now, save, t } = useServices();
  const { go } = useNav();
  const { columns, rows } = useBodySize();
  const s = EXAM_STRINGS[lang];
  const ps = PRACTICE_STRINGS[lang];

  // Prepared once per exam: the questions of an exam never change under it.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const cards = useMemo(() => prepareCards(course, initial, lang), [course, initial.id, lang]);
  const env: TakeEnv = useMemo(() => ({ cards, lang, width: columns, rows: Math.max(1, rows - 2), s: ps }), [cards, lang, columns, rows, ps]);
  const [state, dispatch] = useReducer((st: TakeState, a: TakeAction) => reduceTake(st, a, env), null, () => initTake(initial, { cards }, now()));

  useKeys((input, key) => {
    // A Ctrl+letter that arrived inside a burst of keys comes split off as its bare control
    // character ("\t\t\x06"); it is still that Ctrl key.
    const bare = /^[\x01-\x1a]$/.test(input) && !['\t', '\r', '\n', '\b'].includes(input);
    const k = bare ? stroke({ ch: String.fromCharCode(input.charCodeAt(0) + 96), ctrl: true }) : keystroke(input, key);
    if (k) dispatch({ type: 'key', k, at: now() });
  });

  // The clock: redrawn and checked four times a second, and once at once (an exam resumed after its time).
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    dispatch({ type: 'tick', at: now() });
    const timer = setInterval(() => {
      dispatch({ type: 'tick', at: now() });
      redraw();
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [now]);

  useEffect(() => {
    if (state.saves === 0) return;
    const session = state.session;
    save((p) => {
      p.examInProgress = structuredClone(session);
    });
    // Only answers and flags (saves) save; progress changing because of it must not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.saves]);

  useEffect(() => {
    if (!state.submit) return;
    const result = markExam(course, state.session, state.submit.at, state.submit.timedOut);
    save((p) => recordResult(p, result));
    go({ type: 'replace', route: { name: 'exam', review: result.id } });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.submit]);

  // The question on screen is kept for the next visit, also when Ink unmounts at exit (a layout
  // effect's cleanup runs then). Answers and flags are already saved.
  const latest = useRef({ state, save });
  latest.current = { state, save };
  useLayoutEffect(
    () => () => {
      const { state: st, save: store } = latest.current;
      if (st.submit) return;
      const { id, current } = st.session;
      store((p) => {
        if (p.examInProgress?.id === id && current !== undefined) p.examInProgress.current = current;
      });
    },
    [],
  );

  const session = state.session;
  const i = session.current ?? 0;
  const card = cards[i];
  const q = card?.shown;
  const v = questionView(state, env);
  const top = clampTop(state.top, v);

  const where = [s.position(i + 1, cards.length), q ? ps.kind[q.kind] : null, card?.topic ?? null, isAnswered(session, i) ? `● ${s.answeredMark}` : null, session.flags.includes(i) ? s.flaggedMark : null];
  const notice = state.submit ? s.submitting : state.notice ? noticeText(state.notice, s, ps) : null;
  const warn = state.notice === 'warn5' || state.notice === 'warn1' || state.notice === 'nothingTyped' || state.notice === 'notANumber' || state.notice === 'tickOne';

  let hints: string[];
  let body: ReactNode;
  if (state.mode === 'list') {
    hints = s.keysList;
    const lines = listLines(state, cards, lang, s, columns);
    const room = Math.max(1, env.rows - 1);
    const listTop = Math.max(0, Math.min(state.list - Math.floor(room / 2), lines.length - room));
    body = (
      <Box flexDirection="column">
        <Lines lines={[{ text: `${s.listTitle} · ${s.legend}`, dim: true }]} top={0} rows={1} width={columns} />
        <Lines lines={lines} top={listTop} rows={room} width={columns} />
      </Box>
    );
  } else if (state.mode === 'confirm') {
    hints = s.keysConfirm;
    body = <Lines lines={confirmLines(session, s, columns)} top={0} rows={env.rows} width={columns} />;
  } else {
    const ui = state.ui;
    const full = ui.kind === 'text' ? s.keysTyping : s.keysQuestion;
    // The whole line, "? help" included, or the short one.
    hints = stringWidth([...full, t('keysHelp')].join(' · ')) <= columns ? full : s.keysShort;
    switch (ui.kind) {
      case 'choice':
        body = <ChoiceQuestion q={q as ChoiceQ} state={ui.st} ctx={env} top={top} rows={v.rows} />;
        break;
      case 'order':
        body = <OrderQuestion q={q as OrderQ} state={ui.st} ctx={env} top={top} rows={v.rows} />;
        break;
      case 'text': {
        const unit = q?.kind === 'numeric' ? q[lang].unit : undefined;
        body = (
          <Box flexDirection="column">
            <Lines lines={v.lines} top={top} rows={v.rows} width={columns} />
            <TextAnswer key={i} state={ui.st} width={columns} unit={unit ? clean(unit) : undefined} />
          </Box>
        );
        break;
      }
      case 'predict':
        body = <PredictQuestion q={q as PredictQ} setup={card!.setup!} state={ui.st} ctx={env} top={top} rows={env.rows} contextRows={v.rows} />;
        break;
      case 'missing':
        body = <Lines lines={v.lines} top={top} rows={v.rows} width={columns} />;
        break;
    }
  }

  // Scroll marks go last on the first line but are never the part cut off.
  const more = state.mode === 'question' ? `${top > 0 ? '▲' : ''}${top + v.rows < v.lines.length ? '▼' : ''}` : '';
  return (
    <Screen title={t('exam')} hints={hints}>
      <Box flexDirection="column">
        <ExamBar session={session} now={now()} width={columns} s={s} left={where.filter(Boolean).join(' · ')} more={more} notice={notice} warn={warn} />
        {body}
      </Box>
    </Screen>
  );
}
