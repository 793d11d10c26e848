/**
 * The Growth Hub data model: zod schemas with inferred types, plus exact money math.
 * @module
 */
export * from './ad-campaign';
export * from './ad-creative';
export * from './connection';
export * from './content-calendar';
export * from './currency';
export * from './identifier';
export * from './media';
export * from './metrics';
export * from './money';
export * from './optimization-log';
export * from './platform';
export * from './post-content-hash';
export * from './publish-attempt';
export * from './social-post';
export * from './store-profile';
export * from './targeting';
export * from './time';
