import { z } from 'zod';
import { IdSchema } from './identifier';
import { SocialChannelSchema } from './platform';
import { IsoDateSchema, IsoDateTimeSchema, TimeZoneSchema } from './time';

/** A content theme planned for a calendar, optionally pinned to a day. */
export const CalendarThemeSchema = z.strictObject({
  title: z.string().min(1).max(200),
  description: z.string().max(2000).optional(),
  /** The local day it is planned for. */
  date: IsoDateSchema.optional(),
  /** Host catalog product ids it features. */
  productIds: z.array(IdSchema).default([]),
});

/** A content theme; see {@link CalendarThemeSchema}. */
export type CalendarTheme = z.infer<typeof CalendarThemeSchema>;

/** A calendar's lifecycle: planned (`draft`), `approved`, running (`active`), `completed` or `archived`. */
export const CalendarStatusSchema = z.enum(['draft', 'approved', 'active', 'completed', 'archived']);

/** A calendar's lifecycle; see {@link CalendarStatusSchema}. */
export type CalendarStatus = z.infer<typeof CalendarStatusSchema>;

/** A plan of organic posts for a store over a span of local days; the posts themselves are `SocialPost`s. */
export const ContentCalendarSchema = z
  .strictObject({
    id: IdSchema,
    storeId: IdSchema,
    status: CalendarStatusSchema,
    /** First local day (inclusive). */
    startDate: IsoDateSchema,
    /** Last local day (inclusive). */
    endDate: IsoDateSchema,
    /** The store's time zone when planned; days and slots are local to it. */
    timeZone: TimeZoneSchema,
    channels: z.array(SocialChannelSchema).min(1),
    postsPerDay: z.number().positive().max(50),
    themes: z.array(CalendarThemeSchema).default([]),
    /** Ids of the posts it planned, in slot order. */
    postIds: z.array(IdSchema).default([]),
    createdAt: IsoDateTimeSchema,
    updatedAt: IsoDateTimeSchema,
  })
  .refine((calendar) => calendar.startDate <= calendar.endDate, {
    message: '`endDate` must be on or after `startDate`.',
    path: ['endDate'],
  });

/** A plan of organic posts; see {@link ContentCalendarSchema}. */
export type ContentCalendar = z.infer<typeof ContentCalendarSchema>;
