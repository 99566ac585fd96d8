// The /proc/net/tcp{,6} parser on fixture text in the kernel's own format
// (lines copied from a Linux 6.18 machine, and tcp6 lines built the way
// get_tcp6_sock prints them).

import { describe, expect, test } from 'vitest';
import { KERNEL_STATES, findConnection, findListener, parseProcNetTcp, parseTcpTables } from '../../src/live/proc-net-tcp.js';
import { STATES } from '../../src/core/types.js';

const TCP = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 0100007F:B32F 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 172663 1 0000000033b0ec47 100 0 0 10 0
   1: 00000000:07E8 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1599 1 00000000c63cefc7 100 0 0 10 0
   2: 0100007F:8B1D 0100007F:8E65 06 00000000:00000000 03:00000836 00000000     0        0 0 3 00000000aa8bc13a
   3: 0100007F:C4C0 0100007F:B32F 05 00000000:00000000 03:00001762 00000000     0        0 0 3 0000000012345678
   4: 0100007F:B32F 0100007F:C4C0 08 00000000:00000000 00:00000000 00000000  1000        0 181234 1 0000000087654321 20 4 30 10 -1
   5: 0A00020F:0016 0101A8C0:E2A4 01 00000000:00000024 02:000A8B3E 00000000     0        0 99881 4 00000000deadbeef 20 4 31 10 -1
`;

const TCP6 = `  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000000000000000000001000000:0016 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 12345 1 0000000000000000 100 0 0 10 0
   1: 0000000000000000FFFF00000100007F:1F90 0000000000000000FFFF00000100007F:D431 01 00000000:00000000 00:00000000 00000000  1000        0 23456 1 0000000000000000 20 4 30 10 -1
   2: B80D0120000000000000000001000000:01BB 000080FE000000000000000002000000:C350 0B 00000000:00000000 01:00000032 00000002     0        0 34567 1 0000000000000000 20 4 30 10 -1
   3: 00000000000000000000000000000000:0050 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 45678 1 0000000000000000 100 0 0 10 0
