import { z } from 'zod';
import { CurrencyCodeSchema } from './currency';
import { IdSchema } from './identifier';
import { IsoDateTimeSchema, LocaleSchema, TimeZoneSchema } from './time';

/** How the brand sounds; fed to the language model when writing captions and ad copy. */
export const BrandVoiceSchema = z.strictObject({
  /** A few adjectives, e.g. `["playful", "warm", "confident"]`. */
  tone: z.array(z.string().min(1).max(50)).min(1).max(10),
  /** Free-form description of the voice. */
  description: z.string().max(2000).optional(),
  /** Phrases and habits to use. */
  dos: z.array(z.string().min(1).max(200)).max(20).default([]),
  /** Phrases and habits to avoid. */
  donts: z.array(z.string().min(1).max(200)).max(20).default([]),
  /** How freely to use emoji. */
  emoji: z.enum(['none', 'sparing', 'liberal']).default('sparing'),
});

/** How the brand sounds; see {@link BrandVoiceSchema}. */
export type BrandVoice = z.infer<typeof BrandVoiceSchema>;

/** A tenant store as Growth Hub sees it: what it sells, how it talks, and where and when it lives. */
export const StoreProfileSchema = z.strictObject({
  id: IdSchema,
  name: z.string().min(1).max(200),
  /** What the store sells, e.g. `"handmade ceramic homeware"`. */
  niche: z.string().min(1).max(200),
  /** Who buys from it. */
  audience: z.string().max(1000).optional(),
  brandVoice: BrandVoiceSchema,
  /** IANA time zone used for scheduling (best-time slots are local to it). */
  timeZone: TimeZoneSchema,
  /** BCP 47 locale that captions are written in. */
  locale: LocaleSchema,
  /** The store's currency for budgets. */
  currency: CurrencyCodeSchema,
  websiteUrl: z.url({ protocol: /^https?$/ }).optional(),
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
});

/** A tenant store; see {@link StoreProfileSchema}. */
export type StoreProfile = z.infer<typeof StoreProfileSchema>;
