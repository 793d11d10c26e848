import type {
  ChannelCapabilities,
  ConnectedAccount,
  MediaFileLimits,
  PlatformAdapter,
  PlatformId,
  SocialPublisher,
  Store,
} from '@growthhub/core';
import {
  CAPTION_LIMITS,
  ConfigError,
  checkPostAgainstCapabilities,
  connectionRepository,
  createTokenVault,
} from '@growthhub/core';

const IMAGE: MediaFileLimits = { mimeTypes: ['image/jpeg', 'image/png'], maxBytes: 8_000_000 };
const VIDEO: MediaFileLimits = { mimeTypes: ['video/mp4'], maxBytes: 1_000_000_000, maxDurationMs: 600_000 };

/** Channel capabilities of the stand-ins: the real caption limits of each channel, typical media rules. */
const STAND_IN_CHANNELS = {
  meta: {
    facebook: {
      postKinds: {
        text: { minCount: 0, maxCount: 0, files: {} },
        image: { minCount: 1, maxCount: 10, files: { image: IMAGE } },
        video: { minCount: 1, maxCount: 1, files: { video: VIDEO } },
      },
      caption: CAPTION_LIMITS.facebook,
      firstComment: true,
      deletePost: true,
      asyncPublish: false,
    },
    instagram: {
      postKinds: {
        image: { minCount: 1, maxCount: 1, files: { image: IMAGE } },
        carousel: { minCount: 2, maxCount: 10, files: { image: IMAGE, video: VIDEO } },
        reel: { minCount: 1, maxCount: 1, files: { video: VIDEO } },
      },
      caption: CAPTION_LIMITS.instagram,
      firstComment: true,
      deletePost: false,
      asyncPublish: true,
      dailyPostLimit: 50,
    },
  },
  tiktok: {
    tiktok: {
      postKinds: {
        video: { minCount: 1, maxCount: 1, files: { video: VIDEO } },
        carousel: { minCount: 1, maxCount: 35, files: { image: IMAGE } },
      },
      caption: CAPTION_LIMITS.tiktok,
      firstComment: false,
      deletePost: false,
      asyncPublish: true,
    },
  },
  google: {
    youtube: {
      postKinds: { short: { minCount: 1, maxCount: 1, files: { video: VIDEO } } },
      caption: CAPTION_LIMITS.youtube,
      firstComment: true,
      deletePost: true,
      asyncPublish: true,
    },
  },
  pinterest: {
    pinterest: {
      postKinds: {
        pin: { minCount: 1, maxCount: 1, files: { image: IMAGE } },
        video: { minCount: 1, maxCount: 1, files: { video: VIDEO } },
      },
      caption: CAPTION_LIMITS.pinterest,
      firstComment: false,
      deletePost: true,
      asyncPublish: true,
    },
  },
} satisfies Partial<Record<PlatformId, Record<string, ChannelCapabilities>>>;

/** The accounts a stand-in connection has. */
export const STAND_IN_ACCOUNTS: Record<Exclude<PlatformId, 'x'>, ConnectedAccount[]> = {
  meta: [
    { id: 'page-1', kind: 'page', name: 'Kiln & Co' },
    { id: 'ig-1', kind: 'ig_business', name: 'kilnandco', parentId: 'page-1' },
  ],
  tiktok: [{ id: 'tt-1', kind: 'user', name: 'kilnandco' }],
  google: [{ id: 'yt-1', kind: 'channel', name: 'Kiln & Co' }],
  pinterest: [
    { id: 'pin-user-1', kind: 'user', name: 'kilnandco' },
    { id: 'board-1', kind: 'board', name: 'Ceramics', parentId: 'pin-user-1' },
  ],
};

/**
 * A stand-in adapter for a platform whose real adapter is not in this package's dependencies: real
 * caption limits and typical media rules as capabilities, and `validate()` by
 * `checkPostAgainstCapabilities`. It plans and validates; it does not publish.
 */
export function standInAdapter(platform: Exclude<PlatformId, 'x'>): PlatformAdapter {
  const capabilities = { social: STAND_IN_CHANNELS[platform], rateLimits: [] };
  return {
    specificationVersion: 'v1',
    id: platform,
    displayName: `${platform} (stand-in)`,
    oauth: {
      client: {
        id: `${platform}-client`,
        secret: `${platform}-secret`,
        redirectUris: ['http://localhost/callback'],
      },
      authorizeUrl: `https://${platform}.invalid/authorize`,
      tokenUrl: `https://${platform}.invalid/token`,
      scopes: ['publish'],
    },
    capabilities,
    social(): SocialPublisher {
      const unsupported = async (): Promise<never> => {
        throw new ConfigError({
          setting: platform,
          reason: 'the stand-in adapter does not publish',
          fix: 'use a real adapter',
        });
      };
      return {
        validate: async (post) => checkPostAgainstCapabilities(post, capabilities),
        publish: unsupported,
        getPublishStatus: unsupported,
        findPublished: unsupported,
        getPostMetrics: unsupported,
        getAccountInsights: unsupported,
      };
    },
  };
}

/** Stores a connected connection with tokens (as `complete()` would), bypassing OAuth. */
export async function seedConnection(
  store: Store,
  encryptionKeys: readonly string[],
  input: { storeId: string; platform: PlatformId; accounts: ConnectedAccount[]; id?: string },
): Promise<string> {
  const now = new Date().toISOString();
  const id = input.id ?? `conn-${input.platform}-${input.storeId}`;
  await store.repository(connectionRepository).put({
    id,
    storeId: input.storeId,
    userId: 'user-1',
    platform: input.platform,
    status: 'connected',
    accounts: input.accounts,
    scopes: ['publish'],
    missingScopes: [],
    createdAt: now,
    updatedAt: now,
  });
  await createTokenVault({ keys: encryptionKeys, store }).save(
    { connectionId: id, storeId: input.storeId },
    { accessToken: `token-${id}`, scopes: ['publish'] },
  );
  return id;
}

/** The X account of the stand-in worlds: the one the X emulator and calendars address. */
export const STAND_IN_X_ACCOUNT: ConnectedAccount = { id: '2244994945', kind: 'user', name: 'kilnandco' };

/** Seeds one connection per platform (X plus every stand-in) for `storeId`, as the five-channel worlds need. */
export async function seedFiveChannelConnections(
  store: Store,
  encryptionKeys: readonly string[],
  storeId: string,
): Promise<void> {
  await seedConnection(store, encryptionKeys, { storeId, platform: 'x', accounts: [STAND_IN_X_ACCOUNT] });
  for (const platform of ['meta', 'tiktok', 'google', 'pinterest'] as const) {
    await seedConnection(store, encryptionKeys, { storeId, platform, accounts: STAND_IN_ACCOUNTS[platform] });
  }
}
