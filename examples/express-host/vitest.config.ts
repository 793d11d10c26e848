import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

// Tests run against the workspace packages' sources, so they need no build of the packages first.
const source = (path: string) => fileURLToPath(new URL(`../../packages/${path}`, import.meta.url));

export default defineProject({
  resolve: {
    alias: [
      { find: /^@growthhub\/core\/testing\/kit$/, replacement: source('core/src/testing/kit.ts') },
      { find: /^@growthhub\/core\/testing$/, replacement: source('core/src/testing/index.ts') },
      { find: /^@growthhub\/core$/, replacement: source('core/src/index.ts') },
      { find: /^@growthhub\/agents$/, replacement: source('agents/src/index.ts') },
      { find: /^@growthhub\/platform-x\/testing$/, replacement: source('platform-x/src/testing/index.ts') },
      { find: /^@growthhub\/platform-x$/, replacement: source('platform-x/src/index.ts') },
    ],
  },
  test: {
    name: 'express-host',
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
