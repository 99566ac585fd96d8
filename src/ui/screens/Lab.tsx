// A guided lab: the scenario runs line by line against the core while a
// ladder diagram grows; before chosen lines the learner predicts the next
// state and what a host sends, then sees the core's answer and its reason.
// Keys go through one reducer (several may arrive at once); saving happens in
// effects keyed on the session's counters, once per answer and per finish.

import { useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState, type MutableRefObject } from 'react';
import { Box, Text } from 'ink';
import { Screen } from '../components/Screen.js';
import { Ladder, StyledRow, maxBack } from '../components/Ladder.js';
import { headerRows, ladderRows, type Row } from '../components/ladder-rows.js';
import { LADDER_STRINGS } from '../components/ladder-strings.js';
import { keystroke, type Keystroke } from '../keystroke.js';
import { splitKeys } from '../split-keys.js';
import { useBodySize, useNav } from '../nav-context.js';
import { useServices } from '../services.js';
import type { Route } from '../navigation.js';
import { clean, truncate } from '../text.js';
import type { CourseLab } from '../../engine/course.js';
import { draftKey, initDraft, type Draft } from '../../labs/answer.js';
import { findLab } from '../../labs/find.js';
import { queueForPractice, recordFinish, relatedQuestions } from '../../labs/record.js';
import { labReducer, playLab, sessionScore, startSession, type LabPlay, type LabSession } from '../../labs/session.js';
import { LAB_STRINGS } from './lab-strings.js';
import { rememberLab } from './lab-memory.js';
import { doneRows, gridColumns, introRows, predictRows, revealRows, runRows } from './lab-panel.js';
import { useRawKeys } from '../use-keys.js';

