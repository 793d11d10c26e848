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
 * Production code never imports this subpath; `vitest` is an optional peer dependency needed only
 * by the conformance suites.
 *
 * @packageDocumentation
 */
export * from './emulator/index';
export * from './platform-conformance/index';
export type {
  LanguageModelScript,
  ScriptedAnswer,
  ScriptedLanguageModel,
  ScriptedLanguageModelOptions,
  ScriptedModelCall,
} from './scripted-language-model';
export { scriptedLanguageModel } from './scripted-language-model';
export type { StoreConformanceOptions } from './store-conformance';
export { runStoreConformance } from './store-conformance';
export type { TestAdapterContextOptions } from './test-adapter-context';
export { createTestAdapterContext } from './test-adapter-context';
