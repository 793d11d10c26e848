/**
 * Typed engine events (`GrowthEvents`) and the event bus.
 * @module
 */
export * from './event-bus';
export * from './growth-events';
