import type {
  ConnectionManager,
  ConnectionManagerOptions,
  EncryptionKeyInput,
  GrowthEventBus,
  HttpRetryOptions,
  JobRunner,
  LanguageModel,
  Logger,
  PlatformAdapter,
  Store,
} from '@growthhub/core';
import {
  ConfigError,
  createConnectionManager,
  createEventBus,
  createTokenVault,
  isPlatformAdapterV1,
  redactingLogger,
  redactSecrets,
  silentLogger,
} from '@growthhub/core';
import type { StoreCatalog } from '../catalog/index';
import { type Clock, systemClock } from '../jobs/clock';
import { inProcessJobRunner } from '../jobs/in-process-job-runner';
import { templateModel } from '../llm/template-model';
import { createSocialAgent, type SocialAgent } from '../social/social-agent';
import { DEFAULT_SOCIAL_SETTINGS, type PublishingMode, type SocialSettings } from '../social/social-context';
import {
  accountInsightsRepository,
  contentCalendarRepository,
  postMetricsRepository,
  socialPostRepository,
} from '../social/social-records';
import { createPlatformRuntime } from './platform-runtime';

/** Options of {@link createGrowthEngine}. */
export interface GrowthEngineOptions {
  /** The platform adapters users can connect, e.g. `[x({ clientId, clientSecret, redirectUri })]`. */
  platforms: readonly PlatformAdapter[];
  /** Where everything is kept: `memoryStore()`, `fileStore(path)`, `redisStore(url)`. */
  store: Store;
  /** The language model: `openaiModel({ model })`, or the offline `templateModel()` (the default). */
  llm?: LanguageModel;
  /** Token encryption keys, oldest first (base64 of 32 random bytes); the last one seals. */
  encryptionKeys: readonly EncryptionKeyInput[];
  /** The host's stores, products and media. */
  catalog: StoreCatalog;
  /** The job runner (default: the in-process runner on `store`). */
  jobs?: JobRunner;
  /** The clock (default: the real one); give `manualClock()` in tests. */
  clock?: Clock;
  /** Where logs go (default: nowhere); secrets are redacted before they reach it. */
  logger?: Logger;
  /** `approval` (default): planned posts wait as drafts for `approve`; `autopilot`: they are scheduled at once. */
  mode?: PublishingMode;
  /** The fetch used for OAuth and platform calls (default: the global one). */
  fetch?: typeof fetch;
  /** HTTP kernel settings for platform calls. */
  http?: { retry?: HttpRetryOptions; timeoutMs?: number };
  /** Social Agent settings (gaps, lead time, concurrency, retries, sync interval). */
  social?: Partial<SocialSettings>;
  /** The link put into `connection.expired` events (default: a fresh authorize URL). */
  reconnectUrl?: ConnectionManagerOptions['reconnectUrl'];
  /**
   * This process's identity in job leases when the engine builds its own runner. Give a stable id per
   * worker so a restarted worker takes over its own jobs at once after a crash.
   */
  instanceId?: string;
}

/** The composition root: everything a host uses. */
export interface GrowthEngine {
  /** Connects and maintains platform accounts by OAuth (core's connection manager). */
  readonly connections: ConnectionManager;
  /** The Social Agent: plan, review, publish, measure. */
  readonly social: SocialAgent;
  /** Typed events: `engine.events.on('post.published', (e) => …)`. */
  readonly events: GrowthEventBus;
  /** The job runner publishing posts and syncing metrics. */
  readonly jobs: JobRunner;
  /** The store given. */
  readonly store: Store;
  /** The mode in force. */
  readonly mode: PublishingMode;
  /** Starts background work: registers jobs and starts the runner (jobs due while down run now). */
  start(): Promise<void>;
  /** Stops background work and waits for running jobs; does not close the store. */
  stop(): Promise<void>;
}

/**
 * Creates the Growth Hub engine: one composition root with every dependency injected and no global
 * state. It wires the token vault (AES-256-GCM with the given keys), the connection manager, the
 * event bus, the HTTP kernel and rate limiter per platform, the job runner and the Social Agent.
 * Misconfiguration fails here with a `ConfigError` naming the setting.
 *
 * @example
 * ```ts
 * const engine = createGrowthEngine({
 *   platforms: [x({ clientId, clientSecret, redirectUri })],
 *   store: fileStore('./growthhub.data'),
 *   encryptionKeys: [process.env.GROWTHHUB_KEY!],
 *   catalog,
 *   llm: templateModel(),
 * });
 * engine.events.on('post.published', (e) => console.log(e.postId, e.url));
 * await engine.start();
 * ```
 */
