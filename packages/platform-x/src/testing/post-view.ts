import type { EmulatedPost, EmulatedUser, EmulatorState } from './emulator-state';

/**
 * Which generation of X's field names the emulator answers with: `post` is the current spec (v2.167:
 * `repost_count`, `edit_history_post_ids`, users' `post_count`); `tweet` is v2.159 (`retweet_count`,
 * `edit_history_tweet_ids`, `tweet_count`). Requests are accepted in both generations either way.
 */
export type FieldNaming = 'post' | 'tweet';

/** Every post field name either spec generation accepts in `tweet.fields` / `post.fields`. */
export const POST_FIELDS: ReadonlySet<string> = new Set([
  'article',
  'article_title',
  'attachments',
  'author_id',
  'card_uri',
  'community_id',
  'context_annotations',
  'conversation_id',
  'created_at',
  'display_text_range',
  'edit_controls',
  'edit_history_tweet_ids',
  'entities',
  'geo',
  'id',
  'in_reply_to_user_id',
  'lang',
  'matched_media_notes',
  'media_metadata',
  'non_public_metrics',
  'note_post',
  'note_request_suggestions',
  'note_tweet',
  'organic_metrics',
  'paid_partnership',
  'possibly_sensitive',
  'promoted_metrics',
  'public_metrics',
  'referenced_tweets',
  'reply_settings',
  'scopes',
  'source',
  'suggested_source_links',
  'suggested_source_links_with_counts',
  'text',
  'withheld',
]);

/** Every user field name either spec generation accepts in `user.fields`. */
export const USER_FIELDS: ReadonlySet<string> = new Set([
  'affiliation',
  'confirmed_email',
  'connection_status',
  'created_at',
  'description',
  'entities',
  'id',
  'is_identity_verified',
  'location',
  'most_recent_tweet_id',
  'name',
  'parody',
  'pinned_tweet_id',
  'profile_banner_url',
  'profile_image_url',
  'protected',
  'public_metrics',
  'receives_your_dm',
  'subscribes_to_you',
  'subscription',
  'subscription_type',
  'url',
  'username',
  'verified',
  'verified_followers_count',
  'verified_type',
  'withheld',
]);

/** How the emulator's metrics grow: impressions approach `reachShare × followers` with this half-life. */
export interface MetricsGrowth {
  /** Share of the author's followers a post eventually reaches (default 0.3). */
  readonly reachShare: number;
  /** Minutes until a post has half of its eventual impressions (default 60). */
  readonly halfLifeMinutes: number;
}

