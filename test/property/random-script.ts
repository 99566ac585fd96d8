// fast-check arbitraries for the scenario language.
//
// `scriptModelArb` builds a structured script (header settings, then body
// commands) and `renderScript` turns it into text, so shrinking works on the
// structure and a failing case prints as a script a person can paste into
// `tcp-trainer sim`. Scripts are syntactically valid (parseScript accepts
// them) and weighted toward runs that do something: a listen and a connect
// first most of the time, then mostly deliveries, losses, duplicates and
// waits. `garbageScriptArb` produces the opposite: lines meant to break the
// parser.

import fc from 'fast-check';
import { ScriptError, parseScript } from '../../src/scenario/parse.js';
import { ScenarioRunner } from '../../src/scenario/run.js';

const U32 = 0x1_0000_0000;

export type Dir = 'c>s' | 's>c';
export type HostName = 'client' | 'server';
export type Call = 'listen' | 'connect' | 'send' | 'close' | 'shutdown' | 'abort' | 'crash';
export type Flag = 'URG' | 'ACK' | 'PSH' | 'RST' | 'SYN' | 'FIN';

/** Where an injected sequence or acknowledgment number comes from: near a host's ISN, or anywhere. */
export type SeqRef = { near: HostName; offset: number } | { raw: number };

export type Cmd =
  | { kind: 'call'; host: HostName; call: Call; bytes: number }
  | { kind: 'deliver' | 'drop' | 'dup'; dir: Dir; k: number | null }
  | { kind: 'deliver-all' }
  | { kind: 'wait'; duration: string }
  | { kind: 'inject'; dir: Dir; flags: Flag[]; seq: SeqRef; ack: SeqRef | null; len: number | null }
  | { kind: 'flood'; n: number }
  | { kind: 'expect'; host: HostName; state: string }
  /** A setting in the middle of the body: ISNs for the next connection, rto/backlog/syncookies, or a too-late profile/seed. */
  | { kind: 'set'; line: string };

export interface ScriptModel {
  profile: 'rfc' | 'linux' | null;
  seed: number | null;
  clientIsn: number | null;
  serverIsn: number | null;
  /** Other header lines: set rto, set backlog, set syncookies, set msl. */
  settings: string[];
  body: Cmd[];
}

export interface ScriptOptions {
  /** Body length bounds (not counting the opening listen/connect). */
  minCommands?: number;
  maxCommands?: number;
  /** Allow inject lines (crafted segments). Default true. */
  inject?: boolean;
  /** Allow flood lines. Default true. */
  flood?: boolean;
  /** Allow drop lines. Default true. */
  drop?: boolean;
  /** Allow deliver/drop/dup with an explicit K (other than the oldest segment). Default true. */
  pickK?: boolean;
  /** Allow expect lines (random states; a wrong one ends the run). Default true. */
  expect?: boolean;
  /** Allow set lines in the body (some of them are script errors: set profile after the start). Default true. */
  midSet?: boolean;
  /** Allow `set msl` under the linux profile (a documented script error) in about one script in 30. Default true. */
  badMsl?: boolean;
  /**
   * Remove the deliver/drop/dup lines that would find nothing in flight (see `repairScript`), so the
   * script runs on instead of stopping at the first of them. Default false.
   */
  repair?: boolean;
}

export const STATE_NAMES = [
  'CLOSED',
  'LISTEN',
  'SYN-SENT',
  'SYN-RECEIVED',
  'ESTABLISHED',
  'FIN-WAIT-1',
  'FIN-WAIT-2',
  'CLOSE-WAIT',
  'CLOSING',
  'LAST-ACK',
  'TIME-WAIT',
] as const;

const FLAGS: readonly Flag[] = ['URG', 'ACK', 'PSH', 'RST', 'SYN', 'FIN'];

