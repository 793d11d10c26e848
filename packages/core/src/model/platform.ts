import { z } from 'zod';

/**
 * Identifies a platform adapter and the OAuth connection it owns.
 *
 * One id per vendor login, not per product surface: `meta` covers Facebook Pages, Instagram and the
 * Meta Marketing API (one Facebook Login); `google` covers YouTube and Google Ads; `tiktok` covers
 * creator posting and TikTok Ads; `pinterest` covers pins and Pinterest Ads; `x` covers X.
 * The surface a post goes to is a {@link SocialChannel}.
 */
export const PlatformIdSchema = z.enum(['meta', 'tiktok', 'google', 'pinterest', 'x']);

/** Identifies a platform adapter and its connection; see {@link PlatformIdSchema}. */
export type PlatformId = z.infer<typeof PlatformIdSchema>;

/** Every {@link PlatformId}, in a stable order. */
export const PLATFORM_IDS: readonly PlatformId[] = PlatformIdSchema.options;

/**
 * The organic surface a post is published to. Several channels can share one platform connection
 * (`facebook` and `instagram` both go through `meta`).
 */
export const SocialChannelSchema = z.enum(['x', 'facebook', 'instagram', 'tiktok', 'youtube', 'pinterest']);

/** The organic surface a post is published to; see {@link SocialChannelSchema}. */
export type SocialChannel = z.infer<typeof SocialChannelSchema>;

/** Which platform adapter (and connection) serves each social channel. */
export const CHANNEL_PLATFORM: Readonly<Record<SocialChannel, PlatformId>> = {
  x: 'x',
  facebook: 'meta',
  instagram: 'meta',
  tiktok: 'tiktok',
  youtube: 'google',
  pinterest: 'pinterest',
};

/** The platforms that sell ads through an `AdsManager` (X ads are not supported). */
export const AdsPlatformIdSchema = z.enum(['meta', 'tiktok', 'google', 'pinterest']);

/** A platform that sells ads through an `AdsManager`; see {@link AdsPlatformIdSchema}. */
export type AdsPlatformId = z.infer<typeof AdsPlatformIdSchema>;
