import { z } from 'zod';
import { IdSchema } from './identifier';

/** The kind of a media file attached to a post or creative. */
export const MediaKindSchema = z.enum(['image', 'gif', 'video']);

/** The kind of a media file; see {@link MediaKindSchema}. */
export type MediaKind = z.infer<typeof MediaKindSchema>;

/**
 * A reference to a media file in the host's catalog. Platforms such as Instagram fetch the URL
 * themselves, so it must be publicly reachable over HTTPS when publishing there.
 */
export const MediaRefSchema = z.strictObject({
  /** The host catalog's id for the file, when it has one. */
  id: IdSchema.optional(),
  kind: MediaKindSchema,
  /** Where the bytes can be fetched. */
  url: z.url({ protocol: /^https?$/ }),
  /** MIME type, e.g. `image/jpeg`, `video/mp4`. */
  mimeType: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/i, { message: 'Use a MIME type such as "image/jpeg".' }),
  /** Size in bytes, when known (checked against platform limits). */
  bytes: z.int().nonnegative().optional(),
  width: z.int().positive().optional(),
  height: z.int().positive().optional(),
  /** Video duration in milliseconds. */
  durationMs: z.int().nonnegative().optional(),
  /** Alternative text for accessibility. */
  altText: z.string().max(1000).optional(),
  /** Cover image for a video. */
  thumbnailUrl: z.url({ protocol: /^https?$/ }).optional(),
});

/** A reference to a media file; see {@link MediaRefSchema}. */
export type MediaRef = z.infer<typeof MediaRefSchema>;
