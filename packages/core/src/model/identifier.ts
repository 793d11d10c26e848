import { z } from 'zod';

/** An opaque identifier (ours or a platform's): a non-empty string of at most 256 characters. */
export const IdSchema = z.string().min(1).max(256);

/** An opaque identifier; see {@link IdSchema}. */
export type Id = z.infer<typeof IdSchema>;

/**
 * A short error summary safe to store and show: a stable `code` and a human message that must already
 * be redacted (never a token, secret or authorization header), plus when it happened.
 */
export const RecordedErrorSchema = z.strictObject({
  /** Stable machine code, e.g. `AUTH_EXPIRED` or a platform code such as `190`. */
  code: z.string().min(1).max(128),
  /** Redacted human-readable message. */
  message: z.string().max(2000),
  /** When the error happened (ISO 8601). */
  at: z.iso.datetime({ offset: true }),
});

/** A redacted error summary; see {@link RecordedErrorSchema}. */
export type RecordedError = z.infer<typeof RecordedErrorSchema>;
