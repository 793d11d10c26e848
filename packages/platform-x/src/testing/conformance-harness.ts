import type { WebhookRequest } from '@growthhub/core';
import type { PlatformConformanceHarness } from '@growthhub/core/testing';
import { createTestAdapterContext } from '@growthhub/core/testing/kit';
import { x } from '../adapter';
import { signXWebhookBody, X_SIGNATURE_HEADER } from '../webhooks';
import { createXEmulator, DEFAULT_X_CLIENT, type XEmulatorOptions } from './x-emulator';

/** Settings for {@link xConformanceHarness}. */
export interface XConformanceHarnessOptions {
  /** The consumer secret the adapter verifies webhooks with. Default: a fixed test secret. */
  readonly consumerSecret?: string;
  /** Emulator settings (users, clients, naming…). */
  readonly emulator?: XEmulatorOptions;
}

/** The consumer secret the harness signs webhooks with unless told otherwise. */
export const CONFORMANCE_CONSUMER_SECRET = 'growthhub-x-consumer-secret';

/**
 * What `runPlatformConformance` needs to run against a fresh X emulator: an adapter bound to the
 * emulator, a context for the connected user (HTTP kernel with the adapter's `mapError`), a text post
 * template, every secret handed out, and a correctly signed Account Activity event.
 *
 * @example
 * ```ts
 * runPlatformConformance({
 *   adapter: x({ clientId: 'id', clientSecret: 'secret', redirectUri: 'https://app.example/cb', consumerSecret: 'c' }),
 *   harness: xConformanceHarness({ consumerSecret: 'c' }),
 * });
 * ```
 */
export function xConformanceHarness(options: XConformanceHarnessOptions = {}): PlatformConformanceHarness {
  const consumerSecret = options.consumerSecret ?? CONFORMANCE_CONSUMER_SECRET;
  return {
    async start() {
      const emulator = createXEmulator(options.emulator);
      const { url, close } = await emulator.listen();
      const client = emulator.clients[0] ?? DEFAULT_X_CLIENT;
      const adapter = x({
        clientId: client.clientId,
        ...(client.clientSecret === undefined ? {} : { clientSecret: client.clientSecret }),
        redirectUri: 'http://127.0.0.1/callback/x',
        baseUrl: url,
        consumerSecret,
        allowPrivateMediaHosts: true,
      });
      const tokens = emulator.issueTokens({ clientId: client.clientId });
      const user = emulator.users()[0];
      if (user === undefined) throw new Error('The X emulator has no user to connect.');
      return {
        emulator: emulator.kit,
        adapter,
        secrets: [
          tokens.access_token,
          tokens.refresh_token ?? '',
          client.clientSecret ?? '',
          consumerSecret,
        ].filter((secret) => secret !== ''),
        context: (contextOptions) =>
          createTestAdapterContext({
            platform: 'x',
            accessToken: contextOptions?.accessToken ?? tokens.access_token,
            accounts: [{ id: user.id, kind: 'user', name: user.name }],
            scopes: tokens.scope.split(' '),
            http: { mapError: adapter.mapError },
          }),
        post: { channel: 'x', kind: 'text', caption: 'Hello from Growth Hub' },
        signedWebhook: () => signedActivity(url, consumerSecret, user.id),
        stop: close,
      };
    },
  };
}

/** An Account Activity `tweet_create_events` delivery for `userId`, signed as X signs it. */
export function signedActivity(baseUrl: string, consumerSecret: string, userId: string): WebhookRequest {
  const rawBody = new TextEncoder().encode(
    JSON.stringify({
      for_user_id: userId,
      tweet_create_events: [
        {
          id_str: '1850000000000000000',
          created_at: new Date().toUTCString(),
          text: 'Hello from Growth Hub',
          user: { id_str: userId, screen_name: 'growthhub_demo' },
        },
      ],
    }),
  );
  return {
    method: 'POST',
    url: `${baseUrl}/webhooks/x`,
    headers: {
      'content-type': 'application/json',
      [X_SIGNATURE_HEADER]: signXWebhookBody(consumerSecret, rawBody),
    },
    rawBody,
  };
}
