// Tab completion for the scenario language, aware of the session: which
// segments are in flight (deliver c>s 2), which sequence numbers a crafted
// segment would need to be in the window (inject c>s RST seq=1001), how long
// until the next timer (wait 1000ms). Pure: the world comes in.

import { APP_CALLS } from '../core/calls.js';
import { nextDeadline } from '../core/timers.js';
import type { Direction, World } from '../core/types.js';

const VERBS = ['client', 'server', 'deliver', 'drop', 'dup', 'inject', 'flood', 'wait', 'set'];
const SETTINGS = ['client.isn', 'server.isn', 'profile', 'msl', 'backlog', 'syncookies', 'rto', 'seed'];
const INJECT_FLAGS = ['SYN', 'ACK', 'RST', 'FIN,ACK', 'SYN,ACK', 'RST,ACK', 'FIN', 'PSH,ACK', 'NONE'];

function inFlight(w: World, dir: Direction): number {
  return w.net.filter((f) => f.dir === dir).length;
}

/** The words that may come next after `prev`. */
export function nextWords(prev: readonly string[], w: World): string[] {
  const [verb, a, b] = prev;
  if (prev.length === 0) return VERBS;
  switch (verb) {
    case 'client':
    case 'server':
      if (prev.length === 1) return [...APP_CALLS];
      if (prev.length === 2 && a === 'send') return ['100', '1000'];
      return [];
    case 'deliver':
    case 'drop':
    case 'dup': {
      if (prev.length === 1) {
        const dirs = (['c>s', 's>c'] as const).filter((d) => inFlight(w, d) > 0);
        return verb === 'deliver' ? [...dirs, 'all'] : dirs;
      }
      if (prev.length === 2 && (a === 'c>s' || a === 's>c')) {
        const n = inFlight(w, a);
        return n > 1 ? Array.from({ length: Math.min(n, 9) }, (_, i) => String(i + 1)) : [];
      }
      return [];
    }
    case 'inject': {
      if (prev.length === 1) return ['c>s', 's>c'];
      if (prev.length === 2) return INJECT_FLAGS;
      if (a !== 'c>s' && a !== 's>c') return [];
      // The numbers the apparent sender would use now: they land exactly at the receiver's RCV.NXT.
      const sender = a === 'c>s' ? w.client.conn : w.server.conn;
      const given = new Set(prev.slice(3).map((x) => x.split('=')[0]));
      const out: string[] = [];
      if (!given.has('seq')) out.push(`seq=${sender?.sndNxt ?? 0}`);
      if (!given.has('ack') && b && /ACK/i.test(b)) out.push(`ack=${sender?.rcvNxt ?? 0}`);
      if (!given.has('len')) out.push('len=0');
      return out;
    }
    case 'flood':
      return prev.length === 1 ? ['10', '128', '1000'] : [];
    case 'wait': {
      if (prev.length !== 1) return [];
      const next = nextDeadline(w);
      const out = next !== null && next > w.now ? [`${next - w.now}ms`] : [];
      return [...out, '1s', '10s', '60s', '2msl'];
    }
    case 'set':
      if (prev.length === 1) return SETTINGS;
      if (prev.length === 2) {
        switch (a) {
          case 'profile':
            return ['rfc', 'linux'];
          case 'syncookies':
            return ['on', 'off'];
          case 'msl':
            return ['30s', '1m', '2m'];
          case 'backlog':
            return ['4', '128'];
          case 'rto':
            return ['200ms', '1s'];
          case 'client.isn':
          case 'server.isn':
            return ['1000', '5000'];
          case 'seed':
            return ['1'];
        }
      }
      return [];
    default:
      return [];
  }
}

export interface Completion {
  /** The line after completing. */
  text: string;
  /** What could come next at the cursor (shown when there is more than one). */
  candidates: string[];
}

function commonPrefix(words: readonly string[]): string {
  if (words.length === 0) return '';
  let p = words[0]!;
  for (const w of words) while (!w.toLowerCase().startsWith(p.toLowerCase())) p = p.slice(0, -1);
  return p;
}

/** Completes the last word of `text`: fully when only one word fits, else as far as they agree. */
export function complete(text: string, w: World): Completion {
  const words = text.trimStart().split(/\s+/);
  const partial = text.endsWith(' ') || text.trim() === '' ? '' : words.pop()!;
  const prev = words.filter((x) => x !== '');
  const fits = nextWords(prev, w).filter((c) => c.toLowerCase().startsWith(partial.toLowerCase()));
  const head = prev.length > 0 ? `${prev.join(' ')} ` : '';
  if (fits.length === 1) {
    const done = nextWords([...prev, fits[0]!], w).length === 0;
    return { text: `${head}${fits[0]}${done ? '' : ' '}`, candidates: [] };
  }
  const common = commonPrefix(fits);
  return { text: `${head}${common.length > partial.length ? common : partial}`, candidates: fits };
}
