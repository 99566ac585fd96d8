// The course a session uses: the built-in pack, then every --pack in order,
// each validated before it is used.

import builtin from 'virtual:builtin-pack';
import type { CompiledPack } from './validate.js';
import { PackError } from './pack-error.js';

export { PackError };

export interface LoadedPack {
  pack: CompiledPack;
  /** Where it came from: a directory, or null for the built-in course. */
  dir: string | null;
}

export function builtinPack(): CompiledPack {
  return builtin;
}

/**
 * Loads the built-in pack and the extra ones; throws PackError with one line for the first bad pack.
 * The loader (YAML, the schemas) is imported only when there is an extra pack: the built-in course
 * is already compiled, and start-up should not pay for reading packs.
 */
export async function loadCatalog(extraDirs: readonly string[]): Promise<LoadedPack[]> {
  const out: LoadedPack[] = [{ pack: builtin, dir: null }];
  if (extraDirs.length === 0) return out;
  const [{ compilePack }, { formatProblem }] = await Promise.all([import('./compile.js'), import('./load.js')]);
  for (const dir of extraDirs) {
    const { pack, problems } = compilePack(dir);
    if (!pack || problems.length > 0) {
      const first = problems[0] ? formatProblem(problems[0]) : `${dir}: not a pack`;
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
      throw new PackError(`pack ${dir} is not valid: ${first}${more}; run tcp-trainer validate ${dir}`);
    }
    const clash = out.find((p) => p.pack.manifest.id === pack.manifest.id);
    if (clash) throw new PackError(`pack ${dir} has the id '${pack.manifest.id}' that ${clash.dir ?? 'the built-in course'} already uses; give it another id in pack.yaml`);
    out.push({ pack, dir });
  }
  return out;
}
