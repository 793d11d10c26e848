import type { InMemoryCatalogData } from '@growthhub/agents';
import type { ProductImageSpec } from './product-images';

/** A demo product photo: where the catalog says it lives, and how the sandbox draws it. */
export interface DemoImage extends ProductImageSpec {
  readonly id: string;
  readonly storeId: string;
  readonly productId: string;
  readonly altText: string;
}

/** The two demo stores' product photos, served by the app at `/media/<id>.png`. */
export const DEMO_IMAGES: readonly DemoImage[] = [
  image('kiln', 'mug', 'mug', '#efe6da', '#d9cfc1', 'An oat-white speckled stoneware mug on linen'),
  image('kiln', 'bowl', 'bowl', '#dfe6ee', '#1f2f5c', 'A deep ramen bowl in midnight-blue glaze'),
  image('kiln', 'vase', 'vase', '#e8eee4', '#8fa58a', 'A sage-green bud vase'),
  image('kiln', 'plate', 'plate', '#f1ece4', '#b9a58e', 'A dinner plate with a raw clay rim'),
  image('harbour', 'house-blend', 'bag', '#f3eadf', '#7a4a2c', 'A bag of House Blend coffee beans'),
  image('harbour', 'ethiopia', 'bag', '#eef0e6', '#c8873f', 'A bag of Ethiopia Guji single-origin beans'),
  image('harbour', 'espresso-cup', 'cup', '#e6eef0', '#f7f4ef', 'A white espresso cup on its saucer'),
];

/**
 * The demo catalog: two small stores in different time zones, so the dashboard shows tenants side
 * by side and schedules land at each store's local best times. A real host implements `StoreCatalog`
 * over its own database instead. Media are included only when `mediaBaseUrl` is given (the sandbox
 * serves them itself; live platforms can only fetch media from public URLs).
 */
export function demoCatalog(mediaBaseUrl?: string): InMemoryCatalogData {
  return {
    stores: [
      {
        id: 'kiln',
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
      {
        id: 'harbour',
        name: 'Harbour Coffee Roasters',
        niche: 'small-batch specialty coffee',
        audience: 'Home baristas and morning people',
        brandVoice: {
          tone: ['friendly', 'knowledgeable', 'upbeat'],
          dos: ['Say where the beans come from'],
          emoji: 'liberal',
        },
        timeZone: 'America/New_York',
        locale: 'en-US',
        currency: 'USD',
        websiteUrl: 'https://harbour.example',
      },
    ],
    products: [
      product('kiln', 'mug', 'Speckled Stoneware Mug', 2800, 'EUR', [
        'Wheel-thrown in our Lyon studio from speckled stoneware, glazed in a soft oat white. Holds 350 ml.',
        ['stoneware', 'coffee'],
      ]),
      product('kiln', 'bowl', 'Ramen Bowl in Midnight Glaze', 4200, 'EUR', [
        'A deep bowl for noodles and broths, finished in a glossy midnight blue glaze. Dishwasher safe.',
        ['tableware'],
      ]),
      product('kiln', 'vase', 'Bud Vase Trio', 3600, 'EUR', [
        'Three small vases in sage, sand and clay, made for single stems and dried flowers.',
        ['flowers', 'decor'],
      ]),
      product('kiln', 'plate', 'Everyday Dinner Plate', 3200, 'EUR', [
        'A sturdy 27 cm plate with a raw clay rim that makes every meal look considered.',
        ['tableware'],
      ]),
      product('harbour', 'house-blend', 'House Blend, 340 g', 1600, 'USD', [
        'Chocolate, hazelnut and a little brown sugar: our everyday espresso and filter blend, roasted weekly.',
        ['espresso', 'blend'],
      ]),
      product('harbour', 'ethiopia', 'Ethiopia Guji Natural, 250 g', 1900, 'USD', [
        'A natural-process single origin from Guji with notes of blueberry, jasmine and cacao nib.',
        ['singleorigin', 'filter'],
      ]),
      product('harbour', 'espresso-cup', 'Harbour Espresso Cup', 1400, 'USD', [
        'A thick-walled 90 ml porcelain cup that keeps a double shot hot to the last sip.',
        ['espresso'],
      ]),
    ],
    media:
      mediaBaseUrl === undefined
        ? []
        : DEMO_IMAGES.map((demo) => ({
            id: demo.id,
            storeId: demo.storeId,
            productIds: [demo.productId],
            kind: 'image' as const,
            url: `${mediaBaseUrl}/media/${demo.id}.png`,
            mimeType: 'image/png',
            width: 480,
            height: 480,
            altText: demo.altText,
          })),
  };
}

function image(
  storeId: string,
  productId: string,
  shape: DemoImage['shape'],
  background: string,
  colour: string,
  altText: string,
): DemoImage {
  return { id: `${storeId}-${productId}`, storeId, productId, shape, background, colour, altText };
}

function product(
  storeId: string,
  id: string,
  title: string,
  amountMinor: number,
  currency: string,
  [description, tags]: [string, string[]],
) {
  const site = storeId === 'kiln' ? 'https://kiln.example' : 'https://harbour.example';
  return {
    id,
    storeId,
    title,
    description,
    price: { amountMinor, currency },
    url: `${site}/products/${id}`,
    tags,
  };
}
