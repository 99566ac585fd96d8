// A window onto a list of lines that follows a focused block (a checklist
// item, a selected question) when the focus moves, and scrolls freely with
// PgUp/PgDn and Home/End in between. Arrow keys are left to the caller, who
// moves the focus with them.

import { useReducer, useRef } from 'react';
import { useKeys } from './use-keys.js';

export interface Focus {
  /** A key that changes when the focus moves. */
  key: string | number;
  start: number;
  /** Exclusive. */
  end: number;
}

/** `followFirst`: bring the first focus into view too (else the first view starts at the top). */
export function useFollowScroll(total: number, rows: number, focus: Focus | null, options: { active?: boolean; followFirst?: boolean } = {}): number {
  const active = options.active ?? true;
  const top = useRef(0);
  const last = useRef<string | number | null>(options.followFirst ? null : (focus?.key ?? null));
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const max = Math.max(0, total - rows);

  useKeys(
    (_input, key) => {
      const page = Math.max(1, rows - 1);
      const to = (n: number): void => {
        top.current = Math.max(0, Math.min(max, n));
        redraw();
      };
      if (key.pageDown) to(top.current + page);
      else if (key.pageUp) to(top.current - page);
      else if (key.home) to(0);
      else if (key.end) to(max);
    },
    { isActive: active },
  );

  let t = top.current;
  if (focus && focus.key !== last.current) {
    last.current = focus.key;
    if (focus.end > t + rows) t = focus.end - rows;
    if (focus.start < t) t = focus.start;
  }
  top.current = Math.max(0, Math.min(max, t));
  return top.current;
}
