import type { StoreProfile } from '@growthhub/core';
import type { CatalogProduct } from '../catalog/index';
import type { ContentIdea } from './content-mix';
import type { BrandBrief, ChannelBrief, IdeaBrief, ProductBrief } from './writing-tasks';
import { WEEKDAY_NAMES } from './zoned-time';

/** The brand facts of a store, as every writing task carries them. */
export function brandBrief(store: StoreProfile): BrandBrief {
  return {
    storeName: store.name,
    niche: store.niche,
    audience: store.audience ?? null,
    tone: [...store.brandVoice.tone],
    voiceDescription: store.brandVoice.description ?? null,
    dos: [...store.brandVoice.dos],
    donts: [...store.brandVoice.donts],
    emoji: store.brandVoice.emoji,
    locale: store.locale,
    currency: store.currency,
    websiteUrl: store.websiteUrl ?? null,
  };
}

/** A product as shown to the model, with its price formatted in the store's locale. */
export function productBrief(product: CatalogProduct, locale: string): ProductBrief {
  return {
    id: product.id,
    title: product.title,
    description: product.description,
    price:
      product.price === undefined
        ? null
        : formatPrice(product.price.amountMinor, product.price.currency, locale),
    url: product.url ?? null,
    tags: [...product.tags],
  };
}

/** An idea as shown to the model. */
export function ideaBrief(idea: ContentIdea, locale: string): IdeaBrief {
  return {
    index: idea.index,
    date: idea.date,
    weekday: WEEKDAY_NAMES[idea.weekday] ?? 'Monday',
    contentType: idea.contentType,
    format: idea.format,
    product: idea.product === undefined ? null : productBrief(idea.product, locale),
    mediaCount: idea.media.length,
  };
}

/** The system prompt of every Social Agent writing task. */
export function writerSystemPrompt(brand: BrandBrief): string {
  return [
    `You are the social media copywriter of ${brand.storeName}, a store selling ${brand.niche}.`,
    `Write in the language of locale ${brand.locale}. Brand voice: ${brand.tone.join(', ')}.`,
    brand.voiceDescription ? `Voice notes: ${brand.voiceDescription}` : '',
    brand.dos.length > 0 ? `Do: ${brand.dos.join('; ')}.` : '',
    brand.donts.length > 0 ? `Don't: ${brand.donts.join('; ')}.` : '',
    `Emoji: ${brand.emoji}.`,
    'Use only facts given in the input (products, prices, links); never invent discounts, claims or prices.',
    'Answer with JSON only, exactly in the requested schema.',
  ]
    .filter(Boolean)
    .join('\n');
}

/** Instructions of the plan task. */
export const PLAN_INSTRUCTIONS = `Plan a content calendar for the ideas in the input.
1. Propose "themeCount" themes (about one per week), each with a title, a one-sentence description and the product ids it features.
2. For every idea (by "index"), choose a theme ("themeIndex", 0-based) and write its angle: one sentence saying what the post shows or tells.
Product ideas feature their product; brand ideas tell the store's story (behind the scenes, values, tips, community).`;

/** Instructions of the captions task. */
export function captionInstructions(channels: readonly ChannelBrief[]): string {
  const rules = channels
    .map(
      (c) =>
        `- ${c.channel}: at most ${c.maxLength} (${c.unit}) including the hashtags once appended; aim for about ${c.targetLength}; ${c.hashtagCount} hashtags${c.needsTitle ? `; a title of at most ${c.titleMaxLength} characters` : '; title null'}. ${c.style}`,
    )
    .join('\n');
  return `Write one post for every idea in the input on every channel listed: one object per (index, channel) pair.
The caption is the body text without hashtags; hashtags are separate, without "#", relevant to the product and niche.
Every caption must be different from the others; follow the idea's angle and theme and mention the product by name.
Channel rules:
${rules}`;
}

/** Instructions of the rewrite task. */
export const REWRITE_INSTRUCTIONS = `Each item is a post a platform rejected, with the problems listed.
Rewrite each one (same idea, same facts) so that it fixes every problem: shorter when too long, fewer hashtags when there are too many, a shorter title when the title is too long, a different wording when it duplicates another post.
Keep the channel's limits; return every item with its "key".`;

function formatPrice(amountMinor: number, currency: string, locale: string): string {
  try {
    const digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2;
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amountMinor / 10 ** digits);
  } catch {
    return `${(amountMinor / 100).toFixed(2)} ${currency}`;
  }
}
