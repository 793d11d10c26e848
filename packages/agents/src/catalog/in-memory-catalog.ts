import { type StoreProfile, StoreProfileSchema, ValidationError } from '@growthhub/core';
import { z } from 'zod';
import {
  type CatalogMedia,
  CatalogMediaSchema,
  type CatalogProduct,
  CatalogProductSchema,
  type StoreCatalog,
} from './store-catalog';

/** What {@link inMemoryCatalog} holds; store timestamps may be left out. */
export const InMemoryCatalogDataSchema = z.strictObject({
  stores: z.array(StoreProfileSchema.partial({ createdAt: true, updatedAt: true })).min(1),
  products: z.array(CatalogProductSchema).default([]),
  media: z.array(CatalogMediaSchema).default([]),
});

/** What {@link inMemoryCatalog} holds; see {@link InMemoryCatalogDataSchema}. */
export type InMemoryCatalogData = z.input<typeof InMemoryCatalogDataSchema>;

/**
 * A {@link StoreCatalog} over plain data, validated once: for demos, tests, scripts and hosts that
 * load their catalog at startup. A product or media item naming an unknown store fails here.
 *
 * @example
 * ```ts
 * const catalog = inMemoryCatalog({
 *   stores: [{ id: 'store-1', name: 'Kiln & Co', niche: 'handmade ceramics', timeZone: 'Europe/Paris',
 *     locale: 'en-GB', currency: 'EUR', brandVoice: { tone: ['warm', 'crafted'] } }],
 *   products: [{ id: 'mug', storeId: 'store-1', title: 'Speckled mug', description: 'Wheel-thrown stoneware.' }],
 *   media: [{ id: 'm1', storeId: 'store-1', productIds: ['mug'], kind: 'image', url: 'https://cdn.example/mug.jpg', mimeType: 'image/jpeg' }],
 * });
 * ```
 */
export function inMemoryCatalog(data: InMemoryCatalogData): StoreCatalog {
  const parsed = InMemoryCatalogDataSchema.safeParse(data);
  if (!parsed.success) throw ValidationError.fromZodError(parsed.error, { subject: 'catalog' });
  const now = new Date().toISOString();
  const stores = new Map<string, StoreProfile>(
    parsed.data.stores.map((store) => [
      store.id,
      { ...store, createdAt: store.createdAt ?? now, updatedAt: store.updatedAt ?? now },
    ]),
  );
  const products = groupByStore(parsed.data.products, stores, 'products');
  const media = groupByStore(parsed.data.media, stores, 'media');
  return {
    getStore: (storeId) => stores.get(storeId),
    listProducts: (storeId): readonly CatalogProduct[] => products.get(storeId) ?? [],
    listMedia: (storeId): readonly CatalogMedia[] => media.get(storeId) ?? [],
  };
}

function groupByStore<T extends { storeId: string }>(
  items: readonly T[],
  stores: ReadonlyMap<string, StoreProfile>,
  field: string,
): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  items.forEach((item, index) => {
    if (!stores.has(item.storeId)) {
      throw new ValidationError({
        field: `catalog.${field}.${index}.storeId`,
        reason: `names the unknown store "${item.storeId}"`,
        fix: 'add the store to `stores` or correct the id',
      });
    }
    grouped.set(item.storeId, [...(grouped.get(item.storeId) ?? []), item]);
  });
  return grouped;
}
