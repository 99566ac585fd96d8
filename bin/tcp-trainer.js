#!/usr/bin/env -S node --optimize-for-size --v8-pool-size=1
// The installed executable. It runs the bundle (dist/tcp-trainer.js, the body of an async function:
// see scripts/build.mjs) through a V8 code cache, which Node 20 offers only through vm.Script:
// parsing and compiling the bundle was the largest part of start-up. The cache is written once a
// session has run for a second, so that it holds the code the app runs, and V8 rejects one that
// does not fit this Node (then it is written again). TCP_TRAINER_CODE_CACHE=0 turns it off.
// CommonJS (bin/package.json): an ES module entry costs Node's ES module loader a few ms more.
'use strict';

const { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { homedir } = require('node:os');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');
const vm = require('node:vm');

const bundlePath = join(__dirname, '..', 'dist', 'tcp-trainer.js');
const bundleUrl = pathToFileURL(bundlePath);

let source;
try {
  source = readFileSync(bundlePath, 'utf8');
} catch {
  source = null;
}
if (source === null || !existsSync(join(__dirname, '..', 'dist', 'course.json.br'))) {
  process.stderr.write(`tcp-trainer: dist/${source === null ? 'tcp-trainer.js' : 'course.json.br'} is missing; run \`npm run build\` first\n`);
  process.exit(2);
}

/** Where caches live: beside the progress file when TCP_TRAINER_HOME is set (tests), else the OS cache directory. */
function cacheDir() {
  const home = process.env.TCP_TRAINER_HOME;
  if (home) return join(home, 'cache');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'tcp-trainer');
  if (process.platform === 'win32') return join(process.env.LOCALAPPDATA || join(homedir(), 'AppData', 'Local'), 'tcp-trainer', 'Cache');
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'tcp-trainer');
}

// V8 checks a cache against the source's length only, so the name carries the build's own hash
// (the bundle's first comment), and the Node version and flags it was made with.
const build = /^\/\*build ([0-9a-f]+)\*\//.exec(source)?.[1] ?? 'unknown';
const flags = process.execArgv.join(' ').replace(/[^\w=.-]+/g, '_').slice(0, 60);
const cacheName = `${build}-${process.version}-${process.arch}${flags ? `-${flags}` : ''}.v8cache`;
const useCache = process.env.TCP_TRAINER_CODE_CACHE !== '0';
const KEEP_CACHES = 3;
const dir = useCache ? cacheDir() : null;

let cachedData;
if (dir) {
  try {
    cachedData = readFileSync(join(dir, cacheName));
  } catch {
    cachedData = undefined;
  }
}

const script = new vm.Script(source, { filename: bundlePath, cachedData });

if (dir && (cachedData === undefined || script.cachedDataRejected)) {
  setTimeout(() => {
    try {
      mkdirSync(dir, { recursive: true });
      const tmp = join(dir, `${cacheName}.${process.pid}`);
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, join(dir, cacheName));
      // Caches of other builds and Node versions: the newest few stay (two installs may take turns).
      const caches = readdirSync(dir).filter((f) => f.endsWith('.v8cache')).map((f) => ({ f, at: statSync(join(dir, f)).mtimeMs }));
      for (const { f } of caches.sort((a, b) => b.at - a.at).slice(KEEP_CACHES)) rmSync(join(dir, f), { force: true });
    } catch {
      // A cache that cannot be written only costs start-up time.
    }
  }, 1000).unref();
}

script.runInThisContext()(createRequire(bundleUrl), bundleUrl.href);
