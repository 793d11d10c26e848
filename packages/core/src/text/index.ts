/**
 * Text rules: X weighted length, hashtag normalisation and per-channel caption limits as data.
 * @module
 */
export * from './caption-limits';
export * from './hashtags';
export * from './x-weighted-length';
