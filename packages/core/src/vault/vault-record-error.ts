import { GrowthError, hasErrorMarker, markErrorClass } from '../errors/growth-error';

/**
 * A sealed record failed authentication: it was altered, copied to another connection, or sealed with
 * a different key under the same id. The record is unusable; the connection must be reconnected.
 */
export class VaultRecordError extends GrowthError {
  /** What the record was bound to (e.g. `tokens:<connection id>`). */
  readonly context: string;

  constructor(context: string, cause?: unknown) {
    super({
      code: 'vault_record_invalid',
      message: `The encrypted record for "${context}" failed authentication (altered, moved or sealed with another key); reconnect the account to replace it.`,
      cause,
    });
    this.context = context;
  }

  /** Tells whether `value` is a {@link VaultRecordError} from any copy of `@growthhub/core`. */
  static override isInstance(value: unknown): value is VaultRecordError {
    return hasErrorMarker(value, 'VaultRecordError');
  }
}
markErrorClass(VaultRecordError, 'VaultRecordError');
