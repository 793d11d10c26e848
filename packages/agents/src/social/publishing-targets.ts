import type {
  ChannelCapabilities,
  ConnectedAccountKind,
  Connection,
  PlatformAdapter,
  SocialChannel,
} from '@growthhub/core';
import { CHANNEL_PLATFORM, SocialChannelSchema, ValidationError } from '@growthhub/core';
import type { PlatformDirectory } from './platform-directory';

/** Where a store's posts for one channel go: the adapter, the connection and the account. */
export interface PublishingTarget {
  readonly channel: SocialChannel;
  readonly adapter: PlatformAdapter;
  readonly capabilities: ChannelCapabilities;
  readonly connection: Connection;
  readonly accountId: string;
  /** Pinterest: the board pins go to. */
  readonly boardId?: string;
}

/** Which connected account posts to each channel. */
export const CHANNEL_ACCOUNT_KINDS: Readonly<Record<SocialChannel, readonly ConnectedAccountKind[]>> = {
  x: ['user'],
  instagram: ['ig_business'],
  facebook: ['page'],
  tiktok: ['user'],
  youtube: ['channel'],
  pinterest: ['user'],
};

/**
 * Resolves the channels a store can post to. With `channels`, each must be published by one of the
 * engine's adapters and have a usable connection with a fitting account, or a `ValidationError`
 * names the entry; without, every channel the store can use is returned.
 */
export async function resolvePublishingTargets(
  directory: PlatformDirectory,
  storeId: string,
  channels: readonly string[] | undefined,
  field = 'channels',
): Promise<PublishingTarget[]> {
  const connections = (await directory.connectionsOf(storeId)).filter(
    (c) => c.status === 'connected' || c.status === 'expiring',
  );
  if (channels === undefined) {
    const all = SocialChannelSchema.options.flatMap((channel) => {
      const target = targetFor(directory, connections, channel);
      return target === undefined ? [] : [target];
    });
    if (all.length === 0) {
      throw new ValidationError({
        field: 'storeId',
        reason: `store "${storeId}" has no connected account on any channel the engine can publish to`,
        fix: 'connect an account first with engine.connections.begin() and complete()',
      });
    }
    return all;
  }
  return channels.map((name, index) => {
    const parsed = SocialChannelSchema.safeParse(name);
    const adapter = parsed.success ? directory.adapter(CHANNEL_PLATFORM[parsed.data]) : undefined;
    if (!parsed.success || adapter?.capabilities.social?.[parsed.data] === undefined) {
      throw new ValidationError({
        field: `${field}.${index}`,
        reason: `"${name}" is not a channel any of the engine's platforms publishes to`,
        fix: `use one of: ${publishableChannels(directory).join(', ') || '(none: pass a platform adapter with social publishing)'}`,
      });
    }
    const target = targetFor(directory, connections, parsed.data);
    if (target === undefined) {
      throw new ValidationError({
        field: `${field}.${index}`,
        reason: `store "${storeId}" has no connected ${parsed.data} account`,
        fix: `connect ${CHANNEL_PLATFORM[parsed.data]} for this store first, or leave ${parsed.data} out`,
      });
    }
    return target;
  });
}

/** Channels the engine's adapters publish to. */
export function publishableChannels(directory: PlatformDirectory): SocialChannel[] {
  return SocialChannelSchema.options.filter(
    (channel) => directory.adapter(CHANNEL_PLATFORM[channel])?.capabilities.social?.[channel] !== undefined,
  );
}

function targetFor(
  directory: PlatformDirectory,
  connections: readonly Connection[],
  channel: SocialChannel,
): PublishingTarget | undefined {
  const platform = CHANNEL_PLATFORM[channel];
  const adapter = directory.adapter(platform);
  const capabilities = adapter?.capabilities.social?.[channel];
  if (adapter === undefined || capabilities === undefined || adapter.social === undefined) return undefined;
  const candidates = connections
    .filter((connection) => connection.platform === platform)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  for (const connection of candidates) {
    const account = connection.accounts.find((a) => CHANNEL_ACCOUNT_KINDS[channel].includes(a.kind));
    if (account === undefined) continue;
    const board = channel === 'pinterest' ? connection.accounts.find((a) => a.kind === 'board') : undefined;
    return {
      channel,
      adapter,
      capabilities,
      connection,
      accountId: account.id,
      ...(board === undefined ? {} : { boardId: board.id }),
    };
  }
  return undefined;
}
