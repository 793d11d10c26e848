import type { GrowthEngine } from '@growthhub/agents';
import type { Connection, ContentCalendar, SocialPost } from '@growthhub/core';
import { ValidationError } from '@growthhub/core';
import { notFound } from '../http/http-problem';

/** Loads records on behalf of one store: another store's record is "not found", never "forbidden". */
export interface TenantRecords {
  post(storeId: string, postId: string): Promise<SocialPost>;
  connection(storeId: string, connectionId: string): Promise<Connection>;
  calendar(storeId: string, calendarId: string): Promise<ContentCalendar>;
}

/**
 * Tenant-scoped lookups over the engine. The engine's ids are global, so the host checks the owner of
 * every record a request names before acting on it. A record of another store gets exactly the answer
 * a missing one gets (404, same wording): a 403 would confirm that the id exists.
 */
export function tenantRecords(engine: GrowthEngine): TenantRecords {
  return {
    async post(storeId, postId) {
      const post = await orUndefined(() => engine.social.getPost(postId));
      if (post?.storeId !== storeId) throw notFound('post', postId);
      return post;
    },
    async connection(storeId, connectionId) {
      const connection = await engine.connections.get(connectionId);
      if (connection?.storeId !== storeId) throw notFound('connection', connectionId);
      return connection;
    },
    async calendar(storeId, calendarId) {
      const calendar = await orUndefined(() => engine.social.getCalendar(calendarId));
      if (calendar?.storeId !== storeId) throw notFound('calendar', calendarId);
      return calendar;
    },
  };
}

/** The engine answers an unknown id with a `ValidationError`; here that means "not found". */
async function orUndefined<T>(load: () => Promise<T>): Promise<T | undefined> {
  try {
    return await load();
  } catch (error) {
    if (ValidationError.isInstance(error)) return undefined;
    throw error;
  }
}
