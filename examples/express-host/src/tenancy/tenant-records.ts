import type { GrowthEngine } from '@growthhub/agents';
import type { Connection } from '@growthhub/core';
import { notFound } from '../http/http-problem';

/** Loads records on behalf of one store: another store's record is "not found", never "forbidden". */
export interface TenantRecords {
  connection(storeId: string, connectionId: string): Promise<Connection>;
}

/**
 * Tenant-scoped lookups the engine does not do itself. Posts and calendars need none: the routes pass
 * the caller's `storeId` to every Social Agent method, and the engine answers another store's id
 * exactly like a missing one (`RecordNotFoundError`, which the problem responder turns into the same
 * 404 as here). Connections are still checked here: a record of another store gets exactly the
 * answer a missing one gets (404, same wording), since a 403 would confirm that the id exists.
 */
export function tenantRecords(engine: GrowthEngine): TenantRecords {
  return {
    async connection(storeId, connectionId) {
      const connection = await engine.connections.get(connectionId);
      if (connection?.storeId !== storeId) throw notFound('connection', connectionId);
      return connection;
    },
  };
}
