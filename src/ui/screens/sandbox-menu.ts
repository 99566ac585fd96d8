// The sandbox's menus, built from the session as it stands: the calls each
// host can make, one deliver/drop/dup per segment in flight, the wait that
// reaches the next timer, and the session's own actions. An item either runs
// a command, opens the command line with a start typed in, or acts on the
// session. Pure.

import { describe } from '../../core/segment.js';
import { nextDeadline, runningTimers } from '../../core/timers.js';
import type { Direction, World } from '../../core/types.js';
import type { SandboxState } from '../../labs/sandbox.js';
import { formatLeft } from '../components/ladder-rows.js';
import { LADDER_STRINGS } from '../components/ladder-strings.js';
import type { Lang } from '../../content/schema.js';
import { LAB_STRINGS } from './lab-strings.js';

export const CATEGORIES = ['client', 'server', 'network', 'time', 'session'] as const;
export type Category = (typeof CATEGORIES)[number];

export type SandboxItem =
  | { kind: 'run'; label: string; note?: string; command: string }
  | { kind: 'type'; label: string; note?: string; prefill: string }
  | { kind: 'act'; label: string; note?: string; act: 'undo' | 'save' | 'new' | 'profile' }
  | { kind: 'none'; label: string };

const CALL_NOTES: Record<Lang, Record<string, string>> = {
  en: {
    listen: 'passive open',
    connect: 'active open: SYN',
    'send 100': '100 bytes of data',
    close: 'close(): FIN, stop reading',
    shutdown: 'shutdown(SHUT_WR): FIN, keep reading',
    abort: 'RST, forget the connection',
    crash: 'lose every TCB, send nothing',
  },
  zh: {
    listen: '被动打开',
    connect: '主动打开：发送 SYN',
    'send 100': '发送 100 字节数据',
    close: 'close()：发送 FIN，不再读取',
    shutdown: 'shutdown(SHUT_WR)：发送 FIN，仍可读取',
    abort: '发送 RST，丢弃连接',
    crash: '丢失所有 TCB，不发送任何报文',
  },
};

function segmentsIn(w: World, dir: Direction): string[] {
  return w.net.filter((f) => f.dir === dir).map((f) => describe(f.seg));
}

export function sandboxItems(cat: Category, w: World, sb: SandboxState, lang: Lang): SandboxItem[] {
  const s = LAB_STRINGS[lang];
  switch (cat) {
    case 'client':
    case 'server': {
      const items: SandboxItem[] = ['listen', 'connect', 'send 100'].map((c) => ({ kind: 'run', label: `${cat} ${c}`, note: CALL_NOTES[lang][c], command: `${cat} ${c}` }));
      items.push({ kind: 'type', label: `${cat} send …`, note: s.sendMore, prefill: `${cat} send ` });
      for (const c of ['close', 'shutdown', 'abort', 'crash']) items.push({ kind: 'run', label: `${cat} ${c}`, note: CALL_NOTES[lang][c], command: `${cat} ${c}` });
      return items;
    }
    case 'network': {
      const items: SandboxItem[] = [];
      const flights = (['c>s', 's>c'] as const).map((dir) => ({ dir, segs: segmentsIn(w, dir) }));
      const each = (verb: 'deliver' | 'drop' | 'dup'): void => {
        for (const { dir, segs } of flights) {
          segs.forEach((seg, i) => {
            const command = i === 0 ? `${verb} ${dir}` : `${verb} ${dir} ${i + 1}`;
            items.push({ kind: 'run', label: command, note: seg, command });
          });
        }
      };
      if (w.net.length === 0) items.push({ kind: 'none', label: s.nothingInFlight });
      else {
        each('deliver');
        items.push({ kind: 'run', label: 'deliver all', note: s.deliverAll, command: 'deliver all' });
        each('drop');
        each('dup');
      }
      items.push({ kind: 'type', label: 'inject …', note: s.injectMore, prefill: 'inject c>s ' });
      items.push({ kind: 'type', label: 'flood …', note: s.floodMore, prefill: 'flood ' });
      return items;
    }
    case 'time': {
      const items: SandboxItem[] = [];
      const next = nextDeadline(w);
      const first = runningTimers(w)[0];
      if (next !== null && next > w.now && first) {
        const ls = LADDER_STRINGS[lang];
        items.push({ kind: 'run', label: `wait ${next - w.now}ms`, note: s.waitNext(ls.hostShort[first.host], ls.timer[first.kind], formatLeft(next - w.now)), command: `wait ${next - w.now}ms` });
      }
      for (const d of ['1s', '10s', '2msl']) items.push({ kind: 'run', label: `wait ${d}`, command: `wait ${d}` });
      items.push({ kind: 'type', label: 'wait …', note: s.waitMore, prefill: 'wait ' });
      return items;
    }
    case 'session': {
      const other = sb.profile === 'rfc' ? 'linux' : 'rfc';
      return [
        { kind: 'act', label: 'undo', note: s.undo, act: 'undo' },
        { kind: 'act', label: 'save', note: s.save, act: 'save' },
        { kind: 'act', label: `${s.profile} ${other}`, note: s.profileTo(other), act: 'profile' },
        { kind: 'act', label: 'new', note: s.newSession, act: 'new' },
      ];
    }
  }
}
