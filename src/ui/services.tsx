// What every screen may use: the course, the language, the clock, and the
// learner's progress with the one way to change it. Screens never touch the
// store directly.

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Lang } from '../content/schema.js';
import type { Course } from '../engine/course.js';
import type { Progress } from '../store/progress.js';
import { translator, type Translate } from './i18n.js';

/** The part of ProgressStore the app needs (tests may pass any implementation). */
export interface ProgressPort {
  read(): Progress;
  update(change: (p: Progress) => void): string | null;
  readonly mode: 'disk' | 'memory';
}

export interface Services {
  course: Course;
  lang: Lang;
  t: Translate;
  now: () => number;
  progress: Progress;
  /** Applies a change and saves it at once. */
  save: (change: (p: Progress) => void) => void;
  /** The last save error, or a notice to show once. */
  message: string | null;
  saving: 'disk' | 'memory';
}

const Context = createContext<Services | null>(null);

export function ServicesProvider(props: { course: Course; lang: Lang; store: ProgressPort; now?: () => number; notice?: string | null; children: ReactNode }) {
  const { course, lang, store } = props;
  const [progress, setProgress] = useState(() => store.read());
  const [message, setMessage] = useState<string | null>(props.notice ?? null);
  const save = useCallback(
    (change: (p: Progress) => void) => {
      const error = store.update(change);
      setMessage(error);
      setProgress(store.read());
    },
    [store],
  );
  const value = useMemo<Services>(
    () => ({ course, lang, t: translator(lang), now: props.now ?? Date.now, progress, save, message, saving: store.mode }),
    [course, lang, props.now, progress, save, message, store.mode],
  );
  return <Context.Provider value={value}>{props.children}</Context.Provider>;
}

export function useServices(): Services {
  const s = useContext(Context);
  if (!s) throw new Error('useServices outside ServicesProvider');
  return s;
}
