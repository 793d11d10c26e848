import type { Logger, Store } from '@growthhub/core';
import { connectionRepository, createTokenVault, eachPaged } from '@growthhub/core';
import { createXEmulator, type XEmulator } from '@growthhub/platform-x/testing';

/** The sandbox's OAuth client id at the X emulator. */
export const SANDBOX_X_CLIENT_ID = 'growthhub-sandbox';

/** Settings of {@link startXSandbox}. */
export interface XSandboxOptions {
  /** The host's callback URL, registered as the emulated app's only redirect URI. */
  readonly redirectUri: string;
  /** The emulated app's client secret. */
  readonly clientSecret: string;
  /** Port to listen on (0: a free one). */
  readonly port: number;
}

/**
 * Starts the local X the sandbox talks to: the real X API v2 wire format (consent page, tokens,
 * posts, media upload, metrics) on 127.0.0.1. Two demo accounts can authorise. Posts reach their
 * audience within minutes instead of hours (`halfLifeMinutes`), so the analytics chart fills while
 * someone is looking at it.
 */
export async function startXSandbox(options: XSandboxOptions): Promise<XEmulator> {
  const emulator = createXEmulator({
    clients: [
      {
        clientId: SANDBOX_X_CLIENT_ID,
        clientSecret: options.clientSecret,
        redirectUris: [options.redirectUri],
      },
    ],
    users: [
      { id: '1589000000000000001', username: 'kilnandco', name: 'Kiln & Co', followers: 4200 },
      { id: '1589000000000000002', username: 'harbourcoffee', name: 'Harbour Coffee', followers: 2600 },
    ],
    metricsGrowth: { halfLifeMinutes: 2 },
  });
  await emulator.listen({ port: options.port });
  return emulator;
}

/**
 * The emulator keeps its tokens in memory, so after a restart the tokens sealed in the store mean
 * nothing to it. Like a person re-approving the app, this issues fresh tokens for every stored X
 * connection's account and seals them in place of the old ones, so connections, calendars and
 * scheduled posts carry on after a restart. A real X keeps its grants, so live mode never does this.
 */
export async function regrantStoredConnections(
  emulator: XEmulator,
  store: Store,
  encryptionKeys: readonly string[],
  logger: Logger,
): Promise<number> {
  const connections = store.repository(connectionRepository);
  const vault = createTokenVault({ keys: encryptionKeys, store });
  const knownUsers = new Set(emulator.users().map((user) => user.id));
  let regranted = 0;
  for await (const storeId of eachPaged((page) => connections.listTenants(page))) {
    for await (const connection of eachPaged((page) => connections.list(storeId, page))) {
      const userId = connection.accounts[0]?.id;
      const usable = connection.status === 'connected' || connection.status === 'expiring';
      if (connection.platform !== 'x' || !usable || userId === undefined || !knownUsers.has(userId)) continue;
      const issued = emulator.issueTokens({
        userId,
        clientId: SANDBOX_X_CLIENT_ID,
        scopes: connection.scopes,
      });
      await vault.save(
        { connectionId: connection.id, storeId },
        {
          accessToken: issued.access_token,
          ...(issued.refresh_token === undefined ? {} : { refreshToken: issued.refresh_token }),
          tokenType: issued.token_type,
          expiresAt: new Date(Date.now() + issued.expires_in * 1000).toISOString(),
          scopes: issued.scope.split(' ').filter((scope) => scope !== ''),
        },
      );
      regranted += 1;
    }
  }
  if (regranted > 0) logger.info('Sandbox: re-granted stored X connections', { regranted });
  return regranted;
}
