// The built-in course, compiled from content/ at build time (scripts/build.mjs)
// so that start-up never parses YAML. Tests alias it to a live compile.
declare module 'virtual:builtin-pack' {
  import type { CompiledPack } from './validate.js';
  const pack: CompiledPack;
  export default pack;
}
