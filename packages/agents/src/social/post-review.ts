import type { PlatformRuleIssue, SocialPost } from '@growthhub/core';
import {
  canTransitionPost,
  normalizeHashtags,
  postContentHash,
  SocialPostSchema,
  ValidationError,
} from '@growthhub/core';
import { accountKey } from './post-checks';
import { schedulePublishing, unschedulePublishing } from './publish-scheduling';
import { RecordNotFoundError } from './record-not-found-error';
import { assignSlots, earliestSlot } from './slot-scheduler';
import { listAll, type SocialContext } from './social-context';
import {
  type ApproveOptions,
  ApproveOptionsSchema,
  type EditPostInput,
  EditPostInputSchema,
  InstantSchema,
  PostIdsSchema,
  parseInput,
  type RecordScope,
  RecordScopeSchema,
} from './social-inputs';

/**
 * Approves draft posts: each is checked against its platform again, then moves to `scheduled` and is
 * handed to the job runner. A post whose slot passed while it waited moves to the next free time
 * (respecting the account's gap). All posts are checked before any is changed: one bad id, a
 * post that is not a draft, or a failing rule rejects the whole call with a `ValidationError`.
 * With `options.storeId`, a post of another store counts as a bad id (`RecordNotFoundError`).
 */
export async function approvePosts(
  context: SocialContext,
  postIds: readonly string[],
  options: ApproveOptions = {},
): Promise<SocialPost[]> {
  const ids = parseInput(PostIdsSchema, postIds, 'postIds');
  const { by, storeId } = parseInput(ApproveOptionsSchema, options);
  const posts = await Promise.all(ids.map((id, index) => loadPost(context, id, `postIds.${index}`, storeId)));
  posts.forEach((post, index) => {
    if (post.status !== 'draft' && post.status !== 'scheduled') {
      throw new ValidationError({
        field: `postIds.${index}`,
        reason: `post ${post.id} is ${post.status}; only drafts can be approved`,
        fix: 'leave it out, or reschedule a failed post instead',
      });
    }
  });
  await Promise.all(posts.map((post, index) => assertPublishable(context, post, `postIds.${index}`)));
  const drafts = posts.filter((post) => post.status === 'draft');
  const times = await catchUpTimes(context, drafts);
  const now = context.clock.now().toISOString();
  const approved: SocialPost[] = [];
  for (const post of drafts) {
    const updated = await context.posts.update(post.id, (current) => {
      if (!canTransitionPost(current.status, 'scheduled')) return current;
      return {
        ...current,
        status: 'scheduled',
        scheduledAt: times.get(post.id)?.toISOString() ?? current.scheduledAt ?? now,
        approvedAt: now,
        ...(by === undefined ? {} : { approvedBy: by }),
        updatedAt: now,
      };
    });
    if (updated?.status === 'scheduled') approved.push(updated);
  }
  await schedulePublishing(context, approved);
  await resolveCalendars(context, approved, by);
  return [...approved, ...posts.filter((post) => post.status === 'scheduled')];
}

/**
 * Changes a draft, scheduled or failed post's text, hashtags, title, link, media or first comment.
 * The result is checked against the platform's rules first; a failing rule throws a
 * `ValidationError` naming the field (e.g. `caption`) and nothing is written. With `scope.storeId`,
 * a post of another store is answered like a missing one.
 */
export async function editPost(
  context: SocialContext,
  postId: string,
  changes: EditPostInput,
  scope?: RecordScope,
): Promise<SocialPost> {
  const edit = parseInput(EditPostInputSchema, changes);
  const post = await loadScopedPost(context, postId, scope);
  assertEditable(post);
  const now = context.clock.now().toISOString();
  const editedFrom = (current: SocialPost): SocialPost => {
    const draft = {
      ...current,
      ...edit,
      ...(edit.hashtags === undefined ? {} : { hashtags: normalizeHashtags(edit.hashtags) }),
      updatedAt: now,
    };
    return SocialPostSchema.parse({ ...draft, contentHash: postContentHash(draft) });
  };
  await assertPublishable(context, editedFrom(post), undefined);
  // Written under the record lock from the post as it is now: a publish job may have claimed it
  // meanwhile, and writing the copy read above would undo that claim (and let it be sent twice).
  const stored = await context.posts.update(post.id, (current) => {
    assertEditable(current);
    return editedFrom(current);
  });
  return stored ?? loadScopedPost(context, postId, scope);
}

