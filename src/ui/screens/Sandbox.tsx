// The sandbox: free play against the core. Menus offer every host call,
// network action and wait that makes sense now; `:` opens a command line for
// the scenario language with Tab completion. The ladder, both states, the
// clock and the timers follow each command; `u` undoes the last one and `s`
// saves the session as a .tcp file that `tcp-trainer sim` replays. Keys go
// through one reducer; the file is written by an effect.

import { useEffect, useLayoutEffect, useMemo, useReducer, useRef, type MutableRefObject } from 'react';
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
import type { Course } from '../../engine/course.js';
import type { Lang } from '../../content/schema.js';
import { describe } from '../../core/segment.js';
import { complete } from '../../labs/complete.js';
import { SandboxRun, applySandbox, defaultFileName, newSandbox, savedAtLabel, sessionScript, type SandboxAction, type SandboxState } from '../../labs/sandbox.js';
import { saveScriptFile } from '../../labs/save-file.js';
import { clean, stringWidth, truncate } from '../text.js';
import { LAB_STRINGS } from './lab-strings.js';
import { rememberLab } from './lab-memory.js';
import { reasonRows } from './lab-panel.js';
import { CATEGORIES, sandboxItems, type SandboxItem } from './sandbox-menu.js';
import { useRawKeys } from '../use-keys.js';

type Mode = 'menu' | 'type' | 'save';

export interface SandboxUi {
  sb: SandboxState;
  mode: Mode;
  cat: number;
  item: number;
  input: string;
  candidates: string[];
  history: string[];
  /** Position while walking the history with ↑↓; null when not. */
  hist: number | null;
  message: { text: string; error: boolean } | null;
  back: number;
  save: { seq: number; path: string };
}

interface View {
  limit: number;
  page: number;
  now: number;
}

export type SandboxUiAction = { type: 'key'; k: Keystroke; view: View } | { type: 'message'; text: string; error: boolean };

// Leaving by mistake (Esc always goes back) must not lose the session: it is kept for this course, in memory.
const memory = new WeakMap<Course, SandboxState>();

export function initialUi(sb: SandboxState): SandboxUi {
  return { sb, mode: 'menu', cat: 0, item: 0, input: '', candidates: [], history: [], hist: null, message: null, back: 0, save: { seq: 0, path: '' } };
}

export function sandboxUiReducer(run: SandboxRun, lang: Lang) {
  const s = LAB_STRINGS[lang];
  const act = (u: SandboxUi, a: SandboxAction): SandboxUi => {
    const before = u.sb.commands;
    const r = applySandbox(u.sb, a, run);
    if (r.error) return { ...u, message: { text: s.error(r.error), error: true } };
    const trace = run.sync(r.state.commands);
    let message: SandboxUi['message'] = null;
    if (a.type === 'run') {
      const last = trace.steps.at(-1);
      message = last?.error ? { text: s.appError(last.error), error: true } : { text: s.ran(r.state.commands.at(-1)!), error: false };
    } else if (a.type === 'undo') message = { text: s.undone(before.at(-1)!), error: false };
    return { ...u, sb: r.state, message, back: 0 };
  };
  const itemsOf = (u: SandboxUi): SandboxItem[] => {
    run.sync(u.sb.commands);
    return sandboxItems(CATEGORIES[u.cat]!, run.world, u.sb, lang);
  };
  return (u: SandboxUi, a: SandboxUiAction): SandboxUi => {
    if (a.type === 'message') return { ...u, message: { text: a.text, error: a.error } };
    const { k, view } = a;
    const scroll = (by: number): SandboxUi => ({ ...u, back: Math.max(0, Math.min(view.limit, u.back + by)) });
    if (k.pageUp) return scroll(view.page);
    if (k.pageDown) return scroll(-view.page);
    if (u.mode === 'type' || u.mode === 'save') {
      if (k.enter) {
        const text = u.input.trim();
        if (text === '') return { ...u, mode: 'menu', input: '', candidates: [], hist: null };
        if (u.mode === 'save') return { ...u, mode: 'menu', input: '', save: { seq: u.save.seq + 1, path: text } };
        const next = act({ ...u, candidates: [], hist: null }, { type: 'run', command: text });
        const ok = next.sb !== u.sb;
        return { ...next, input: ok ? '' : u.input, history: ok ? [...u.history, text] : u.history };
      }
      if (k.tab && u.mode === 'type') {
        run.sync(u.sb.commands);
        const c = complete(u.input, run.world);
        return { ...u, input: c.text, candidates: c.candidates };
      }
      if (k.backspace) return { ...u, input: [...u.input].slice(0, -1).join(''), candidates: [] };
      if (k.ctrl && k.ch === 'u') return { ...u, input: '', candidates: [] };
      if (k.ctrl && k.ch === 'w') return { ...u, input: u.input.replace(/\S+\s*$/, ''), candidates: [] };
      if ((k.up || k.down) && u.mode === 'type' && u.history.length > 0) {
        const at = u.hist === null ? (k.up ? u.history.length - 1 : null) : k.up ? Math.max(0, u.hist - 1) : u.hist + 1 < u.history.length ? u.hist + 1 : null;
        return { ...u, hist: at, input: at === null ? '' : u.history[at]!, candidates: [] };
      }
      if (k.ch !== '' && !k.ctrl && u.input.length < 200) return { ...u, input: u.input + k.ch, candidates: [] };
      return u;
    }
    // The menus.
    const items = itemsOf(u);
    if (k.left || k.right) {
      const cat = (u.cat + (k.right ? 1 : CATEGORIES.length - 1)) % CATEGORIES.length;
      return { ...u, cat, item: 0 };
    }
    if (k.up) return { ...u, item: Math.max(0, u.item - 1) };
    if (k.down) return { ...u, item: Math.min(items.length - 1, u.item + 1) };
    if (k.home) return { ...u, back: view.limit };
    if (k.end) return { ...u, back: 0 };
    if (k.ch === ':' || k.ch === '/') return { ...u, mode: 'type', input: '', candidates: [] };
    if (k.ch === 'u') return act(u, { type: 'undo' });
    if (k.ch === 's') return { ...u, mode: 'save', input: defaultFileName(view.now), candidates: [] };
    if (k.enter) {
      const item = items[Math.min(u.item, items.length - 1)];
      if (!item || item.kind === 'none') return u;
      if (item.kind === 'run') {
        // The lists change with the session; keep the cursor on the same action when it is still there.
        const next = act(u, { type: 'run', command: item.command });
        const same = itemsOf(next)[u.item]?.label === item.label;
        return { ...next, item: same ? u.item : 0 };
      }
      if (item.kind === 'type') return { ...u, mode: 'type', input: item.prefill, candidates: [] };
      switch (item.act) {
        case 'undo':
          return act(u, { type: 'undo' });
        case 'save':
          return { ...u, mode: 'save', input: defaultFileName(view.now), candidates: [] };
        case 'profile':
          return { ...act(u, { type: 'profile', profile: u.sb.profile === 'rfc' ? 'linux' : 'rfc' }), item: u.item };
        case 'new':
          return { ...initialUi(newSandbox(u.sb.profile)), history: u.history, cat: u.cat, item: u.item };
      }
    }
    return u;
  };
}

