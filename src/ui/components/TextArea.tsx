// A multi-line text box for typed answers. Enter starts a new line; Ctrl+D
// (or Alt+Enter) submits, since no plain key can both type text and finish
// it, and Ctrl+D reaches the app the same way in tmux, in a terminal and in
// ink-testing-library. Pasted text and text from a CJK input method arrive
// as one chunk and go in whole. Lines wrap by display width and the box
// scrolls to keep the cursor in sight. While it is on screen, q and ? are
// letters, not commands.

import { useEffect, useLayoutEffect, useReducer, useRef } from 'react';
import { Box, Text } from 'ink';
import { useNav } from '../nav-context.js';
import { cursorAt, editorReducer, initEditor, layout, scrollTop } from '../text-editor.js';
import { truncate } from '../text.js';
import { useRawKeys } from '../use-keys.js';

export interface TextAreaProps {
  width: number;
  rows: number;
  initial?: string;
  placeholder?: string;
  onSubmit: (text: string) => void;
  /** Every change of the text, for a caller that keeps a draft. */
  onChange?: (text: string) => void;
}

/** Gutter: one column on the left, which also shows when there is more above or below. */
const GUTTER = 2;

export function TextArea(props: TextAreaProps) {
  const { setCapture } = useNav();
  const [state, dispatch] = useReducer(editorReducer, props.initial ?? '', initEditor);
  const textWidth = Math.max(2, props.width - GUTTER - 1);
  const visible = Math.max(1, props.rows);

  // A layout effect, so that a key typed right after the box appears is already a letter.
  useLayoutEffect(() => {
    setCapture(true);
    return () => setCapture(false);
  }, [setCapture]);

  useRawKeys((input, key) => {
    if (key.ctrl && input === 'd') dispatch({ type: 'submit' });
    else if (key.return && key.meta) dispatch({ type: 'submit' });
    else if (key.return) dispatch({ type: 'newline' });
    else if (key.backspace || key.delete) dispatch({ type: 'backspace' });
    else if (key.leftArrow) dispatch({ type: 'move', move: 'left', width: textWidth });
    else if (key.rightArrow) dispatch({ type: 'move', move: 'right', width: textWidth });
    else if (key.upArrow) dispatch({ type: 'move', move: 'up', width: textWidth });
    else if (key.downArrow) dispatch({ type: 'move', move: 'down', width: textWidth });
    else if (key.pageUp) dispatch({ type: 'move', move: 'pageUp', width: textWidth, page: visible - 1 });
    else if (key.pageDown) dispatch({ type: 'move', move: 'pageDown', width: textWidth, page: visible - 1 });
    else if (key.home || (key.ctrl && input === 'a')) dispatch({ type: 'move', move: 'home', width: textWidth });
    else if (key.end || (key.ctrl && input === 'e')) dispatch({ type: 'move', move: 'end', width: textWidth });
    else if (key.ctrl && input === 'u') dispatch({ type: 'killLine' });
    else if (key.ctrl && input === 'w') dispatch({ type: 'killWord' });
    else if (key.tab) dispatch({ type: 'input', text: '\t' });
    else if (key.ctrl || key.meta || key.escape) return;
    // An unknown function key arrives as its sequence without the escape ("[15~"): not text.
    else if (input && !/^\[[\d;]*[~A-Z]$/.test(input)) dispatch({ type: 'input', text: input });
  });

  const text = state.chars.join('');
  const onChange = useRef(props.onChange);
  onChange.current = props.onChange;
  useEffect(() => {
    onChange.current?.(text);
  }, [text]);
  useEffect(() => {
    if (state.submits > 0) props.onSubmit(state.chars.join(''));
    // Only a new submit reports the text; the callback's identity must not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.submits]);

  const rows = layout(state.chars, textWidth);
  const at = cursorAt(rows, state.chars, state.cursor);
  // The view keeps its place until the cursor leaves it; a ref, since it follows from each render.
  const top = useRef(0);
  top.current = scrollTop(top.current, at.row, rows.length, visible);
  const shown = rows.slice(top.current, top.current + visible);

  return (
    <Box flexDirection="column" height={visible}>
      {shown.map((row, i) => {
        const r = top.current + i;
        const more = i === 0 && top.current > 0 ? '↑' : i === shown.length - 1 && top.current + visible < rows.length ? '↓' : '│';
        const line = state.chars.slice(row.start, row.end);
        const gutter = <Text dimColor>{`${more} `}</Text>;
        if (r !== at.row) {
          return (
            <Text key={r} wrap="truncate-end">
              {gutter}
              {line.join('')}
            </Text>
          );
        }
        const k = state.cursor - row.start;
        // At the end of a line the cursor is a blank cell after the last character.
        const atEnd = state.cursor >= row.end;
        const cell = atEnd ? ' ' : state.chars[state.cursor]!;
        const after = atEnd ? '' : line.slice(k + 1).join('');
        const empty = state.chars.length === 0 && props.placeholder ? truncate(props.placeholder, Math.max(1, textWidth - 1)) : '';
        return (
          <Text key={r} wrap="truncate-end">
            {gutter}
            {line.slice(0, k).join('')}
            <Text inverse>{cell}</Text>
            {after}
            {empty ? <Text dimColor>{empty}</Text> : null}
          </Text>
        );
      })}
    </Box>
  );
}

