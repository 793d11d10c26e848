import { randomBytes } from 'node:crypto';
import type { LanguageModel, Store } from '@growthhub/core';
import { memoryStore } from '@growthhub/core';
import { x } from '@growthhub/platform-x';
import {
  clickConsent,
  createXEmulator,
  type XEmulator,
  type XEmulatorOptions,
} from '@growthhub/platform-x/testing';
import { inMemoryCatalog } from '../../../src/catalog/index';
import { createGrowthEngine, type GrowthEngine, type GrowthEngineOptions } from '../../../src/engine/index';
import { type ManualClock, manualClock } from '../../../src/jobs/index';
import { templateModel } from '../../../src/llm/index';
import { KILN_STORE_ID, kilnCatalogData } from './kiln-catalog';
import { type MediaHost, startMediaHost } from './media-host';

/** A Monday morning in Paris (07:00 UTC = 08:00 CET). */
export const MONDAY_MORNING = '2026-03-02T07:00:00.000Z';

export const REDIRECT_URI = 'http://localhost:3000/callback/x';

/** An engine wired to a local X emulator, a media host and a manual clock shared by all of them (unless `realTime`). */
export interface XWorld {
  readonly engine: GrowthEngine;
  readonly emulator: XEmulator;
  readonly clock: ManualClock;
  readonly store: Store;
  readonly media: MediaHost;
  readonly encryptionKeys: string[];
  /** Connects a store's X account (`xUserId`, default the emulator's first user) through the consent page; returns the connection id. */
  connect(storeId?: string, xUserId?: string, scopes?: string[]): Promise<string>;
  close(): Promise<void>;
}

/** Options of {@link startXWorld}. */
export interface XWorldOptions {
  readonly store?: Store;
  readonly llm?: LanguageModel;
  readonly mode?: GrowthEngineOptions['mode'];
  readonly start?: string;
  readonly emulator?: XEmulatorOptions;
  readonly engine?: Partial<GrowthEngineOptions>;
  readonly extraStores?: string[];
  /** Run the engine and the emulator on the real clock (for paths where the HTTP kernel's real-time rate limiter takes part). */
  readonly realTime?: boolean;
}

/** Starts an {@link XWorld}; call `close()` after the test. */
export async function startXWorld(options: XWorldOptions = {}): Promise<XWorld> {
  const clock = manualClock(options.start ?? MONDAY_MORNING);
  const emulator = createXEmulator({
    ...(options.realTime ? {} : { now: () => clock.now().getTime() }),
    ...options.emulator,
  });
  await emulator.listen();
  const media = await startMediaHost();
  const store = options.store ?? memoryStore();
  const encryptionKeys = [randomBytes(32).toString('base64')];
  const data = kilnCatalogData({ mediaBaseUrl: media.url, withVideo: false });
  for (const extra of options.extraStores ?? []) {
    const base = data.stores[0]!;
    data.stores.push({ ...base, id: extra, name: `${base.name} ${extra}` });
  }
  const engine = createGrowthEngine({
    platforms: [
      x({
        clientId: 'growthhub-x-client',
        clientSecret: 'growthhub-x-secret',
        redirectUri: REDIRECT_URI,
        baseUrl: emulator.url,
        allowPrivateMediaHosts: true,
      }),
    ],
    store,
    encryptionKeys,
    catalog: inMemoryCatalog(data),
    llm: options.llm ?? templateModel(),
    ...(options.realTime ? {} : { clock }),
    mode: options.mode ?? 'approval',
    http: { retry: { maxAttempts: 1, baseDelayMs: 10, maxTotalWaitMs: 1_000 } },
    ...options.engine,
  });
  return {
    engine,
    emulator,
    clock,
    store,
    media,
    encryptionKeys,
    async connect(storeId = KILN_STORE_ID, xUserId, scopes) {
      const { url } = await engine.connections.begin({
        platform: 'x',
        storeId,
        userId: 'owner-1',
        redirectUri: REDIRECT_URI,
        ...(scopes === undefined ? {} : { scopes }),
      });
      const consent = await clickConsent(url, xUserId === undefined ? {} : { userId: xUserId });
      const connection = await engine.connections.complete({
        platform: 'x',
        code: consent.code!,
        state: consent.state!,
      });
      return connection.id;
    },
    async close() {
      await engine.stop();
      await emulator.close();
      await media.close();
    },
  };
}
