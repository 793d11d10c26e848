/**
 * `@growthhub/core/testing/kit`: the part of `@growthhub/core/testing` that needs no test runner.
 *
 * Platform emulators are built on it and run outside tests too (a host's sandbox mode), so it must
 * load without `vitest`: the emulator kit ({@link createEmulator}), {@link createTestAdapterContext}
 * and the scripted fake language model. `@growthhub/core/testing` re-exports all of it beside the
 * vitest-based conformance suites.
 *
 * @packageDocumentation
 */
export * from './emulator/index';
export type {
  LanguageModelScript,
  ScriptedAnswer,
  ScriptedLanguageModel,
  ScriptedLanguageModelOptions,
  ScriptedModelCall,
} from './scripted-language-model';
export { scriptedLanguageModel } from './scripted-language-model';
export type { TestAdapterContextOptions } from './test-adapter-context';
export { createTestAdapterContext } from './test-adapter-context';
