import type {
  CalendarTheme,
  ContentCalendar,
  LanguageModelUsage,
  PlatformRuleIssue,
  SocialChannel,
  SocialPost,
} from '@growthhub/core';
import { ContentCalendarSchema } from '@growthhub/core';
import { slotTimesForDay } from './best-time-slots';
import { type DraftSlot, draftPosts } from './calendar-drafting';
import { type AngledIdea, CalendarWriter } from './calendar-writer';
import { channelBrief, fitIdeaToChannel } from './channel-fit';
import { planContentIdeas } from './content-mix';
import { type PlanRequest, resolvePlanRequest } from './plan-request';
import { accountKey, normalizedCaption } from './post-checks';
import { newId } from './post-content';
import { schedulePublishing } from './publish-scheduling';
import { assignSlots, earliestSlot, type SlotRequest } from './slot-scheduler';
import { listAll, type SocialContext } from './social-context';
import type { PlanCalendarInput } from './social-inputs';
import { brandBrief, ideaBrief } from './writing-prompts';
import type { PlanTaskOutput } from './writing-tasks';
import { addDays, zonedTimeToUtc } from './zoned-time';

/** What `planCalendar` returns: the calendar, its posts, and how it was made. */
export interface CalendarPlan {
  readonly calendar: ContentCalendar;
  /** Every post planned, in slot order (`scheduled` in autopilot, otherwise `draft`). */
  readonly posts: SocialPost[];
  /** Posts kept as drafts because a platform rule still fails after rewriting, with the issues. */
  readonly issues: ReadonlyArray<{
    readonly postId: string;
    readonly channel: SocialChannel;
    readonly issues: readonly PlatformRuleIssue[];
  }>;
  /** Ideas a channel could not take at all (e.g. a text idea on Instagram), with the reason. */
  readonly skipped: ReadonlyArray<{
    readonly ideaIndex: number;
    readonly channel: SocialChannel;
    readonly reason: string;
  }>;
  /** Language-model calls made. */
  readonly llmCalls: number;
  /** Tokens used by those calls. */
  readonly usage: LanguageModelUsage;
}

/**
 * Plans a content calendar for a store. See `SocialAgent.planCalendar` for the whole contract.
 * Every input check runs before anything is written; the language model is called at most
 * `1 + maxCaptionCalls + 1` times (8 by default) whatever the size of the calendar.
 */
export async function planCalendar(context: SocialContext, input: PlanCalendarInput): Promise<CalendarPlan> {
  const request = await resolvePlanRequest(context, input);
  const now = context.clock.now();
  const calendarId = newId('cal');
  const ideas = planContentIdeas({
    startDate: request.startDate,
    days: request.days,
    postsPerDay: request.postsPerDay,
    products: request.products,
    media: request.media,
    ...(request.mix === undefined ? {} : { mix: request.mix }),
  });
  const brand = brandBrief(request.store);
  const writer = new CalendarWriter({
    llm: context.llm,
    concurrency: context.settings.llmConcurrency,
    maxCaptionCalls: context.settings.maxCaptionCalls,
  });
  const briefs = ideas.map((idea) => ideaBrief(idea, request.store.locale));
  const plan = await writer.plan(brand, {
    startDate: request.startDate,
    days: request.days,
    themeCount: Math.max(1, Math.ceil(request.days / 7)),
    ideas: briefs,
  });
  const angled = angleIdeas(briefs, plan, brand.storeName);

  const skipped: Array<{ ideaIndex: number; channel: SocialChannel; reason: string }> = [];
  const slots: DraftSlot[] = [];
  for (const idea of ideas) {
    for (const target of request.targets) {
      const fit = fitIdeaToChannel(idea, target.channel, target.capabilities);
      if (!fit.fits) {
        skipped.push({ ideaIndex: idea.index, channel: target.channel, reason: fit.reason });
        continue;
      }
      slots.push({
        key: `${idea.index}:${target.channel}`,
        idea,
        angled: angled[idea.index] as AngledIdea,
        target,
        brief: channelBrief(target.channel, target.capabilities),
        kind: fit.kind,
        media: fit.media,
        publisher: context.platforms.publisher(target.connection, target.accountId),
      });
    }
  }

  const existing = (await listAll(context.posts, request.store.id)).filter((post) =>
    ['scheduled', 'publishing', 'published'].includes(post.status),
  );
  const drafts = await draftPosts(
    { store: request.store, brand, calendarId, writer, now, existingCaptions: captionsByAccount(existing) },
    slots,
  );
  const times = scheduleTimes(
    context,
    request,
    drafts.map((draft) => draft.slot),
    existing,
    now,
  );
  const autopilot = context.mode === 'autopilot';
  const posts = drafts
    .map((draft) => ({
      ...draft.post,
      status: autopilot && draft.issues.length === 0 ? ('scheduled' as const) : ('draft' as const),
      scheduledAt: (times.get(draft.slot.key) ?? now).toISOString(),
    }))
    .sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt));

  const calendar = ContentCalendarSchema.parse({
    id: calendarId,
    storeId: request.store.id,
    status: autopilot ? 'active' : 'draft',
    startDate: request.startDate,
    endDate: addDays(request.startDate, request.days - 1),
    timeZone: request.store.timeZone,
    channels: [...new Set(request.targets.map((target) => target.channel))],
    postsPerDay: request.postsPerDay,
    themes: calendarThemes(plan, request),
    postIds: posts.map((post) => post.id),
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  });
  await Promise.all(posts.map((post) => context.posts.put(post)));
  await context.calendars.put(calendar);
  await schedulePublishing(
    context,
    posts.filter((post) => post.status === 'scheduled'),
  );

  const at = context.clock.now().toISOString();
  context.events.emit('calendar.planned', {
    at,
    storeId: calendar.storeId,
    calendarId,
    postIds: calendar.postIds,
  });
  if (!autopilot) {
    context.events.emit('approval.requested', {
      at,
      storeId: calendar.storeId,
      approvalId: calendarId,
      kind: 'calendar',
      subjectId: calendarId,
      summary: `${posts.length} posts for ${request.store.name}, ${calendar.startDate} to ${calendar.endDate}, await approval.`,
    });
  }
  const byId = new Map(drafts.map((draft) => [draft.post.id, draft]));
  return {
    calendar,
    posts,
    issues: posts.flatMap((post) => {
      const found = byId.get(post.id)?.issues ?? [];
      return found.length === 0 ? [] : [{ postId: post.id, channel: post.channel, issues: found }];
    }),
    skipped,
    llmCalls: writer.calls,
    usage: writer.usage,
  };
}

