// A TCP segment as the model sees it: the header fields that connection
// management reads (RFC 9293 3.1), with the payload reduced to its length.

export const URG = 1;
export const ACK = 2;
export const PSH = 4;
export const RST = 8;
export const SYN = 16;
export const FIN = 32;

export type FlagName = 'URG' | 'ACK' | 'PSH' | 'RST' | 'SYN' | 'FIN';

/** Display order: the control flag first, so segments read as "SYN,ACK" and "FIN,ACK" as in tcpdump-style notes. */
const DISPLAY: ReadonlyArray<readonly [FlagName, number]> = [
  ['SYN', SYN],
  ['FIN', FIN],
  ['RST', RST],
  ['PSH', PSH],
  ['ACK', ACK],
  ['URG', URG],
];

export const FLAG_BITS: Readonly<Record<FlagName, number>> = { URG, ACK, PSH, RST, SYN, FIN };

export type HostId = 'client' | 'server';

export interface Segment {
  /** Who appears to have sent it. */
  from: HostId;
  flags: number;
  seq: number;
  /** 0 when the ACK flag is off. */
  ack: number;
  /** Payload bytes; SYN and FIN are not counted here (RFC 9293 3.3.1: they still occupy sequence space). */
  len: number;
}

export function has(seg: { flags: number }, flag: number): boolean {
  return (seg.flags & flag) !== 0;
}

/** SEG.LEN of RFC 9293 3.3.1: payload plus one for SYN and one for FIN. */
export function segLen(seg: Segment): number {
  return seg.len + (seg.flags & SYN ? 1 : 0) + (seg.flags & FIN ? 1 : 0);
}

export function flagNames(flags: number): FlagName[] {
  const out: FlagName[] = [];
  for (const [name, bit] of DISPLAY) if (flags & bit) out.push(name);
  return out;
}

export function flagsText(flags: number): string {
  return flags === 0 ? 'NONE' : flagNames(flags).join(',');
}

/** "SYN,ACK seq=5000 ack=1001", with len only when there is payload. */
export function describe(seg: Segment): string {
  let s = `${flagsText(seg.flags)} seq=${seg.seq}`;
  if (seg.flags & ACK) s += ` ack=${seg.ack}`;
  if (seg.len > 0) s += ` len=${seg.len}`;
  return s;
}

export interface SegmentJson {
  from: HostId;
  flags: FlagName[];
  seq: number;
  ack: number;
  len: number;
}

export function toJson(seg: Segment): SegmentJson {
  return { from: seg.from, flags: flagNames(seg.flags), seq: seg.seq, ack: seg.ack, len: seg.len };
}
