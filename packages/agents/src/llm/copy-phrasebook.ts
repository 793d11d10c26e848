import type { BrandBrief, ProductBrief } from '../social/writing-tasks';

/**
 * The phrase banks of the offline template writer. Every phrase is filled from catalog data (store,
 * niche, audience, product title, description, price); none invents facts about the product.
 */
export const PRODUCT_HOOKS: readonly ((product: ProductBrief, brand: BrandBrief) => string)[] = [
  (p) => `Meet the ${p.title}.`,
  (p) => `Say hello to the ${p.title}.`,
  (p) => `New favourite alert: the ${p.title}.`,
  (p) => `Introducing the ${p.title}.`,
  (p) => `Have you met the ${p.title} yet?`,
  (p, b) => `From the ${b.storeName} shelves: the ${p.title}.`,
  (p) => `A closer look at the ${p.title}.`,
  (p) => `This is the ${p.title}.`,
];

/** Hooks for playful or bold voices. */
export const PLAYFUL_PRODUCT_HOOKS: readonly ((product: ProductBrief, brand: BrandBrief) => string)[] = [
  (p) => `Okay, we need to talk about the ${p.title}.`,
  (p) => `Plot twist: your new favourite is the ${p.title}.`,
  (p) => `Current obsession: the ${p.title}.`,
];

/** Price lines; `{price}` is already formatted in the store's locale. */
export const PRICE_LINES: readonly ((price: string) => string)[] = [
  (price) => `Yours for ${price}.`,
  (price) => `Just ${price}.`,
  (price) => `${price}, ready to ship.`,
];

/** Openers of brand posts (behind the scenes, values, community, tips). */
export const BRAND_BODIES: readonly ((brand: BrandBrief) => string)[] = [
  (b) => `At ${b.storeName}, ${b.niche} is what we do every single day.`,
  (b) => `Every order from ${b.storeName} is packed by the same small team that chooses our ${b.niche}.`,
  (b) =>
    b.audience
      ? `We make ${b.niche} for ${lowerFirst(b.audience)}.`
      : `We make ${b.niche} to be used and loved.`,
  (b) => `Good ${b.niche} takes time, and we would not have it any other way.`,
  (b) => `${b.storeName} started with one idea: ${b.niche} worth keeping.`,
  (b) => `Small batches, careful hands: that is how ${b.storeName} works.`,
  (b) => `A peek into the ${b.storeName} studio today.`,
  (b) => `Why we still make ${b.niche} the slow way.`,
];

/** Questions that invite replies on brand posts. */
export const COMMUNITY_QUESTIONS: readonly ((brand: BrandBrief) => string)[] = [
  () => 'Which piece would you pick?',
  (b) => `What should ${b.storeName} make next? Tell us below.`,
  () => 'Tag someone who would love this.',
  () => 'Share your favourite in the comments.',
  () => 'How do you use yours? We love to hear it.',
  (b) => `What would you like to see from ${b.storeName} this week?`,
];

/** Calls to action per channel (the link goes in the caption only where it is clickable). */
export const CHANNEL_CTAS: Readonly<Record<string, readonly ((url: string | null) => string)[]>> = {
  x: [
    (url) => (url ? `Shop it: ${url}` : 'Shop it at the link in our profile.'),
    (url) => (url ? `Get yours: ${url}` : ''),
  ],
  instagram: [() => 'Tap the link in bio to shop.', () => 'Shop it through the link in our bio.'],
  facebook: [
    (url) => (url ? `Shop now: ${url}` : 'Shop now on our website.'),
    (url) => (url ? `Find it here: ${url}` : ''),
  ],
  tiktok: [() => 'Link in bio.', () => 'Find it via the link in our bio.'],
  youtube: [(url) => (url ? `Shop it here: ${url}` : 'Shop it on our website.')],
  pinterest: [() => 'Tap through to shop.', () => 'Save it for later, or tap through to shop.'],
};

/** Emoji used when the brand voice allows them, by content type. */
export const EMOJI: Readonly<Record<'product' | 'brand', readonly string[]>> = {
  product: ['✨', '🛍️', '👀', '💫', '🎁'],
  brand: ['🤍', '🙌', '🌿', '☕', '📦'],
};

/** Hashtags that fit any store's posts of a content type. */
export const CONTENT_TYPE_HASHTAGS: Readonly<Record<'product' | 'brand', readonly string[]>> = {
  product: ['NewIn', 'ShopSmall', 'GiftIdeas', 'MustHave'],
  brand: ['BehindTheScenes', 'SmallBusiness', 'MeetTheMakers', 'Community'],
};

/** Theme titles for a calendar's weeks. */
export const THEME_TITLES: readonly ((brand: BrandBrief, productTitle: string | undefined) => string)[] = [
  (b, p) => (p ? `Spotlight on the ${p}` : `The best of ${b.storeName}`),
  (b) => `Behind the scenes at ${b.storeName}`,
  (b, p) => (p ? `Why customers love the ${p}` : `Customer favourites from ${b.storeName}`),
  (b) => `Living with ${b.niche}`,
  (b, p) => (p ? `Gift it: the ${p}` : `Gifts from ${b.storeName}`),
];

/** Angles of product ideas. */
export const PRODUCT_ANGLES: readonly ((product: ProductBrief) => string)[] = [
  (p) => `Show what makes the ${p.title} special${p.description ? `: ${firstClause(p.description)}` : ''}.`,
  (p) => `A close-up of the ${p.title} in everyday use.`,
  (p) => `Why the ${p.title} makes a thoughtful gift.`,
  (p) => `The details of the ${p.title}, up close.`,
];

/** Angles of brand ideas (they read as copy too: the template writer uses them in captions). */
export const BRAND_ANGLES: readonly ((brand: BrandBrief) => string)[] = [
  (b) => `Behind the scenes at ${b.storeName} this week.`,
  (b) => `This is what ${b.storeName} stands for: ${b.niche} made to last.`,
  (b) => `A tip from the ${b.storeName} team: good ${b.niche} gets better with use.`,
  (b) => `This one is for everyone who makes the ${b.storeName} community.`,
];

/** A stable 32-bit hash (FNV-1a) of a text, to pick phrases deterministically. */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The item of `items` chosen by `seed` (deterministic). */
export function pick<T>(items: readonly T[], seed: string): T {
  return items[stableHash(seed) % items.length] as T;
}

/** The first sentence of a text, without its final period, at most `maxLength` characters. */
export function firstSentence(text: string, maxLength = 180): string {
  const sentence = (text.trim().match(/^[^.!?]+[.!?]?/u)?.[0] ?? '').trim().replace(/[.!?]+$/u, '');
  return sentence.length <= maxLength ? sentence : `${sentence.slice(0, maxLength).replace(/\s+\S*$/u, '')}`;
}

/** The first clause of a text (up to a comma or sentence end), lower-cased first letter. */
export function firstClause(text: string): string {
  return lowerFirst(firstSentence(text, 120).split(/[,;:]/u)[0]?.trim() ?? '');
}

/** `Text` → `text`, unless the word is an acronym. */
export function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/u.test(text) ? `${text.charAt(0).toLowerCase()}${text.slice(1)}` : text;
}

/** `handmade ceramic homeware` → `HandmadeCeramicHomeware` (for hashtags). */
export function pascalCase(text: string): string {
  return text
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '')
    .map((word) => `${word.charAt(0).toUpperCase()}${word.slice(1)}`)
    .join('');
}
