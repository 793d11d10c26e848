import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

// Tests run against core's sources so they need no build of core first.
const coreSource = (path: string) => fileURLToPath(new URL(`../core/src/${path}`, import.meta.url));

export default defineProject({
  resolve: {
    alias: [
      { find: /^@growthhub\/core\/testing$/, replacement: coreSource('testing/index.ts') },
      { find: /^@growthhub\/core\/testing\/kit$/, replacement: coreSource('testing/kit.ts') },
      { find: /^@growthhub\/core$/, replacement: coreSource('index.ts') },
    ],
  },
  test: {
    name: 'platform-x',
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
  },
});
