/**
 * Exact decimal arithmetic on bigint digits, used by the money converters so that no amount ever
 * passes through a float multiplication. Internal to the model; not exported from the barrel.
 */

/** How a value with more decimals than the target unit is brought onto it. */
export type RoundingMode = 'half-even' | 'half-up' | 'floor' | 'ceil' | 'trunc' | 'exact';

/** A decimal number as `digits × 10^-scale` (`scale` >= 0). */
export interface DecimalAmount {
  digits: bigint;
  scale: number;
}

/**
 * Parses a decimal string (`"12.34"`, `"-0.5"`, `"1e-7"`) or a finite number (via its shortest
 * round-trip representation, so `0.1 + 0.2` is read as `0.30000000000000004`, never as a binary
 * expansion). Returns `undefined` for anything else.
 */
export function parseDecimal(value: string | number | bigint): DecimalAmount | undefined {
  if (typeof value === 'bigint') return { digits: value, scale: 0 };
  if (typeof value === 'number' && !Number.isFinite(value)) return undefined;
  const text = String(value).trim();
  const match = DECIMAL.exec(text);
  if (!match) return undefined;
  const [, sign = '', whole = '', fractionAfterWhole, fractionOnly, exponentText = '0'] = match;
  const fraction = fractionAfterWhole ?? fractionOnly ?? '';
  const exponent = Number.parseInt(exponentText, 10);
  if (Math.abs(exponent) > 400) return undefined;
  let digits = BigInt(`${whole}${fraction}` || '0');
  let scale = fraction.length - exponent;
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { digits: sign === '-' ? -digits : digits, scale };
}

/** Divides two bigints (`divisor` > 0) with the given rounding; `exact` gives `undefined` on a remainder. */
export function divideRounded(dividend: bigint, divisor: bigint, rounding: RoundingMode): bigint | undefined {
  const quotient = dividend / divisor; // truncates toward zero
  const remainder = dividend % divisor;
  if (remainder === 0n) return quotient;
  const negative = dividend < 0n;
  const awayFromZero = negative ? quotient - 1n : quotient + 1n;
  switch (rounding) {
    case 'exact':
      return undefined;
    case 'trunc':
      return quotient;
    case 'floor':
      return negative ? awayFromZero : quotient;
    case 'ceil':
      return negative ? quotient : awayFromZero;
    case 'half-up':
    case 'half-even': {
      const twiceRemainder = (remainder < 0n ? -remainder : remainder) * 2n;
      if (twiceRemainder > divisor) return awayFromZero;
      if (twiceRemainder < divisor) return quotient;
      if (rounding === 'half-up') return awayFromZero;
      return quotient % 2n === 0n ? quotient : awayFromZero;
    }
  }
}

/** Formats `digits × 10^-scale` as a plain decimal string, e.g. `(1234n, 2)` → `"12.34"`. */
export function formatDecimal(digits: bigint, scale: number): string {
  const negative = digits < 0n;
  const text = (negative ? -digits : digits).toString().padStart(scale + 1, '0');
  const whole = text.slice(0, text.length - scale);
  const fraction = scale > 0 ? `.${text.slice(text.length - scale)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

const DECIMAL = /^([+-])?(?:(\d+)(?:\.(\d*))?|\.(\d+))(?:[eE]([+-]?\d+))?$/;
