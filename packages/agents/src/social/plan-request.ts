import type { StoreProfile } from '@growthhub/core';
import { CHANNEL_PLATFORM, PlatformIdSchema, ValidationError } from '@growthhub/core';
import type { CatalogMedia, CatalogProduct } from '../catalog/index';
import { type BestTimeTable, DEFAULT_BEST_TIMES } from './best-time-slots';
import type { ContentMix } from './content-mix';
import { type PublishingTarget, publishableChannels, resolvePublishingTargets } from './publishing-targets';
import type { SocialContext } from './social-context';
import { type PlanCalendarInput, PlanCalendarInputSchema, parseInput } from './social-inputs';
import { localDate } from './zoned-time';

/** A `planCalendar` request after every check passed: nothing is written before this exists. */
export interface PlanRequest {
  readonly store: StoreProfile;
  readonly targets: readonly PublishingTarget[];
  readonly startDate: string;
  readonly days: number;
  readonly postsPerDay: number;
  readonly products: readonly CatalogProduct[];
  readonly media: readonly CatalogMedia[];
  readonly mix: ContentMix | undefined;
  readonly bestTimes: BestTimeTable;
  readonly minGapMs: number;
}

/**
 * Validates a `planCalendar` input completely before anything is written: the shape (days,
 * postsPerDay, dates), a store the catalog knows, platforms and channels the engine publishes to and
 * the store has connected, and a start date that is not in the past in the store's time zone. Each
 * failure is a `ValidationError` naming the field.
 */
export async function resolvePlanRequest(
  context: SocialContext,
  raw: PlanCalendarInput,
): Promise<PlanRequest> {
  const input = parseInput(PlanCalendarInputSchema, raw);
  const store = await context.catalog.getStore(input.storeId);
  if (store === undefined) {
    throw new ValidationError({
      field: 'storeId',
      reason: `the catalog has no store "${input.storeId}"`,
      fix: "pass the id of a store the host's catalog knows",
    });
  }
  const targets =
    input.channels === undefined && input.platforms !== undefined
      ? await targetsOfPlatforms(context, input.storeId, input.platforms)
      : await resolvePublishingTargets(context.platforms, input.storeId, input.channels);
  const today = localDate(context.clock.now(), store.timeZone);
  const startDate = input.startDate ?? today;
  if (startDate < today) {
    throw new ValidationError({
      field: 'startDate',
      reason: `${startDate} is in the past (today is ${today} in ${store.timeZone})`,
      fix: `use ${today} or a later day, or leave startDate out`,
    });
  }
  const [products, media] = await Promise.all([
    context.catalog.listProducts(input.storeId),
    context.catalog.listMedia(input.storeId),
  ]);
  return {
    store,
    targets,
    startDate,
    days: input.days,
    postsPerDay: input.postsPerDay,
    products,
    media,
    mix: input.contentMix ?? context.settings.contentMix,
    bestTimes: { ...DEFAULT_BEST_TIMES, ...context.settings.bestTimes, ...input.bestTimes },
    minGapMs: (input.minGapMinutes ?? context.settings.minGapMinutes) * 60_000,
  };
}

/** `platforms: ['meta']` → the store's targets on those platforms; each platform must have one. */
async function targetsOfPlatforms(
  context: SocialContext,
  storeId: string,
  platforms: readonly string[],
): Promise<PublishingTarget[]> {
  const ids = platforms.map((name, index) => {
    const parsed = PlatformIdSchema.safeParse(name);
    const publishes =
      parsed.success &&
      publishableChannels(context.platforms).some((c) => CHANNEL_PLATFORM[c] === parsed.data);
    if (!parsed.success || !publishes) {
      throw new ValidationError({
        field: `platforms.${index}`,
        reason: `"${name}" is not a platform this engine publishes to`,
        fix: `use one of: ${context.platforms.platformIds.join(', ')}`,
      });
    }
    return parsed.data;
  });
  const all = await resolvePublishingTargets(context.platforms, storeId, undefined).catch(() => []);
  return ids.flatMap((platform, index) => {
    const own = all.filter((target) => CHANNEL_PLATFORM[target.channel] === platform);
    if (own.length === 0) {
      throw new ValidationError({
        field: `platforms.${index}`,
        reason: `store "${storeId}" has no connected ${platform} account`,
        fix: `connect ${platform} for this store first, or leave it out`,
      });
    }
    return own;
  });
}
