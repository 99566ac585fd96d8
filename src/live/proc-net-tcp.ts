// A pure parser of /proc/net/tcp and /proc/net/tcp6: the text in, socket
// entries out. No I/O here; src/live/system.ts reads the files.
//
// The format is written by net/ipv4/tcp_ipv4.c (get_tcp4_sock, get_openreq4,
// get_timewait4_sock) and net/ipv6/tcp_ipv6.c (get_tcp6_sock, ...):
//
//   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
//    0: 0100007F:A3B1 0100007F:9C41 06 00000000:00000000 03:00001762 00000000     0        0 0 3 ...
//
// An IPv4 address is the 32-bit value in network byte order printed with %08X
// as the host reads it, so on a little-endian host 127.0.0.1 reads 0100007F.
// An IPv6 address is four such words. Ports are printed after ntohs, so they
// are plain hex. `st` is the kernel's TCP state number (include/net/tcp_states.h);
// `tr` says which timer runs (3 for a TIME-WAIT socket) and `tm->when` how long
// it has left, in clock ticks (USER_HZ, 100 per second on Linux).

import type { State } from '../core/types.js';

/** include/net/tcp_states.h, in order from TCP_ESTABLISHED = 1. */
export const KERNEL_STATES: Readonly<Record<number, { name: string; state: State }>> = {
  0x01: { name: 'ESTABLISHED', state: 'ESTABLISHED' },
  0x02: { name: 'SYN_SENT', state: 'SYN-SENT' },
  0x03: { name: 'SYN_RECV', state: 'SYN-RECEIVED' },
  0x04: { name: 'FIN_WAIT1', state: 'FIN-WAIT-1' },
  0x05: { name: 'FIN_WAIT2', state: 'FIN-WAIT-2' },
  0x06: { name: 'TIME_WAIT', state: 'TIME-WAIT' },
  // TCP_CLOSE: a socket with no connection; RFC 9293 calls that CLOSED.
  0x07: { name: 'CLOSE', state: 'CLOSED' },
  0x08: { name: 'CLOSE_WAIT', state: 'CLOSE-WAIT' },
  0x09: { name: 'LAST_ACK', state: 'LAST-ACK' },
  0x0a: { name: 'LISTEN', state: 'LISTEN' },
  0x0b: { name: 'CLOSING', state: 'CLOSING' },
  // A request socket: a SYN was answered and the final ACK is awaited, RFC 9293's SYN-RECEIVED.
  // (The kernel prints these as 03 in /proc/net/tcp, but the number exists.)
  0x0c: { name: 'NEW_SYN_RECV', state: 'SYN-RECEIVED' },
  // TCP_BOUND_INACTIVE (Linux 6.5+): bound, never connected nor listening; no connection, so CLOSED.
  0x0d: { name: 'BOUND_INACTIVE', state: 'CLOSED' },
};

/** Clock ticks per second of `tm->when` (USER_HZ; jiffies_delta_to_clock_t). 100 on every Linux architecture. */
export const USER_HZ = 100;

export interface Endpoint {
  /** Dotted quad for IPv4; for IPv6 the full form, or the dotted quad when it is IPv4-mapped (::ffff:a.b.c.d). */
  address: string;
  port: number;
}

export interface TcpEntry {
  family: 4 | 6;
  local: Endpoint;
  remote: Endpoint;
  /** The kernel's state number, `st`. */
  code: number;
  /** The kernel's name for it (TIME_WAIT), or `UNKNOWN_0E` for a number this table does not know. */
  kernelName: string;
  /** The RFC 9293 name, or null for a number this table does not know. */
  state: State | null;
  /** `tr`: 0 no timer, 1 retransmit, 2 keepalive, 3 TIME-WAIT (also an orphaned FIN-WAIT-2), 4 zero-window probe. */
  timer: number;
  /** `tm->when` converted to milliseconds: how long until the timer fires. */
  timerMs: number;
  uid: number;
  inode: number;
}

