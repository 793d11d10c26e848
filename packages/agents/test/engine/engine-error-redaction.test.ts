import { randomBytes } from 'node:crypto';
import { type GrowthEventPayload, memoryStore } from '@growthhub/core';
import { x } from '@growthhub/platform-x';
import { describe, expect, it } from 'vitest';
import { inMemoryCatalog } from '../../src/catalog/index';
import { createGrowthEngine } from '../../src/engine/index';
import type { InProcessJobRunner } from '../../src/jobs/in-process-job-runner';
import { kilnCatalogData } from '../social/support/kiln-catalog';

describe('engine.error events', () => {
  it('carry a failed job’s error with its secrets redacted, including the app’s own client secret', async () => {
    const engine = createGrowthEngine({
      platforms: [
        x({
          clientId: 'id',
          clientSecret: 'app-client-secret-9f3k',
          redirectUri: 'http://localhost:3000/callback/x',
        }),
      ],
      store: memoryStore(),
      encryptionKeys: [randomBytes(32).toString('base64')],
      catalog: inMemoryCatalog(kilnCatalogData()),
    });
    const reported: GrowthEventPayload<'engine.error'>[] = [];
    engine.events.on('engine.error', (event) => reported.push(event));
    engine.jobs.define('leaky', async () => {
      throw new Error(
        'The token endpoint refused client secret app-client-secret-9f3k (Bearer tok-SECRET-123456)',
      );
    });
    await engine.jobs.schedule({ id: 'leaky:1', name: 'leaky', data: {} }, new Date(0));
    await engine.start();
    await (engine.jobs as InProcessJobRunner).idle();
    await engine.stop();

    expect(reported).toHaveLength(1);
    expect(reported[0]?.source).toBe('job:leaky');
    expect(reported[0]?.error.message).toBe(
      'The token endpoint refused client secret [REDACTED] (Bearer [REDACTED])',
    );
    expect(JSON.stringify(reported)).not.toContain('app-client-secret-9f3k');
    expect(JSON.stringify(reported)).not.toContain('tok-SECRET-123456');
  });
});
