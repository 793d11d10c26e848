import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: {
    // Tests run against core's source so they never need a prior build of core.
    alias: { '@growthhub/core': fileURLToPath(new URL('../core/src/index.ts', import.meta.url)) },
  },
  test: {
    name: 'agents',
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
  },
});
