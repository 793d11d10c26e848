import { z } from 'zod';

/** An ISO 3166-1 alpha-2 country code, e.g. `US`, `FR`. */
export const CountryCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}$/, { message: 'Use an ISO 3166-1 alpha-2 country code such as "US".' });

/** An ISO 3166-1 alpha-2 country code; see {@link CountryCodeSchema}. */
export type CountryCode = z.infer<typeof CountryCodeSchema>;

/** A region inside a country, by name; adapters resolve it to the platform's key (Meta region key, TikTok location id). */
export const TargetRegionSchema = z.strictObject({
  country: CountryCodeSchema,
  /** Region name, e.g. `California`. */
  name: z.string().min(1).max(200),
  /** The platform's own key when already known. */
  platformKey: z.string().min(1).max(100).optional(),
});

/** A region inside a country; see {@link TargetRegionSchema}. */
export type TargetRegion = z.infer<typeof TargetRegionSchema>;

/** A gender a platform can target. */
export const TargetGenderSchema = z.enum(['female', 'male']);

/** A gender a platform can target; see {@link TargetGenderSchema}. */
export type TargetGender = z.infer<typeof TargetGenderSchema>;

/**
 * A platform-neutral placement. Adapters map them to their own (Meta `publisher_platforms` and
 * positions, TikTok `placements`, Google network settings); a placement a platform lacks is reported
 * as an issue by `mapTargeting`.
 */
export const TargetPlacementSchema = z.enum([
  'feed',
  'stories',
  'reels',
  'shorts',
  'explore',
  'search',
  'display',
  'in_stream_video',
  'audience_network',
  'messenger',
]);

/** A platform-neutral placement; see {@link TargetPlacementSchema}. */
export type TargetPlacement = z.infer<typeof TargetPlacementSchema>;

/**
 * Who an ad should reach, independent of any platform. Empty lists mean "no restriction"
 * (`placements: []` is automatic placement; `genders: []` is everyone).
 */
export const GenericTargetingSchema = z
  .strictObject({
    countries: z.array(CountryCodeSchema).min(1).max(250),
    regions: z.array(TargetRegionSchema).max(200).default([]),
    /** Minimum age, 13 to 65. */
    ageMin: z.int().min(13).max(65).default(18),
    /** Maximum age, 13 to 65 (65 means 65+). */
    ageMax: z.int().min(13).max(65).default(65),
    genders: z.array(TargetGenderSchema).max(2).default([]),
    /** Interest keywords (e.g. `"home decor"`); adapters look up platform interest ids. */
    interests: z.array(z.string().min(1).max(100)).max(50).default([]),
    /** BCP 47 language tags, e.g. `en`, `fr-CA`. */
    languages: z.array(z.string().min(2).max(35)).max(50).default([]),
    placements: z.array(TargetPlacementSchema).default([]),
  })
  .refine((targeting) => targeting.ageMin <= targeting.ageMax, {
    message: '`ageMax` must be at least `ageMin`.',
    path: ['ageMax'],
  });

/** Who an ad should reach, independent of any platform; see {@link GenericTargetingSchema}. */
export type GenericTargeting = z.infer<typeof GenericTargetingSchema>;
