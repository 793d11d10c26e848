import { z } from 'zod';

/**
 * The structured language-model tasks of the Social Agent: their names (sent as `schemaName`), the
 * input each prompt carries (as JSON inside `<input>`), and the output schemas. Output schemas use no
 * optional fields (nullable instead), so they work with OpenAI strict structured outputs.
 */
export const SOCIAL_TASKS = {
  /** Themes for the whole calendar and one angle per content idea. */
  plan: 'growthhub_social_plan',
  /** Captions and hashtags for a batch of ideas, for every channel at once. */
  captions: 'growthhub_social_captions',
  /** Rewrites of captions that failed a platform's rules. */
  rewrite: 'growthhub_social_caption_rewrite',
} as const;

/** The brand facts every writing task carries. */
export const BrandBriefSchema = z.strictObject({
  storeName: z.string(),
  niche: z.string(),
  audience: z.string().nullable(),
  tone: z.array(z.string()),
  voiceDescription: z.string().nullable(),
  dos: z.array(z.string()),
  donts: z.array(z.string()),
  emoji: z.enum(['none', 'sparing', 'liberal']),
  locale: z.string(),
  currency: z.string(),
  websiteUrl: z.string().nullable(),
});

/** The brand facts every writing task carries; see {@link BrandBriefSchema}. */
export type BrandBrief = z.infer<typeof BrandBriefSchema>;

/** A product as shown to the model. */
export const ProductBriefSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  /** Formatted in the store's locale, e.g. `€24.00`. */
  price: z.string().nullable(),
  url: z.string().nullable(),
  tags: z.array(z.string()),
});

/** A product as shown to the model; see {@link ProductBriefSchema}. */
export type ProductBrief = z.infer<typeof ProductBriefSchema>;

/** One content idea: a slot of the calendar, before it is written for each channel. */
export const IdeaBriefSchema = z.strictObject({
  index: z.int().nonnegative(),
  /** Local day, `YYYY-MM-DD`. */
  date: z.string(),
  weekday: z.string(),
  contentType: z.enum(['product', 'brand']),
  format: z.enum(['video', 'carousel', 'image', 'text']),
  product: ProductBriefSchema.nullable(),
  mediaCount: z.int().nonnegative(),
});

/** One content idea; see {@link IdeaBriefSchema}. */
export type IdeaBrief = z.infer<typeof IdeaBriefSchema>;

/** Input of the plan task. */
export interface PlanTaskInput {
  brand: BrandBrief;
  startDate: string;
  days: number;
  /** How many themes to propose (about one per week). */
  themeCount: number;
  ideas: IdeaBrief[];
}

/** Output of the plan task. */
export const PlanTaskOutputSchema = z.strictObject({
  themes: z
    .array(
      z.strictObject({
        title: z.string().min(1).max(200),
        description: z.string().max(2000),
        productIds: z.array(z.string()),
      }),
    )
    .min(1),
  ideas: z.array(
    z.strictObject({
      index: z.int().nonnegative(),
      /** 0-based index into `themes`. */
      themeIndex: z.int().nonnegative(),
      /** The hook or story of the post, one sentence. */
      angle: z.string().min(1).max(400),
    }),
  ),
});

/** Output of the plan task; see {@link PlanTaskOutputSchema}. */
export type PlanTaskOutput = z.infer<typeof PlanTaskOutputSchema>;

/** How a channel's caption must look, as given to the model. */
export const ChannelBriefSchema = z.strictObject({
  channel: z.string(),
  /** Longest caption with hashtags, in `unit`. */
  maxLength: z.int().positive(),
  unit: z.enum(['x-weighted', 'utf16', 'code-points']),
  /** How many hashtags to write. */
  hashtagCount: z.int().nonnegative(),
  /** Whether a title (≤ `titleMaxLength`) must be written. */
  needsTitle: z.boolean(),
  titleMaxLength: z.int().positive().nullable(),
  /** Target caption length in characters (shorter than the limit). */
  targetLength: z.int().positive(),
  /** House style for the channel. */
  style: z.string(),
});

/** How a channel's caption must look; see {@link ChannelBriefSchema}. */
export type ChannelBrief = z.infer<typeof ChannelBriefSchema>;

/** Input of the captions task. */
export interface CaptionsTaskInput {
  brand: BrandBrief;
  channels: ChannelBrief[];
  ideas: Array<IdeaBrief & { angle: string; theme: string }>;
}

/** One written caption. */
export const WrittenCaptionSchema = z.strictObject({
  index: z.int().nonnegative(),
  channel: z.string(),
  caption: z.string().min(1).max(10_000),
  hashtags: z.array(z.string().max(100)).max(40),
  title: z.string().max(300).nullable(),
});

/** One written caption; see {@link WrittenCaptionSchema}. */
export type WrittenCaption = z.infer<typeof WrittenCaptionSchema>;

/** Output of the captions task. */
export const CaptionsTaskOutputSchema = z.strictObject({ posts: z.array(WrittenCaptionSchema) });

/** Output of the captions task; see {@link CaptionsTaskOutputSchema}. */
export type CaptionsTaskOutput = z.infer<typeof CaptionsTaskOutputSchema>;

/** Input of the rewrite task. */
export interface RewriteTaskInput {
  brand: BrandBrief;
  items: Array<{
    /** Echoed back to match the answer. */
    key: string;
    channel: ChannelBrief;
    idea: IdeaBrief & { angle: string; theme: string };
    caption: string;
    hashtags: string[];
    title: string | null;
    /** What the platform rejected, e.g. "caption: 312 weighted characters; the limit is 280". */
    problems: string[];
  }>;
}

/** Output of the rewrite task. */
export const RewriteTaskOutputSchema = z.strictObject({
  items: z.array(
    z.strictObject({
      key: z.string(),
      caption: z.string().min(1).max(10_000),
      hashtags: z.array(z.string().max(100)).max(40),
      title: z.string().max(300).nullable(),
    }),
  ),
});

/** Output of the rewrite task; see {@link RewriteTaskOutputSchema}. */
export type RewriteTaskOutput = z.infer<typeof RewriteTaskOutputSchema>;
