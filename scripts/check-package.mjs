// Packs tcp-trainer as npm would publish it, installs the tarball into a
// temporary prefix and runs the program from there: the path a learner takes
// with `npx tcp-trainer`. Prints the packed size and the timings; exits 1 if
// any step fails. Used by .ci/run and by `npm run bench`.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function timed(fn) {
  const t0 = performance.now();
  const out = fn();
  return { out, ms: performance.now() - t0 };
}

/** Packs the current build; returns the tarball's path and size in bytes. */
export function pack() {
  const dir = mkdtempSync(join(tmpdir(), 'tcp-trainer-pack-'));
  const [info] = JSON.parse(execFileSync(npm, ['pack', '--json', '--pack-destination', dir], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  const tarball = join(dir, info.filename);
  return { tarball, bytes: statSync(tarball).size, files: info.files.map((f) => f.path) };
}

/** A cold `npx --package TARBALL tcp-trainer --version` from an empty directory with an empty npm cache. */
export function npxFirstRun(tarball) {
  const cwd = mkdtempSync(join(tmpdir(), 'tcp-trainer-npx-'));
  const cache = mkdtempSync(join(tmpdir(), 'tcp-trainer-npm-cache-'));
  return timed(() => execFileSync(npx, ['--yes', '--cache', cache, '--package', tarball, 'tcp-trainer', '--version'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim());
}

export function check() {
  const { tarball, bytes, files } = pack();
  console.log(`packed: ${tarball} (${(bytes / 1024).toFixed(1)} KB; ${files.join(', ')})`);

  const prefix = mkdtempSync(join(tmpdir(), 'tcp-trainer-prefix-'));
  const install = timed(() => execFileSync(npm, ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--ignore-scripts', tarball], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
  const bin = join(prefix, 'node_modules', '.bin', 'tcp-trainer');
  console.log(`installed into ${prefix} in ${install.ms.toFixed(0)} ms`);

  const work = mkdtempSync(join(tmpdir(), 'tcp-trainer-run-'));
  const script = join(work, 'close.tcp');
  copyFileSync(join(root, 'content', 'scenarios', '02-close-by-client.tcp'), script);
  const env = { ...process.env, TCP_TRAINER_HOME: join(work, 'home') };
  const run = (args) => execFileSync(bin, args, { cwd: work, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

  const version = run(['--version']).trim();
  const expected = JSON.parse(execFileSync('node', ['-p', 'JSON.stringify(require("./package.json").version)'], { cwd: root, encoding: 'utf8' }));
  if (version !== expected) throw new Error(`--version printed '${version}', expected '${expected}'`);
  console.log(`tcp-trainer --version: ${version}`);
  const sim = run(['sim', script, '--json']).trim().split('\n');
  const last = JSON.parse(sim.at(-1));
  if (last.client !== 'CLOSED' || last.server !== 'CLOSED') throw new Error(`sim ended in ${last.client}/${last.server}`);
  console.log(`tcp-trainer sim close.tcp: ${sim.length} steps, both hosts CLOSED at the end`);
  const validate = run(['validate']);
  if (!validate.includes('no problems')) throw new Error(`validate said: ${validate}`);
  console.log(`tcp-trainer validate: ${validate.trim().split('\n').at(-1)}`);

  const first = npxFirstRun(tarball);
  if (first.out !== expected) throw new Error(`npx printed '${first.out}'`);
  console.log(`npx --package ${tarball} tcp-trainer --version (cold cache): ${first.ms.toFixed(0)} ms`);
  return { bytes };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    check();
  } catch (e) {
    console.error(`check-package: ${e.message.split('\n')[0]}`);
    process.exit(1);
  }
}
