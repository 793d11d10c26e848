export { createSeededRandom, logGamma, type SeededRandom } from './seeded-random';
