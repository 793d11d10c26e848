import type { InMemoryCatalogData } from '../../../src/catalog/index';

/** The sample store of the Social Agent tests and benchmarks (`bench/social`): a small ceramics studio. */
export const KILN_STORE_ID = 'store-kiln';

/**
 * A realistic catalog: four products with descriptions, prices and links, product photos, one
 * product video (unless `withVideo` is false) and two brand photos. Media live under `mediaBaseUrl`.
 */
export function kilnCatalogData(
  options: { mediaBaseUrl?: string; withVideo?: boolean } = {},
): InMemoryCatalogData {
  const base = options.mediaBaseUrl ?? 'https://cdn.kiln.example';
  const image = (id: string, productIds: string[], extra: Partial<{ bytes: number }> = {}) => ({
    id,
    storeId: KILN_STORE_ID,
    productIds,
    kind: 'image' as const,
    url: `${base}/media/${id}.png`,
    mimeType: 'image/png',
    bytes: extra.bytes ?? 2048,
    altText: `Photo ${id}`,
  });
  return {
    stores: [
      {
        id: KILN_STORE_ID,
        name: 'Kiln & Co',
        niche: 'handmade ceramic homeware',
        audience: 'Home cooks and people who love slow, handmade things',
        brandVoice: {
          tone: ['warm', 'crafted', 'playful'],
          description: 'We talk like the potters we are: plain words, real materials, a little humour.',
          dos: ['Mention that every piece is made by hand'],
          donts: ['Never say "cheap"'],
          emoji: 'sparing',
        },
        timeZone: 'Europe/Paris',
        locale: 'en-GB',
        currency: 'EUR',
        websiteUrl: 'https://kiln.example',
      },
    ],
    products: [
      {
        id: 'mug',
        storeId: KILN_STORE_ID,
        title: 'Speckled Stoneware Mug',
        description:
          'Wheel-thrown in our Lyon studio from speckled stoneware, glazed in a soft oat white. Holds 350 ml.',
        price: { amountMinor: 2800, currency: 'EUR' },
        url: 'https://kiln.example/products/speckled-mug',
        tags: ['stoneware', 'coffee'],
      },
      {
        id: 'bowl',
        storeId: KILN_STORE_ID,
        title: 'Ramen Bowl in Midnight Glaze',
        description:
          'A deep bowl for noodles and broths, finished in a glossy midnight blue glaze. Dishwasher safe.',
        price: { amountMinor: 4200, currency: 'EUR' },
        url: 'https://kiln.example/products/ramen-bowl',
        tags: ['tableware'],
      },
      {
        id: 'vase',
        storeId: KILN_STORE_ID,
        title: 'Bud Vase Trio',
        description: 'Three small vases in sage, sand and clay, made for single stems and dried flowers.',
        price: { amountMinor: 3600, currency: 'EUR' },
        url: 'https://kiln.example/products/bud-vases',
        tags: ['flowers', 'decor'],
      },
      {
        id: 'plate',
        storeId: KILN_STORE_ID,
        title: 'Everyday Dinner Plate',
        description: 'A sturdy 27 cm plate with a raw clay rim that makes every meal look considered.',
        price: { amountMinor: 3200, currency: 'EUR' },
        url: 'https://kiln.example/products/dinner-plate',
        tags: ['tableware'],
      },
    ],
    media: [
      image('mug-1', ['mug']),
      image('mug-2', ['mug']),
      image('bowl-1', ['bowl']),
      image('bowl-2', ['bowl']),
      image('vase-1', ['vase']),
      image('plate-1', ['plate']),
      image('studio', []),
      image('team', []),
      ...(options.withVideo === false
        ? []
        : [
            {
              id: 'mug-video',
              storeId: KILN_STORE_ID,
              productIds: ['mug'],
              kind: 'video' as const,
              url: `${base}/media/mug-video.mp4`,
              mimeType: 'video/mp4',
              bytes: 4_000_000,
              durationMs: 20_000,
            },
          ]),
    ],
  };
}
