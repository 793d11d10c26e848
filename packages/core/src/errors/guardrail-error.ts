import { GrowthError, hasErrorMarker, markErrorClass } from './growth-error';

/** Options for {@link GuardrailError}. */
export interface GuardrailErrorOptions {
  /** The guardrail that blocked the action (`'max_daily_budget'`, `'max_budget_change_percent'`). */
  rule: string;
  /** Why the action was blocked (`'raises the daily budget by 150 %; the limit is 50 %'`). */
  reason: string;
  /** The value the action asked for (a number, a `Money`, a status...). */
  requested?: unknown;
  /** The most the guardrail allows. */
  allowed?: unknown;
  /** What to do about it; defaults to asking for approval or changing the guardrail. */
  fix?: string;
  /** What led to this error; foreign errors are kept only as a redacted plain shape. */
  cause?: unknown;
}

/**
 * A hard guardrail blocked an action that spends money or speaks publicly (budget caps, change limits,
 * approval mode). Never retried; the action needs a smaller change or a human approval.
 */
export class GuardrailError extends GrowthError {
  /** The guardrail that blocked the action. */
  readonly rule: string;
  /** Why the action was blocked. */
  readonly reason: string;
  /** The value the action asked for. */
  readonly requested?: unknown;
  /** The most the guardrail allows. */
  readonly allowed?: unknown;
  /** What to do about it. */
  readonly fix: string;

  constructor(options: GuardrailErrorOptions) {
    const fix = options.fix ?? 'request a smaller change, ask for approval, or adjust the guardrail';
    super({
      message: `Blocked by guardrail ${options.rule}: ${options.reason.replace(/\.+$/, '')}. Fix: ${fix}.`,
      code: 'guardrail_blocked',
      cause: options.cause,
    });
    this.rule = options.rule;
    this.reason = options.reason;
    if (options.requested !== undefined) this.requested = options.requested;
    if (options.allowed !== undefined) this.allowed = options.allowed;
    this.fix = fix;
  }

  /** Tells whether `value` is a {@link GuardrailError} from any copy of `@growthhub/core`. */
  static override isInstance(value: unknown): value is GuardrailError {
    return hasErrorMarker(value, 'GuardrailError');
  }
}

markErrorClass(GuardrailError, 'GuardrailError');