/** ISNs that exercise wraparound: just below 2^32 most of all, near 0, the signed boundary, or anything. */
export const isnArb: fc.Arbitrary<number> = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 1, max: 70_000 }).map((d) => U32 - d) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 5_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: -3_000, max: 3_000 }).map((d) => 0x8000_0000 + d) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: U32 - 1 }) },
);

const dirArb: fc.Arbitrary<Dir> = fc.constantFrom('c>s', 's>c');
const hostArb: fc.Arbitrary<HostName> = fc.constantFrom('client', 'server');

const durationArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('500ms', '1s', '2s', '3s', '10s') },
  { weight: 2, arbitrary: fc.constantFrom('2msl', '61s', '2m', '5m') },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 5000 }).map((n) => `${n}ms`) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 600 }).map((n) => `${n}s`) },
);

const bytesArb: fc.Arbitrary<number> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 3000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 60_000, max: 200_000 }) },
);

const seqRefArb: fc.Arbitrary<SeqRef> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ near: hostArb, offset: fc.integer({ min: -5, max: 70_000 }) }) },
  { weight: 1, arbitrary: fc.record({ raw: fc.integer({ min: 0, max: U32 - 1 }) }) },
);

const flagsArb: fc.Arbitrary<Flag[]> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<Flag[]>(['SYN'], ['ACK'], ['RST'], ['FIN', 'ACK'], ['SYN', 'ACK'], ['RST', 'ACK'], ['PSH', 'ACK']) },
  { weight: 2, arbitrary: fc.subarray([...FLAGS]) },
);

const kArb: fc.Arbitrary<number | null> = fc.oneof(
  { weight: 6, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 3 }) },
);

function callArb(): fc.Arbitrary<Cmd> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('call' as const), host: hostArb, call: fc.constant('send' as Call), bytes: bytesArb }) },
    {
      weight: 5,
      arbitrary: fc.record({
        kind: fc.constant('call' as const),
        host: hostArb,
        call: fc.constantFrom<Call>('listen', 'connect', 'close', 'close', 'shutdown', 'abort', 'crash'),
        bytes: fc.constant(0),
      }),
    },
  );
}

function netArb(kind: 'deliver' | 'drop' | 'dup', pickK: boolean): fc.Arbitrary<Cmd> {
  return fc.record({ kind: fc.constant(kind), dir: dirArb, k: pickK ? kArb : fc.constant(null) });
}

const midSetArb: fc.Arbitrary<Cmd> = fc
  .oneof(
    { weight: 4, arbitrary: fc.tuple(hostArb, isnArb).map(([h, n]) => `set ${h}.isn ${n}`) },
    { weight: 1, arbitrary: fc.constantFrom('set rto 200ms', 'set rto 1s', 'set backlog 1', 'set backlog 2', 'set syncookies on', 'set syncookies off') },
    { weight: 1, arbitrary: fc.constantFrom('set profile rfc', 'set profile linux', 'set seed 7') },
  )
  .map((line) => ({ kind: 'set' as const, line }));

/** One body command, weighted toward the network moves. */
export function cmdArb(o: ScriptOptions = {}): fc.Arbitrary<Cmd> {
  const pickK = o.pickK ?? true;
  const parts: fc.WeightedArbitrary<Cmd>[] = [
    { weight: 10, arbitrary: netArb('deliver', pickK) },
    { weight: 8, arbitrary: fc.constant<Cmd>({ kind: 'deliver-all' }) },
    { weight: 3, arbitrary: netArb('dup', pickK) },
    { weight: 5, arbitrary: durationArb.map((duration): Cmd => ({ kind: 'wait', duration })) },
    { weight: 7, arbitrary: callArb() },
  ];
  if (o.drop ?? true) parts.push({ weight: 4, arbitrary: netArb('drop', pickK) });
  if (o.inject ?? true) {
    parts.push({
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('inject' as const),
        dir: dirArb,
        flags: flagsArb,
        seq: seqRefArb,
        ack: fc.option(seqRefArb, { nil: null, freq: 4 }),
        len: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: null, freq: 2 }),
      }),
    });
  }
  if (o.flood ?? true) parts.push({ weight: 1, arbitrary: fc.integer({ min: 1, max: 6 }).map((n): Cmd => ({ kind: 'flood', n })) });
  if (o.expect ?? true) {
    parts.push({ weight: 1, arbitrary: fc.record({ kind: fc.constant('expect' as const), host: hostArb, state: fc.constantFrom(...STATE_NAMES) }) });
  }
  if (o.midSet ?? true) parts.push({ weight: 1, arbitrary: midSetArb });
  return fc.oneof(...parts);
}

