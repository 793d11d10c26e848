import { z } from 'zod';

/** An ISO 8601 date-time with `Z` or an explicit offset, e.g. `2026-11-26T09:30:00Z`. */
export const IsoDateTimeSchema = z.iso.datetime({ offset: true });

/** An ISO 8601 date-time string; see {@link IsoDateTimeSchema}. */
export type IsoDateTime = z.infer<typeof IsoDateTimeSchema>;

/** A calendar date `YYYY-MM-DD` (no time, no zone). */
export const IsoDateSchema = z.iso.date();

/** A calendar date string `YYYY-MM-DD`; see {@link IsoDateSchema}. */
export type IsoDate = z.infer<typeof IsoDateSchema>;

/** An IANA time zone name that this runtime knows, e.g. `Europe/Paris` or `America/New_York`. */
export const TimeZoneSchema = z.string().min(1).refine(isKnownTimeZone, {
  message: 'Unknown IANA time zone; use a name like "Europe/Paris" or "America/New_York".',
});

/** An IANA time zone name; see {@link TimeZoneSchema}. */
export type TimeZone = z.infer<typeof TimeZoneSchema>;

/** A BCP 47 locale tag such as `en-US` or `fr-FR`. */
export const LocaleSchema = z
  .string()
  .min(2)
  .refine(isValidLocale, { message: 'Invalid BCP 47 locale tag; use a tag like "en-US" or "fr".' });

/** A BCP 47 locale tag; see {@link LocaleSchema}. */
export type Locale = z.infer<typeof LocaleSchema>;

/** An inclusive range of calendar days: `since` through `until`, both `YYYY-MM-DD`. */
export const DateRangeSchema = z
  .strictObject({ since: IsoDateSchema, until: IsoDateSchema })
  .refine((range) => range.since <= range.until, {
    message: '`since` must be on or before `until`.',
    path: ['until'],
  });

/** An inclusive range of calendar days; see {@link DateRangeSchema}. */
export type DateRange = z.infer<typeof DateRangeSchema>;

/** True when `name` is an IANA time zone this runtime's ICU data knows (`UTC` included). */
export function isKnownTimeZone(name: string): boolean {
  // Offsets such as "+02:00" are not IANA names even where the runtime accepts them.
  if (!IANA_NAME.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

function isValidLocale(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}
