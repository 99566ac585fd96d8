// Tests import the built-in course straight from content/, compiled the same
// way the build does it.
import { fileURLToPath } from 'node:url';
import { compilePack } from '../../src/content/compile.js';

const { pack, problems } = compilePack(fileURLToPath(new URL('../../content', import.meta.url)));
if (!pack || problems.length > 0) {
  throw new Error(`content/ has problems:\n${problems.map((p) => `${p.file}: ${p.path}: ${p.message}`).join('\n')}`);
}
export default pack;
