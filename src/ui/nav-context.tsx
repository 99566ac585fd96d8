import { createContext, useContext } from 'react';
import type { NavAction, Route } from './navigation.js';

export interface Nav {
  route: Route;
  depth: number;
  go: (action: NavAction) => void;
  /** While a screen takes typed text, q and ? are letters, not commands (Esc still goes back). */
  setCapture: (capture: boolean) => void;
}

export const NavContext = createContext<Nav | null>(null);

export function useNav(): Nav {
  const n = useContext(NavContext);
  if (!n) throw new Error('useNav outside the app');
  return n;
}

/** Rows and columns a screen's body may use. */
export const BodySizeContext = createContext({ columns: 80, rows: 20 });

export function useBodySize(): { columns: number; rows: number } {
  return useContext(BodySizeContext);
}