/** The usual first moves: a passive and an active open (sometimes the other way round, or both active). */
const openingArb: fc.Arbitrary<Cmd[]> = fc.oneof(
  { weight: 6, arbitrary: fc.constant<Cmd[]>([call('server', 'listen'), call('client', 'connect')]) },
  { weight: 2, arbitrary: fc.constant<Cmd[]>([call('client', 'listen'), call('server', 'connect')]) },
  { weight: 1, arbitrary: fc.constant<Cmd[]>([call('client', 'connect'), call('server', 'connect')]) },
  { weight: 1, arbitrary: fc.constant<Cmd[]>([call('server', 'listen'), call('client', 'listen'), call('client', 'connect'), call('server', 'connect')]) },
  { weight: 3, arbitrary: fc.constant<Cmd[]>([]) },
);

function call(host: HostName, c: Call): Cmd {
  return { kind: 'call', host, call: c, bytes: 0 };
}

export function scriptModelArb(o: ScriptOptions = {}): fc.Arbitrary<ScriptModel> {
  const settingArb = fc.oneof(
    fc.constantFrom('set rto 200ms', 'set rto 1s', 'set rto 3s'),
    fc.integer({ min: 1, max: 4 }).map((n) => `set backlog ${n}`),
    fc.constantFrom('set syncookies on', 'set syncookies off'),
    fc.constantFrom('set msl 1s', 'set msl 30s', 'set msl 2m'),
  );
  return fc
    .record({
      profile: fc.constantFrom<ScriptModel['profile']>('rfc', 'linux', null),
      seed: fc.option(fc.integer({ min: 0, max: U32 - 1 }), { nil: null, freq: 3 }),
      clientIsn: fc.option(isnArb, { nil: null, freq: 6 }),
      serverIsn: fc.option(isnArb, { nil: null, freq: 6 }),
      settings: fc.array(settingArb, { maxLength: 3 }),
      keepBadMsl: fc.integer({ min: 0, max: 29 }).map((n) => n === 0),
      opening: openingArb,
      rest: fc.array(cmdArb(o), { minLength: o.minCommands ?? 0, maxLength: o.maxCommands ?? 40 }),
    })
    .map(({ opening, rest, settings, keepBadMsl, ...m }) => ({
      ...m,
      // `set msl` under linux is a documented script error: keep it rare.
      settings: (o.badMsl ?? true) && keepBadMsl ? settings : settings.filter((s) => !(m.profile === 'linux' && s.startsWith('set msl'))),
      body: [...opening, ...rest],
    }));
}

/** A host's ISN as the script fixes it; scripts that leave it to the seed inject near an arbitrary fixed point. */
function isnOf(m: ScriptModel, h: HostName): number {
  return (h === 'client' ? m.clientIsn : m.serverIsn) ?? (h === 'client' ? 1000 : 5000);
}

function resolve(m: ScriptModel, r: SeqRef): number {
  if ('raw' in r) return r.raw;
  return (((isnOf(m, r.near) + r.offset) % U32) + U32) % U32;
}

