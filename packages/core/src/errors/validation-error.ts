import type { z } from 'zod';
import { GrowthError, hasErrorMarker, markErrorClass } from './growth-error';

/** One problem found while validating an input. */
export interface ValidationIssue {
  /** Path of the offending field, dotted (`'post.media.0.url'`). */
  field: string;
  /** Why the value is not accepted. */
  reason: string;
}

/** Options for {@link ValidationError}. */
export interface ValidationErrorOptions {
  /** Path of the offending field, dotted (`'post.caption'`, `'budget.amountMinor'`). */
  field: string;
  /** Why the value is not accepted (`'is 312 weighted characters; X allows 280'`). */
  reason: string;
  /** What to do about it (`'shorten the caption or split it into a thread'`). */
  fix: string;
  /** Every problem found, when there were several; the first is also in `field`/`reason`. */
  issues?: ValidationIssue[];
  /** What led to this error; foreign errors are kept only as a redacted plain shape. */
  cause?: unknown;
}

/**
 * An input was rejected. The message names the field, the reason and the fix, e.g.
 * `Invalid post.caption: is 312 weighted characters; X allows 280. Fix: shorten the caption.`
 * The rejected value itself is never included (it may be a secret).
 */
export class ValidationError extends GrowthError {
  /** Path of the offending field, dotted. */
  readonly field: string;
  /** Why the value is not accepted. */
  readonly reason: string;
  /** What to do about it. */
  readonly fix: string;
  /** Every problem found (at least the one in `field`). */
  readonly issues: ValidationIssue[];

  constructor(options: ValidationErrorOptions) {
    super({
      message: `Invalid ${options.field}: ${trimPeriod(options.reason)}. Fix: ${trimPeriod(options.fix)}.`,
      code: 'validation_failed',
      cause: options.cause,
    });
    this.field = options.field;
    this.reason = options.reason;
    this.fix = options.fix;
    this.issues = options.issues ?? [{ field: options.field, reason: options.reason }];
  }

  /**
   * Builds a {@link ValidationError} from a zod error: the first issue names the field (prefixed with
   * `subject` when given), every issue is kept in `issues`.
   *
   * @param error - the `ZodError` from `safeParse`.
   * @param options - `subject`: the name of the validated input (`'post'`); `fix`: what to do.
   */
  static fromZodError(error: z.ZodError, options: { subject?: string; fix?: string } = {}): ValidationError {
    const issues = error.issues.map((issue) => ({
      field: fieldPath(options.subject, issue.path),
      reason: issue.message,
    }));
    const first = issues[0] ?? { field: options.subject ?? 'input', reason: 'is invalid' };
    return new ValidationError({
      field: first.field,
      reason: first.reason,
      fix: options.fix ?? `correct ${first.field} and try again`,
      issues,
    });
  }

  /** Tells whether `value` is a {@link ValidationError} from any copy of `@growthhub/core`. */
  static override isInstance(value: unknown): value is ValidationError {
    return hasErrorMarker(value, 'ValidationError');
  }
}

markErrorClass(ValidationError, 'ValidationError');

function fieldPath(subject: string | undefined, path: readonly PropertyKey[]): string {
  const parts = path.map((part) => String(part));
  if (subject !== undefined) parts.unshift(subject);
  return parts.length === 0 ? 'input' : parts.join('.');
}

function trimPeriod(text: string): string {
  return text.trim().replace(/\.+$/, '');
}
