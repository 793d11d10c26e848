/**
 * `@growthhub/core/testing`: test doubles and conformance suites for Growth Hub packages.
 *
 * - the emulator kit ({@link createEmulator}): local HTTP stand-ins for platform APIs that answer in
 *   each platform's wire format, with auth checks, rate limits, scripted faults and a request log;
 * - `runPlatformConformance`: the suite every platform adapter and its emulator must pass;
 * - `scriptedLanguageModel`: a fake `LanguageModel` answering from a script.
 *
 * Production code never imports this subpath.
 *
 * @packageDocumentation
 */
export * from './emulator/index';
