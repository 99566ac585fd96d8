// Test helpers shared across files: temporary directories removed after the
// file's tests, and a source module bundled for a child process.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** `tempDir(part?)` makes a fresh directory named PREFIX-PART-…; all of them are removed after the file's tests. */
export function tempDirs(prefix: string): (part?: string) => string {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });
  return (part) => {
    const dir = mkdtempSync(join(tmpdir(), `${prefix}-${part ? `${part}-` : ''}`));
    made.push(dir);
    return dir;
  };
}

/** Bundles a source module (e.g. 'src/store/progress-store.ts') to OUTFILE, for child processes to import. */
export async function bundleForChild(entry: string, outfile: string): Promise<void> {
  await build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
  });
}
