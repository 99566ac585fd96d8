// The sysctls that decide what the live scenarios show, with their documented
// defaults (Documentation/networking/ip-sysctl.rst) and what each one means
// here. Pure: src/live/system.ts reads the values.

export type SysctlName =
  | 'tcp_tw_reuse'
  | 'tcp_tw_reuse_delay'
  | 'tcp_timestamps'
  | 'tcp_fin_timeout'
  | 'tcp_syn_retries'
  | 'tcp_synack_retries'
  | 'tcp_syncookies'
  | 'ip_local_port_range';

export interface SysctlInfo {
  name: SysctlName;
  /** The default in ip-sysctl.rst, as the file prints it (whitespace collapsed to one space). */
  default: string;
  /** What it changes in these scenarios. */
  meaning: string;
}

export const SYSCTLS: readonly SysctlInfo[] = [
  {
    name: 'tcp_tw_reuse',
    default: '2',
    meaning:
      'whether connect() may take a TIME-WAIT 4-tuple for a port it picks itself: 0 never, 1 always, 2 only for loopback; only when the old connection used timestamps (tcp_twsk_unique)',
  },
  { name: 'tcp_tw_reuse_delay', default: '1000', meaning: 'how old, in ms, a TIME-WAIT socket must be before tcp_tw_reuse lets connect() take it (Linux 6.13+)' },
  {
    name: 'tcp_timestamps',
    default: '1',
    meaning: 'TCP timestamps (RFC 7323); with them PAWS rejects old segments, which is what lets Linux reuse a TIME-WAIT 4-tuple early',
  },
  { name: 'tcp_fin_timeout', default: '60', meaning: 'seconds an orphaned FIN-WAIT-2 socket (after close()) waits for the peer’s FIN' },
  { name: 'tcp_syn_retries', default: '6', meaning: 'SYN retransmissions before connect() gives up (about 127 s)' },
  { name: 'tcp_synack_retries', default: '5', meaning: 'SYN,ACK retransmissions for a half-open connection' },
  { name: 'tcp_syncookies', default: '1', meaning: 'SYN cookies when the SYN queue overflows' },
  { name: 'ip_local_port_range', default: '32768 60999', meaning: 'the ephemeral ports connect() and bind(port 0) choose from' },
];

export type SysctlValues = Partial<Record<SysctlName, string>>;

/** Trims a value as read from /proc/sys (ip_local_port_range is "32768\t60999\n"). */
export function normalizeSysctl(raw: string): string {
  return raw.trim().split(/\s+/).join(' ');
}

/** `name=value` for each value read, with the default after it when the machine differs. */
export function formatSysctls(values: SysctlValues): string[] {
  const out: string[] = [];
  for (const s of SYSCTLS) {
    const v = values[s.name];
    if (v === undefined) continue;
    out.push(v === s.default ? `${s.name}=${v}` : `${s.name}=${v} (default ${s.default})`);
  }
  return out;
}

/** The sysctls that differ from what a scenario assumes: [name, actual, assumed]. Unreadable values are not counted. */
export function unmetAssumptions(assumes: SysctlValues | undefined, values: SysctlValues): Array<[SysctlName, string, string]> {
  const out: Array<[SysctlName, string, string]> = [];
  for (const [name, want] of Object.entries(assumes ?? {}) as Array<[SysctlName, string]>) {
    const have = values[name];
    if (have !== undefined && have !== want) out.push([name, have, want]);
  }
  return out;
}
