// Replaced at build time by scripts/build.mjs (esbuild `define`) with the
// version from package.json. The typeof guard keeps unbundled runs (tests
// that import src/ directly) from throwing a ReferenceError.
declare const __VERSION__: string;

export const VERSION: string = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';