/** Renders a post as X does, with the requested fields. */
export function renderPost(
  state: EmulatorState,
  post: EmulatedPost,
  fields: ReadonlySet<string>,
  options: { naming: FieldNaming; growth: MetricsGrowth; viewerId?: string },
): Record<string, unknown> {
  const view: Record<string, unknown> = { id: post.id, text: post.text };
  view[options.naming === 'post' ? 'edit_history_post_ids' : 'edit_history_tweet_ids'] = [post.id];
  if (fields.has('created_at')) view.created_at = post.createdAt.toISOString();
  if (fields.has('author_id')) view.author_id = post.authorId;
  if (fields.has('conversation_id')) view.conversation_id = post.conversationId;
  if (fields.has('in_reply_to_user_id') && post.inReplyToUserId !== undefined) {
    view.in_reply_to_user_id = post.inReplyToUserId;
  }
  if (fields.has('reply_settings')) view.reply_settings = post.replySettings ?? 'everyone';
  if (fields.has('referenced_tweets')) {
    const referenced = [
      ...(post.inReplyToPostId === undefined ? [] : [{ type: 'replied_to', id: post.inReplyToPostId }]),
      ...(post.quotedPostId === undefined ? [] : [{ type: 'quoted', id: post.quotedPostId }]),
    ];
    if (referenced.length > 0) view.referenced_tweets = referenced;
  }
  if (fields.has('attachments') && post.mediaIds.length > 0) {
    view.attachments = {
      media_keys: post.mediaIds.map((id) => state.media.get(id)?.mediaKey ?? `3_${id}`),
    };
  }
  if (fields.has('edit_controls')) {
    view.edit_controls = {
      edits_remaining: 5,
      is_edit_eligible: post.mediaIds.length === 0,
      editable_until: new Date(post.createdAt.getTime() + 60 * 60_000).toISOString(),
    };
  }
  const metrics = postMetrics(state, post, options.growth);
  if (fields.has('public_metrics')) {
    view.public_metrics = {
      [options.naming === 'post' ? 'repost_count' : 'retweet_count']: metrics.reposts,
      reply_count: metrics.replies,
      like_count: metrics.likes,
      quote_count: metrics.quotes,
      bookmark_count: metrics.bookmarks,
      impression_count: metrics.impressions,
    };
  }
  // Non-public metrics are only shown to the author, and only for the last 30 days.
  const ownRecent =
    options.viewerId === post.authorId && state.now() - post.createdAt.getTime() < 30 * 86_400_000;
  if (ownRecent && fields.has('non_public_metrics')) {
    view.non_public_metrics = {
      impression_count: metrics.impressions,
      user_profile_clicks: Math.floor(metrics.impressions * 0.01),
      url_link_clicks: Math.floor(metrics.impressions * 0.02),
    };
  }
  if (ownRecent && fields.has('organic_metrics')) {
    view.organic_metrics = {
      impression_count: metrics.impressions,
      like_count: metrics.likes,
      reply_count: metrics.replies,
      [options.naming === 'post' ? 'repost_count' : 'retweet_count']: metrics.reposts,
      user_profile_clicks: Math.floor(metrics.impressions * 0.01),
      url_link_clicks: Math.floor(metrics.impressions * 0.02),
    };
  }
  return view;
}

/** Renders a user as X does, with the requested fields. */
export function renderUser(
  state: EmulatorState,
  user: EmulatedUser,
  fields: ReadonlySet<string>,
  naming: FieldNaming,
): Record<string, unknown> {
  const view: Record<string, unknown> = { id: user.id, name: user.name, username: user.username };
  if (fields.has('created_at')) view.created_at = user.createdAt.toISOString();
  if (fields.has('description')) view.description = user.description;
  if (fields.has('protected')) view.protected = false;
  if (fields.has('verified')) view.verified = false;
  if (fields.has('profile_image_url')) {
    view.profile_image_url = `https://pbs.twimg.com/profile_images/${user.id}/avatar_normal.png`;
  }
  const posts = state.postsBy(user.id);
  if (fields.has('most_recent_tweet_id') && posts[0] !== undefined) view.most_recent_tweet_id = posts[0].id;
  if (fields.has('public_metrics')) {
    view.public_metrics = {
      followers_count: user.followers,
      following_count: user.following,
      [naming === 'post' ? 'post_count' : 'tweet_count']: posts.length,
      listed_count: user.listed,
      like_count: 42,
      media_count: posts.filter((post) => post.mediaIds.length > 0).length,
    };
  }
  return view;
}

/** A post's engagement at the emulator's current time: growth since creation plus test boosts. */
export function postMetrics(state: EmulatorState, post: EmulatedPost, growth: MetricsGrowth) {
  const author = state.users.get(post.authorId);
  const minutes = Math.max(0, (state.now() - post.createdAt.getTime()) / 60_000);
  const eventual = (author?.followers ?? 0) * growth.reachShare;
  const grown = Math.floor(eventual * (1 - 0.5 ** (minutes / growth.halfLifeMinutes)));
  const impressions = grown + post.boost.impressions;
  const replies = [...state.posts.values()].filter(
    (other) => other.inReplyToPostId === post.id && other.deletedAt === undefined,
  ).length;
  const quotes = [...state.posts.values()].filter(
    (other) => other.quotedPostId === post.id && other.deletedAt === undefined,
  ).length;
  return {
    impressions,
    likes: Math.floor(grown * 0.04) + post.boost.likes,
    reposts: Math.floor(grown * 0.008) + post.boost.reposts,
    replies: replies + post.boost.replies,
    quotes: quotes + post.boost.quotes,
    bookmarks: Math.floor(grown * 0.005) + post.boost.bookmarks,
  };
}
