#!/usr/bin/env -S node --max-semi-space-size=1
// The installed executable: loads the esbuild bundle (see scripts/build.mjs).
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/tcp-trainer.js', import.meta.url);

if (!existsSync(bundle)) {
  process.stderr.write('tcp-trainer: dist/tcp-trainer.js is missing; run `npm run build` first\n');
  process.exit(2);
}

await import(bundle.href);
