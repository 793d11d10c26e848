import { ValidationError } from '@growthhub/core';

const MARKER = Symbol.for('growthhub.error.RecordNotFoundError');

/** The kinds of record the Social Agent looks up by id. */
export type SocialRecordKind = 'post' | 'calendar';

/**
 * A post or calendar id that names no record, or, when the caller passed a `storeId`, no record of
 * that store. Both cases get exactly the same error (same message, same fields), so a tenant learns
 * nothing about ids that exist in other stores. It is a {@link ValidationError} (code
 * `validation_failed`, `field` naming the id's input), so callers that catch validation errors keep
 * working; a host that answers over HTTP tells it apart with `RecordNotFoundError.isInstance` and
 * answers 404.
 */
export class RecordNotFoundError extends ValidationError {
  /** Which kind of record was asked for. */
  readonly record: SocialRecordKind;
  /** The id that was asked for. */
  readonly id: string;

  constructor(options: { record: SocialRecordKind; id: string; field: string; fix: string }) {
    super({
      field: options.field,
      reason: `there is no ${options.record} "${options.id}"`,
      fix: options.fix,
    });
    this.record = options.record;
    this.id = options.id;
  }

  /** Tells whether `value` is a {@link RecordNotFoundError} from any copy of `@growthhub/agents`. */
  static override isInstance(value: unknown): value is RecordNotFoundError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[MARKER] === true;
  }
}

// The same marking as the core error family: a name, and a `Symbol.for` marker that any copy recognises.
Object.defineProperty(RecordNotFoundError.prototype, 'name', {
  value: 'RecordNotFoundError',
  writable: true,
  configurable: true,
});
Object.defineProperty(RecordNotFoundError.prototype, MARKER, { value: true });
