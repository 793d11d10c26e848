import { z } from 'zod';

/**
 * An active ISO 4217 currency code (three upper-case letters), e.g. `USD`, `EUR`, `JPY`.
 * Codes outside {@link currencyExponent}'s table are rejected, because money math needs the exponent.
 */
export const CurrencyCodeSchema = z
  .string()
  .regex(/^[A-Z]{3}$/, { message: 'Currency must be three upper-case letters (ISO 4217), e.g. "USD".' })
  .refine(isKnownCurrency, { message: 'Unknown ISO 4217 currency code; use an active code such as "USD".' });

/** An ISO 4217 currency code; see {@link CurrencyCodeSchema}. */
export type CurrencyCode = z.infer<typeof CurrencyCodeSchema>;

/**
 * The number of decimal places of a currency's minor unit per ISO 4217: 2 for USD/EUR/GBP,
 * 0 for JPY/KRW, 3 for BHD/KWD/JOD/OMR/TND, 4 for CLF. Throws a `RangeError` for an unknown code.
 */
export function currencyExponent(currency: string): number {
  const exponent = EXPONENT_BY_CURRENCY.get(currency);
  if (exponent === undefined) {
    throw new RangeError(`Unknown ISO 4217 currency "${currency}": use an active code such as "USD".`);
  }
  return exponent;
}

/** True when `code` is an active ISO 4217 currency that Growth Hub can do exact math on. */
export function isKnownCurrency(code: string): boolean {
  return EXPONENT_BY_CURRENCY.has(code);
}

const ZERO_DECIMALS = 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF';
const THREE_DECIMALS = 'BHD IQD JOD KWD LYD OMR TND';
const FOUR_DECIMALS = 'CLF UYW';
const TWO_DECIMALS = [
  'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD',
  'CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS',
  'GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL',
  'MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK',
  'PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS',
  'TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG',
].join(' ');

const EXPONENT_BY_CURRENCY: ReadonlyMap<string, number> = new Map([
  ...codes(TWO_DECIMALS, 2),
  ...codes(ZERO_DECIMALS, 0),
  ...codes(THREE_DECIMALS, 3),
  ...codes(FOUR_DECIMALS, 4),
]);

function codes(list: string, exponent: number): Array<[string, number]> {
  return list.split(' ').map((code) => [code, exponent]);
}
