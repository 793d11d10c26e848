import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/index';
import {
  addMoney,
  compareMoney,
  currencyExponent,
  fromGoogleMicros,
  fromMetaMinorUnits,
  fromMicros,
  fromPinterestMicroCurrency,
  fromTikTokMajorUnits,
  MoneySchema,
  money,
  moneyFromMajor,
  multiplyMoney,
  subtractMoney,
  sumMoney,
  toGoogleMicros,
  toMajorNumber,
  toMajorString,
  toMetaMinorUnits,
  toMicros,
  toPinterestMicroCurrency,
  toTikTokMajorUnits,
} from '../../src/model/index';

describe('Money schema', () => {
  it('accepts integer minor units with an ISO 4217 code', () => {
    expect(MoneySchema.parse({ amountMinor: 1999, currency: 'USD' })).toEqual({
      amountMinor: 1999,
      currency: 'USD',
    });
  });

  it('rejects fractional minor units at amountMinor', () => {
    const result = MoneySchema.safeParse({ amountMinor: 19.99, currency: 'USD' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['amountMinor']);
  });

  it('rejects unknown, lower-case and made-up currencies at currency', () => {
    for (const currency of ['usd', 'US', 'XYZ', 'DOLLARS']) {
      const result = MoneySchema.safeParse({ amountMinor: 1, currency });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(['currency']);
    }
  });

  it('rejects extra keys such as a float amount', () => {
    expect(MoneySchema.safeParse({ amountMinor: 1, currency: 'USD', amount: 0.01 }).success).toBe(false);
  });

  it('throws a ValidationError naming the field from money()', () => {
    expect(() => money(1.5, 'USD')).toThrowError(ValidationError);
    try {
      money(1, 'ABC');
    } catch (error) {
      expect(ValidationError.isInstance(error) && error.field).toBe('currency');
    }
  });
});

describe('currency exponents', () => {
  it('knows the ISO 4217 minor units of common and odd currencies', () => {
    expect(currencyExponent('USD')).toBe(2);
    expect(currencyExponent('EUR')).toBe(2);
    expect(currencyExponent('GBP')).toBe(2);
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('KRW')).toBe(0);
    expect(currencyExponent('BHD')).toBe(3);
    expect(currencyExponent('KWD')).toBe(3);
    expect(currencyExponent('CLF')).toBe(4);
  });
});

describe('major units', () => {
  it('reads 0.1 + 0.2 dollars as exactly 30 cents (no float drift)', () => {
    expect(moneyFromMajor(0.1 + 0.2, 'USD')).toEqual({ amountMinor: 30, currency: 'USD' });
  });

  it('keeps sums of many dime amounts exact', () => {
    const dimes = Array.from({ length: 10 }, () => moneyFromMajor(0.1, 'USD'));
    expect(sumMoney(dimes, 'USD')).toEqual({ amountMinor: 100, currency: 'USD' });
  });

  it('parses decimal strings exactly, including negatives and exponents', () => {
    expect(moneyFromMajor('12.34', 'USD').amountMinor).toBe(1234);
    expect(moneyFromMajor('-0.05', 'EUR').amountMinor).toBe(-5);
    expect(moneyFromMajor('1.5e2', 'USD').amountMinor).toBe(15000);
    expect(moneyFromMajor('1.234', 'BHD').amountMinor).toBe(1234);
  });

  it('treats JPY as having no decimals', () => {
    expect(moneyFromMajor('1500', 'JPY')).toEqual({ amountMinor: 1500, currency: 'JPY' });
    expect(toMajorString(money(1500, 'JPY'))).toBe('1500');
    expect(() => moneyFromMajor('1500.5', 'JPY', 'exact')).toThrowError(ValidationError);
    expect(moneyFromMajor('1500.5', 'JPY').amountMinor).toBe(1500); // half-even
    expect(moneyFromMajor('1501.5', 'JPY').amountMinor).toBe(1502);
  });

  it('rounds as asked: half-even, half-up, floor, ceil, trunc', () => {
    expect(moneyFromMajor('0.125', 'USD', 'half-even').amountMinor).toBe(12);
    expect(moneyFromMajor('0.125', 'USD', 'half-up').amountMinor).toBe(13);
    expect(moneyFromMajor('-0.125', 'USD', 'half-up').amountMinor).toBe(-13);
    expect(moneyFromMajor('0.121', 'USD', 'ceil').amountMinor).toBe(13);
    expect(moneyFromMajor('-0.121', 'USD', 'floor').amountMinor).toBe(-13);
    expect(moneyFromMajor('-0.129', 'USD', 'trunc').amountMinor).toBe(-12);
  });

  it('formats minor units back to exact decimal strings', () => {
    expect(toMajorString(money(1234, 'USD'))).toBe('12.34');
    expect(toMajorString(money(5, 'USD'))).toBe('0.05');
    expect(toMajorString(money(-5, 'USD'))).toBe('-0.05');
    expect(toMajorString(money(1, 'BHD'))).toBe('0.001');
    expect(toMajorNumber(money(1234, 'USD'))).toBe(12.34);
  });

  it('rejects text that is not a number', () => {
    expect(() => moneyFromMajor('12,34', 'USD')).toThrowError(ValidationError);
    expect(() => moneyFromMajor(Number.NaN, 'USD')).toThrowError(ValidationError);
  });
});

