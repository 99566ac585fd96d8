// Bundles src/cli/main.ts into the single shipped file dist/tcp-trainer.js,
// with the built-in course compiled from content/ and checked first: a
// build with broken content fails.
import { build } from 'esbuild';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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
const packFile = fileURLToPath(new URL('builtin-pack.json', dist));
const tmpPack = `${packFile}.${process.pid}`;
await writeFile(tmpPack, JSON.stringify(pack));
await rename(tmpPack, packFile);

// 2. The program, with the compiled course inside.
await build({
  ...common,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/tcp-trainer.js',
  minify: true,
  jsx: 'automatic',
  define: {
    'process.env.NODE_ENV': '"production"',
    __VERSION__: JSON.stringify(pkg.version),
  },
  // Stand-ins for code the program never runs, to keep the package small (measured with esbuild's
  // metafile): React DevTools (Ink loads them only with DEV=true) and conf's JSON-schema validator
  // (the progress file is validated with zod instead).
  alias: {
    'react-devtools-core': './scripts/stubs/react-devtools-core.js',
    ws: './scripts/stubs/ws.js',
    'ajv/dist/2020.js': './scripts/stubs/ajv.js',
    'ajv-formats': './scripts/stubs/ajv-formats.js',
  },
  plugins: [
    {
      name: 'builtin-pack',
      setup(b) {
        // JSON.parse of one string literal is far quicker for V8 than an object literal of the same size.
        b.onResolve({ filter: /^virtual:builtin-pack$/ }, () => ({ path: 'builtin-pack', namespace: 'builtin-pack' }));
        b.onLoad({ filter: /.*/, namespace: 'builtin-pack' }, async () => ({
          contents: `export default JSON.parse(${JSON.stringify(await readFile(packFile, 'utf8'))});`,
          loader: 'js',
        }));
      },
    },
  ],
});

// A handful of non-ASCII characters survive esbuild's ASCII output inside regular expressions;
// one of them makes V8 hold the whole 2 MB source as two-byte text. Escape them all.
const bundlePath = fileURLToPath(new URL('tcp-trainer.js', dist));
const code = await readFile(bundlePath, 'utf8');
const ascii = code.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
if (ascii !== code) await writeFile(bundlePath, ascii);
