import { ConfigError } from '../errors/index';

/**
 * Stands in for `vitest` in the CommonJS build of `@growthhub/core/testing`. vitest loads only as
 * ESM (its CommonJS entry throws on `require`), and vitest test files always import the ESM build, so
 * CommonJS consumers are hosts using the emulator kit outside tests (an example app's sandbox). They
 * can load this subpath; only calling a conformance suite from CommonJS fails, with this message.
 */
const unavailable: () => never = new Proxy(() => undefined as never, {
  apply() {
    throw new ConfigError({
      setting: '@growthhub/core/testing (CommonJS build)',
      reason: 'the conformance suites run only under vitest, which loads as ESM',
      fix: 'call runPlatformConformance / runStoreConformance from a vitest test file (it imports the ESM build)',
    });
  },
  get: () => unavailable,
});

/** Throws {@link ConfigError}: `describe` from vitest is unavailable in CommonJS. */
export const describe = unavailable;
/** Throws {@link ConfigError}: `suite` from vitest is unavailable in CommonJS. */
export const suite = unavailable;
/** Throws {@link ConfigError}: `it` from vitest is unavailable in CommonJS. */
export const it = unavailable;
/** Throws {@link ConfigError}: `test` from vitest is unavailable in CommonJS. */
export const test = unavailable;
/** Throws {@link ConfigError}: `expect` from vitest is unavailable in CommonJS. */
export const expect = unavailable;
/** Throws {@link ConfigError}: `assert` from vitest is unavailable in CommonJS. */
export const assert = unavailable;
/** Throws {@link ConfigError}: `beforeAll` from vitest is unavailable in CommonJS. */
export const beforeAll = unavailable;
/** Throws {@link ConfigError}: `afterAll` from vitest is unavailable in CommonJS. */
export const afterAll = unavailable;
/** Throws {@link ConfigError}: `beforeEach` from vitest is unavailable in CommonJS. */
export const beforeEach = unavailable;
/** Throws {@link ConfigError}: `afterEach` from vitest is unavailable in CommonJS. */
export const afterEach = unavailable;
/** Throws {@link ConfigError}: `vi` from vitest is unavailable in CommonJS. */
export const vi = unavailable;
