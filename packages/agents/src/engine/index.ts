/**
 * The composition root: `createGrowthEngine` and what it builds for platforms.
 * @module
 */
export { createGrowthEngine, type GrowthEngine, type GrowthEngineOptions } from './create-growth-engine';
export { createPlatformRuntime, type PlatformRuntimeOptions } from './platform-runtime';
