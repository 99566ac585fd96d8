// `tcp-trainer lab`: lists the guided labs (no terminal needed);
// `tcp-trainer lab ID` opens one in the trainer (Home › Labs › the lab);
// `tcp-trainer lab --sandbox` opens the sandbox.

import { loadCourse } from './course.js';
import type { Course } from '../engine/course.js';
import { findLab } from '../labs/find.js';
import { stripControl } from '../text/sanitize.js';
import type { Context } from './commands.js';
import { runInteractive } from './interactive.js';
import { commandArgs } from './args.js';
import { UserError } from './user-error.js';
import { usageOf } from './commands.js';

const USAGE = usageOf('lab');

/** Bare ids where they are unique across the loaded packs, else pack/id. */
function shownIds(c: Course): string[] {
  const bare = c.labs.map((l) => l.key.slice(l.key.indexOf('/') + 1));
  return c.labs.map((l, i) => (bare.filter((b) => b === bare[i]).length > 1 ? l.key : bare[i]!));
}

export async function runLab(argv: string[], ctx: Context): Promise<number> {
  const { values, positionals } = commandArgs('lab', argv, { sandbox: { type: 'boolean' } }, `usage: ${USAGE}`);
  if (positionals.length > 1) throw new UserError(`lab: give at most one lab id (usage: ${USAGE})`, 2);
  const id = positionals[0];
  if (id !== undefined && values.sandbox) throw new UserError(`lab: give a lab id or --sandbox, not both (usage: ${USAGE})`, 2);
  const screenReader = ctx.screenReader ?? false;
  if (values.sandbox) return runInteractive(ctx, screenReader, [{ name: 'home' }, { name: 'labs' }, { name: 'sandbox' }]);

  const c = await loadCourse(ctx);
  if (id !== undefined) {
    const entry = findLab(c, id);
    if (!entry) throw new UserError(`lab: there is no lab '${stripControl(id)}'; run tcp-trainer lab to list the ids`, 2);
    return runInteractive(ctx, screenReader, [{ name: 'home' }, { name: 'labs' }, { name: 'lab', id: entry.key }]);
  }

  const ids = shownIds(c);
  const w = Math.max(2, ...ids.map((i) => i.length));
  const out = [`${c.labs.length} lab${c.labs.length === 1 ? '' : 's'}. Open one with: tcp-trainer lab ID · free play: tcp-trainer lab --sandbox`, '', `  ${'ID'.padEnd(w)}  TITLE`];
  c.labs.forEach((l, i) => out.push(`  ${ids[i]!.padEnd(w)}  ${l.lab.title[ctx.lang]}`));
  process.stdout.write(`${stripControl(out.join('\n'))}\n`);
  return 0;
}