export function renderCmd(m: ScriptModel, c: Cmd): string {
  switch (c.kind) {
    case 'call':
      return c.call === 'send' ? `${c.host} send ${c.bytes}` : `${c.host} ${c.call}`;
    case 'deliver':
    case 'drop':
    case 'dup':
      return c.k === null ? `${c.kind} ${c.dir}` : `${c.kind} ${c.dir} ${c.k}`;
    case 'deliver-all':
      return 'deliver all';
    case 'wait':
      return `wait ${c.duration}`;
    case 'inject': {
      let s = `inject ${c.dir} ${c.flags.length === 0 ? 'NONE' : c.flags.join(',')} seq=${resolve(m, c.seq)}`;
      if (c.ack !== null) s += ` ack=${resolve(m, c.ack)}`;
      if (c.len !== null) s += ` len=${c.len}`;
      return s;
    }
    case 'flood':
      return `flood ${c.n}`;
    case 'expect':
      return `expect ${c.host} ${c.state}`;
    case 'set':
      return c.line;
  }
}

export function renderScript(m: ScriptModel): string {
  const lines: string[] = [];
  if (m.profile !== null) lines.push(`set profile ${m.profile}`);
  if (m.seed !== null) lines.push(`set seed ${m.seed}`);
  if (m.clientIsn !== null) lines.push(`set client.isn ${m.clientIsn}`);
  if (m.serverIsn !== null) lines.push(`set server.isn ${m.serverIsn}`);
  lines.push(...m.settings);
  for (const c of m.body) lines.push(renderCmd(m, c));
  return lines.join('\n') + '\n';
}

const NOTHING_THERE = /: (nothing is in flight|only \d+ segments? in flight)/;

/**
 * Removes, one at a time, the deliver/drop/dup lines that fail because the segment they name is not
 * in flight, rerunning from the start after each removal (a failing line has already started the run,
 * which matters for a later `set profile`). Every other outcome is left as it is. Uses the runner itself,
 * so a bug that makes it throw something else than ScriptError shows up here too.
 */
export function repairScript(text: string): string {
  let lines = text.trimEnd().split('\n');
  for (;;) {
    const runner = new ScenarioRunner();
    let bad = -1;
    for (const l of parseScript(lines.join('\n'))) {
      try {
        const step = runner.step(l);
        if (step.expect && !step.expect.ok) break;
      } catch (e) {
        if (e instanceof ScriptError && NOTHING_THERE.test(e.message)) bad = l.line - 1;
        else if (!(e instanceof ScriptError)) throw e;
        break;
      }
    }
    if (bad < 0) return lines.join('\n') + '\n';
    lines = [...lines.slice(0, bad), ...lines.slice(bad + 1)];
  }
}

/** Random valid scripts as text, with the model they came from. */
export function randomScriptArb(o: ScriptOptions = {}): fc.Arbitrary<{ model: ScriptModel; text: string }> {
  return scriptModelArb(o).map((model) => {
    const text = renderScript(model);
    return { model, text: o.repair ? repairScript(text) : text };
  });
}

// ---------------------------------------------------------------------------
// Garbage: lines meant to break the parser.

const WORDS = [
  'set', 'client', 'server', 'deliver', 'drop', 'dup', 'all', 'inject', 'flood', 'wait', 'expect',
  'listen', 'connect', 'send', 'close', 'shutdown', 'abort', 'crash',
  'client.isn', 'server.isn', 'profile', 'msl', 'backlog', 'syncookies', 'rto', 'seed', 'rfc', 'linux', 'bsd', 'on', 'off',
  'c>s', 's>c', 'c<s', 's>s', '>', 'SYN', 'ACK', 'FIN,ACK', 'SYN,SYN', 'NONE', 'none', 'syn,', ',', 'RST,ACK,PSH,URG,SYN,FIN',
  'seq=1', 'ack=2', 'len=3', 'seq=', 'seq=seq=1', 'len=65536', 'seq=4294967296', 'win=5',
  'ESTABLISHED', 'established', 'SYN_SENT', 'SYN_SEND', 'time_wait', 'LISTENING',
  '2msl', '2MSL', '3msl', '500ms', '3s', '2m', '1h', '0ms', '0s', '-1s', '1.5s', 'ms', 's',
  '#', '#comment', '__proto__', 'constructor', 'toString', 'hasOwnProperty',
];

