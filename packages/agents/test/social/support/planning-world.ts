import { randomBytes } from 'node:crypto';
import type { GenerateObjectOptions, LanguageModel, Store } from '@growthhub/core';
import { memoryStore } from '@growthhub/core';
import { x } from '@growthhub/platform-x';
import type { z } from 'zod';
import { type InMemoryCatalogData, inMemoryCatalog } from '../../../src/catalog/index';
import { createGrowthEngine, type GrowthEngine, type GrowthEngineOptions } from '../../../src/engine/index';
import { type ManualClock, manualClock } from '../../../src/jobs/index';
import { templateModel } from '../../../src/llm/index';
import { KILN_STORE_ID, kilnCatalogData } from './kiln-catalog';
import { seedFiveChannelConnections, standInAdapter } from './stand-in-platforms';
import { MONDAY_MORNING } from './x-world';

/** The five channels of the planning tests and benchmark: X plus four stand-ins. */
export const FIVE_CHANNELS = ['x', 'instagram', 'facebook', 'tiktok', 'pinterest'] as const;

/** An engine that can plan for X and the stand-in platforms (connections seeded, nothing published). */
export interface PlanningWorld {
  readonly engine: GrowthEngine;
  readonly store: Store;
  readonly clock: ManualClock;
}

/** Builds a {@link PlanningWorld}; no server is started (planning only validates). */
export async function startPlanningWorld(
  options: {
    llm?: LanguageModel;
    catalog?: InMemoryCatalogData;
    engine?: Partial<GrowthEngineOptions>;
    start?: string;
  } = {},
): Promise<PlanningWorld> {
  const store = memoryStore();
  const clock = manualClock(options.start ?? MONDAY_MORNING);
  const keys = [randomBytes(32).toString('base64')];
  await seedFiveChannelConnections(store, keys, KILN_STORE_ID);
  const engine = createGrowthEngine({
    platforms: [
      x({
        clientId: 'growthhub-x-client',
        clientSecret: 'growthhub-x-secret',
        redirectUri: 'http://localhost:3000/callback/x',
      }),
      standInAdapter('meta'),
      standInAdapter('tiktok'),
      standInAdapter('google'),
      standInAdapter('pinterest'),
    ],
    store,
    encryptionKeys: keys,
    catalog: inMemoryCatalog(options.catalog ?? kilnCatalogData()),
    llm: options.llm ?? templateModel(),
    clock,
    ...options.engine,
  });
  return { engine, store, clock };
}

/** A model call as seen by {@link recordingModel}. */
export interface RecordedCall {
  readonly schemaName: string | undefined;
  readonly startedAt: number;
  readonly endedAt: number;
}

/**
 * Wraps a model to record its calls (name and timing) and optionally change answers, e.g. to
 * simulate a model that writes captions too long for X.
 */
export function recordingModel(
  inner: LanguageModel,
  options: {
    delayMs?: number;
    transform?: (schemaName: string | undefined, object: unknown, callIndex: number) => unknown;
  } = {},
): LanguageModel & { calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  return {
    specificationVersion: 'v1',
    provider: 'recording',
    modelId: inner.modelId,
    calls,
    async generateObject<SCHEMA extends z.ZodType>(call: GenerateObjectOptions<SCHEMA>) {
      const startedAt = Date.now();
      const index = calls.length;
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      const result = await inner.generateObject(call);
      calls.push({ schemaName: call.schemaName, startedAt, endedAt: Date.now() });
      const object = options.transform
        ? options.transform(call.schemaName, result.object, index)
        : result.object;
      return { object: object as z.output<SCHEMA>, usage: result.usage };
    },
    generateText: (call) => inner.generateText(call),
  };
}
