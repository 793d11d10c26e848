/**
 * `@growthhub/agents`: the decision engines that sit on top of `@growthhub/core`.
 *
 * @packageDocumentation
 */
export * from './ads/index';
export * from './catalog/index';
export * from './engine/index';
export * from './jobs/index';
export * from './llm/index';
export * from './social/index';
