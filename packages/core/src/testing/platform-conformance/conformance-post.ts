import { randomUUID } from 'node:crypto';
import type { AdapterContext, PlatformAdapter } from '../../contracts/index';
import type { PostKind, SocialChannel, SocialPost } from '../../model/index';
import { postContentHash, SocialPostSchema } from '../../model/index';
import type { ConformancePostTemplate } from './harness';

/**
 * Builds a valid `publishing` {@link SocialPost} from a harness template: fresh id, idempotency key and
 * content hash, and a caption made unique (platforms such as X reject duplicate text).
 */
export function buildConformancePost(
  adapter: PlatformAdapter,
  context: AdapterContext,
  template: ConformancePostTemplate | undefined,
  overrides: Partial<Pick<SocialPost, 'caption'>> & { readonly uniqueCaption?: boolean } = {},
): SocialPost {
  const channel = template?.channel ?? firstChannel(adapter);
  const kind = template?.kind ?? firstKind(adapter, channel);
  const accountId = template?.accountId ?? context.connection.accounts[0]?.id;
  if (accountId === undefined) {
    throw new Error(
      'The harness context has no connected account; give createTestAdapterContext an account.',
    );
  }
  const nonce = randomUUID().slice(0, 8);
  const baseCaption = overrides.caption ?? template?.caption ?? 'Growth Hub conformance check';
  const caption = overrides.uniqueCaption === false ? baseCaption : `${baseCaption} (${nonce})`;
  const now = new Date().toISOString();
  const hashtags = template?.hashtags ?? [];
  const media = template?.media ?? [];
  const draft = {
    id: `post-conformance-${nonce}`,
    storeId: context.connection.storeId,
    connectionId: context.connection.id,
    accountId,
    channel,
    kind,
    status: 'publishing' as const,
    caption,
    hashtags,
    media,
    ...(template?.title === undefined ? {} : { title: template.title }),
    ...(template?.link === undefined ? {} : { link: template.link }),
    ...(template?.boardId === undefined ? {} : { boardId: template.boardId }),
    scheduledAt: now,
    idempotencyKey: `conformance-${randomUUID()}`,
    contentHash: postContentHash({ channel, accountId, caption, hashtags, media }),
    attempts: [],
    createdAt: now,
    updatedAt: now,
  };
  return SocialPostSchema.parse(draft);
}

function firstChannel(adapter: PlatformAdapter): SocialChannel {
  const channel = Object.keys(adapter.capabilities.social ?? {})[0] as SocialChannel | undefined;
  if (channel === undefined)
    throw new Error(`${adapter.id} declares no social channel in capabilities.social.`);
  return channel;
}

function firstKind(adapter: PlatformAdapter, channel: SocialChannel): PostKind {
  const kinds = Object.keys(adapter.capabilities.social?.[channel]?.postKinds ?? {}) as PostKind[];
  const kind = kinds.includes('text') ? 'text' : kinds[0];
  if (kind === undefined) throw new Error(`${adapter.id} declares no post kind for ${channel}.`);
  return kind;
}
