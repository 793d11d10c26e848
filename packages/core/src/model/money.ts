import { z } from 'zod';
import { ValidationError } from '../errors/index';
import { CurrencyCodeSchema, currencyExponent } from './currency';
import { divideRounded, formatDecimal, parseDecimal, type RoundingMode } from './decimal-amount';

export type { RoundingMode } from './decimal-amount';

/**
 * An amount of money: an integer count of the currency's minor unit (cents for USD, yen for JPY,
 * fils for BHD) plus an ISO 4217 code. Never a float: every conversion below is exact integer math.
 */
export const MoneySchema = z.strictObject({
  /** Integer amount in the currency's minor unit; must be a safe integer. */
  amountMinor: z.int(),
  /** ISO 4217 currency code. */
  currency: CurrencyCodeSchema,
});

/** An amount of money in integer minor units; see {@link MoneySchema}. */
export type Money = z.infer<typeof MoneySchema>;

/** Builds a {@link Money} from integer minor units; throws a `ValidationError` if either part is invalid. */
export function money(amountMinor: number, currency: string): Money {
  const parsed = MoneySchema.safeParse({ amountMinor, currency });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalidMoney(
      issue?.path.join('.') || 'money',
      issue?.message ?? 'invalid money',
      'Pass an integer number of minor units and an ISO 4217 code, e.g. money(1999, "USD").',
    );
  }
  return parsed.data;
}

/** A zero amount in `currency`. */
export function zeroMoney(currency: string): Money {
  return money(0, currency);
}

/**
 * Builds a {@link Money} from a major-unit amount such as `"12.34"` or `12.34` (USD → 1234 cents).
 * Numbers are read through their shortest decimal form, so `0.1 + 0.2` becomes `"0.30000000000000004"`
 * and then rounds (default `half-even`) to 30 cents. Use `rounding: 'exact'` to reject extra decimals.
 */
export function moneyFromMajor(
  amount: string | number,
  currency: string,
  rounding: RoundingMode = 'half-even',
): Money {
  return fromUnit(amount, currency, 0, rounding, 'amount');
}

/** The major-unit amount as an exact decimal string: USD 1234 → `"12.34"`, JPY 500 → `"500"`, BHD 1 → `"0.001"`. */
export function toMajorString(value: Money): string {
  return formatDecimal(BigInt(value.amountMinor), currencyExponent(value.currency));
}

/**
 * The major-unit amount as a JavaScript number (USD 1234 → `12.34`). The result is the double nearest
 * to the exact decimal, i.e. what `JSON.parse("12.34")` gives; use it only where a platform wants floats.
 */
export function toMajorNumber(value: Money): number {
  return Number(toMajorString(value));
}

/** The amount in micro-units (millionths of a major unit) as a bigint: USD 1234 → `12_340_000n`. */
export function toMicros(value: Money): bigint {
  return BigInt(value.amountMinor) * 10n ** BigInt(6 - currencyExponent(value.currency));
}

/**
 * Builds a {@link Money} from micro-units (millionths of a major unit), given as a bigint, an integer
 * number or an int64 string. Sub-minor-unit remainders round as `rounding` says (default `half-even`).
 */
export function fromMicros(
  micros: bigint | number | string,
  currency: string,
  rounding: RoundingMode = 'half-even',
): Money {
  return fromUnit(micros, currency, 6, rounding, 'micros');
}

/**
 * Meta Marketing API budgets and bids: an unsigned integer in the account currency's minor unit
 * (`daily_budget: 1000` is 10.00 USD).
 */
export function toMetaMinorUnits(value: Money): number {
  return value.amountMinor;
}

/**
 * Reads a Meta minor-unit amount. Meta writes budgets as integers but reads them back as strings
 * (`"1000"`), so both are accepted.
 */
export function fromMetaMinorUnits(value: string | number, currency: string): Money {
  return fromUnit(value, currency, currencyExponent(currency), 'exact', 'minorUnits');
}

/** Google Ads `amountMicros`/`costMicros`: micros as an int64 string (`"5000000"` is 5.00). */
export function toGoogleMicros(value: Money): string {
  return toMicros(value).toString();
}

/** Reads a Google Ads micros value (int64 string in REST JSON, or a number). */
export function fromGoogleMicros(
  value: string | number | bigint,
  currency: string,
  rounding: RoundingMode = 'half-even',
): Money {
  return fromMicros(value, currency, rounding);
}

/**
 * Pinterest Ads `*_in_micro_currency` / `*_spend_cap` / `SPEND_IN_MICRO_DOLLAR`: micro-units of the
 * ad account's currency as a JSON integer. Throws if the value is beyond `Number.MAX_SAFE_INTEGER`.
 */
