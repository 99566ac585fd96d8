// The ladder's own words in both languages. State names, flags and the
// core's reasons stay as RFC 9293 spells them.

import type { Lang } from '../../content/schema.js';
import type { RunningTimer } from '../../core/timers.js';

export interface LadderStrings {
  client: string;
  server: string;
  hostShort: Record<'client' | 'server', string>;
  lost: string;
  injected: string;
  copy: string;
  nothingSent: string;
  timers: string;
  /** ': ' or the full-width '：'. */
  colon: string;
  none: string;
  timer: Record<RunningTimer['kind'], string>;
  retries: (n: number) => string;
  flood: (n: number, replies: number) => string;
  inFlight: string;
  scrolled: (n: number) => string;
}

export const LADDER_STRINGS: Record<Lang, LadderStrings> = {
  en: {
    client: 'client',
    server: 'server',
    hostShort: { client: 'client', server: 'server' },
    lost: 'lost',
    injected: 'injected',
    copy: 'copy',
    nothingSent: 'nothing sent',
    timers: 'timers',
    colon: ': ',
    none: 'none running',
    timer: { retransmission: 'retransmission', '2msl': '2MSL', 'fin-wait-2': 'FIN-WAIT-2', 'syn-ack (half-open)': 'half-open SYN,ACK' },
    retries: (n) => `${n} sent again`,
    flood: (n, replies) => `* ${n} spoofed SYN${n === 1 ? '' : 's'}, ${replies} answered *`,
    inFlight: 'in flight',
    scrolled: (n) => `↓ ${n} more rows below (End: latest)`,
  },
  zh: {
    client: '客户端',
    server: '服务器',
    hostShort: { client: '客户端', server: '服务器' },
    lost: '丢失',
    injected: '伪造',
    copy: '副本',
    nothingSent: '未发送报文',
    timers: '定时器',
    colon: '：',
    none: '无',
    timer: { retransmission: '重传', '2msl': '2MSL', 'fin-wait-2': 'FIN-WAIT-2', 'syn-ack (half-open)': '半连接 SYN,ACK' },
    retries: (n) => `已重发 ${n} 次`,
    flood: (n, replies) => `* ${n} 个伪造源地址的 SYN，回复了 ${replies} 个 *`,
    inFlight: '在途',
    scrolled: (n) => `↓ 下面还有 ${n} 行（End：最新）`,
  },
};
