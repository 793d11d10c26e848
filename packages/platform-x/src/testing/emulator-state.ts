import type { MediaCategory } from './wire-requests';

/** A user account the emulator knows. */
export interface EmulatedUser {
  readonly id: string;
  readonly username: string;
  readonly name: string;
  readonly createdAt: Date;
  readonly description: string;
  followers: number;
  following: number;
  listed: number;
}

/** Engagement added by a test on top of the time-based growth of a post's metrics. */
export interface EngagementBoost {
  impressions: number;
  likes: number;
  reposts: number;
  replies: number;
  quotes: number;
  bookmarks: number;
}

/** A post the emulator holds. */
export interface EmulatedPost {
  readonly id: string;
  readonly authorId: string;
  /** The text as X shows it: links rewritten to t.co, a media link appended. */
  readonly text: string;
  /** The text as the client sent it (X's duplicate check compares this). */
  readonly sourceText: string;
  readonly createdAt: Date;
  readonly conversationId: string;
  readonly inReplyToPostId?: string;
  readonly inReplyToUserId?: string;
  readonly quotedPostId?: string;
  readonly mediaIds: readonly string[];
  readonly poll?: { readonly options: readonly string[]; readonly durationMinutes: number };
  readonly replySettings?: string;
  readonly clientId?: string;
  readonly boost: EngagementBoost;
  deletedAt?: Date;
}

/** How processing of an uploaded video or GIF ends. */
export type ProcessingOutcome = 'succeeded' | 'failed';

/** A media upload session and, once finalised, the media it produced. */
export interface EmulatedMedia {
  readonly id: string;
  readonly mediaKey: string;
  readonly ownerId: string;
  readonly additionalOwners: readonly string[];
  readonly category: MediaCategory;
  readonly mediaType: string;
  readonly totalBytes: number | undefined;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  /** Uploaded segments by `segment_index`. */
  readonly segments: Map<number, Uint8Array>;
  /** The `segment_index` of every append, in the order they arrived. */
  readonly appendOrder: number[];
  /** When `finalize` succeeded; absent while the upload is open. */
  finalizedAt?: Date;
  /** Whether the media needs asynchronous processing after finalize (video, GIF). */
  readonly asyncProcessing: boolean;
  /** How processing will end. */
  outcome: ProcessingOutcome;
  /** When each STATUS request for this media arrived. */
  readonly statusChecks: Date[];
}

/** The processing state X reports for a media id at a given time. */
export type ProcessingState = 'pending' | 'in_progress' | 'succeeded' | 'failed';

/** X's snowflake epoch (2010-11-04T01:42:54.657Z). */
const SNOWFLAKE_EPOCH = 1_288_834_974_657n;

/**
 * Everything the emulator remembers: users, posts, media. Ids are snowflakes (time-ordered numeric
 * strings), as X's are, so `since_id`/`until_id` and "newest first" work on them.
 */
export class EmulatorState {
  readonly users = new Map<string, EmulatedUser>();
  readonly posts = new Map<string, EmulatedPost>();
  readonly media = new Map<string, EmulatedMedia>();
  #sequence = 0;

  constructor(readonly now: () => number) {}

  /** A fresh time-ordered numeric id. */
  nextId(): string {
    this.#sequence = (this.#sequence + 1) % 4096;
    const millis = BigInt(Math.floor(this.now())) - SNOWFLAKE_EPOCH;
    return ((millis << 22n) | (1n << 12n) | BigInt(this.#sequence)).toString();
  }

  /** Adds a user and returns it. */
  addUser(init: {
    id?: string;
    username: string;
    name?: string;
    followers?: number;
    description?: string;
  }): EmulatedUser {
    const user: EmulatedUser = {
      id: init.id ?? this.nextId(),
      username: init.username,
      name: init.name ?? init.username,
      createdAt: new Date(this.now() - 400 * 86_400_000),
      description: init.description ?? '',
      followers: init.followers ?? 1200,
      following: 180,
      listed: 7,
    };
    this.users.set(user.id, user);
    return user;
  }

  /** The live (not deleted) post with this id. */
  livePost(id: string): EmulatedPost | undefined {
    const post = this.posts.get(id);
    return post === undefined || post.deletedAt !== undefined ? undefined : post;
  }

  /** Live posts by one author, newest first. */
  postsBy(authorId: string): EmulatedPost[] {
    return [...this.posts.values()]
      .filter((post) => post.authorId === authorId && post.deletedAt === undefined)
      .sort((a, b) => compareIds(b.id, a.id));
  }

  /** The processing state of finalised media at the current time. */
  processingState(media: EmulatedMedia, checkAfterSecs: number): ProcessingState {
    if (media.finalizedAt === undefined) return 'pending';
    if (!media.asyncProcessing) return media.outcome;
    const elapsed = this.now() - media.finalizedAt.getTime();
    const step = checkAfterSecs * 1000;
    if (elapsed < step) return 'pending';
    if (elapsed < 2 * step) return 'in_progress';
    return media.outcome;
  }
}

/** Orders numeric id strings by value. */
export function compareIds(a: string, b: string): number {
  const left = BigInt(a);
  const right = BigInt(b);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** An empty engagement boost. */
export function noBoost(): EngagementBoost {
  return { impressions: 0, likes: 0, reposts: 0, replies: 0, quotes: 0, bookmarks: 0 };
}
