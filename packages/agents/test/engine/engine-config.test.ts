import { randomBytes } from 'node:crypto';
import { ConfigError, memoryStore } from '@growthhub/core';
import { x } from '@growthhub/platform-x';
import { describe, expect, it } from 'vitest';
import { inMemoryCatalog } from '../../src/catalog/index';
import { createGrowthEngine, type GrowthEngineOptions } from '../../src/engine/index';
import { kilnCatalogData } from '../social/support/kiln-catalog';

function options(overrides: Partial<GrowthEngineOptions> = {}): GrowthEngineOptions {
  return {
    platforms: [
      x({ clientId: 'id', clientSecret: 'secret', redirectUri: 'http://localhost:3000/callback/x' }),
    ],
    store: memoryStore(),
    encryptionKeys: [randomBytes(32).toString('base64')],
    catalog: inMemoryCatalog(kilnCatalogData()),
    ...overrides,
  };
}

function settingOf(build: () => unknown): string | undefined {
  try {
    build();
  } catch (error) {
    return ConfigError.isInstance(error) ? error.setting : `not a ConfigError: ${String(error)}`;
  }
  return undefined;
}

describe('createGrowthEngine', () => {
  it('builds with the offline template model and approval mode by default', () => {
    const engine = createGrowthEngine(options());
    expect(engine.mode).toBe('approval');
    expect(typeof engine.social.planCalendar).toBe('function');
    expect(typeof engine.connections.begin).toBe('function');
  });

  it('names the setting at fault when misconfigured', () => {
    expect(settingOf(() => createGrowthEngine(options({ platforms: [] })))).toBe('platforms');
    expect(settingOf(() => createGrowthEngine(options({ platforms: [{} as never] })))).toBe('platforms[0]');
    expect(settingOf(() => createGrowthEngine(options({ store: {} as never })))).toBe('store');
    expect(settingOf(() => createGrowthEngine(options({ catalog: {} as never })))).toBe('catalog');
    expect(settingOf(() => createGrowthEngine(options({ mode: 'yolo' as never })))).toBe('mode');
    expect(settingOf(() => createGrowthEngine(options({ encryptionKeys: [] })))).toBe('encryptionKeys');
  });

  it('starts and stops its runner, and stopping twice is harmless', async () => {
    const engine = createGrowthEngine(options());
    await engine.start();
    await engine.start();
    await engine.stop();
    await engine.stop();
  });
});