export function toPinterestMicroCurrency(value: Money): number {
  const micros = toMicros(value);
  if (micros > BigInt(Number.MAX_SAFE_INTEGER) || micros < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw invalidMoney(
      'amountMinor',
      'too large to send as Pinterest micro-currency',
      'Use a smaller amount.',
    );
  }
  return Number(micros);
}

/** Reads a Pinterest micro-currency amount in the ad account's currency. */
export function fromPinterestMicroCurrency(
  value: number | string,
  currency: string,
  rounding: RoundingMode = 'half-even',
): Money {
  return fromMicros(value, currency, rounding);
}

/** TikTok Marketing API `budget`/`bid_price`: a float in the account currency's major unit (12.34). */
export function toTikTokMajorUnits(value: Money): number {
  return toMajorNumber(value);
}

/** Reads a TikTok major-unit float or string (`12.34`, `"12.34"`) without float drift. */
export function fromTikTokMajorUnits(
  value: number | string,
  currency: string,
  rounding: RoundingMode = 'half-even',
): Money {
  return moneyFromMajor(value, currency, rounding);
}

/** `a + b`; both must share a currency. */
export function addMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amountMinor + b.amountMinor, a.currency);
}

/** `a - b`; both must share a currency. */
export function subtractMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amountMinor - b.amountMinor, a.currency);
}

/** Sums `values` (all in `currency`); an empty list is zero. */
export function sumMoney(values: readonly Money[], currency: string): Money {
  return values.reduce((total, value) => addMoney(total, value), zeroMoney(currency));
}

/** -1, 0 or 1 as `a` is less than, equal to or greater than `b`; both must share a currency. */
export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  assertSameCurrency(a, b);
  return a.amountMinor < b.amountMinor ? -1 : a.amountMinor > b.amountMinor ? 1 : 0;
}

/**
 * `value × factor`, computed exactly on the factor's decimal form (`1.2` is 12/10, not a binary
 * approximation) and rounded to the minor unit (default `half-even`). Used for "+20 %" style budget steps.
 */
export function multiplyMoney(
  value: Money,
  factor: number | string,
  rounding: RoundingMode = 'half-even',
): Money {
  const parsed = parseDecimal(factor);
  if (!parsed)
    throw invalidMoney(
      'factor',
      `"${String(factor)}" is not a finite decimal number`,
      'Pass a finite number such as 1.2.',
    );
  const product = divideRounded(
    BigInt(value.amountMinor) * parsed.digits,
    10n ** BigInt(parsed.scale),
    rounding,
  );
  if (product === undefined) {
    throw invalidMoney(
      'factor',
      'the product has more decimals than the minor unit',
      'Pass a rounding mode other than "exact".',
    );
  }
  return money(toSafeNumber(product, 'amountMinor'), value.currency);
}

/** True when both amounts are in the same currency. */
export function isSameCurrency(a: Money, b: Money): boolean {
  return a.currency === b.currency;
}

/**
 * Converts `value`, expressed in a unit with `unitDecimals` decimals per major unit (0 = major units,
 * 6 = micros), into minor units: minor = digits × 10^exponent / 10^(scale + unitDecimals).
 */
function fromUnit(
  value: string | number | bigint,
  currency: string,
  unitDecimals: number,
  rounding: RoundingMode,
  field: string,
): Money {
  const parsed = parseDecimal(value);
  if (!parsed) {
    throw invalidMoney(
      field,
      `"${String(value)}" is not a finite decimal number`,
      'Pass digits such as "12.34".',
    );
  }
  const numerator = parsed.digits * 10n ** BigInt(currencyExponent(currency));
  const minor = divideRounded(numerator, 10n ** BigInt(parsed.scale + unitDecimals), rounding);
  if (minor === undefined) {
    throw invalidMoney(
      field,
      `${String(value)} is not a whole number of ${currency} minor units`,
      'Pass a rounding mode other than "exact", or an amount with fewer decimals.',
    );
  }
  return money(toSafeNumber(minor, field), currency);
}

function toSafeNumber(value: bigint, field: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw invalidMoney(
      field,
      'amount exceeds the safe integer range of minor units',
      'Use a smaller amount.',
    );
  }
  return Number(value);
}

function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw invalidMoney(
      'currency',
      `cannot combine ${a.currency} with ${b.currency}`,
      'Convert both amounts to one currency first.',
    );
  }
}

function invalidMoney(field: string, reason: string, fix: string): ValidationError {
  return new ValidationError({ field, reason, fix });
}
