// Reads and validates a pack directory: what `validate`, `--pack` and the
// build (for the built-in course) all use.

import { readPack, type Problem } from './load.js';
import { validatePack, type CompiledPack } from './validate.js';

export function compilePack(dir: string): { pack: CompiledPack | null; problems: Problem[] } {
  const read = readPack(dir);
  if (!read.pack) return { pack: null, problems: read.problems };
  const checked = validatePack(read.pack);
  return { pack: checked.pack, problems: [...read.problems, ...checked.problems] };
}
