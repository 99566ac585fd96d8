// Keyboard input for the whole app, through one Ink useInput that never unmounts.
//
// With a useInput per screen, a key typed a few ms after the one that changed the screen was
// lost (Enter, Enter: the second one never opened the lesson): Ink subscribes each handler in a
// passive effect, and the screens navigate in passive effects, so the next key still met the
// screen just left. Here handlers are registered in layout effects, which run as a frame
// commits, and a key waits until the screens have been still for two turns of the event loop,
// so that the last key's frame and the effects it set off (a screen pushed, say) are done.
// A person typing never waits: the check takes well under a millisecond.

import { useInput, type Key } from 'ink';
import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, type ReactNode } from 'react';
import { splitKeys } from './split-keys.js';

type Handler = (input: string, key: Key) => void;
interface Entry {
  handler: Handler;
  /** Command keys: a run read in one chunk ("jjj", "j\r") is handed over one key at a time. */
  split: boolean;
}

interface KeyRegistry {
  entries: Set<Entry>;
  /** Commits of components that take keys: a screen drawn, pushed or closed. */
  commits: number;
}

const Registry = createContext<KeyRegistry | null>(null);

const QUIET_TURNS = 2;
const MAX_TURNS = 50;

/**
 * Runs `then` once no component that takes keys has committed for QUIET_TURNS turns of the event
 * loop: the last key's frame is drawn, and the passive effects it set off (a screen pushed) have
 * run and been drawn too.
 */
function afterQuiet(registry: KeyRegistry, then: () => void): void {
  let seen = registry.commits;
  let quiet = 0;
  let turns = 0;
  const check = (): void => {
    turns++;
    if (registry.commits === seen) quiet++;
    else {
      seen = registry.commits;
      quiet = 0;
    }
    if (quiet >= QUIET_TURNS || turns >= MAX_TURNS) then();
    else setImmediate(check);
  };
  setImmediate(check);
}

export function KeysProvider({ children }: { children: ReactNode }) {
  const registry = useMemo<KeyRegistry>(() => ({ entries: new Set(), commits: 0 }), []);
  const queue = useRef<Array<[string, Key]>>([]);
  const live = useRef(true);
  useEffect(
    () => () => {
      live.current = false;
      queue.current = [];
    },
    [],
  );

  const pump = useCallback(() => {
    const next = queue.current.shift();
    if (!next || !live.current) return;
    const [input, key] = next;
    for (const e of [...registry.entries]) {
      if (!registry.entries.has(e)) continue; // an earlier handler of this key closed its screen
      if (e.split) for (const k of splitKeys(input, key)) e.handler(k.input, k.key);
      else e.handler(input, key);
    }
    if (queue.current.length > 0) afterQuiet(registry, pump);
  }, [registry]);

  useInput((input, key) => {
    queue.current.push([input, key]);
    if (queue.current.length === 1) afterQuiet(registry, pump);
  });
  return <Registry.Provider value={registry}>{children}</Registry.Provider>;
}

function useRegistered(handler: Handler, split: boolean, isActive: boolean): void {
  const registry = useContext(Registry);
  if (!registry) throw new Error('useKeys needs a KeysProvider above it');
  const entry = useRef<Entry>({ handler, split });
  useLayoutEffect(() => {
    entry.current.handler = handler;
    registry.commits++;
  });
  useLayoutEffect(() => {
    if (!isActive) return;
    const e = entry.current;
    registry.entries.add(e);
    return () => {
      registry.entries.delete(e);
      registry.commits++;
    };
  }, [registry, isActive]);
}

/** Command keys, one at a time even when several arrive in one read. */
export function useKeys(handler: Handler, options: { isActive?: boolean } = {}): void {
  useRegistered(handler, true, options.isActive !== false);
}

/** Input as Ink reads it: a paste stays one string (text boxes, command lines). */
export function useRawKeys(handler: Handler, options: { isActive?: boolean } = {}): void {
  useRegistered(handler, false, options.isActive !== false);
}
