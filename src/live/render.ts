// The live lab as text: the kernel's states beside the model's, one step at a
// time, with the reasons the core gives. Pure: records in, lines out.

import type { Lang } from '../content/schema.js';
import type { KernelTimer } from './lab.js';
import type { StepRecord } from './run.js';
import type { LiveScenario } from './scenarios.js';
import { formatSysctls, unmetAssumptions, type SysctlValues } from './sysctl.js';
import { byCodeUnit } from '../text/compare.js';

export const MIN_WIDTH = 60;
const NUM = 4; // " 12 "
const CALL = 20;
const STATE = 13; // "SYN-RECEIVED" and a space
const GAP = 2;
const INDENT = '      ';

/** Wraps `text` to `width` columns; the first line starts with `first`, the others with `rest`. */
export function wrap(text: string, width: number, first = '', rest = first): string[] {
  const out: string[] = [];
  let line = first;
  let fresh = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!fresh && line.length + 1 + word.length > width) {
      out.push(line);
      line = rest + word;
    } else {
      line = fresh ? line + word : `${line} ${word}`;
    }
    fresh = false;
  }
  out.push(line);
  return out;
}

/** Like wrap, but breaks only between items (an item may hold spaces: "ip_local_port_range=32768 60999"). */
export function wrapItems(items: readonly string[], width: number, first = '', rest = first): string[] {
  const out: string[] = [];
  let line = first;
  let fresh = true;
  for (const item of items) {
    if (!fresh && line.length + 2 + item.length > width) {
      out.push(line);
      line = rest + item;
    } else {
      line = fresh ? line + item : `${line}  ${item}`;
    }
    fresh = false;
  }
  out.push(line);
  return out;
}

function cells(client: string, server: string, gap: number): string {
  return client.padEnd(STATE) + server.padEnd(STATE + gap);
}

/** The four state columns: kernel client and server, model client and server. */
function stateCols(k: { client: string; server: string }, m: { client: string; server: string }): string {
  return cells(k.client, k.server, GAP) + cells(m.client, m.server, 0);
}

export function header(s: LiveScenario, lang: Lang, sysctls: SysctlValues, width: number): string[] {
  const w = Math.max(MIN_WIDTH, width);
  const out = [`Live lab: ${s.id} · ${s.title[lang]}`, ''];
  out.push(...wrap(s.explain, w));
  out.push('');
  out.push(...wrap('Real sockets on 127.0.0.1, opened by this program. Kernel: the states /proc/net/tcp shows for exactly these sockets. Model: the core under the linux profile.', w));
  const sys = formatSysctls(sysctls);
  if (sys.length > 0) out.push(...wrapItems(sys, w, 'sysctl: ', '        '));
  for (const [name, have, want] of unmetAssumptions(s.assumes, sysctls)) {
    out.push(...wrap(`! This machine has ${name}=${have}; the model assumes the default ${want}, so expect the kernel to differ from it here.`, w));
  }
  out.push('');
  out.push(' '.repeat(NUM + CALL) + 'kernel'.padEnd(2 * STATE + GAP) + 'model');
  out.push(' #  ' + 'call'.padEnd(CALL) + stateCols({ client: 'client', server: 'server' }, { client: 'client', server: 'server' }));
  return out.map((l) => l.trimEnd());
}

function pairLabel(r: { pair: string }, ports: { server: number | null }): string {
  return `${INDENT}to ${r.pair}${ports.server !== null ? ` :${ports.server}` : ''}`;
}

/** The lines of one step: the states row (one per pair when there are two), what was done, and why the model moved. */
export function stepLines(r: StepRecord, width: number): string[] {
  const w = Math.max(MIN_WIDTH, width);
  const out: string[] = [];
  const mark = r.agree ? '✓' : '✗';
  const num = String(r.step).padStart(2) + '  ';
  const call = r.others ? `${r.call} → ${r.pair}` : r.call;
  if (!r.others) {
    const head = call.length <= CALL - 1 ? num + call.padEnd(CALL) : null;
    if (head === null) out.push(num + call);
    out.push((head ?? ' '.repeat(NUM + CALL)) + stateCols(r.observed, r.predicted) + mark);
  } else {
    out.push(num + call + ' '.repeat(Math.max(1, NUM + CALL + 4 * STATE + GAP - num.length - call.length)) + mark);
    const rows = [{ pair: r.pair, observed: r.observed, predicted: r.predicted, ports: r.ports }, ...r.others];
    rows.sort((a, b) => byCodeUnit(a.pair, b.pair));
    for (const row of rows) out.push(pairLabel(row, row.ports).padEnd(NUM + CALL) + stateCols(row.observed, row.predicted));
  }
  const did = r.answer !== undefined ? `${r.detail} → ${r.answer}` : r.detail;
  out.push(...wrap(did, w, INDENT, INDENT + '  '));
  if (r.expectedAnswer !== undefined && r.answer !== r.expectedAnswer) out.push(...wrap(`✗ the scenario expects ${r.expectedAnswer}`, w, INDENT, INDENT + '  '));
  for (const e of r.errors) out.push(...wrap(`the kernel told the ${e}`, w, INDENT, INDENT + '  '));
  out.push(...wrap(r.note, w, INDENT, INDENT));
  for (const reason of r.reasons) out.push(...wrap(reason, w, `${INDENT}model · `, `${INDENT}        `));
  if (r.model.length === 0) out.push(`${INDENT}model · (no model step: the core has no ports and no bind())`);
  for (const d of differences(r)) out.push(...wrap(`✗ ${d}`, w, INDENT, INDENT + '  '));
  return out.map((l) => l.trimEnd());
}

/** "pair A client: the kernel says FIN-WAIT-1, the model FIN-WAIT-2", one per differing end. */
export function differences(r: StepRecord): string[] {
  const out: string[] = [];
  const rows = [{ pair: r.pair, observed: r.observed, predicted: r.predicted }, ...(r.others ?? [])];
  for (const row of rows) {
    for (const end of ['client', 'server'] as const) {
      if (row.observed[end] !== row.predicted[end]) {
        out.push(`${r.others ? `to ${row.pair}, ` : ''}${end}: the kernel says ${row.observed[end]}, the model ${row.predicted[end]}`);
      }
    }
  }
  return out;
}

export function summary(records: readonly StepRecord[]): string {
  const bad = records.filter((r) => !r.agree).length;
  if (bad === 0) return `All ${records.length} steps agree: the kernel did what the model predicts.`;
  return `${bad} of ${records.length} step${records.length === 1 ? '' : 's'} differ${bad === 1 ? 's' : ''} (marked ✗): the kernel and the model disagree.`;
}

function seconds(ms: number): string {
  return `${Math.ceil(ms / 1000)} s`;
}

/** The countdown line (written over itself with \r). */
export function countdownLine(t: KernelTimer, width: number): string {
  const text = `  ${t.end} in ${t.state} (127.0.0.1:${t.local} → :${t.remote}): ${seconds(t.ms)} left · press s to skip`;
  return text.length <= width - 1 ? text : `  ${t.end} ${t.state}: ${seconds(t.ms)} left · s: skip`;
}

/** What stays in the kernel after the program ends. */
export function leftovers(timers: readonly KernelTimer[], width: number): string[] {
  return timers.flatMap((t) =>
    wrap(`The ${t.state} socket 127.0.0.1:${t.local} → 127.0.0.1:${t.remote} stays in the kernel for about ${seconds(t.ms)} more; it needs no process.`, Math.max(MIN_WIDTH, width)),
  );
}
