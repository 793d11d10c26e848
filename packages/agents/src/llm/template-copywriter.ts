import { normalizeHashtags } from '@growthhub/core';
import { assembleCaption, type CaptionSentence, truncateToLength } from '../social/caption-fitting';
import type {
  BrandBrief,
  CaptionsTaskInput,
  CaptionsTaskOutput,
  ChannelBrief,
  IdeaBrief,
  RewriteTaskInput,
  RewriteTaskOutput,
  WrittenCaption,
} from '../social/writing-tasks';
import {
  BRAND_BODIES,
  CHANNEL_CTAS,
  COMMUNITY_QUESTIONS,
  CONTENT_TYPE_HASHTAGS,
  EMOJI,
  firstSentence,
  PLAYFUL_PRODUCT_HOOKS,
  PRICE_LINES,
  PRODUCT_HOOKS,
  pascalCase,
  stableHash,
} from './copy-phrasebook';

/** An idea as the captions task carries it: with its angle and theme. */
type WritableIdea = IdeaBrief & { angle: string; theme: string };

/**
 * Writes every (idea, channel) caption of a captions task from the catalog data in its input:
 * product title, description, price and link, the store's name, niche and audience, the brand's tone
 * and emoji habit, and each channel's length, hashtag and title rules. Deterministic: the same input
 * gives the same captions, and no two ideas read the same.
 */
export function writeTemplateCaptions(input: CaptionsTaskInput): CaptionsTaskOutput {
  const posts: WrittenCaption[] = [];
  const used = new Map<string, Set<string>>();
  for (const idea of input.ideas) {
    for (const channel of input.channels) posts.push(writeUnique(input.brand, idea, channel, 1, used));
  }
  return { posts };
}

/**
 * Rewrites captions that failed a platform's rules: the same content, written tighter (a shorter
 * target, fewer hashtags, a shortened title), so the result passes.
 */
export function rewriteTemplateCaptions(input: RewriteTaskInput): RewriteTaskOutput {
  const used = new Map<string, Set<string>>();
  return {
    items: input.items.map((item) => {
      const tighter: ChannelBrief = {
        ...item.channel,
        targetLength: Math.max(
          40,
          Math.floor(Math.min(item.channel.targetLength, item.channel.maxLength) * 0.6),
        ),
        hashtagCount: Math.min(item.channel.hashtagCount, 2),
      };
      const written = writeUnique(input.brand, item.idea, tighter, 2, used, item.caption);
      return { key: item.key, caption: written.caption, hashtags: written.hashtags, title: written.title };
    }),
  };
}

/** Writes a caption that reads differently from every other one of the channel in this answer. */
function writeUnique(
  brand: BrandBrief,
  idea: WritableIdea,
  channel: ChannelBrief,
  firstPass: number,
  used: Map<string, Set<string>>,
  avoid?: string,
): WrittenCaption {
  const seen = used.get(channel.channel) ?? new Set<string>();
  used.set(channel.channel, seen);
  if (avoid !== undefined) seen.add(avoid.trim());
  let written = writeOne(brand, idea, channel, firstPass);
  for (let pass = firstPass + 1; pass < firstPass + 24 && seen.has(written.caption); pass++) {
    written = writeOne(brand, idea, channel, pass);
  }
  seen.add(written.caption);
  return written;
}

function writeOne(
  brand: BrandBrief,
  idea: WritableIdea,
  channel: ChannelBrief,
  pass: number,
): WrittenCaption {
  const seed = `${idea.index}:${channel.channel}:${pass}`;
  // Neighbouring ideas (and a rewrite pass) get different phrase combinations; so do channels.
  const variant = new Variant(idea.index + (pass - 1) * 53 + (stableHash(channel.channel) % 7) * 1_000_003);
  const sentences =
    idea.contentType === 'product' && idea.product
      ? productSentences(brand, idea, channel, variant)
      : brandSentences(brand, idea, variant);
  const hashtags = chooseHashtags(brand, idea, channel, seed);
  const longForm = channel.targetLength > 400;
  const fitted = assembleCaption(
    sentences,
    hashtags,
    {
      maxLength: channel.maxLength,
      unit: channel.unit,
      targetLength: channel.targetLength,
      maxHashtags: channel.hashtagCount,
    },
    longForm ? '\n\n' : ' ',
  );
  return {
    index: idea.index,
    channel: channel.channel,
    caption: fitted.caption,
    hashtags: fitted.hashtags,
    title: channel.needsTitle ? writeTitle(brand, idea, channel) : null,
  };
}

