import { z } from 'zod';
import type { RepositoryDefinition } from '../contracts/store';
import { IdSchema } from '../model/identifier';

/**
 * What the engine remembers about how a connection was authorised, beside the connection itself: the
 * redirect URI, so a reconnect link can be made when the grant is lost. Nothing in it is secret.
 */
export const OAuthGrantRecordSchema = z.strictObject({
  connectionId: IdSchema,
  storeId: IdSchema,
  redirectUri: z.string().min(1),
});

/** How a connection was authorised; see {@link OAuthGrantRecordSchema}. */
export type OAuthGrantRecord = z.infer<typeof OAuthGrantRecordSchema>;

/** The `oauth-grants` collection, one record per connection. */
export const oauthGrantRepository: RepositoryDefinition<OAuthGrantRecord> = {
  name: 'oauth-grants',
  schema: OAuthGrantRecordSchema,
  idOf: (record) => record.connectionId,
  tenantOf: (record) => record.storeId,
};
