// The scenario language: one command per line, `#` comments, blank lines
// ignored. Parsing is separate from running so a wrong script is rejected
// before anything runs, with its line number.

import { APP_CALLS, type AppCall } from '../core/calls.js';
import { FLAG_BITS, type FlagName, type HostId } from '../core/segment.js';
import { isProfileName, type ProfileName } from '../core/profile.js';
import { STATES, isState, type Direction, type State } from '../core/types.js';

export type Duration = { ms: number } | { twoMsl: true };

export type Command =
  | { kind: 'set-isn'; host: HostId; value: number }
  | { kind: 'set-profile'; value: ProfileName }
  | { kind: 'set-msl'; ms: number }
  | { kind: 'set-rto'; ms: number }
  | { kind: 'set-backlog'; value: number }
  | { kind: 'set-syncookies'; value: boolean }
  | { kind: 'set-seed'; value: number }
  | { kind: 'call'; host: HostId; call: AppCall; bytes: number }
  | { kind: 'deliver' | 'drop' | 'dup'; dir: Direction; k: number }
  | { kind: 'deliver-all' }
  | { kind: 'inject'; dir: Direction; flags: FlagName[]; seq: number; ack: number; len: number }
  | { kind: 'flood'; n: number }
  | { kind: 'wait'; duration: Duration }
  | { kind: 'expect'; host: HostId; state: State };

export interface Line {
  line: number;
  /** The command as written, without its comment. */
  text: string;
  cmd: Command;
}

export class ScriptError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const U32 = 0xffff_ffff;
export const MAX_FLOOD = 100_000;
const MAX_BYTES = 1_000_000_000;

function fail(line: number, message: string): never {
  throw new ScriptError(line, message);
}

/** A word of the script as a message quotes it: a long one is cut, so that an error stays one short line. */
function q(s: string): string {
  if (s.length <= 40) return s;
  const head = s.slice(0, 40);
  return `${/[\ud800-\udbff]$/.test(head) ? head.slice(0, -1) : head}…`;
}

function integer(line: number, what: string, s: string | undefined, min: number, max: number): number {
  if (s === undefined) fail(line, `${what}: a number is missing`);
  if (!/^\d+$/.test(s)) fail(line, `${what}: '${q(s)}' is not a whole number`);
  const n = Number(s);
  if (n < min || n > max) fail(line, `${what}: ${q(s)} is out of range (${min}..${max})`);
  return n;
}

const UNIT: Record<string, number> = { ms: 1, s: 1000, m: 60_000 };

export function parseDuration(line: number, what: string, s: string | undefined): Duration {
  if (s === undefined) fail(line, `${what}: a duration is missing (like 500ms, 3s, 2m or 2msl)`);
  if (s.toLowerCase() === '2msl') return { twoMsl: true };
  const m = /^(\d+)(ms|s|m)$/.exec(s);
  if (!m) fail(line, `${what}: '${q(s)}' is not a duration (an integer with ms, s or m, like 500ms, 3s, 2m; or 2msl)`);
  const ms = Number(m[1]) * UNIT[m[2]!]!;
  if (!Number.isSafeInteger(ms) || ms > 10 * 365 * 24 * 3_600_000) fail(line, `${what}: '${q(s)}' is too long`);
  return { ms };
}

function host(line: number, s: string | undefined): HostId {
  if (s === 'client' || s === 'server') return s;
  fail(line, `expected client or server, got '${q(s ?? '')}'`);
}

function direction(line: number, s: string | undefined): Direction {
  if (s === 'c>s' || s === 's>c') return s;
  fail(line, `expected a direction c>s or s>c, got '${q(s ?? '')}'`);
}

function state(line: number, s: string | undefined): State {
  if (s === undefined) fail(line, `expect: a state is missing (one of ${STATES.join(' ')})`);
  const norm = s.toUpperCase().replace(/_/g, '-');
  if (isState(norm)) return norm;
  // The seed material spells it SYN_SEND; RFC 9293 3.3.2 calls it SYN-SENT.
  if (norm === 'SYN-SEND') fail(line, `expect: there is no state '${q(s)}'; RFC 9293 calls it SYN-SENT`);
  fail(line, `expect: unknown state '${q(s)}' (one of ${STATES.join(' ')})`);
}

function flags(line: number, s: string | undefined): FlagName[] {
  if (s === undefined) fail(line, 'inject: FLAGS are missing (like SYN or FIN,ACK or NONE)');
  if (s.toUpperCase() === 'NONE') return [];
  const out: FlagName[] = [];
  for (const part of s.split(',')) {
    const f = part.toUpperCase();
    if (!(f in FLAG_BITS)) fail(line, `inject: unknown flag '${q(part)}' (use URG, ACK, PSH, RST, SYN, FIN or NONE)`);
    if (out.includes(f as FlagName)) fail(line, `inject: flag ${f} is given twice`);
    out.push(f as FlagName);
  }
  return out;
}

function noMore(line: number, words: string[], from: number, usage: string): void {
  if (words.length > from) fail(line, `unexpected '${q(words[from]!)}' (usage: ${usage})`);
}

