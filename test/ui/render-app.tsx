// Renders the real app (or one route of it) against the built-in course and a
// progress store in a temp directory, with helpers that wait for frames
// instead of sleeping.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { vi, expect } from 'vitest';
import builtin from 'virtual:builtin-pack';
import { App } from '../../src/ui/App.js';
import { ServicesProvider } from '../../src/ui/services.js';
import { buildCourse, type Course } from '../../src/engine/course.js';
import { ProgressStore } from '../../src/store/progress-store.js';
import type { Route } from '../../src/ui/navigation.js';
import type { Lang } from '../../src/content/schema.js';
import type { LoadedPack } from '../../src/content/catalog.js';

export const KEYS = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  enter: '\r',
  escape: '\u001B',
  space: ' ',
  backspace: '\u007F',
  pageDown: '\u001B[6~',
  pageUp: '\u001B[5~',
  home: '\u001B[H',
  end: '\u001B[F',
  ctrlC: '\u0003',
} as const;

export interface AppOptions {
  route?: Route[];
  lang?: Lang;
  /** Fixed clock (ms). */
  now?: number;
  dir?: string;
  packs?: LoadedPack[];
}

/**
 * Lets a key written to stdin take effect: the app hands it to the screens one event-loop turn
 * later (use-keys.tsx), React draws in a microtask, and that frame's effects run a turn after.
 */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
  await new Promise((r) => setTimeout(r, 0));
}

export function renderApp(o: AppOptions = {}) {
  const dir = o.dir ?? mkdtempSync(join(tmpdir(), 'tcp-trainer-ui-'));
  const { store } = ProgressStore.open({ dir });
  const course: Course = buildCourse(o.packs ?? [{ pack: builtin, dir: null }]);
  let clock = o.now ?? Date.UTC(2026, 10, 21, 9, 0, 0);
  const instance = render(
    <ServicesProvider course={course} lang={o.lang ?? 'en'} store={store} now={() => clock}>
      <App initial={o.route} />
    </ServicesProvider>,
  );
  return {
    ...instance,
    store,
    dir,
    course,
    advance(ms: number) {
      clock += ms;
    },
    /** Waits until the last frame contains `text` (a string or a pattern), then lets effects settle. */
    async waitFor(text: string | RegExp) {
      await vi.waitFor(() => {
        const frame = instance.lastFrame() ?? '';
        if (typeof text === 'string') expect(frame).toContain(text);
        else expect(frame).toMatch(text);
      });
      await new Promise((r) => setTimeout(r, 0));
    },
    /** Types keys one write at a time, letting React apply each. */
    async press(...keys: string[]) {
      for (const k of keys) {
        instance.stdin.write(k);
        await settle();
      }
    },
  };
}