export function Lab({ route }: { route: Extract<Route, { name: 'lab' }> }) {
  const { course, lang, t } = useServices();
  const s = LAB_STRINGS[lang];
  const entry = findLab(course, route.id);
  const played = useMemo((): { play: LabPlay } | { error: string } | null => {
    if (!entry) return null;
    try {
      return { play: playLab(entry.lab, entry.scenario.source) };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  }, [entry]);
  if (!entry || !played || 'error' in played) {
    return (
      <Screen title={s.lab} hints={[t('keysBack')]}>
        <Text wrap="wrap">{clean(!entry ? s.notFound(route.id) : s.broken(route.id, played && 'error' in played ? played.error : ''))}</Text>
      </Screen>
    );
  }
  return <LabRun entry={entry} play={played.play} />;
}

interface Ui {
  session: LabSession;
  draft: Draft | null;
  /** Ladder rows scrolled back from the latest; 0 follows the run. */
  back: number;
  /** First row of a long intro or summary shown (↑↓ scroll it; the ladder keeps PgUp/PgDn). */
  panelTop: number;
  leave: number;
}

interface View {
  limit: number;
  page: number;
  /** States per row of the prediction grid (↑↓ move by this much). */
  grid: number;
  /** How far the intro or summary can scroll. */
  panelLimit: number;
}

type UiAction = { type: 'key'; k: Keystroke; view: View };

function stateNow(play: LabPlay, shown: number, host: 'client' | 'server') {
  return play.trace.steps[shown - 1]?.[host] ?? 'CLOSED';
}

export function labUiReducer(play: LabPlay) {
  const lab = labReducer(play);
  return (u: Ui, a: UiAction): Ui => {
    const { k, view } = a;
    const scroll = (by: number): Ui => ({ ...u, back: Math.max(0, Math.min(view.limit, u.back + by)) });
    if (k.pageUp) return scroll(view.page);
    if (k.pageDown) return scroll(-view.page);
    const phase = u.session.phase;
    if (phase === 'predict') {
      const r = draftKey(u.draft!, k, view.grid);
      if (r.submit) return { ...u, session: lab(u.session, { type: 'answer', answer: r.submit }), draft: null, back: 0 };
      return { ...u, draft: r.draft };
    }
    if ((phase === 'intro' || phase === 'done') && (k.up || k.down)) {
      return { ...u, panelTop: Math.max(0, Math.min(view.panelLimit, u.panelTop + (k.up ? -1 : 1))) };
    }
    if (k.up) return scroll(1);
    if (k.down) return scroll(-1);
    if (k.home) return { ...u, back: view.limit };
    if (k.end) return { ...u, back: 0 };
    if (phase === 'done') {
      if (k.ch === 'r') return { ...u, session: lab(u.session, { type: 'restart' }), draft: null, back: 0, panelTop: 0 };
      if (k.enter) return { ...u, leave: u.leave + 1 };
      return u;
    }
    if (k.enter) {
      const session = lab(u.session, { type: 'next' });
      const p = session.phase === 'predict' ? play.lab.predictions[session.current!]! : null;
      return { ...u, session, draft: p ? initDraft(p, stateNow(play, session.shown, p.host)) : null, back: 0, panelTop: 0 };
    }
    return u;
  };
}

function LabRun({ entry, play }: { entry: CourseLab; play: LabPlay }) {
  const { lang, save, now, course, progress, t } = useServices();
  const { go } = useNav();
  const s = LAB_STRINGS[lang];
  const reducer = useMemo(() => labUiReducer(play), [play]);
  const [ui, dispatch] = useReducer(reducer, { session: startSession(), draft: null, back: 0, panelTop: 0, leave: 0 });
  const view = useRef<View>({ limit: 0, page: 1, grid: 5, panelLimit: 0 });
  const [queued, setQueued] = useState(0);

  useEffect(() => rememberLab(course, entry.key), [course, entry.key]);

  useRawKeys((input, key) => {
    for (const one of splitKeys(input, key)) {
      const k = keystroke(one.input, one.key);
      if (k) dispatch({ type: 'key', k, view: view.current });
    }
  });

  // One save per answer: a miss puts related questions first in the practice queue. Several answers
  // can land in one render (keys arrive together), so every result not seen yet is handled.
  const seenResults = useRef(0);
  useEffect(() => {
    const results = ui.session.results;
    if (results.length < seenResults.current) seenResults.current = 0; // the lab was restarted
    const fresh = results.slice(seenResults.current).filter((r) => !r.correct);
    seenResults.current = results.length;
    if (fresh.length === 0) return;
    const keys: string[] = [];
    for (const r of fresh) keys.push(...relatedQuestions(course, entry, r, { ...progress, priority: [...progress.priority, ...keys] }));
    if (keys.length === 0) return;
    save((p) => queueForPractice(p, keys));
    setQueued((n) => n + keys.length);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ui.session.answered]);

  // One save per finish: the best score and one more attempt.
  const seenFinish = useRef(ui.session.finished);
  useEffect(() => {
    if (ui.session.finished === seenFinish.current) return;
    seenFinish.current = ui.session.finished;
    const score = sessionScore(play, ui.session).score;
    save((p) => recordFinish(p, entry.key, score, now()));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ui.session.finished]);

  useEffect(() => {
    if (ui.session.phase === 'intro') setQueued(0);
  }, [ui.session.phase]);

  const seenLeave = useRef(ui.leave);
  useEffect(() => {
    if (ui.leave === seenLeave.current) return;
    seenLeave.current = ui.leave;
    go({ type: 'back' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ui.leave]);

  const phase = ui.session.phase;
  const hints = phase === 'intro' ? s.keysIntro : phase === 'predict' ? s.keysPredict : phase === 'reveal' ? s.keysReveal : phase === 'done' ? s.keysDone : s.keysRun;
  return (
    <Screen title={`${s.lab} · ${clean(entry.lab.title[lang])}`} hints={[hints, t('keysBack')]}>
      <LabBody entry={entry} play={play} ui={ui} queued={queued} view={view} />
    </Screen>
  );
}

function LabBody({ entry, play, ui, queued, view }: { entry: CourseLab; play: LabPlay; ui: Ui; queued: number; view: MutableRefObject<View> }) {
  const { lang, progress } = useServices();
  const { columns, rows } = useBodySize();
  const s = LAB_STRINGS[lang];
  const ls = LADDER_STRINGS[lang];
  const { session } = ui;
  const last = play.trace.steps[session.shown - 1];
  const states = { client: last?.client ?? 'CLOSED', server: last?.server ?? 'CLOSED' } as const;
  const next = session.phase === 'predict' ? play.trace.steps[session.shown] : undefined;
  // Past 90 columns a wider ladder only stretches its arrows.
  const ladderWidth = Math.min(columns, 90);
  const ladder = ladderRows(play.trace, session.shown, { width: ladderWidth, strings: ls, next: next ? { line: next.line, command: clean(next.command) } : null });
  const header = headerRows(states, last?.time ?? 0, last?.timers ?? [], ladderWidth, ls).slice(0, rows >= 10 ? 2 : 1);

  // The panel takes what it needs; the ladder keeps at least three rows where the screen allows.
  const room = Math.max(0, rows - header.length - 1);
  const keepLadder = session.phase === 'intro' ? 0 : Math.min(3, Math.max(0, room - 4));
  const panelMax = Math.max(1, room - keepLadder);
  let panel: Row[];
  let grid = gridColumns(columns);
  switch (session.phase) {
    case 'intro':
      panel = introRows(entry, lang, s, columns);
      break;
    case 'predict':
      panel = predictRows(play, session, ui.draft!, lang, s, columns);
      if (panel.length > panelMax) {
        // A small screen: the compact form, with the state as one row that ←→ and ↑↓ step through.
        panel = predictRows(play, session, ui.draft!, lang, s, columns, true);
        grid = 1;
      }
      break;
    case 'reveal':
      panel = revealRows(play, session, lang, s, columns, panelMax);
      break;
    case 'done':
      panel = doneRows(entry, sessionScore(play, session), progress.labs?.[entry.key]?.best ?? 0, queued, lang, s, columns);
      break;
    default:
      panel = runRows(play, session, lang, s, columns, panelMax);
  }
  let panelLimit = 0;
  if (panel.length > panelMax) {
    if (session.phase === 'intro' || session.phase === 'done') {
      // A long intro or summary scrolls with ↑↓; the last row says how much is left.
      panelLimit = panel.length - panelMax + 1;
      const top = Math.min(ui.panelTop, panelLimit);
      const below = panel.length - (top + panelMax - 1);
      panel = [...panel.slice(top, top + panelMax - 1), below > 0 ? [{ text: s.more(below), dim: true }] : [{ text: '' }]];
    } else {
      // A prediction form must keep its pickers: cut the prompt's text, not the fields.
      panel = session.phase === 'predict' ? panel.slice(panel.length - panelMax) : panel.slice(0, panelMax);
    }
  }
  const ladderHeight = Math.max(0, rows - panel.length - 1);
  const bodyRows = Math.max(0, ladderHeight - header.length);

  useLayoutEffect(() => {
    view.current = { limit: maxBack(ladder.length, bodyRows), page: Math.max(1, bodyRows - 1), grid, panelLimit };
  });

  return (
    <Box flexDirection="column">
      {ladderHeight > 0 ? <Ladder header={header} rows={ladder} height={ladderHeight} width={ladderWidth} back={ui.back} strings={ls} /> : null}
      <Text dimColor wrap="truncate-end">
        {truncate('─'.repeat(columns), columns)}
      </Text>
      {panel.map((r, i) => (
        <StyledRow key={i} row={r} width={columns} />
      ))}
    </Box>
  );
}
