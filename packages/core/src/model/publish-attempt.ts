import { z } from 'zod';
import { IdSchema } from './identifier';
import { IsoDateTimeSchema } from './time';

/**
 * How one publish attempt ended. `unknown` is recorded when the attempt starts and stays if the
 * process dies or the call times out: the platform may or may not have acted, so the post must be
 * reconciled with `findPublished` before anything is sent again.
 */
export const PublishOutcomeSchema = z.enum(['succeeded', 'failed', 'unknown']);

/** How one publish attempt ended; see {@link PublishOutcomeSchema}. */
export type PublishOutcome = z.infer<typeof PublishOutcomeSchema>;

/** One try at publishing a post, kept as history on the post. */
export const PublishAttemptSchema = z
  .strictObject({
    /** 1 for the first attempt, then 2, 3, … */
    attempt: z.int().positive(),
    startedAt: IsoDateTimeSchema,
    /** Absent while the attempt is running (or after a crash). */
    finishedAt: IsoDateTimeSchema.optional(),
    outcome: PublishOutcomeSchema,
    /** Stable error code (e.g. `RATE_LIMITED`, a platform code) when it failed. */
    errorCode: z.string().min(1).max(128).optional(),
    /** Redacted error message: never a token, secret or authorization header. */
    errorMessage: z.string().max(2000).optional(),
    /** Whether the failure is worth retrying. */
    retryable: z.boolean().optional(),
    /** The platform's id for the post when the attempt produced one. */
    platformPostId: IdSchema.optional(),
  })
  .refine((attempt) => attempt.finishedAt === undefined || attempt.finishedAt >= attempt.startedAt, {
    message: '`finishedAt` must not be before `startedAt`.',
    path: ['finishedAt'],
  });

/** One try at publishing a post; see {@link PublishAttemptSchema}. */
export type PublishAttempt = z.infer<typeof PublishAttemptSchema>;