/** Throws the `ValidationError` of a post `edit` no longer takes (only drafts, scheduled and failed posts). */
function assertEditable(post: SocialPost): void {
  if (['draft', 'scheduled', 'failed'].includes(post.status)) return;
  throw new ValidationError({
    field: 'postId',
    reason: `post ${post.id} is ${post.status} and can no longer be edited`,
    fix: 'edit drafts, scheduled or failed posts only',
  });
}

/**
 * Moves a draft, scheduled or failed post to a new time (a `Date` or ISO string) in the future, at
 * least the engine's gap away from the account's other posts. A failed post becomes `scheduled`
 * again (a manual retry); a scheduled post's job moves with it. With `scope.storeId`, a post of
 * another store is answered like a missing one.
 */
export async function reschedulePost(
  context: SocialContext,
  postId: string,
  at: Date | string,
  scope?: RecordScope,
): Promise<SocialPost> {
  const when = parseInput(InstantSchema, at, 'scheduledAt');
  if (Number.isNaN(when.getTime()) || when.getTime() <= context.clock.now().getTime()) {
    throw new ValidationError({
      field: 'scheduledAt',
      reason: `${Number.isNaN(when.getTime()) ? 'is not a valid time' : `${when.toISOString()} is not in the future`}`,
      fix: 'pass a later time',
    });
  }
  const post = await loadScopedPost(context, postId, scope);
  if (!['draft', 'scheduled', 'failed'].includes(post.status)) {
    throw new ValidationError({
      field: 'postId',
      reason: `post ${post.id} is ${post.status} and cannot be rescheduled`,
      fix: 'reschedule drafts, scheduled or failed posts only',
    });
  }
  const gapMs = context.settings.minGapMinutes * 60_000;
  const neighbour = (await listAll(context.posts, post.storeId)).find(
    (other) =>
      other.id !== post.id &&
      accountKey(other) === accountKey(post) &&
      ['scheduled', 'publishing'].includes(other.status) &&
      other.scheduledAt !== undefined &&
      Math.abs(Date.parse(other.scheduledAt) - when.getTime()) < gapMs,
  );
  if (neighbour !== undefined) {
    throw new ValidationError({
      field: 'scheduledAt',
      reason: `it is within ${context.settings.minGapMinutes} minutes of post ${neighbour.id} on the same account`,
      fix: `pick a time at least ${context.settings.minGapMinutes} minutes from ${neighbour.scheduledAt}`,
    });
  }
  const now = context.clock.now().toISOString();
  const updated = (await context.posts.update(post.id, (current) => ({
    ...current,
    status: current.status === 'failed' ? 'scheduled' : current.status,
    scheduledAt: when.toISOString(),
    updatedAt: now,
  }))) as SocialPost;
  if (updated.status === 'scheduled') await schedulePublishing(context, [updated]);
  return updated;
}

/**
 * Cancels a post that is not published or being published, and removes its job. With
 * `scope.storeId`, a post of another store is answered like a missing one.
 */
export async function cancelPost(
  context: SocialContext,
  postId: string,
  scope?: RecordScope,
): Promise<SocialPost> {
  const post = await loadScopedPost(context, postId, scope);
  if (!canTransitionPost(post.status, 'cancelled')) {
    throw new ValidationError({
      field: 'postId',
      reason: `post ${post.id} is ${post.status} and cannot be cancelled`,
      fix: post.status === 'published' ? 'delete it on the platform instead' : 'wait until publishing ends',
    });
  }
  await unschedulePublishing(context, post.id);
  const now = context.clock.now().toISOString();
  return (await context.posts.update(post.id, (current) =>
    canTransitionPost(current.status, 'cancelled')
      ? { ...current, status: 'cancelled', updatedAt: now }
      : current,
  )) as SocialPost;
}

/**
 * Loads a post or throws a {@link RecordNotFoundError} naming `field`. With `storeId`, a post of
 * another store gets exactly the error a missing post gets.
 */