export function Sandbox(_props: { route: Extract<Route, { name: 'sandbox' }> }) {
  const { lang, t, now, course } = useServices();
  const { setCapture } = useNav();
  const s = LAB_STRINGS[lang];
  const run = useMemo(() => new SandboxRun(), []);
  const reducer = useMemo(() => sandboxUiReducer(run, lang), [run, lang]);
  const [ui, dispatch] = useReducer(reducer, null, () => initialUi(memory.get(course) ?? newSandbox()));
  const view = useRef<View>({ limit: 0, page: 1, now: now() });

  useRawKeys((input, key) => {
    view.current.now = now();
    for (const one of splitKeys(input, key)) {
      const k = keystroke(one.input, one.key);
      if (k) dispatch({ type: 'key', k, view: view.current });
    }
  });

  useEffect(() => {
    memory.set(course, ui.sb);
  }, [course, ui.sb]);
  useEffect(() => rememberLab(course, 'sandbox'), [course]);

  // While the learner types, q and ? are letters.
  useLayoutEffect(() => {
    setCapture(ui.mode !== 'menu');
  }, [ui.mode, setCapture]);
  useLayoutEffect(() => () => setCapture(false), [setCapture]);

  const seenSave = useRef(ui.save.seq);
  useEffect(() => {
    if (ui.save.seq === seenSave.current) return;
    seenSave.current = ui.save.seq;
    const trace = run.sync(ui.sb.commands);
    const r = saveScriptFile(ui.save.path, sessionScript(ui.sb, trace, savedAtLabel(now())));
    dispatch('error' in r ? { type: 'message', text: s.saveFailed(r.error), error: true } : { type: 'message', text: s.saved(r.path), error: false });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ui.save.seq]);

  const hints = ui.mode === 'menu' ? s.keysMenu : ui.mode === 'type' ? s.keysTyping : s.keysSave;
  return (
    <Screen title={`${s.sandbox} · ${ui.sb.profile}`} hints={[hints, t('keysBack')]}>
      <SandboxBody ui={ui} run={run} view={view} />
    </Screen>
  );
}