const BAD_NUMBERS = [
  '-1', '0', '1', '4294967295', '4294967296', '99999999999999999999999', '1e9', '1e400', '0x10', '0b1', '1.5', '.5', '+5',
  'NaN', 'Infinity', '-0', '٣', '１２', '1_000', '00000000000000000000001', '9007199254740993', String(Number.MAX_SAFE_INTEGER),
];

const tokenArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...BAD_NUMBERS) },
  { weight: 1, arbitrary: fc.constantFrom(...BAD_NUMBERS).map((n) => `${n}ms`) },
  { weight: 1, arbitrary: fc.constantFrom(...BAD_NUMBERS).map((n) => `seq=${n}`) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
);

const spaceArb = fc.constantFrom(' ', ' ', ' ', '  ', '\t', '\u00a0', '\u3000', '\v', '\f', '\u2028', '\r');

/** A line of random tokens, sometimes starting with a known command so the parser gets past the verb. */
const tokenLineArb: fc.Arbitrary<string> = fc
  .tuple(fc.option(fc.constantFrom('set', 'client', 'server', 'deliver', 'drop', 'dup', 'inject', 'flood', 'wait', 'expect'), { nil: null }), fc.array(fc.tuple(tokenArb, spaceArb), { maxLength: 6 }))
  .map(([verb, rest]) => (verb === null ? '' : `${verb} `) + rest.map(([t, s]) => t + s).join(''));

type Mutation = { op: 'delete' | 'duplicate' | 'replace' | 'upper' | 'lower' | 'glue' | 'comment' | 'insert'; at: number; token: string };

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom('delete', 'duplicate', 'replace', 'replace', 'upper', 'lower', 'glue', 'comment', 'insert'),
  at: fc.nat(20),
  token: tokenArb,
});

function mutate(line: string, ms: Mutation[]): string {
  let words = line.split(' ');
  for (const m of ms) {
    const i = words.length === 0 ? 0 : m.at % words.length;
    switch (m.op) {
      case 'delete':
        words.splice(i, 1);
        break;
      case 'duplicate':
        words.splice(i, 0, words[i] ?? m.token);
        break;
      case 'replace':
        words[i] = m.token;
        break;
      case 'upper':
        words[i] = (words[i] ?? '').toUpperCase();
        break;
      case 'lower':
        words[i] = (words[i] ?? '').toLowerCase();
        break;
      case 'glue':
        words = [words.slice(0, i + 1).join(''), ...words.slice(i + 1)];
        break;
      case 'comment':
        words.splice(i, 0, `#${m.token}`);
        break;
      case 'insert':
        words.splice(i, 0, m.token);
        break;
    }
  }
  return words.join(' ');
}

/** A valid line with a few mutations applied. */
const mutatedLineArb: fc.Arbitrary<string> = fc
  .tuple(scriptModelArb({ maxCommands: 4 }), fc.nat(), fc.array(mutationArb, { minLength: 1, maxLength: 3 }))
  .map(([m, pick, ms]) => {
    const lines = renderScript(m).trimEnd().split('\n');
    return mutate(lines[pick % lines.length]!, ms);
  });

const garbageLineArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: mutatedLineArb },
  { weight: 3, arbitrary: tokenLineArb },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom('', '   ', '#', '# just a comment', 'deliver all # trailing', '\u2028', '\uFEFFset seed 1') },
);

/**
 * A script with garbage lines spread among valid ones, joined with \n or \r\n
 * (and sometimes a lone \r), so errors come at varied line numbers.
 */
export const garbageScriptArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(fc.oneof({ weight: 2, arbitrary: garbageLineArb }, { weight: 1, arbitrary: scriptModelArb({ maxCommands: 3 }).map((m) => renderScript(m).trimEnd()) }), {
      minLength: 1,
      maxLength: 12,
    }),
    fc.constantFrom('\n', '\r\n', '\r', '\n\n'),
  )
  .map(([lines, eol]) => lines.join(eol));
