import type { PlatformRuleIssue, SocialPost, SocialPublisher, StoreProfile } from '@growthhub/core';
import { normalizeHashtags, postContentHash, SocialPostSchema } from '@growthhub/core';
import type { AngledIdea, CalendarWriter, RewriteItem } from './calendar-writer';
import { shortenToFit } from './caption-fitting';
import { channelBrief } from './channel-fit';
import type { ContentIdea } from './content-mix';
import { checkPosts, onlyTextIssues } from './post-checks';
import { newId, newIdempotencyKey } from './post-content';
import type { PublishingTarget } from './publishing-targets';
import type { BrandBrief, ChannelBrief } from './writing-tasks';

/** One (idea, channel) post being drafted. */
export interface DraftSlot {
  readonly key: string;
  readonly idea: ContentIdea;
  readonly angled: AngledIdea;
  readonly target: PublishingTarget;
  readonly brief: ChannelBrief;
  readonly kind: SocialPost['kind'];
  readonly media: SocialPost['media'];
  readonly publisher: SocialPublisher;
}

/** A drafted post and what still blocks it (empty when publishable). */
export interface DraftedPost {
  readonly slot: DraftSlot;
  post: SocialPost;
  issues: PlatformRuleIssue[];
}

/** What {@link draftPosts} needs besides the slots. */
export interface DraftingContext {
  readonly store: StoreProfile;
  readonly brand: BrandBrief;
  readonly calendarId: string;
  readonly writer: CalendarWriter;
  readonly now: Date;
  /** Account key → composed captions already scheduled (duplicates are rejected). */
  readonly existingCaptions: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * Writes and checks the calendar's posts:
 * 1. captions for every slot in batched calls (see `CalendarWriter.captions`);
 * 2. every post checked with its adapter's `validate()` and for duplicates;
 * 3. every post whose only problems are textual (too long, too many hashtags, duplicate, missing)
 *    rewritten in one batched call, and checked again;
 * 4. what still fails on length is shortened mechanically (hashtags dropped, caption cut at a word).
 * Posts that still have issues come back with them (the planner keeps them as drafts).
 */
export async function draftPosts(
  context: DraftingContext,
  slots: readonly DraftSlot[],
): Promise<DraftedPost[]> {
  const briefs = uniqueBriefs(slots);
  const ideas = uniqueIdeas(slots);
  const written = await context.writer.captions(context.brand, briefs, ideas);
  const drafts: DraftedPost[] = slots.map((slot) => {
    const text = written.get(`${slot.idea.index}:${slot.target.channel}`);
    const post = buildPost(context, slot, text?.caption ?? '', text?.hashtags ?? [], text?.title ?? null);
    return { slot, post, issues: text === undefined ? [missingCaption()] : [] };
  });
  await recheck(context, drafts);

  const rewritable = drafts.filter((draft) => draft.issues.length > 0 && onlyTextIssues(draft.issues));
  if (rewritable.length > 0) {
    const items: RewriteItem[] = rewritable.map((draft) => ({
      key: draft.slot.key,
      channel: draft.slot.brief,
      idea: draft.slot.angled,
      caption: draft.post.caption,
      hashtags: draft.post.hashtags,
      title: draft.post.title ?? null,
      problems: draft.issues.map((issue) => `${issue.field}: ${issue.reason}`),
    }));
    const rewrites = await context.writer.rewrite(context.brand, items);
    for (const draft of rewritable) {
      const rewrite = rewrites.get(draft.slot.key);
      if (rewrite !== undefined)
        draft.post = buildPost(
          context,
          draft.slot,
          rewrite.caption,
          rewrite.hashtags,
          rewrite.title,
          draft.post,
        );
    }
    await recheck(context, drafts);
  }

  const stillLong = drafts.filter(
    (draft) =>
      draft.issues.some((issue) => issue.code !== 'DUPLICATE_CAPTION') && onlyTextIssues(draft.issues),
  );
  if (stillLong.length > 0) {
    for (const draft of stillLong) {
      const fit = shortenToFit(draft.post.caption, draft.post.hashtags, {
        maxLength: draft.slot.brief.maxLength,
        unit: draft.slot.brief.unit,
        ...(draft.slot.target.capabilities.caption.maxHashtags === undefined
          ? {}
          : { maxHashtags: draft.slot.target.capabilities.caption.maxHashtags }),
      });
      const title = draft.post.title?.slice(0, draft.slot.brief.titleMaxLength ?? 100) ?? null;
      draft.post = buildPost(context, draft.slot, fit.caption, fit.hashtags, title, draft.post);
    }
    await recheck(context, drafts);
  }
  return drafts;
}

/** Re-validates every draft (all of them, so duplicate detection sees the whole calendar). */
async function recheck(context: DraftingContext, drafts: DraftedPost[]): Promise<void> {
  const checkable = drafts.filter((draft) => draft.post.caption.trim() !== '');
  const issues = await checkPosts(
    checkable.map((draft) => ({ key: draft.slot.key, post: draft.post, publisher: draft.slot.publisher })),
    context.existingCaptions,
  );
  for (const draft of drafts) {
    draft.issues = draft.post.caption.trim() === '' ? [missingCaption()] : (issues.get(draft.slot.key) ?? []);
  }
}

function buildPost(
  context: DraftingContext,
  slot: DraftSlot,
  caption: string,
  rawHashtags: readonly string[],
  title: string | null,
  previous?: SocialPost,
): SocialPost {
  const { target } = slot;
  const hashtags = normalizeHashtags(rawHashtags);
  const link =
    target.channel === 'pinterest' ? (slot.idea.product?.url ?? context.store.websiteUrl) : undefined;
  const base = {
    id: previous?.id ?? newId('post'),
    storeId: context.store.id,
    calendarId: context.calendarId,
    groupId: `${context.calendarId}-idea-${slot.idea.index}`,
    connectionId: target.connection.id,
    accountId: target.accountId,
    channel: target.channel,
    kind: slot.kind,
    status: 'draft' as const,
    caption: caption.trim(),
    hashtags,
    ...(title !== null && slot.brief.needsTitle ? { title } : {}),
    ...(link === undefined ? {} : { link }),
    ...(target.boardId === undefined ? {} : { boardId: target.boardId }),
    media: [...slot.media],
    idempotencyKey: previous?.idempotencyKey ?? newIdempotencyKey(),
    attempts: [],
    createdAt: previous?.createdAt ?? context.now.toISOString(),
    updatedAt: context.now.toISOString(),
  };
  return SocialPostSchema.parse({ ...base, contentHash: postContentHash(base) });
}

function uniqueBriefs(slots: readonly DraftSlot[]): ChannelBrief[] {
  return [
    ...new Map(
      slots.map((slot) => [slot.target.channel, channelBrief(slot.target.channel, slot.target.capabilities)]),
    ).values(),
  ];
}

function uniqueIdeas(slots: readonly DraftSlot[]): AngledIdea[] {
  return [...new Map(slots.map((slot) => [slot.idea.index, slot.angled])).values()].sort(
    (a, b) => a.index - b.index,
  );
}

function missingCaption(): PlatformRuleIssue {
  return {
    field: 'caption',
    reason: 'the model wrote no caption for it',
    fix: 'Write one.',
    severity: 'error',
    code: 'CAPTION_MISSING',
  };
}