export async function loadPost(
  context: SocialContext,
  postId: unknown,
  field: string,
  storeId?: string,
): Promise<SocialPost> {
  const post = typeof postId === 'string' && postId.length > 0 ? await context.posts.get(postId) : undefined;
  if (post === undefined || (storeId !== undefined && post.storeId !== storeId)) {
    throw new RecordNotFoundError({
      record: 'post',
      id: String(postId),
      field,
      fix: 'use the id of an existing post',
    });
  }
  return post;
}

/** Checks a method's tenant guard, then loads the post named by its `postId` argument. */
export async function loadScopedPost(
  context: SocialContext,
  postId: unknown,
  scope: RecordScope | undefined,
): Promise<SocialPost> {
  const { storeId } = parseInput(RecordScopeSchema, scope ?? {}, 'options');
  return loadPost(context, postId, 'postId', storeId);
}

/** Throws a `ValidationError` (naming the rule's field) when the platform would reject the post. */
export async function assertPublishable(
  context: SocialContext,
  post: SocialPost,
  idField: string | undefined,
): Promise<void> {
  const connection = await context.platforms.connection(post.connectionId);
  if (connection === undefined) {
    throw new ValidationError({
      field: idField ?? 'postId',
      reason: `the connection ${post.connectionId} of post ${post.id} no longer exists`,
      fix: 'reconnect the account and plan the post again',
    });
  }
  const issues = await context.platforms.publisher(connection, post.accountId).validate(post);
  const blocking = issues.filter((issue) => issue.severity === 'error');
  const first = blocking[0];
  if (first !== undefined) throw ruleError(first, blocking, idField);
}

function ruleError(
  first: PlatformRuleIssue,
  all: readonly PlatformRuleIssue[],
  idField: string | undefined,
): ValidationError {
  const field = idField === undefined ? first.field : `${idField}.${first.field}`;
  return new ValidationError({
    field,
    reason: first.reason,
    fix: first.fix,
    issues: all.map((issue) => ({
      field: idField === undefined ? issue.field : `${idField}.${issue.field}`,
      reason: issue.reason,
    })),
  });
}

/** New times for drafts whose slot passed: the next free times after now plus the lead time. */
async function catchUpTimes(
  context: SocialContext,
  drafts: readonly SocialPost[],
): Promise<Map<string, Date>> {
  const now = context.clock.now().getTime();
  const late = drafts.filter((post) => post.scheduledAt === undefined || Date.parse(post.scheduledAt) <= now);
  if (late.length === 0) return new Map();
  const taken = new Map<string, number[]>();
  for (const storeId of new Set(late.map((post) => post.storeId))) {
    for (const other of await listAll(context.posts, storeId)) {
      if (other.scheduledAt === undefined || !['scheduled', 'publishing'].includes(other.status)) continue;
      taken.set(accountKey(other), [...(taken.get(accountKey(other)) ?? []), Date.parse(other.scheduledAt)]);
    }
  }
  const earliest = earliestSlot(new Date(now), context.settings.leadTimeMinutes);
  return assignSlots(
    late.map((post) => ({ key: post.id, accountKey: accountKey(post), desired: earliest })),
    taken,
    { minGapMs: context.settings.minGapMinutes * 60_000, earliest },
  );
}

/** Marks calendars whose posts are all approved as active and tells listeners. */
async function resolveCalendars(
  context: SocialContext,
  approved: readonly SocialPost[],
  by: string | undefined,
): Promise<void> {
  for (const calendarId of new Set(approved.flatMap((post) => (post.calendarId ? [post.calendarId] : [])))) {
    const calendar = await context.calendars.get(calendarId);
    if (calendar === undefined || calendar.status !== 'draft') continue;
    const posts = await Promise.all(calendar.postIds.map((id) => context.posts.get(id)));
    if (posts.some((post) => post?.status === 'draft')) continue;
    const now = context.clock.now().toISOString();
    await context.calendars.update(calendarId, (current) => ({
      ...current,
      status: 'active',
      updatedAt: now,
    }));
    context.events.emit('approval.resolved', {
      at: now,
      storeId: calendar.storeId,
      approvalId: calendarId,
      kind: 'calendar',
      subjectId: calendarId,
      decision: 'approved',
      ...(by === undefined ? {} : { by }),
    });
  }
}