function ipv4(hex: string, littleEndian: boolean): string {
  const n = Number.parseInt(hex, 16);
  const b = [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
  return (littleEndian ? b.reverse() : b).join('.');
}

function ipv6(hex: string, littleEndian: boolean): string {
  const bytes: number[] = [];
  for (let i = 0; i < 32; i += 8) {
    const n = Number.parseInt(hex.slice(i, i + 8), 16);
    const b = [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
    bytes.push(...(littleEndian ? b.reverse() : b));
  }
  // IPv4-mapped (::ffff:a.b.c.d): report the IPv4 address, which is what the socket talks to.
  if (bytes.slice(0, 10).every((x) => x === 0) && bytes[10] === 255 && bytes[11] === 255) return bytes.slice(12).join('.');
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i]! << 8) | bytes[i + 1]!).toString(16));
  return compress(groups);
}

/** RFC 5952 4.2: the longest run of two or more zero groups becomes `::`. */
function compress(groups: string[]): string {
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < groups.length; ) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < groups.length && groups[j] === '0') j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (best < 0) return groups.join(':');
  return `${groups.slice(0, best).join(':')}::${groups.slice(best + bestLen).join(':')}`;
}

const V4 = '[0-9A-Fa-f]{8}';
const V6 = '[0-9A-Fa-f]{32}';
const HEX = '[0-9A-Fa-f]+';

function lineRe(addr: string): RegExp {
  // sl: local rem st tx:rx tr:when retrnsmt uid timeout inode
  return new RegExp(`^\\s*\\d+:\\s+(${addr}):(${HEX})\\s+(${addr}):(${HEX})\\s+(${HEX})\\s+${HEX}:${HEX}\\s+(${HEX}):(${HEX})\\s+${HEX}\\s+(\\d+)\\s+\\d+\\s+(\\d+)`);
}

const RE4 = lineRe(V4);
const RE6 = lineRe(V6);

export interface ParseOptions {
  /** Byte order of the host that wrote the text. Default little-endian (x86, arm64, riscv). */
  littleEndian?: boolean;
}

/**
 * Parses the text of /proc/net/tcp (family 4) or /proc/net/tcp6 (family 6). The header line and
 * lines that do not have the expected shape are skipped.
 */
export function parseProcNetTcp(text: string, family: 4 | 6, opts: ParseOptions = {}): TcpEntry[] {
  const le = opts.littleEndian ?? true;
  const re = family === 4 ? RE4 : RE6;
  const addr = family === 4 ? ipv4 : ipv6;
  const out: TcpEntry[] = [];
  for (const line of text.split('\n')) {
    const m = re.exec(line);
    if (!m) continue;
    const code = Number.parseInt(m[5]!, 16);
    const known = KERNEL_STATES[code];
    out.push({
      family,
      local: { address: addr(m[1]!, le), port: Number.parseInt(m[2]!, 16) },
      remote: { address: addr(m[3]!, le), port: Number.parseInt(m[4]!, 16) },
      code,
      kernelName: known?.name ?? `UNKNOWN_${code.toString(16).toUpperCase().padStart(2, '0')}`,
      state: known?.state ?? null,
      timer: Number.parseInt(m[6]!, 16),
      timerMs: Math.round((Number.parseInt(m[7]!, 16) * 1000) / USER_HZ),
      uid: Number(m[8]),
      inode: Number(m[9]),
    });
  }
  return out;
}

/** Both files at once; a missing tcp6 (IPv6 disabled) is given as null. */
export function parseTcpTables(tables: { tcp: string; tcp6: string | null }, opts: ParseOptions = {}): TcpEntry[] {
  return [...parseProcNetTcp(tables.tcp, 4, opts), ...(tables.tcp6 === null ? [] : parseProcNetTcp(tables.tcp6, 6, opts))];
}

function same(e: Endpoint, address: string, port: number): boolean {
  return e.port === port && e.address === address;
}

/** The entry of the connection from local address:port to remote address:port, if the kernel has one. */
export function findConnection(entries: readonly TcpEntry[], local: Endpoint, remote: Endpoint): TcpEntry | undefined {
  return entries.find((e) => e.code !== 0x0a && same(e.local, local.address, local.port) && same(e.remote, remote.address, remote.port));
}

/** The listening socket on address:port, if there is one (a wildcard address 0.0.0.0 or :: also listens there). */
export function findListener(entries: readonly TcpEntry[], local: Endpoint): TcpEntry | undefined {
  return entries.find(
    (e) => e.code === 0x0a && e.local.port === local.port && (e.local.address === local.address || e.local.address === '0.0.0.0' || e.local.address === '::'),
  );
}