function parseSet(line: number, w: string[]): Command {
  const [, key, value] = w;
  noMore(line, w, 3, 'set KEY VALUE');
  switch (key) {
    case 'client.isn':
    case 'server.isn':
      return { kind: 'set-isn', host: key === 'client.isn' ? 'client' : 'server', value: integer(line, `set ${key}`, value, 0, U32) };
    case 'profile':
      if (value === undefined || !isProfileName(value)) fail(line, `set profile: expected rfc or linux, got '${q(value ?? '')}'`);
      return { kind: 'set-profile', value };
    case 'msl': {
      const d = parseDuration(line, 'set msl', value);
      if ('twoMsl' in d) fail(line, 'set msl: 2msl cannot define the MSL itself');
      return { kind: 'set-msl', ms: d.ms };
    }
    case 'rto': {
      const d = parseDuration(line, 'set rto', value);
      if ('twoMsl' in d || d.ms === 0) fail(line, 'set rto: give a positive duration like 1s or 200ms');
      return { kind: 'set-rto', ms: d.ms };
    }
    case 'backlog':
      return { kind: 'set-backlog', value: integer(line, 'set backlog', value, 1, 65535) };
    case 'syncookies':
      if (value !== 'on' && value !== 'off') fail(line, `set syncookies: expected on or off, got '${q(value ?? '')}'`);
      return { kind: 'set-syncookies', value: value === 'on' };
    case 'seed':
      return { kind: 'set-seed', value: integer(line, 'set seed', value, 0, U32) };
    default:
      fail(line, `set: unknown setting '${q(key ?? '')}' (client.isn, server.isn, profile, msl, backlog, syncookies, rto, seed)`);
  }
}

function parseInject(line: number, w: string[]): Command {
  const dir = direction(line, w[1]);
  const f = flags(line, w[2]);
  const fields: Record<string, number> = {};
  for (const word of w.slice(3)) {
    const m = /^(seq|ack|len)=(.*)$/.exec(word);
    if (!m) fail(line, `inject: unexpected '${q(word)}' (usage: inject c>s|s>c FLAGS seq=N [ack=N] [len=N])`);
    if (m[1]! in fields) fail(line, `inject: ${m[1]} is given twice`);
    fields[m[1]!] = integer(line, `inject ${m[1]}`, m[2], 0, m[1] === 'len' ? 65535 : U32);
  }
  if (fields.seq === undefined) fail(line, 'inject: seq=N is required');
  return { kind: 'inject', dir, flags: f, seq: fields.seq, ack: fields.ack ?? 0, len: fields.len ?? 0 };
}

function parseCommand(line: number, w: string[]): Command {
  const [verb] = w;
  switch (verb) {
    case 'set':
      return parseSet(line, w);
    case 'client':
    case 'server': {
      const call = w[1];
      if (!call || !(APP_CALLS as readonly string[]).includes(call)) {
        fail(line, `${verb}: unknown call '${q(call ?? '')}' (${APP_CALLS.join(', ')})`);
      }
      if (call === 'send') {
        noMore(line, w, 3, `${verb} send N`);
        return { kind: 'call', host: verb, call, bytes: integer(line, `${verb} send`, w[2], 1, MAX_BYTES) };
      }
      noMore(line, w, 2, `${verb} ${call}`);
      return { kind: 'call', host: verb, call: call as AppCall, bytes: 0 };
    }
    case 'deliver':
    case 'drop':
    case 'dup': {
      if (verb === 'deliver' && w[1] === 'all') {
        noMore(line, w, 2, 'deliver all');
        return { kind: 'deliver-all' };
      }
      noMore(line, w, 3, `${verb} c>s|s>c [K]`);
      const dir = direction(line, w[1]);
      const k = w[2] === undefined ? 1 : integer(line, `${verb} ${dir}`, w[2], 1, 1_000_000);
      return { kind: verb, dir, k };
    }
    case 'inject':
      return parseInject(line, w);
    case 'flood':
      noMore(line, w, 2, 'flood N');
      return { kind: 'flood', n: integer(line, 'flood', w[1], 1, MAX_FLOOD) };
    case 'wait':
      noMore(line, w, 2, 'wait DURATION');
      return { kind: 'wait', duration: parseDuration(line, 'wait', w[1]) };
    case 'expect':
      noMore(line, w, 3, 'expect client|server STATE');
      return { kind: 'expect', host: host(line, w[1]), state: state(line, w[2]) };
    default:
      fail(line, `unknown command '${q(verb ?? '')}' (set, client, server, deliver, drop, dup, inject, flood, wait, expect)`);
  }
}

/** Parses a whole script. Throws ScriptError at the first wrong line. */
export function parseScript(source: string): Line[] {
  const out: Line[] = [];
  const lines = source.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.replace(/#.*/, '').trim();
    if (text === '') continue;
    out.push({ line: i + 1, text: text.replace(/\s+/g, ' '), cmd: parseCommand(i + 1, text.split(/\s+/)) });
  }
  return out;
}