function angleIdeas(
  briefs: ReturnType<typeof ideaBrief>[],
  plan: PlanTaskOutput,
  storeName: string,
): AngledIdea[] {
  const byIndex = new Map(plan.ideas.map((idea) => [idea.index, idea]));
  return briefs.map((brief) => {
    const planned = byIndex.get(brief.index);
    const theme = plan.themes[planned?.themeIndex ?? 0] ?? plan.themes[0];
    const fallback = brief.product
      ? `A closer look at the ${brief.product.title}.`
      : `A story from ${storeName}.`;
    return { ...brief, angle: planned?.angle ?? fallback, theme: theme?.title ?? storeName };
  });
}

function calendarThemes(plan: PlanTaskOutput, request: PlanRequest): CalendarTheme[] {
  const known = new Set(request.products.map((product) => product.id));
  return plan.themes.map((theme, index) => ({
    title: theme.title,
    ...(theme.description ? { description: theme.description } : {}),
    date: addDays(request.startDate, Math.min(index * 7, request.days - 1)),
    productIds: theme.productIds.filter((id) => known.has(id)),
  }));
}

function captionsByAccount(posts: readonly SocialPost[]): Map<string, Set<string>> {
  const captions = new Map<string, Set<string>>();
  for (const post of posts) {
    const key = accountKey(post);
    captions.set(key, (captions.get(key) ?? new Set()).add(normalizedCaption(post)));
  }
  return captions;
}

function scheduleTimes(
  context: SocialContext,
  request: PlanRequest,
  slots: readonly DraftSlot[],
  existing: readonly SocialPost[],
  now: Date,
): Map<string, Date> {
  const requests: SlotRequest[] = slots.map((slot) => {
    const { idea, target } = slot;
    const minutes =
      slotTimesForDay(target.channel, idea.weekday, request.postsPerDay, request.bestTimes)[idea.slotIndex] ??
      12 * 60;
    return {
      key: slot.key,
      accountKey: accountKey({
        connectionId: target.connection.id,
        accountId: target.accountId,
        channel: target.channel,
      }),
      desired: zonedTimeToUtc(idea.date, minutes, request.store.timeZone),
      ...(target.capabilities.dailyPostLimit === undefined
        ? {}
        : { dailyLimit: target.capabilities.dailyPostLimit }),
    };
  });
  const taken = new Map<string, number[]>();
  for (const post of existing) {
    if (post.scheduledAt === undefined) continue;
    const key = accountKey(post);
    taken.set(key, [...(taken.get(key) ?? []), Date.parse(post.publishedAt ?? post.scheduledAt)]);
  }
  return assignSlots(requests, taken, {
    minGapMs: request.minGapMs,
    earliest: earliestSlot(now, context.settings.leadTimeMinutes),
  });
}
