// Writing a sandbox session to disk: relative paths are taken from the
// directory the trainer was started in, an existing file is never
// overwritten, and failures come back as a sentence, not an exception.

import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

export function saveScriptFile(path: string, text: string, cwd = process.cwd()): { path: string } | { error: string } {
  const target = resolve(cwd, path.trim());
  try {
    writeFileSync(target, text, { flag: 'wx' });
    return { path: target };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'EEXIST' ? `${target} already exists; give another name` : code === 'ENOENT' ? `no such directory for ${target}` : code === 'EACCES' ? `permission denied for ${target}` : code === 'EISDIR' ? `${target} is a directory` : `${target}: ${code ?? 'error'}`;
    return { error: why };
  }
}
