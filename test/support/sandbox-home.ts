// Global setup: every test, and every program a test starts, sees a throwaway home. The
// progress file, the OS config directory and the code cache (bin/tcp-trainer.js) all land in a
// temporary directory unless a test chooses its own, so no test touches the real user's files.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'tcp-trainer-tests-'));
  process.env['TCP_TRAINER_HOME'] = join(dir, 'home');
  process.env['XDG_CONFIG_HOME'] = join(dir, 'config');
  process.env['XDG_CACHE_HOME'] = join(dir, 'cache');
  return () => rmSync(dir, { recursive: true, force: true });
}
