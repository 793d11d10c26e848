import { GrowthError, hasErrorMarker, markErrorClass } from './growth-error';

/** Options for {@link ConfigError}. */
export interface ConfigErrorOptions {
  /** The setting at fault (`'x.clientId'`, `'encryptionKeys'`). */
  setting: string;
  /** What is wrong with it (`'is missing'`, `'must be 32 bytes, got 16'`). */
  reason: string;
  /** What to do about it (`'pass the client id from the X developer portal'`). */
  fix: string;
  /** What led to this error; foreign errors are kept only as a redacted plain shape. */
  cause?: unknown;
}

/**
 * The host configured Growth Hub wrongly (a missing or malformed setting). Raised at startup or on first
 * use; the message names the setting and the fix and never includes the setting's value.
 */
export class ConfigError extends GrowthError {
  /** The setting at fault. */
  readonly setting: string;
  /** What is wrong with it. */
  readonly reason: string;
  /** What to do about it. */
  readonly fix: string;

  constructor(options: ConfigErrorOptions) {
    super({
      message: `Invalid setting ${options.setting}: ${options.reason.replace(/\.+$/, '')}. Fix: ${options.fix.replace(/\.+$/, '')}.`,
      code: 'config_invalid',
      cause: options.cause,
    });
    this.setting = options.setting;
    this.reason = options.reason;
    this.fix = options.fix;
  }

  /** Tells whether `value` is a {@link ConfigError} from any copy of `@growthhub/core`. */
  static override isInstance(value: unknown): value is ConfigError {
    return hasErrorMarker(value, 'ConfigError');
  }
}

markErrorClass(ConfigError, 'ConfigError');
