import type { WebhookEvent } from '@growthhub/core';
import { connectionRepository, eachPaged } from '@growthhub/core';
import type { HostContext } from '../host-context';

/**
 * What the host does with verified platform events. The engine already learns of its own posts by
 * publishing them, so most events are only logged. A revoked authorisation (the user removed the app
 * on the platform) ends the matching connections here, so the dashboard shows them as gone at once
 * instead of at the next failed call.
 */
export async function handleWebhookEvents(
  context: HostContext,
  events: readonly WebhookEvent[],
): Promise<void> {
  for (const event of events) {
    context.logger.info('Webhook event', {
      platform: event.platform,
      kind: event.kind,
      type: event.type,
      accountId: event.accountId,
      platformPostId: event.platformPostId,
    });
    if (event.kind === 'authorization.revoked' && event.accountId !== undefined) {
      for (const connectionId of await connectionsOfAccount(context, event.platform, event.accountId)) {
        await context.engine.connections.revoke(connectionId);
      }
    }
  }
}

/** Ids of every store's connections on `platform` that reach `accountId`, paging through every store's connections. */
async function connectionsOfAccount(
  context: HostContext,
  platform: string,
  accountId: string,
): Promise<string[]> {
  const connections = context.engine.store.repository(connectionRepository);
  const matches: string[] = [];
  for await (const storeId of eachPaged((page) => connections.listTenants(page))) {
    for await (const connection of eachPaged((page) => context.engine.connections.list(storeId, page))) {
      if (
        connection.platform === platform &&
        connection.accounts.some((account) => account.id === accountId)
      ) {
        matches.push(connection.id);
      }
    }
  }
  return matches;
}
