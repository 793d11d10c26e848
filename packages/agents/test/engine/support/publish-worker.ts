/**
 * A worker process for the crash test: opens the file store, starts the engine (whose runner fires
 * the due publish job) and runs until it is killed. Settings come from the environment:
 * STORE_PATH, ENCRYPTION_KEY, X_BASE_URL, MEDIA_BASE_URL.
 */
import { fileStore } from '@growthhub/core';
import { x } from '@growthhub/platform-x';
import { inMemoryCatalog } from '../../../src/catalog/index';
import { createGrowthEngine } from '../../../src/engine/index';
import { kilnCatalogData } from '../../social/support/kiln-catalog';

async function main(): Promise<void> {
  const env = (name: string): string => {
    const value = process.env[name];
    if (value === undefined) throw new Error(`${name} is not set`);
    return value;
  };
  const engine = createGrowthEngine({
    platforms: [
      x({
        clientId: 'growthhub-x-client',
        clientSecret: 'growthhub-x-secret',
        redirectUri: 'http://localhost:3000/callback/x',
        baseUrl: env('X_BASE_URL'),
        allowPrivateMediaHosts: true,
      }),
    ],
    store: fileStore(env('STORE_PATH')),
    encryptionKeys: [env('ENCRYPTION_KEY')],
    catalog: inMemoryCatalog(kilnCatalogData({ mediaBaseUrl: env('MEDIA_BASE_URL'), withVideo: false })),
    instanceId: 'worker-1',
  });
  engine.events.on('post.publishing', (event) => process.stdout.write(`publishing ${event.postId}\n`));
  await engine.start();
  process.stdout.write('started\n');
  // Keep running until killed.
  setInterval(() => {}, 1_000);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
