// The I/O edge of the live lab: reading /proc. Everything else in src/live
// takes what these functions return.

import { existsSync, readFileSync } from 'node:fs';
import { endianness } from 'node:os';
import { parseTcpTables, type TcpEntry } from './proc-net-tcp.js';
import { SYSCTLS, normalizeSysctl, type SysctlValues } from './sysctl.js';

export const PROC_NET_TCP = '/proc/net/tcp';
export const PROC_NET_TCP6 = '/proc/net/tcp6';

export interface System {
  /** Whether the kernel's TCP table can be read (Linux with /proc mounted). */
  hasProcNetTcp(): boolean;
  /** The kernel's TCP sockets, IPv4 and IPv6. */
  readTcp(): TcpEntry[];
  readSysctls(): SysctlValues;
}

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

export const linuxSystem: System = {
  hasProcNetTcp: () => existsSync(PROC_NET_TCP) && readOrNull(PROC_NET_TCP) !== null,
  readTcp: () => parseTcpTables({ tcp: readFileSync(PROC_NET_TCP, 'utf8'), tcp6: readOrNull(PROC_NET_TCP6) }, { littleEndian: endianness() === 'LE' }),
  readSysctls: () => {
    const out: SysctlValues = {};
    for (const s of SYSCTLS) {
      const raw = readOrNull(`/proc/sys/net/ipv4/${s.name}`);
      if (raw !== null) out[s.name] = normalizeSysctl(raw);
    }
    return out;
  },
};
