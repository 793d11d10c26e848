import type { AdapterContext, PublishedResult, SocialPost, SocialPublisher } from '@growthhub/core';
import { SocialPostSchema } from '@growthhub/core';
import { createTestAdapterContext } from '@growthhub/core/testing';
import { type XAdapter, type XConfig, x } from '../src/index';
import { createXEmulator, type XEmulator, type XEmulatorOptions } from '../src/testing/index';

/** A running X emulator with a connected account and an adapter pointed at it. */
export interface ConnectedAccount {
  readonly emulator: XEmulator;
  readonly adapter: XAdapter;
  readonly context: AdapterContext;
  readonly publisher: SocialPublisher;
  readonly userId: string;
  readonly accessToken: string;
  /** Publishes and expects `published` (X publishes synchronously). */
  publish(post: SocialPost): Promise<PublishedResult>;
  /** Builds a post for this account. */
  post(fields?: Partial<SocialPost>): SocialPost;
  /** Requests the emulator received since the mark was taken. */
  mark(): () => readonly { method: string; path: string; status: number | undefined }[];
  close(): Promise<void>;
}

let counter = 0;

/** Starts an emulator, issues tokens for its user and returns a publisher for that user. */
export async function connectedAccount(
  options: { emulator?: XEmulatorOptions; adapter?: Partial<XConfig>; timeoutMs?: number } = {},
): Promise<ConnectedAccount> {
  const emulator = createXEmulator(options.emulator);
  const { url } = await emulator.listen();
  const adapter = x({
    clientId: 'growthhub-x-client',
    clientSecret: 'growthhub-x-secret',
    redirectUri: 'http://127.0.0.1:3000/callback/x',
    baseUrl: url,
    allowPrivateMediaHosts: true,
    ...options.adapter,
  });
  const tokens = emulator.issueTokens();
  const user = emulator.users()[0];
  if (user === undefined) throw new Error('no emulator user');
  const context = createTestAdapterContext({
    platform: 'x',
    accessToken: tokens.access_token,
    accounts: [{ id: user.id, kind: 'user', name: user.name }],
    scopes: tokens.scope.split(' '),
    http: {
      mapError: adapter.mapError,
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    },
  });
  const publisher = adapter.social(context);
  return {
    emulator,
    adapter,
    context,
    publisher,
    async publish(post) {
      const result = await publisher.publish(post, { idempotencyKey: post.idempotencyKey });
      if (result.status !== 'published') throw new Error(`expected a published result, got ${result.status}`);
      return result;
    },
    userId: user.id,
    accessToken: tokens.access_token,
    post: (fields = {}) => buildPost(user.id, fields),
    mark() {
      const start = emulator.requests.length;
      return () =>
        emulator.requests.slice(start).map((r) => ({ method: r.method, path: r.path, status: r.status }));
    },
    close: () => emulator.close(),
  };
}

/** A valid `publishing` post on X for `accountId`. */
export function buildPost(accountId: string, fields: Partial<SocialPost> = {}): SocialPost {
  counter += 1;
  const now = new Date().toISOString();
  return SocialPostSchema.parse({
    id: `post-${counter}`,
    storeId: 'store-1',
    connectionId: 'conn-x',
    accountId,
    channel: 'x',
    kind: 'text',
    status: 'publishing',
    caption: `Autumn drop #${counter}: new colours are in.`,
    hashtags: [],
    media: [],
    scheduledAt: now,
    idempotencyKey: `idem-${counter}-${Date.now()}`,
    contentHash: 'a'.repeat(64),
    attempts: [],
    createdAt: now,
    updatedAt: now,
    ...fields,
  });
}
