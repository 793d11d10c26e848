import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineProject({
  resolve: {
    // Tests run against the workspace packages' sources so they never need a prior build.
    alias: [
      { find: /^@growthhub\/core\/testing$/, replacement: source('../core/src/testing/index.ts') },
      { find: /^@growthhub\/core\/testing\/kit$/, replacement: source('../core/src/testing/kit.ts') },
      { find: /^@growthhub\/core$/, replacement: source('../core/src/index.ts') },
      {
        find: /^@growthhub\/platform-x\/testing$/,
        replacement: source('../platform-x/src/testing/index.ts'),
      },
      { find: /^@growthhub\/platform-x$/, replacement: source('../platform-x/src/index.ts') },
    ],
  },
  test: {
    name: 'agents',
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
  },
});
