import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: { 'virtual:builtin-pack': fileURLToPath(new URL('test/support/builtin-pack.ts', import.meta.url)) },
  },
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 20000,
    globalSetup: ['test/support/sandbox-home.ts'],
  },
});
