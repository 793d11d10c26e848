import type { StoreProfile } from '@growthhub/core';
import { IdSchema, MediaRefSchema, MoneySchema } from '@growthhub/core';
import { z } from 'zod';

/** A product in the host's catalog, as the agents read it. */
export const CatalogProductSchema = z.strictObject({
  id: IdSchema,
  /** The store (tenant) that sells it. */
  storeId: IdSchema,
  title: z.string().min(1).max(300),
  description: z.string().max(5000).default(''),
  /** Current price, when the host shares it. */
  price: MoneySchema.optional(),
  /** The product page. */
  url: z.url({ protocol: /^https?$/ }).optional(),
  /** Free-form tags (materials, collections, occasions); feed hashtags and themes. */
  tags: z.array(z.string().min(1).max(60)).max(30).default([]),
});

/** A product in the host's catalog; see {@link CatalogProductSchema}. */
export type CatalogProduct = z.infer<typeof CatalogProductSchema>;

/** A media asset in the host's catalog: a {@link MediaRefSchema} with its id, store and products. */
export const CatalogMediaSchema = MediaRefSchema.extend({
  id: IdSchema,
  storeId: IdSchema,
  /** Products it shows; empty for brand assets (team, workshop, lifestyle shots). */
  productIds: z.array(IdSchema).default([]),
});

/** A media asset in the host's catalog; see {@link CatalogMediaSchema}. */
export type CatalogMedia = z.infer<typeof CatalogMediaSchema>;

/** A value or a promise of it: catalogs may answer from memory or from the host's database. */
export type MaybePromise<T> = T | Promise<T>;

/**
 * The host's stores, products and media, as the engine reads them. The host implements it over its
 * own database (or uses {@link inMemoryCatalog}); the engine never writes to it.
 */
export interface StoreCatalog {
  /** The store's profile (niche, brand voice, time zone, locale), or `undefined` when unknown. */
  getStore(storeId: string): MaybePromise<StoreProfile | undefined>;
  /** The store's products, in the host's preferred order (best sellers first, say). */
  listProducts(storeId: string): MaybePromise<readonly CatalogProduct[]>;
  /** The store's media assets: product shots (with `productIds`) and brand assets (without). */
  listMedia(storeId: string): MaybePromise<readonly CatalogMedia[]>;
}
