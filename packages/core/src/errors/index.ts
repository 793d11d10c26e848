/**
 * The Growth Hub error family (typed, `Symbol.for`-marked, secret-free) and secret redaction.
 *
 * @module
 */
export { AuthError, type AuthErrorOptions } from './auth-error';
export { ConfigError, type ConfigErrorOptions } from './config-error';
export { redactErrorSecrets } from './error-secret-scrub';
export {
  GrowthError,
  type GrowthErrorCode,
  type GrowthErrorOptions,
  type RedactedCause,
} from './growth-error';
export { GuardrailError, type GuardrailErrorOptions } from './guardrail-error';
export {
  isRetryableStatus,
  PlatformApiError,
  type PlatformApiErrorOptions,
  RateLimitError,
  type RateLimitErrorOptions,
} from './platform-api-error';
export { QuotaExceededError, type QuotaExceededErrorOptions } from './quota-exceeded-error';
export { isSecretFieldName, REDACTED, redactSecrets, redactValue } from './redaction';
export { ValidationError, type ValidationErrorOptions, type ValidationIssue } from './validation-error';
