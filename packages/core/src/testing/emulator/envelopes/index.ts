import type { ErrorEnvelope } from './error-envelope';
import { googleAdsEnvelope, googleEnvelope } from './google';
import { metaEnvelope } from './meta';
import { oauthEnvelope } from './oauth';
import { pinterestEnvelope } from './pinterest';
import { tiktokEnvelope, tiktokMarketingEnvelope } from './tiktok';
import { xEnvelope } from './x';

export type { EnvelopeAnswer, EnvelopeContext, ErrorEnvelope, RateLimitWindow } from './error-envelope';
export type { GoogleEnvelopeOptions } from './google';
export { createGoogleEnvelope, googleAdsEnvelope, googleEnvelope } from './google';
export type { MetaEnvelopeOptions } from './meta';
export { createMetaEnvelope, metaEnvelope } from './meta';
export { oauthEnvelope } from './oauth';
export { pinterestEnvelope } from './pinterest';
export { tiktokEnvelope, tiktokMarketingEnvelope } from './tiktok';
export { xEnvelope } from './x';

/** Names of the built-in envelopes in {@link errorEnvelopes}. */
export type ErrorEnvelopeName =
  | 'x'
  | 'meta'
  | 'tiktok'
  | 'tiktokMarketing'
  | 'google'
  | 'googleAds'
  | 'pinterest'
  | 'oauth';

/**
 * Every built-in error envelope by name. `createEmulator({ envelope: 'meta' })` and
 * `route(..., { envelope: 'oauth' })` accept these names.
 */
export const errorEnvelopes: Readonly<Record<ErrorEnvelopeName, ErrorEnvelope>> = {
  x: xEnvelope,
  meta: metaEnvelope,
  tiktok: tiktokEnvelope,
  tiktokMarketing: tiktokMarketingEnvelope,
  google: googleEnvelope,
  googleAds: googleAdsEnvelope,
  pinterest: pinterestEnvelope,
  oauth: oauthEnvelope,
};

/** The envelope for a name or the envelope itself. */
export function resolveEnvelope(envelope: ErrorEnvelope | ErrorEnvelopeName): ErrorEnvelope {
  return typeof envelope === 'string' ? errorEnvelopes[envelope] : envelope;
}
