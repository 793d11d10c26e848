import type { AdapterContext, PlatformAdapter, WebhookRequest } from '../../contracts/index';
import type { SocialPost } from '../../model/index';
import type { Emulator } from '../emulator/index';

/**
 * What an adapter package provides so its adapter can run {@link runPlatformConformance}: one
 * method that starts its emulator with fresh state and a connected account. Like keyv's test suite,
 * the adapter's test file is then one call plus its own extras.
 *
 * @example
 * ```ts
 * // packages/platform-x/src/testing/conformance-harness.ts
 * export function xConformanceHarness(settings: XSettings): PlatformConformanceHarness {
 *   return {
 *     async start() {
 *       const emulator = createXEmulator();
 *       const { url, close } = await emulator.listen();
 *       const accessToken = emulator.issueToken();
 *       return {
 *         emulator,
 *         secrets: [accessToken, settings.clientSecret],
 *         context: (options) => createTestAdapterContext({ platform: 'x', accessToken: options?.accessToken ?? accessToken, ... }),
 *         post: { channel: 'x', kind: 'text', caption: 'Hello from Growth Hub' },
 *         signedWebhook: () => emulator.signedEvent(settings.clientSecret),
 *         stop: close,
 *       };
 *     },
 *   };
 * }
 * ```
 */
export interface PlatformConformanceHarness {
  /** Starts the platform's emulator with fresh state. Called before every check that needs it. */
  start(): Promise<ConformanceSession>;
}

/** One running emulator with a connected account; see {@link PlatformConformanceHarness}. */
export interface ConformanceSession {
  /** The running emulator (the suite scripts 429s through its `faults`). */
  readonly emulator: Emulator;
  /**
   * The adapter bound to this emulator, when it must be built with the emulator's URL. Absent: the
   * adapter given to `runPlatformConformance` is used (e.g. when `context()`'s fetch redirects hosts).
   */
  readonly adapter?: PlatformAdapter;
  /**
   * A context for the connected account. With `accessToken`, that token is presented instead of the
   * valid one (the suite passes one the emulator must reject) and no refresh is offered.
   */
  context(options?: { readonly accessToken?: string }): AdapterContext | Promise<AdapterContext>;
  /**
   * What a publishable post looks like on this platform (channel, kind, caption, media, board...).
   * The suite fills ids, status, times, idempotency key and content hash, makes the caption unique,
   * and posts as `accountId` or else the context's first account. Default: a text post on the
   * adapter's first social channel.
   */
  readonly post?: ConformancePostTemplate;
  /** Every secret the harness handed out (tokens, client and webhook secrets); none may appear in an error. */
  readonly secrets: readonly string[];
  /** A correctly signed webhook event request. Required when the adapter has `webhooks`. */
  signedWebhook?(): WebhookRequest | Promise<WebhookRequest>;
  /** Stops the emulator. */
  stop(): Promise<void>;
}

/** The platform-specific part of a conformance post; see {@link ConformanceSession.post}. */
export type ConformancePostTemplate = Partial<
  Pick<
    SocialPost,
    'channel' | 'kind' | 'caption' | 'hashtags' | 'title' | 'link' | 'boardId' | 'media' | 'accountId'
  >
>;

/** What a conformance check runs against: the adapter and a started session. */
export interface ConformanceFixture {
  readonly adapter: PlatformAdapter;
  readonly session: ConformanceSession;
}