function SandboxBody({ ui, run, view }: { ui: SandboxUi; run: SandboxRun; view: MutableRefObject<View> }) {
  const { lang } = useServices();
  const { columns, rows } = useBodySize();
  const s = LAB_STRINGS[lang];
  const ls = LADDER_STRINGS[lang];
  const trace = run.sync(ui.sb.commands);
  const w = run.world;
  const last = trace.steps.at(-1);
  const ladderWidth = Math.min(columns, 90);
  const ladder = ladderRows(trace, trace.steps.length, { width: ladderWidth, strings: ls, offset: ui.sb.base });
  const header = headerRows({ client: last?.client ?? 'CLOSED', server: last?.server ?? 'CLOSED' }, w.now, last?.timers ?? [], ladderWidth, ls).slice(0, rows >= 12 ? 2 : 1);

  // What is in flight, by direction and position, the way deliver/drop/dup count it.
  const flight: string[] = [];
  for (const dir of ['c>s', 's>c'] as const) {
    w.net.filter((f) => f.dir === dir).forEach((f, i) => flight.push(`${dir} ${i + 1}: ${describe(f.seg)}`));
  }
  const flightRow: Row = [{ text: truncate(flight.length ? `${ls.inFlight}${ls.colon}${flight.join(' · ')}` : s.nothingInFlight, columns), dim: flight.length === 0, color: flight.length ? 'yellow' : undefined }];

  const panel: Row[] = [];
  const bar: Row = [];
  CATEGORIES.forEach((c, i) => {
    const on = i === ui.cat && ui.mode === 'menu';
    // Brackets as well as colour, so the open group shows without colour too.
    bar.push({ text: on ? `[${s.categories[c]}]` : ` ${s.categories[c]} `, color: on ? 'cyan' : undefined, bold: on, dim: ui.mode !== 'menu' });
    if (i < CATEGORIES.length - 1) bar.push({ text: '│', dim: true });
  });
  panel.push(bar);
  // The menu gets up to six rows; a smaller screen keeps more for the ladder.
  const listRows = Math.max(2, Math.min(6, Math.floor((rows - 10) / 2)));
  if (ui.mode === 'menu') {
    const items = sandboxItems(CATEGORIES[ui.cat]!, w, ui.sb, lang);
    const index = Math.min(ui.item, items.length - 1);
    const top = Math.max(0, Math.min(index - listRows + 1, items.length - listRows));
    const start = Math.max(0, Math.min(top, index));
    items.slice(start, start + listRows).forEach((item, i) => {
      const on = start + i === index;
      const label = `${on ? '❯' : ' '} ${item.label}`;
      const note = 'note' in item && item.note ? `  ${clean(item.note)}` : '';
      panel.push([
        { text: truncate(label, columns), color: on ? 'cyan' : undefined, bold: on, dim: item.kind === 'none' },
        { text: truncate(note, Math.max(0, columns - stringWidth(label))), dim: true },
      ]);
    });
    for (let i = panel.length - 1; i < listRows; i++) panel.push([{ text: '' }]);
  } else {
    const label = `${ui.mode === 'save' ? s.savePrompt : s.prompt} › `;
    const room = Math.max(1, columns - stringWidth(label) - 1);
    const shownInput = stringWidth(ui.input) > room ? `…${[...ui.input].slice(-(room - 1)).join('')}` : ui.input;
    panel.push([{ text: label, color: 'cyan', bold: true }, { text: shownInput }, { text: '▏', color: 'cyan' }]);
    panel.push([{ text: truncate(ui.candidates.length ? ui.candidates.join('  ') : ui.mode === 'type' ? s.typeHint : '', columns), dim: true }]);
    for (let i = panel.length - 1; i < listRows; i++) panel.push([{ text: '' }]);
  }
  panel.push(ui.message ? [{ text: truncate(clean(ui.message.text), columns), color: ui.message.error ? 'red' : 'green' }] : [{ text: trace.steps.length <= ui.sb.base ? truncate(s.empty, columns) : '', dim: true }]);

  const whyMax = rows >= 20 ? 2 : rows >= 16 ? 1 : 0;
  const why = last && whyMax > 0 && trace.steps.length > ui.sb.base ? reasonRows(last.events, columns, s, lang, whyMax) : [];
  const ladderHeight = Math.max(0, rows - panel.length - 1 - 1 - why.length);
  const bodyRows = Math.max(0, ladderHeight - header.length);

  useLayoutEffect(() => {
    view.current.limit = maxBack(ladder.length, bodyRows);
    view.current.page = Math.max(1, bodyRows - 1);
  });

  return (
    <Box flexDirection="column">
      {ladderHeight > 0 ? <Ladder header={header} rows={ladder} height={ladderHeight} width={ladderWidth} back={ui.back} strings={ls} /> : null}
      <StyledRow row={flightRow} width={columns} />
      {why.map((r, i) => (
        <StyledRow key={`w${i}`} row={r} width={columns} />
      ))}
      <Text dimColor wrap="truncate-end">
        {'─'.repeat(columns)}
      </Text>
      {panel.map((r, i) => (
        <StyledRow key={i} row={r} width={columns} />
      ))}
    </Box>
  );
}
