// The answer box: layout by display width, a cursor that never splits a character, chunks of keys
// and pastes applied whole, and the component as typed into.
import { describe, expect, it, vi } from 'vitest';
import { render } from 'ink-testing-library';
import { NavContext } from '../../src/ui/nav-context.js';
import { KeysProvider } from '../../src/ui/use-keys.js';
import { TextArea } from '../../src/ui/components/TextArea.js';
import { MAX_CHARS, cursorAt, editorReducer, initEditor, layout, scrollTop, type EditorAction, type EditorState } from '../../src/ui/text-editor.js';
import { stringWidth } from '../../src/ui/text.js';
import { KEYS, settle } from './render-app.js';

const apply = (s: EditorState, ...actions: EditorAction[]): EditorState => actions.reduce(editorReducer, s);
const rowsOf = (text: string, width: number): string[] => {
  const chars = [...text];
  return layout(chars, width).map((r) => chars.slice(r.start, r.end).join(''));
};

describe('layout', () => {
  it('wraps English at spaces and keeps every character', () => {
    const text = 'the quick brown fox jumps over the lazy dog';
    const rows = rowsOf(text, 12);
    expect(rows).toEqual(['the quick ', 'brown fox ', 'jumps over ', 'the lazy dog']);
    expect(rows.join('')).toBe(text);
  });

  it('counts CJK characters as two columns and breaks between them', () => {
    const rows = rowsOf('三次握手是为了防止旧的重复连接请求', 10);
    expect(rows.every((r) => stringWidth(r) <= 10)).toBe(true);
    expect(rows[0]).toBe('三次握手是');
    expect(rows.join('')).toBe('三次握手是为了防止旧的重复连接请求');
  });

  it('does not start a row with closing Chinese punctuation', () => {
    const rows = rowsOf('一二三四五。六七', 10);
    expect(rows[1]!.startsWith('。')).toBe(false);
    expect(rows.join('')).toBe('一二三四五。六七');
  });

  it('cuts a word longer than the row, and keeps empty lines', () => {
    expect(rowsOf('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(rowsOf('a\n\nb', 10)).toEqual(['a', '', 'b']);
  });

  it('gives every cursor position one place, at the display column', () => {
    const chars = [...'TIME-WAIT 等待 2MSL，\n然后 CLOSED'];
    const rows = layout(chars, 8);
    let last = { row: 0, col: -1 };
    for (let c = 0; c <= chars.length; c++) {
      const at = cursorAt(rows, chars, c);
      expect(at.row > last.row || (at.row === last.row && at.col > last.col)).toBe(true);
      expect(at.col).toBeLessThanOrEqual(8);
      last = at;
    }
  });
});

describe('editing', () => {
  it('takes a chunk whole: keys typed together, a paste with newlines, backspaces inside it', () => {
    const s = apply(initEditor(), { type: 'input', text: 'helo\x7flo\r\nwor\rld' });
    expect(s.chars.join('')).toBe('hello\nwor\nld');
    expect(s.cursor).toBe(s.chars.length);
  });

  it('inserts CJK text from an input method and backspaces a whole character', () => {
    let s = apply(initEditor(), { type: 'input', text: '半连接队列' });
    s = apply(s, { type: 'backspace' }, { type: 'backspace' });
    expect(s.chars.join('')).toBe('半连接');
    s = apply(s, { type: 'move', move: 'left', width: 20 }, { type: 'input', text: '全' });
    expect(s.chars.join('')).toBe('半连全接');
  });

  it('moves up and down by display column across CJK and Latin rows', () => {
    let s = initEditor('中文中文\nabcdefgh');
    s = apply(s, { type: 'move', move: 'up', width: 20 });
    // From column 8 on "abcdefgh" to the end of the row above (4 characters, 8 columns).
    expect(s.cursor).toBe(4);
    s = apply(s, { type: 'move', move: 'home', width: 20 }, { type: 'move', move: 'right', width: 20 }, { type: 'move', move: 'down', width: 20 });
    // Column 2 on the row below is after "ab".
    expect(s.cursor).toBe(5 + 2);
  });

  it('deletes a word or the line before the cursor, and drops control characters', () => {
    let s = initEditor('one two three');
    s = apply(s, { type: 'killWord' });
    expect(s.chars.join('')).toBe('one two ');
    s = apply(s, { type: 'killLine' }, { type: 'input', text: 'a\x1b\x01b' });
    expect(s.chars.join('')).toBe('ab');
  });

  it('submits with Ctrl+D in a chunk, and stops at the length limit', () => {
    expect(apply(initEditor(), { type: 'input', text: 'done\x04' }).submits).toBe(1);
    const s = apply(initEditor('x'.repeat(MAX_CHARS - 2)), { type: 'input', text: 'abcd' });
    expect(s.chars.length).toBe(MAX_CHARS);
    expect(s.full).toBe(true);
  });

  it('scrolls only as far as needed to keep the cursor row in sight', () => {
    expect(scrollTop(0, 7, 20, 5)).toBe(3);
    expect(scrollTop(3, 5, 20, 5)).toBe(3);
    expect(scrollTop(3, 1, 20, 5)).toBe(1);
    expect(scrollTop(10, 19, 12, 5)).toBe(7);
  });
});

describe('the TextArea component', () => {
  function box(onSubmit: (t: string) => void, width = 30, rows = 4) {
    const setCapture = vi.fn();
    const app = render(
      <KeysProvider>
        <NavContext.Provider value={{ route: { name: 'interview' }, depth: 1, go: () => {}, setCapture }}>
          <TextArea width={width} rows={rows} onSubmit={onSubmit} placeholder="Type here" />
        </NavContext.Provider>
      </KeysProvider>,
    );
    const press = async (...keys: string[]): Promise<void> => {
      for (const k of keys) {
        app.stdin.write(k);
        await settle();
      }
    };
    return { app, press, setCapture };
  }

  it('types, wraps, pastes, backspaces and submits with Ctrl+D, taking q and ? as letters', async () => {
    const onSubmit = vi.fn();
    const { app, press, setCapture } = box(onSubmit);
    expect(app.lastFrame()).toContain('Type here');
    expect(setCapture).toHaveBeenCalledWith(true);
    await press('q?', ' The peer closed first', KEYS.enter, '对端先关闭了', KEYS.backspace, KEYS.backspace);
    await press('闭。');
    const frame = app.lastFrame()!;
    expect(frame).toContain('q? The peer closed first');
    expect(frame).toContain('对端先关闭。');
    for (const line of frame.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(30);
    await press('\x04');
    await vi.waitFor(() => expect(onSubmit).toHaveBeenCalled());
    expect(onSubmit).toHaveBeenCalledWith('q? The peer closed first\n对端先关闭。');
    app.unmount();
    expect(setCapture).toHaveBeenLastCalledWith(false);
  });

  it('scrolls a long answer and shows that there is more above', async () => {
    const { app, press } = box(() => {}, 20, 3);
    await press('one\rtwo\rthree\rfour\rfive');
    let frame = app.lastFrame()!;
    expect(frame).toContain('five');
    expect(frame).not.toContain('one');
    expect(frame).toContain('↑');
    await press(KEYS.up, KEYS.up, KEYS.up, KEYS.up);
    frame = app.lastFrame()!;
    expect(frame).toContain('one');
    expect(frame).not.toContain('five');
    expect(frame).toContain('↓');
    app.unmount();
  });
});