`;

describe('parseProcNetTcp (IPv4)', () => {
  const entries = parseProcNetTcp(TCP, 4);

  test('skips the header and reads every socket line', () => {
    expect(entries).toHaveLength(6);
  });

  test('decodes little-endian hex addresses and hex ports', () => {
    expect(entries[0]!.local).toEqual({ address: '127.0.0.1', port: 0xb32f });
    expect(entries[1]!.local).toEqual({ address: '0.0.0.0', port: 2024 });
    expect(entries[5]!.local).toEqual({ address: '15.2.0.10', port: 22 });
    expect(entries[5]!.remote).toEqual({ address: '192.168.1.1', port: 0xe2a4 });
  });

  test('reads the same hex as big-endian when told the host is big-endian', () => {
    expect(parseProcNetTcp(TCP, 4, { littleEndian: false })[0]!.local.address).toBe('1.0.0.127');
  });

  test('maps state codes to RFC 9293 names and keeps the kernel name', () => {
    expect(entries.map((e) => [e.kernelName, e.state])).toEqual([
      ['LISTEN', 'LISTEN'],
      ['LISTEN', 'LISTEN'],
      ['TIME_WAIT', 'TIME-WAIT'],
      ['FIN_WAIT2', 'FIN-WAIT-2'],
      ['CLOSE_WAIT', 'CLOSE-WAIT'],
      ['ESTABLISHED', 'ESTABLISHED'],
    ]);
  });

  test('reads the timer: kind and time left (clock ticks of 1/100 s)', () => {
    expect([entries[2]!.timer, entries[2]!.timerMs]).toEqual([3, 0x836 * 10]); // 20.99 s of TIME-WAIT left
    expect([entries[3]!.timer, entries[3]!.timerMs]).toEqual([3, 59_860]); // an orphaned FIN-WAIT-2
    expect([entries[0]!.timer, entries[0]!.timerMs]).toEqual([0, 0]);
  });

  test('reads uid and inode', () => {
    expect([entries[4]!.uid, entries[4]!.inode]).toEqual([1000, 181234]);
  });

  test('ignores blank and malformed lines', () => {
    expect(parseProcNetTcp('\n\ngarbage\n   7: 0100007F:B32F\n', 4)).toEqual([]);
    expect(parseProcNetTcp('', 4)).toEqual([]);
  });
});

describe('parseProcNetTcp (IPv6)', () => {
  const entries = parseProcNetTcp(TCP6, 6);

  test('decodes ::1, the unspecified address, and compresses zero runs', () => {
    expect(entries[0]!.local).toEqual({ address: '::1', port: 22 });
    expect(entries[0]!.remote).toEqual({ address: '::', port: 0 });
    expect(entries[2]!.local).toEqual({ address: '2001:db8::1', port: 443 });
    expect(entries[2]!.remote).toEqual({ address: 'fe80::2', port: 50000 });
  });

  test('reports an IPv4-mapped address as the IPv4 address', () => {
    expect(entries[1]!.local).toEqual({ address: '127.0.0.1', port: 8080 });
    expect(entries[1]!.remote).toEqual({ address: '127.0.0.1', port: 0xd431 });
  });

  test('states and timers as for IPv4', () => {
    expect(entries.map((e) => e.state)).toEqual(['LISTEN', 'ESTABLISHED', 'CLOSING', 'LISTEN']);
    expect([entries[2]!.timer, entries[2]!.timerMs]).toEqual([1, 500]);
  });
});

describe('state table', () => {
  test('every code 01..0D maps to one of the 11 RFC 9293 states', () => {
    for (let code = 1; code <= 0x0d; code++) expect(STATES).toContain(KERNEL_STATES[code]!.state);
  });

  test('NEW_SYN_RECV (0C) is SYN-RECEIVED, CLOSE (07) is CLOSED', () => {
    const line = (st: string) => `   0: 0100007F:1F90 0100007F:D431 ${st} 00000000:00000000 00:00000000 00000000     0        0 1 1 0`;
    expect(parseProcNetTcp(line('0C'), 4)[0]!.state).toBe('SYN-RECEIVED');
    expect(parseProcNetTcp(line('07'), 4)[0]!.state).toBe('CLOSED');
    expect(parseProcNetTcp(line('03'), 4)[0]!.state).toBe('SYN-RECEIVED');
    expect(parseProcNetTcp(line('0B'), 4)[0]!.state).toBe('CLOSING');
  });

  test('an unknown code keeps its number in the kernel name and has no RFC state', () => {
    const e = parseProcNetTcp('   0: 0100007F:1F90 0100007F:D431 0E 00000000:00000000 00:00000000 00000000     0        0 1 1 0', 4)[0]!;
    expect([e.kernelName, e.state]).toEqual(['UNKNOWN_0E', null]);
  });
});

describe('lookups', () => {
  const all = parseTcpTables({ tcp: TCP, tcp6: TCP6 });

  test('both tables together; a missing tcp6 is fine', () => {
    expect(all).toHaveLength(10);
    expect(parseTcpTables({ tcp: TCP, tcp6: null })).toHaveLength(6);
  });

  test('findConnection matches local and remote address and port exactly', () => {
    const lo = (port: number) => ({ address: '127.0.0.1', port });
    expect(findConnection(all, lo(0xc4c0), lo(0xb32f))?.state).toBe('FIN-WAIT-2');
    expect(findConnection(all, lo(0xb32f), lo(0xc4c0))?.state).toBe('CLOSE-WAIT');
    expect(findConnection(all, lo(0xb32f), lo(0xc4c1))).toBeUndefined();
    expect(findConnection(all, { address: '127.0.0.2', port: 0xc4c0 }, lo(0xb32f))).toBeUndefined();
    // An IPv4-mapped socket in tcp6 is found by its IPv4 address.
    expect(findConnection(all, lo(8080), lo(0xd431))?.state).toBe('ESTABLISHED');
  });

  test('findConnection never returns a listener', () => {
    expect(findConnection(all, { address: '127.0.0.1', port: 0xb32f }, { address: '0.0.0.0', port: 0 })).toBeUndefined();
  });

  test('findListener: the exact address, or a wildcard one, on that port', () => {
    expect(findListener(all, { address: '127.0.0.1', port: 0xb32f })?.state).toBe('LISTEN');
    expect(findListener(all, { address: '127.0.0.1', port: 2024 })?.local.address).toBe('0.0.0.0');
    expect(findListener(all, { address: '127.0.0.1', port: 80 })?.local.address).toBe('::');
    expect(findListener(all, { address: '127.0.0.1', port: 0xc4c0 })).toBeUndefined();
  });
});