describe('platform units', () => {
  it('sends Meta budgets as integer minor units and reads back its string form', () => {
    expect(toMetaMinorUnits(money(1000, 'USD'))).toBe(1000);
    expect(fromMetaMinorUnits('1000', 'USD')).toEqual({ amountMinor: 1000, currency: 'USD' });
    expect(fromMetaMinorUnits(500, 'JPY')).toEqual({ amountMinor: 500, currency: 'JPY' });
    expect(() => fromMetaMinorUnits('10.5', 'USD')).toThrowError(ValidationError);
  });

  it('converts to and from Google micros as int64 strings', () => {
    expect(toGoogleMicros(money(500, 'USD'))).toBe('5000000');
    expect(toGoogleMicros(money(500, 'JPY'))).toBe('500000000');
    expect(toGoogleMicros(money(1, 'KWD'))).toBe('1000');
    expect(fromGoogleMicros('5000000', 'USD')).toEqual({ amountMinor: 500, currency: 'USD' });
    expect(fromGoogleMicros('1234567', 'USD').amountMinor).toBe(123); // 1.234567 → 1.23
    expect(fromGoogleMicros('1235000', 'USD').amountMinor).toBe(124); // half-even tie → even
    expect(fromGoogleMicros('1225000', 'USD').amountMinor).toBe(122);
    expect(fromGoogleMicros('1500000', 'JPY').amountMinor).toBe(2);
  });

  it('handles micros beyond the float-safe range exactly', () => {
    const large = money(Number.MAX_SAFE_INTEGER, 'USD');
    expect(toMicros(large)).toBe(BigInt(Number.MAX_SAFE_INTEGER) * 10_000n);
    expect(fromMicros(toMicros(large), 'USD')).toEqual(large);
  });

  it('converts Pinterest micro-currency both ways', () => {
    expect(toPinterestMicroCurrency(money(2550, 'EUR'))).toBe(25_500_000);
    expect(fromPinterestMicroCurrency(25_500_000, 'EUR')).toEqual({ amountMinor: 2550, currency: 'EUR' });
  });

  it('converts TikTok major-unit floats without drift', () => {
    expect(toTikTokMajorUnits(money(1999, 'USD'))).toBe(19.99);
    expect(fromTikTokMajorUnits(19.99, 'USD').amountMinor).toBe(1999);
    expect(fromTikTokMajorUnits(0.1 + 0.7, 'USD').amountMinor).toBe(80);
    expect(fromTikTokMajorUnits('20', 'JPY').amountMinor).toBe(20);
    // Every cent value round-trips through the float form.
    for (let cents = 0; cents < 10_000; cents += 1) {
      expect(fromTikTokMajorUnits(toTikTokMajorUnits(money(cents, 'USD')), 'USD').amountMinor).toBe(cents);
    }
  });
});

describe('arithmetic', () => {
  it('adds, subtracts and compares within one currency', () => {
    expect(addMoney(money(10, 'USD'), money(20, 'USD')).amountMinor).toBe(30);
    expect(subtractMoney(money(10, 'USD'), money(25, 'USD')).amountMinor).toBe(-15);
    expect(compareMoney(money(10, 'USD'), money(20, 'USD'))).toBe(-1);
    expect(compareMoney(money(20, 'USD'), money(20, 'USD'))).toBe(0);
  });

  it('refuses to mix currencies and names the field', () => {
    expect(() => addMoney(money(1, 'USD'), money(1, 'EUR'))).toThrowError(/currency/);
  });

  it('multiplies by decimal factors exactly (+20 %, -20 %, 1.1)', () => {
    expect(multiplyMoney(money(5000, 'USD'), 1.2).amountMinor).toBe(6000);
    expect(multiplyMoney(money(5000, 'USD'), 0.8).amountMinor).toBe(4000);
    expect(multiplyMoney(money(1005, 'USD'), 1.1).amountMinor).toBe(1106); // 1105.5 → even 1106
    expect(multiplyMoney(money(1015, 'USD'), 1.1).amountMinor).toBe(1116); // 1116.5 → even 1116
    expect(multiplyMoney(money(333, 'JPY'), '0.5', 'floor').amountMinor).toBe(166);
    expect(() => multiplyMoney(money(333, 'JPY'), 0.5, 'exact')).toThrowError(ValidationError);
  });
});
