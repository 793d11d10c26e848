import type { RepositoryDefinition } from '../contracts/store';
import { type Connection, ConnectionSchema } from '../model/connection';

/**
 * The `connections` collection: one record per OAuth connection, listed per tenant (`storeId`).
 * Tokens are never part of it; the token vault keeps them encrypted under its own keys.
 *
 * @example
 * ```ts
 * const connections = store.repository(connectionRepository);
 * const page = await connections.list(storeId, { limit: 50 });
 * ```
 */
export const connectionRepository: RepositoryDefinition<Connection> = {
  name: 'connections',
  schema: ConnectionSchema,
  idOf: (connection) => connection.id,
  tenantOf: (connection) => connection.storeId,
};
