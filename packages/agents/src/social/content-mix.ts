import type { CatalogMedia, CatalogProduct } from '../catalog/index';
import { addDays, weekdayOf } from './zoned-time';

/** The shape of a content idea before it is fitted to each channel's post kinds. */
export type PostFormat = 'video' | 'carousel' | 'image' | 'text';

/** The format of each day of a calendar week: index `dayIndex % 7` (day 0 is the calendar's first day). */
export type ContentMix = readonly [
  PostFormat,
  PostFormat,
  PostFormat,
  PostFormat,
  PostFormat,
  PostFormat,
  PostFormat,
];

/**
 * The seed's content-type mix, the default: video on days 0 and 3 of each calendar week, carousel on
 * days 2 and 5, image otherwise (days counted from the calendar's first day).
 */
export const SEED_CONTENT_MIX: ContentMix = [
  'video',
  'image',
  'carousel',
  'video',
  'image',
  'carousel',
  'image',
];

/** One content idea of a calendar: when, what about, in which format, with which media. */
export interface ContentIdea {
  /** 0-based position in the calendar (slot order). */
  readonly index: number;
  /** 0-based day of the calendar. */
  readonly dayIndex: number;
  /** 0-based position among the day's posts. */
  readonly slotIndex: number;
  /** Local day, `YYYY-MM-DD`. */
  readonly date: string;
  /** 0 Sunday … 6 Saturday. */
  readonly weekday: number;
  /** Product and brand posts alternate. */
  readonly contentType: 'product' | 'brand';
  /** The format the mix asked for. */
  readonly requestedFormat: PostFormat;
  /** The format used: the requested one, or the nearest one the store has media for. */
  readonly format: PostFormat;
  readonly product?: CatalogProduct;
  /** Media chosen for the idea (product media first); each channel takes what it can. */
  readonly media: readonly CatalogMedia[];
}

/** What {@link planContentIdeas} needs. */
export interface ContentIdeaInput {
  readonly startDate: string;
  readonly days: number;
  readonly postsPerDay: number;
  readonly products: readonly CatalogProduct[];
  readonly media: readonly CatalogMedia[];
  readonly mix?: ContentMix;
  /** Most images in a carousel idea (default 5; each channel may take fewer). */
  readonly maxCarouselItems?: number;
}

/**
 * Lays out a calendar's content ideas: `postsPerDay` per day, alternating product and brand posts
 * (products in catalog order, round robin), the format from the content mix, and media from the
 * store's assets: the product's own media first, then brand assets, least-used first so posts do not
 * repeat a picture. A format with no fitting media is changed (video → image → carousel → text,
 * carousel → image → video → text, image → video → text), never left empty.
 */
export function planContentIdeas(input: ContentIdeaInput): ContentIdea[] {
  const mix = input.mix ?? SEED_CONTENT_MIX;
  const usage = new Map<string, number>();
  const ideas: ContentIdea[] = [];
  let productTurn = 0;
  for (let dayIndex = 0; dayIndex < input.days; dayIndex++) {
    const date = addDays(input.startDate, dayIndex);
    for (let slotIndex = 0; slotIndex < input.postsPerDay; slotIndex++) {
      const index = ideas.length;
      const isProduct = input.products.length > 0 && index % 2 === 0;
      const product = isProduct ? input.products[productTurn++ % input.products.length] : undefined;
      const requestedFormat = mix[dayIndex % 7] as PostFormat;
      const pool = mediaPool(input.media, product);
      const chosen = chooseMedia(requestedFormat, pool, usage, input.maxCarouselItems ?? 5);
      for (const item of chosen.media) usage.set(item.id, (usage.get(item.id) ?? 0) + 1);
      ideas.push({
        index,
        dayIndex,
        slotIndex,
        date,
        weekday: weekdayOf(date),
        contentType: isProduct ? 'product' : 'brand',
        requestedFormat,
        format: chosen.format,
        ...(product === undefined ? {} : { product }),
        media: chosen.media,
      });
    }
  }
  return ideas;
}

/** Media in order of preference: tier 0 (the idea's product, or brand assets for brand posts), then the rest. */
function mediaPool(
  media: readonly CatalogMedia[],
  product: CatalogProduct | undefined,
): Array<CatalogMedia & { tier: number; order: number }> {
  return media.map((item, order) => {
    const isBrand = item.productIds.length === 0;
    const tier =
      product === undefined ? (isBrand ? 0 : 1) : item.productIds.includes(product.id) ? 0 : isBrand ? 1 : 2;
    return { ...item, tier, order };
  });
}

const FALLBACKS: Readonly<Record<PostFormat, readonly PostFormat[]>> = {
  video: ['video', 'image', 'carousel', 'text'],
  carousel: ['carousel', 'image', 'video', 'text'],
  image: ['image', 'video', 'text'],
  text: ['text'],
};

function chooseMedia(
  requested: PostFormat,
  pool: ReadonlyArray<CatalogMedia & { tier: number; order: number }>,
  usage: ReadonlyMap<string, number>,
  maxCarouselItems: number,
): { format: PostFormat; media: CatalogMedia[] } {
  const ranked = [...pool].sort(
    (a, b) => a.tier - b.tier || (usage.get(a.id) ?? 0) - (usage.get(b.id) ?? 0) || a.order - b.order,
  );
  const strip = ({
    tier: _tier,
    order: _order,
    ...item
  }: CatalogMedia & { tier: number; order: number }): CatalogMedia => item;
  // The idea's own media first, even in another format; the next tier only when it has none that fits.
  // Tier 2 (another product's media) is never used: a post must not show the wrong product.
  for (const maxTier of [0, 1]) {
    const usable = ranked.filter((item) => item.tier <= maxTier);
    for (const format of FALLBACKS[requested]) {
      if (format === 'text') break;
      const video = usable.find((item) => item.kind === 'video');
      if (format === 'video' && video) return { format, media: [strip(video)] };
      const images = usable.filter((item) => item.kind === 'image');
      if (format === 'image' && images.length > 0) return { format, media: [strip(images[0]!)] };
      if (format === 'carousel' && images.length >= 2)
        return { format, media: images.slice(0, maxCarouselItems).map(strip) };
    }
  }
  return { format: 'text', media: [] };
}
