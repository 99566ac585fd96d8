// Builds what ships: dist/tcp-trainer.js, the program bundled into one file, and
// dist/course.json.br, the built-in course compiled from content/ and checked first (a build
// with broken content fails).
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { createRequire, isBuiltin } from 'node:module';
import vm from 'node:vm';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';

const root = new URL('..', import.meta.url);
const rootDir = fileURLToPath(root);
const pkg = JSON.parse(await readFile(new URL('package.json', root), 'utf8'));
const dist = new URL('dist/', root);
await mkdir(dist, { recursive: true });

const common = {
  absWorkingDir: rootDir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  // Bundled CommonJS dependencies (signal-exit, ...) call require().
  banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
};

// 1. Compile the built-in course with the project's own loader and validator.
// In a directory of its own, so that two builds at once do not trip over each other.
const scratch = await mkdtemp(join(tmpdir(), 'tcp-trainer-build-'));
const compiler = join(scratch, 'compile-content.mjs');
await build({ ...common, entryPoints: ['src/content/compile.ts'], outfile: compiler });
const { compilePack } = await import(pathToFileURL(compiler).href);
const { pack, problems } = compilePack(fileURLToPath(new URL('content', root)));
await rm(scratch, { recursive: true, force: true });
if (problems.length > 0 || !pack) {
  for (const p of problems) console.error(`${p.file}: ${p.path ? `${p.path}: ` : ''}${p.message}`);
  console.error(`build: the built-in content has ${problems.length} problem(s)`);
  process.exit(1);
}
// The course ships beside the program, brotli-compressed: 870 KB of JSON is 200 KB this way, against
// 270 KB gzipped inside the tarball, and V8 no longer scans a megabyte string literal at every start.
const courseFile = fileURLToPath(new URL('course.json.br', dist));
const json = Buffer.from(JSON.stringify(pack));
const course = brotliCompressSync(json, {
  params: {
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
    [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
    [constants.BROTLI_PARAM_SIZE_HINT]: json.length,
  },
});
await writeFile(`${courseFile}.${process.pid}`, course);
await rename(`${courseFile}.${process.pid}`, courseFile);

// Node modules that conf, the lock and the live lab import but the first frame never uses: loaded
// on first use instead (crypto 4.5 ms, child_process 4.2 ms, readline 1 ms at every start).
const LAZY_BUILTINS = new Set(['node:crypto', 'node:child_process', 'node:readline']);
const nodeRequire = createRequire(import.meta.url);

// 2. The program. bin/tcp-trainer.js compiles it with a V8 code cache (vm.Script), which Node 20
// offers only for scripts, not ES modules: so the bundle is the body of an async function
// (top-level await stays legal) that gets `require` and the bundle's URL as arguments.
const program = await build({
  ...common,
  banner: {},
  write: false,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/tcp-trainer.js',
  minify: true,
  jsx: 'automatic',
  define: {
    'process.env.NODE_ENV': '"production"',
    __VERSION__: JSON.stringify(pkg.version),
    'import.meta.url': '__bundleUrl',
  },
  // Stand-ins for code the program never runs, to keep the package small (measured with esbuild's
  // metafile): React DevTools (Ink loads them only with DEV=true) and conf's JSON-schema validator
  // (the progress file is validated with zod instead).
  alias: {
    'react-devtools-core': './scripts/stubs/react-devtools-core.js',
    ws: './scripts/stubs/ws.js',
    'ajv/dist/2020.js': './scripts/stubs/ajv.js',
    'ajv-formats': './scripts/stubs/ajv-formats.js',
    semver: './scripts/stubs/semver.js',
  },
  plugins: [
    {
      // Node's own modules become CommonJS modules of the bundle that require() them, so that no
      // import statement or import() is left in the output.
      name: 'node-builtins',
      setup(b) {
        b.onResolve({ filter: /^[a-z:_/]+$/ }, (args) => {
          if (!isBuiltin(args.path)) return undefined;
          const name = args.path.startsWith('node:') ? args.path : `node:${args.path}`;
          if (args.namespace === 'node-builtin') return { path: name, external: true };
          return { path: name, namespace: 'node-builtin' };
        });
        b.onLoad({ filter: /.*/, namespace: 'node-builtin' }, (args) => ({
          contents: LAZY_BUILTINS.has(args.path)
            ? [
                `let m;\nconst load = () => (m ??= require(${JSON.stringify(args.path)}));`,
                `for (const k of ${JSON.stringify(Object.keys(nodeRequire(args.path)))}) Object.defineProperty(module.exports, k, { enumerable: true, get: () => load()[k] });`,
              ].join('\n')
            : `module.exports = require(${JSON.stringify(args.path)});`,
          loader: 'js',
        }));
      },
    },
    {
      // Every string-width import, Ink's and wrap-ansi's included, goes through the fast path of
      // src/text/string-width-fast.ts (which itself falls back to the real string-width).
      name: 'string-width-fast',
      setup(b) {
        const fast = fileURLToPath(new URL('src/text/string-width-fast.ts', root));
        b.onResolve({ filter: /^string-width$/ }, (args) => (args.importer === fast ? undefined : { path: fast }));
      },
    },
    {
      name: 'builtin-pack',
      setup(b) {
        b.onResolve({ filter: /^virtual:builtin-pack$/ }, () => ({ path: 'builtin-pack', namespace: 'builtin-pack' }));
        b.onLoad({ filter: /.*/, namespace: 'builtin-pack' }, () => ({
          contents: [
            "import { readFileSync } from 'node:fs';",
            "import { brotliDecompressSync } from 'node:zlib';",
            "export default JSON.parse(brotliDecompressSync(readFileSync(new URL('./course.json.br', import.meta.url))).toString('utf8'));",
          ].join('\n'),
          loader: 'js',
        }));
      },
    },
  ],
});

// A handful of non-ASCII characters survive esbuild's ASCII output inside regular expressions;
// one of them makes V8 hold the whole source as two-byte text. Escape them all.
const body = program.outputFiles[0].text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const fn = `(async function (require, __bundleUrl) {"use strict";${body}\n})`;
// The hash names the code cache of this build (bin/tcp-trainer.js).
const wrapped = `/*build ${createHash('sha256').update(fn).digest('hex').slice(0, 16)}*/${fn}`;
// Fails the build if anything module-only (import, export, import.meta) is left.
new vm.Script(wrapped, { filename: 'dist/tcp-trainer.js' });
const bundlePath = fileURLToPath(new URL('tcp-trainer.js', dist));
await writeFile(`${bundlePath}.${process.pid}`, wrapped);
await rename(`${bundlePath}.${process.pid}`, bundlePath);
