import { z } from 'zod';
import { IdSchema } from './identifier';
import { MediaRefSchema } from './media';

/** A platform-neutral call-to-action button; adapters map it to their enum (Meta `SHOP_NOW`, …). */
export const CallToActionSchema = z.enum([
  'shop_now',
  'learn_more',
  'sign_up',
  'buy_now',
  'order_now',
  'subscribe',
  'contact_us',
  'download',
  'book_now',
  'get_offer',
  'watch_more',
]);

/** A platform-neutral call-to-action; see {@link CallToActionSchema}. */
export type CallToAction = z.infer<typeof CallToActionSchema>;

/** A creative's state: `draft`, `active`, `paused` (e.g. lost an A/B test), `rejected` (by review), `archived`. */
export const AdCreativeStatusSchema = z.enum(['draft', 'active', 'paused', 'rejected', 'archived']);

/** A creative's state; see {@link AdCreativeStatusSchema}. */
export type AdCreativeStatus = z.infer<typeof AdCreativeStatusSchema>;

/** One ad creative variation: copy, media and destination, plus the platform ids once launched. */
export const AdCreativeSchema = z.strictObject({
  id: IdSchema,
  storeId: IdSchema,
  /** The campaign it belongs to once attached. */
  campaignId: IdSchema.optional(),
  /** Short label for A/B tests, e.g. `"A"`, `"benefit-led"`. */
  variant: z.string().min(1).max(100),
  headline: z.string().min(1).max(255),
  /** Main ad text (Meta primary text, TikTok ad text). */
  primaryText: z.string().min(1).max(5000),
  description: z.string().max(1000).optional(),
  callToAction: CallToActionSchema,
  destinationUrl: z.url({ protocol: /^https?$/ }),
  media: z.array(MediaRefSchema).min(1).max(10),
  status: AdCreativeStatusSchema,
  /** Who wrote it. */
  source: z.enum(['llm', 'template', 'human']),
  /** The platform's creative id (Meta ad creative, Pinterest pin used by the ad). */
  platformCreativeId: IdSchema.optional(),
  /** The platform's ad id that serves this creative. */
  platformAdId: IdSchema.optional(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});

/** One ad creative variation; see {@link AdCreativeSchema}. */
export type AdCreative = z.infer<typeof AdCreativeSchema>;
