/**
 * `@growthhub/agents`: the decision engines that sit on top of `@growthhub/core`.
 *
 * @packageDocumentation
 */
export * from './ads/index';
