/**
 * The host's catalog as the agents read it: stores, products and media.
 * @module
 */
export { type InMemoryCatalogData, InMemoryCatalogDataSchema, inMemoryCatalog } from './in-memory-catalog';
export {
  type CatalogMedia,
  CatalogMediaSchema,
  type CatalogProduct,
  CatalogProductSchema,
  type MaybePromise,
  type StoreCatalog,
} from './store-catalog';