export function createGrowthEngine(options: GrowthEngineOptions): GrowthEngine {
  assertOptions(options);
  const clock = options.clock ?? systemClock;
  const logger = options.logger === undefined ? silentLogger : redactingLogger(options.logger);
  const { store, catalog } = options;
  const secrets = knownSecrets(options);
  const events = createEventBus();
  const vault = createTokenVault({ keys: options.encryptionKeys, store });
  const connections = createConnectionManager({
    platforms: options.platforms,
    store,
    vault,
    events,
    clock: () => clock.now(),
    logger,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    ...(options.reconnectUrl === undefined ? {} : { reconnectUrl: options.reconnectUrl }),
  });
  const jobs =
    options.jobs ??
    inProcessJobRunner({
      store,
      clock,
      logger,
      ...(options.instanceId === undefined ? {} : { instanceId: options.instanceId }),
      onError: (error, job) =>
        events.emit('engine.error', {
          at: clock.now().toISOString(),
          storeId: 'engine',
          source: `job:${job.name}`,
          error: {
            code: redactSecrets(String((error as { code?: unknown })?.code ?? 'job_failed'), secrets),
            // A handler's error can quote a token or the app's own secret; the event must never carry it.
            message: redactSecrets(String((error as Error)?.message ?? error), secrets).slice(0, 2000),
          },
        }),
    });
  const platforms = createPlatformRuntime({
    adapters: options.platforms,
    connections,
    logger,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    ...(options.http?.retry === undefined ? {} : { retry: options.http.retry }),
    ...(options.http?.timeoutMs === undefined ? {} : { timeoutMs: options.http.timeoutMs }),
  });
  const mode = options.mode ?? 'approval';
  const social = createSocialAgent({
    store,
    catalog,
    llm: options.llm ?? templateModel(),
    jobs,
    events,
    clock,
    logger,
    mode,
    platforms,
    settings: { ...DEFAULT_SOCIAL_SETTINGS, ...options.social },
    posts: store.repository(socialPostRepository),
    calendars: store.repository(contentCalendarRepository),
    metrics: store.repository(postMetricsRepository),
    insights: store.repository(accountInsightsRepository),
  });
  let registered = false;
  const { registerJobs, ...socialAgent } = social;
  return {
    connections,
    social: socialAgent,
    events,
    jobs,
    store,
    mode,
    async start() {
      if (!registered) {
        await registerJobs();
        registered = true;
      }
      await jobs.start();
    },
    stop: () => jobs.stop(),
  };
}

function assertOptions(options: GrowthEngineOptions): void {
  if (typeof options !== 'object' || options === null) {
    throw new ConfigError({
      setting: 'options',
      reason: 'no options were given',
      fix: 'pass { platforms, store, encryptionKeys, catalog }',
    });
  }
  if (!Array.isArray(options.platforms) || options.platforms.length === 0) {
    throw new ConfigError({
      setting: 'platforms',
      reason: 'no platform adapter was given',
      fix: 'pass e.g. platforms: [x({ clientId, clientSecret, redirectUri })]',
    });
  }
  options.platforms.forEach((adapter, index) => {
    if (!isPlatformAdapterV1(adapter)) {
      throw new ConfigError({
        setting: `platforms[${index}]`,
        reason: 'is not a PlatformAdapter (specification v1)',
        fix: 'pass the value returned by an adapter factory such as x({ ... })',
      });
    }
  });
  if (typeof options.store?.repository !== 'function') {
    throw new ConfigError({
      setting: 'store',
      reason: 'is not a Store',
      fix: "pass memoryStore(), fileStore('./growthhub.data') or redisStore(url)",
    });
  }
  const catalog = options.catalog as Partial<StoreCatalog> | undefined;
  if (
    typeof catalog?.getStore !== 'function' ||
    typeof catalog.listProducts !== 'function' ||
    typeof catalog.listMedia !== 'function'
  ) {
    throw new ConfigError({
      setting: 'catalog',
      reason: 'is not a StoreCatalog (getStore, listProducts, listMedia)',
      fix: 'pass your catalog, or inMemoryCatalog({ stores, products, media })',
    });
  }
  const mode: unknown = options.mode;
  if (mode !== undefined && mode !== 'approval' && mode !== 'autopilot') {
    throw new ConfigError({
      setting: 'mode',
      reason: `"${String(mode)}" is not a mode`,
      fix: "use 'approval' or 'autopilot'",
    });
  }
}

/** The literal secrets the engine was given (client secrets, encryption keys), removed from error events. */
function knownSecrets(options: GrowthEngineOptions): string[] {
  const secrets: string[] = [];
  for (const platform of options.platforms) {
    const secret = platform.oauth?.client?.secret;
    if (typeof secret === 'string') secrets.push(secret);
  }
  for (const key of options.encryptionKeys) {
    const value = typeof key === 'string' ? key : key.key;
    if (typeof value === 'string') secrets.push(value);
  }
  return secrets;
}
