import { useEffect } from 'react';
import { render } from 'ink-testing-library';
import { describe, expect, it, vi } from 'vitest';
import { StartScreen } from '../../src/ui/StartScreen.js';

/** Renders the screen and records when Ink unmounts it (what useApp().exit() does). */
function renderWatched() {
  const state = { unmounted: false };
  function Watched() {
    useEffect(
      () => () => {
        state.unmounted = true;
      },
      [],
    );
    return <StartScreen />;
  }
  return { state, ...render(<Watched />) };
}

describe('StartScreen', () => {
  it('shows the name, the hint and how to quit', async () => {
    const { lastFrame, unmount } = renderWatched();
    await vi.waitFor(() => expect(lastFrame()).toContain('press q to quit'));
    const frame = lastFrame() ?? '';
    expect(frame).toContain('tcp-trainer');
    expect(frame).toContain('The trainer is being built; try `tcp-trainer sim FILE` or `tcp-trainer --help`');
    unmount();
  });

  for (const [key, bytes] of [
    ['q', 'q'],
    ['Esc', '\u001B'],
    ['Ctrl+C', '\u0003'],
  ] as const) {
    it(`exits when ${key} is pressed`, async () => {
      const { state, stdin, lastFrame } = renderWatched();
      await vi.waitFor(() => expect(lastFrame()).toContain('press q to quit'));
      expect(state.unmounted).toBe(false);
      stdin.write(bytes);
      await vi.waitFor(() => expect(state.unmounted).toBe(true));
    });
  }
});
