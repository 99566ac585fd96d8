// `npm run bench`: runs every benchmark in BENCHES, prints one table and
// writes bench/results.json. To add a figure (start-up time, UI render, ...),
// add an entry to BENCHES.
//
// Usage: node bench/run.mjs [FILTER]   (only the entries whose name contains
// FILTER; results.json is then left alone). For a CPU profile:
//   node --cpu-prof --cpu-prof-dir=/tmp/prof bench/run.mjs deliveries
import { build } from 'esbuild';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Bundles a TypeScript bench module (tsx is not installed) to a temporary .mjs and imports it; cached per file. */
const modules = new Map();
function loadTs(file) {
  if (!modules.has(file)) {
    modules.set(
      file,
      (async () => {
        const dir = await mkdtemp(join(tmpdir(), 'tcp-trainer-bench-'));
        const outfile = join(dir, 'bench.mjs');
        try {
          await build({
            absWorkingDir: root,
            entryPoints: [file],
            outfile,
            bundle: true,
            platform: 'node',
            format: 'esm',
            target: 'node20',
            sourcemap: 'inline', // readable --cpu-prof profiles
            logLevel: 'warning',
            jsx: 'automatic',
            banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
          });
          return await import(pathToFileURL(outfile).href);
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      })(),
    );
  }
  return modules.get(file);
}

/**
 * A benchmark: `measure(ctx)` returns one sample in `unit`; it runs `runs` times and the median is
 * compared with `target` ({ op: '>=' | '<=' | '<' | '>', value }). `setup()` runs once, untimed, and
 * its result is passed to every `measure`. `detail(ctx, samples)` may add a line of context.
 */
const startup = () => import('./startup.mjs');
const packaging = () => import('../scripts/check-package.mjs');

const BENCHES = [
  {
    name: 'start-up: bare `node -e 0` in a pty (the yardstick)',
    unit: 'ms',
    target: { op: '<=', value: 1000 },
    runs: 9,
    measure: async () => (await startup()).nodeBaseline(),
  },
  {
    name: 'start-up: unbundled Ink hello-world, first frame (what a naive Ink app costs)',
    unit: 'ms',
    target: { op: '<=', value: 2000 },
    runs: 9,
    measure: async () => (await startup()).inkHelloFirstFrame(),
  },
  {
    name: 'start-up: tcp-trainer first frame (bundled, production React)',
    unit: 'ms',
    target: { op: '<=', value: 150 },
    runs: 9,
    measure: async () => (await startup()).appFirstFrame(),
  },
  {
    name: 'start-up: tcp-trainer first frame, cold (the first run, before the code cache exists)',
    unit: 'ms',
    target: { op: '<=', value: 1000 },
    runs: 5,
    measure: async () => (await startup()).appFirstFrameCold(),
  },
  {
    name: 'start-up: tcp-trainer first frame / node -e 0 (same run)',
    unit: 'x',
    target: { op: '<=', value: 2.5 },
    runs: 9,
    measure: async () => {
      const s = await startup();
      return s.appFirstFrame() / s.nodeBaseline();
    },
  },
  {
    name: 'package: packed size of the npm tarball',
    unit: 'KB',
    target: { op: '<=', value: 400 },
    runs: 1,
    measure: async () => (await packaging()).pack().bytes / 1024,
  },
  {
    name: 'package: cold npx install and first run from the tarball (empty npm cache)',
    unit: 'ms',
    target: { op: '<=', value: 5000 },
    runs: 3,
    setup: async () => (await packaging()).pack().tarball,
    measure: async (tarball) => (await packaging()).npxFirstRun(tarball).ms,
  },
  {
    name: 'ui: keypress to next frame in Practice, through a pty (median of 40 presses)',
    unit: 'ms',
    target: { op: '<=', value: 16 },
    runs: 5,
    measure: async () => median((await startup()).practiceKeypressLatencies(40)),
  },
  {
    name: 'memory: peak RSS of the app (Home, Learn, a lesson, Practice)',
    unit: 'MB',
    target: { op: '<=', value: 80 },
    runs: 3,
    // Learn, the first lesson, two pages, back to Home (now led by "Continue"), Practice, answer 1.
    measure: async () => (await startup()).peakMemoryMb([], 'Learn', ['\r', '\r', '\u001b[6~', '\u001b[6~', 'q', 'q', '\u001b[B', '\u001b[B', '\r', '1', '\r']),
  },
  {
    name: 'memory: peak RSS of a 100-question exam (every question shown, submitted, report paged)',
    unit: 'MB',
    target: { op: '<=', value: 80 },
    runs: 3,
    measure: async () =>
      (await startup()).peakMemoryMb(
        ['exam', '--count', '100', '--seed', '7'],
        'answered',
        [...Array(100).fill('\t'), '\u0013', 'y', ...Array(10).fill('\u001b[6~')],
        { gap: 0.05, hold: 0.5 },
      ),
  },
  {
    name: 'core: segment deliveries per second (complete connections, >= 1 s per run)',
    unit: 'deliveries/s',
    target: { op: '>=', value: 500_000 },
    runs: 5,
    setup: async () => {
      const core = await loadTs('bench/core.ts');
      core.connectionLoop(300); // warm-up, not counted
      return core;
    },
    measure: (core) => core.connectionLoop(1000).perSecond,
  },
  {
    name: 'scenario: 10,000 random 50-step scripts parsed and run, expects checked',
    unit: 's',
    target: { op: '<', value: 10 },
    runs: 3,
    setup: async () => {
      const core = await loadTs('bench/core.ts');
      const t0 = performance.now();
      const scenarios = core.makeScenarios(10_000, 50, 9293);
      const prepMs = performance.now() - t0;
      return { core, scenarios, prepMs };
    },
    measure: ({ core, scenarios }) => core.runScenarios(scenarios).ms / 1000,
    detail: ({ scenarios, prepMs }) =>
      `${scenarios.texts.length} scripts: ${scenarios.commands} commands + ${scenarios.expects} expect lines (generated in ${(prepMs / 1000).toFixed(1)} s, untimed; ${scenarios.redrawn} drawn again after a deliver all that did not settle)`,
  },
];

const CMP = {
  '>=': (a, b) => a >= b,
  '>': (a, b) => a > b,
  '<=': (a, b) => a <= b,
  '<': (a, b) => a < b,
};

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function fmt(n, unit) {
  if (unit === 's' || unit === 'ms' || unit === 'x' || unit === 'MB' || unit === 'KB') return n.toFixed(unit === 's' || unit === 'x' ? 2 : 1);
  return Math.round(n).toLocaleString('en-US');
}

const filter = process.argv[2];
const selected = BENCHES.filter((b) => !filter || b.name.includes(filter));
if (selected.length === 0) {
  console.error(`no benchmark matches '${filter}'`);
  process.exit(2);
}

const results = [];
for (const b of selected) {
  process.stderr.write(`${b.name}: `);
  const ctx = b.setup ? await b.setup() : undefined;
  const samples = [];
  for (let i = 0; i < b.runs; i++) {
    samples.push(await b.measure(ctx));
    process.stderr.write(`${fmt(samples[i], b.unit)} `);
  }
  process.stderr.write('\n');
  if (b.detail) process.stderr.write(`  ${b.detail(ctx, samples)}\n`);
  const m = median(samples);
  results.push({
    name: b.name,
    median: m,
    unit: b.unit,
    target: b.target,
    pass: CMP[b.target.op](m, b.target.value),
    samples,
  });
}

const rows = [
  ['figure', 'median', 'target', 'result'],
  ...results.map((r) => [r.name, `${fmt(r.median, r.unit)} ${r.unit}`, `${r.target.op} ${fmt(r.target.value, r.unit)} ${r.unit}`, r.pass ? 'pass' : 'FAIL']),
];
const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
const line = (row) => row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(line(rows[0]));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of rows.slice(1)) console.log(line(row));

if (!filter) {
  const out = { node: process.version, date: new Date().toISOString(), results };
  await writeFile(join(root, 'bench', 'results.json'), JSON.stringify(out, null, 2) + '\n');
  console.log('\nwritten: bench/results.json');
}
if (results.some((r) => !r.pass)) process.exitCode = 1;
