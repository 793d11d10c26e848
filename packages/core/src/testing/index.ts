/**
 * `@growthhub/core/testing`: test doubles and conformance suites for Growth Hub packages.
 *
 * - the emulator kit ({@link createEmulator}): local HTTP stand-ins for platform APIs that answer in
 *   each platform's wire format, with auth checks, rate limits, scripted faults and a request log;
 * - {@link runPlatformConformance}: the suite every platform adapter and its emulator must pass,
 *   with {@link createTestAdapterContext} to build the adapter context a harness hands out;
 * - {@link runStoreConformance}: the suite every `Store` implementation must pass;
 * - {@link scriptedLanguageModel}: a fake `LanguageModel` answering from a script.
 *
 * Production code never imports this subpath. Its ESM build imports `vitest` (an optional peer
 * dependency) for the conformance suites; code that must run without a test runner, such as a
 * platform emulator started by a host's sandbox mode, imports `@growthhub/core/testing/kit` instead.
 *
 * @packageDocumentation
 */
export * from './kit';
export * from './platform-conformance/index';
export type { StoreConformanceOptions } from './store-conformance';
export { runStoreConformance } from './store-conformance';
