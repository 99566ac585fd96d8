import { PackError, loadCatalog } from '../content/catalog.js';
import { buildCourse, type Course } from '../engine/course.js';
import { stripControl } from '../text/sanitize.js';
import type { Context } from './commands.js';
import { UserError } from './user-error.js';

/** The course of this run (built-in plus every --pack); a bad pack is one line and exit 1. */
export async function loadCourse(ctx: Context): Promise<Course> {
  try {
    return buildCourse(await loadCatalog(ctx.packs));
  } catch (e) {
    if (e instanceof PackError) throw new UserError(stripControl(e.message), 1);
    throw e;
  }
}