function productSentences(
  brand: BrandBrief,
  idea: WritableIdea,
  channel: ChannelBrief,
  variant: Variant,
): CaptionSentence[] {
  const product = idea.product!;
  const playful = brand.tone.some((tone) => /playful|fun|bold|cheeky|witty/iu.test(tone));
  const hooks = playful ? [...PRODUCT_HOOKS, ...PLAYFUL_PRODUCT_HOOKS] : PRODUCT_HOOKS;
  const hook = withEmoji(variant.next(hooks)(product, brand), brand, EMOJI.product, variant);
  const description = firstSentence(product.description);
  const sentences: CaptionSentence[] = [{ text: hook, essential: true }];
  if (description) sentences.push({ text: `${description}.`, essential: channel.targetLength > 200 });
  if (idea.format === 'video') sentences.push({ text: 'Watch it in action.' });
  if (idea.format === 'carousel') sentences.push({ text: 'Swipe for every angle.' });
  const ctaText = cta(channel, product.url ?? brand.websiteUrl, variant);
  const priceLine = product.price ? variant.next(PRICE_LINES)(product.price) : '';
  if (priceLine) sentences.push({ text: priceLine });
  sentences.push({ text: ctaText, essential: channel.channel === 'x' && !!product.url });
  return sentences;
}

function brandSentences(brand: BrandBrief, idea: WritableIdea, variant: Variant): CaptionSentence[] {
  const opener = withEmoji(variant.next(BRAND_BODIES)(brand), brand, EMOJI.brand, variant);
  const sentences: CaptionSentence[] = [{ text: opener, essential: true }];
  if (brand.voiceDescription) sentences.push({ text: ensurePeriod(firstSentence(brand.voiceDescription)) });
  sentences.push({ text: ensurePeriod(idea.angle) });
  if (idea.format === 'video') sentences.push({ text: 'Press play to see how it comes together.' });
  sentences.push({ text: variant.next(COMMUNITY_QUESTIONS)(brand) });
  return sentences;
}

function chooseHashtags(
  brand: BrandBrief,
  idea: WritableIdea,
  channel: ChannelBrief,
  seed: string,
): string[] {
  if (channel.hashtagCount === 0) return [];
  const rotate = <T>(items: readonly T[]): T[] => {
    if (items.length === 0) return [];
    const start = stableHash(seed) % items.length;
    return [...items.slice(start), ...items.slice(0, start)];
  };
  const nicheWords = brand.niche.split(/\s+/u).filter((word) => word.length > 3);
  const candidates = [
    pascalCase(brand.storeName),
    ...(idea.product ? [pascalCase(idea.product.title), ...idea.product.tags.map(pascalCase)] : []),
    pascalCase(brand.niche),
    ...rotate(nicheWords.map(pascalCase)),
    ...rotate(CONTENT_TYPE_HASHTAGS[idea.contentType]),
  ];
  return normalizeHashtags(candidates, { max: channel.hashtagCount });
}

function writeTitle(brand: BrandBrief, idea: WritableIdea, channel: ChannelBrief): string {
  const raw =
    idea.contentType === 'product' && idea.product
      ? `${idea.product.title} | ${brand.storeName}`
      : `${idea.theme} | ${brand.storeName}`;
  return truncateToLength(raw, channel.titleMaxLength ?? 100, 'utf16');
}

function cta(channel: ChannelBrief, url: string | null, variant: Variant): string {
  const options = (CHANNEL_CTAS[channel.channel] ?? CHANNEL_CTAS.facebook ?? [])
    .map((make) => make(url))
    .filter(Boolean);
  return options.length === 0 ? '' : variant.next(options);
}

function withEmoji(text: string, brand: BrandBrief, emoji: readonly string[], variant: Variant): string {
  if (brand.emoji === 'none') return text;
  const first = variant.next(emoji);
  if (brand.emoji === 'sparing') return `${text} ${first}`;
  return `${text} ${first}${variant.next(emoji)}`;
}

/**
 * Picks phrases as the digits of one number in a mixed radix: the first pick varies fastest, so
 * ideas with neighbouring numbers differ in their most visible phrase (the hook), and distinct
 * numbers give distinct combinations.
 */
class Variant {
  #rest: number;

  constructor(value: number) {
    this.#rest = value;
  }

  next<T>(items: readonly T[]): T {
    // Shifting each digit by the higher digits keeps the mapping one-to-one while making numbers
    // a multiple of `items.length` apart (the same product every few ideas) pick different items.
    const higher = Math.floor(this.#rest / items.length);
    const item = items[(this.#rest + higher) % items.length] as T;
    this.#rest = higher;
    return item;
  }
}

function ensurePeriod(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/u.test(trimmed) ? trimmed : `${trimmed}.`;
}
