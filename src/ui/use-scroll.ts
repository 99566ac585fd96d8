// Scrolling a list of lines: arrows and j/k, PgUp/PgDn and Space, Home/End
// and g/G. A reducer, so a burst of keys scrolls exactly as far as typed.

import { useEffect, useReducer } from 'react';
import { useKeys } from './use-keys.js';

export type ScrollAction = { type: 'by'; n: number } | { type: 'to'; top: number } | { type: 'end' };

export function scroll(top: number, action: ScrollAction, total: number, visible: number): number {
  const max = Math.max(0, total - visible);
  const next = action.type === 'by' ? top + action.n : action.type === 'to' ? action.top : max;
  return Math.min(max, Math.max(0, next));
}

export function useScroll(total: number, visible: number, active = true): { top: number; atEnd: boolean } {
  const [top, dispatch] = useReducer((t: number, a: ScrollAction) => scroll(t, a, total, visible), 0);
  useEffect(() => dispatch({ type: 'by', n: 0 }), [total, visible]);
  useKeys(
    (input, key) => {
      const page = Math.max(1, visible - 1);
      if (key.downArrow || input === 'j') dispatch({ type: 'by', n: 1 });
      else if (key.upArrow || input === 'k') dispatch({ type: 'by', n: -1 });
      else if (key.pageDown || input === ' ') dispatch({ type: 'by', n: page });
      else if (key.pageUp) dispatch({ type: 'by', n: -page });
      else if (key.home || input === 'g') dispatch({ type: 'to', top: 0 });
      else if (key.end || input === 'G') dispatch({ type: 'end' });
    },
    { isActive: active },
  );
  return { top: Math.min(top, Math.max(0, total - visible)), atEnd: top >= total - visible };
}
