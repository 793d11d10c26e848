import { resolve } from 'node:path';
import { defineConfig, type Options } from 'tsup';

type EsbuildPlugin = NonNullable<Options['esbuildPlugins']>[number];

/**
 * `vitest` (an optional peer, imported by the conformance suites in `testing`) stays external in the
 * ESM build and is replaced by a stub in the CommonJS build: vitest's CommonJS entry throws on
 * `require`, and `require('@growthhub/core/testing')` must still load the emulator kit.
 */
const vitestOnlyInEsm: EsbuildPlugin = {
  name: 'vitest-only-in-esm',
  setup(build) {
    // With code splitting tsup builds CommonJS as ESM and converts it, so ask its TSUP_FORMAT define.
    const commonJs = build.initialOptions.define?.TSUP_FORMAT === JSON.stringify('cjs');
    build.onResolve({ filter: /^vitest$/ }, () =>
      commonJs ? { path: resolve('src/testing/vitest-cjs-stub.ts') } : { path: 'vitest', external: true },
    );
  },
};

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    testing: 'src/testing/index.ts',
    'testing-kit': 'src/testing/kit.ts',
    redis: 'src/store/redis/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  target: 'node20',
  clean: true,
  sourcemap: true,
  splitting: true,
  // Leave `vitest` to the plugin above instead of tsup's automatic peer-dependency externals.
  noExternal: ['vitest'],
  esbuildPlugins: [vitestOnlyInEsm],
});
