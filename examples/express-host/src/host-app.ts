import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  createGrowthEngine,
  type GrowthEngine,
  type InMemoryCatalogData,
  inMemoryCatalog,
  openaiModel,
  templateModel,
} from '@growthhub/agents';
import type { LanguageModel, Logger, PlatformAdapter } from '@growthhub/core';
import { fileStore, redactingLogger, silentLogger } from '@growthhub/core';
import { x } from '@growthhub/platform-x';
import type { XEmulator } from '@growthhub/platform-x/testing';
import { callbackUrl, type HostContext } from './host-context';
import { type HostSecrets, resolveHostSecrets } from './host-secrets';
import { createHttpApp } from './http-app';
import { DEMO_IMAGES, demoCatalog } from './sandbox/demo-catalog';
import { renderProductImage } from './sandbox/product-images';
import { regrantStoredConnections, SANDBOX_X_CLIENT_ID, startXSandbox } from './sandbox/x-sandbox';
import {
  type HostMode,
  type HostSettings,
  type HostSettingsInput,
  hostMode,
  parseHostSettings,
} from './settings';
import { apiKeyDirectory } from './tenancy/api-keys';
import { sessionCookies } from './tenancy/session-cookie';
import { tenantRecords } from './tenancy/tenant-records';

/** A running host app. */
export interface HostApp {
  /** Where the app listens, e.g. `http://127.0.0.1:3000`. */
  readonly url: string;
  readonly mode: HostMode;
  readonly engine: GrowthEngine;
  /** Each store's API key (sandbox: generated on first start and kept in the data directory). */
  readonly apiKeys: Readonly<Record<string, string>>;
  /** Sandbox mode only: the local X the app talks to. */
  readonly xEmulator?: XEmulator;
  /** Every secret the app holds (for tests that prove none leaks). */
  readonly secrets: HostSecrets;
  /** Stops taking requests, stops the engine's jobs, closes the emulator and the store. */
  close(): Promise<void>;
}

/** What a caller may inject besides settings. */
export interface HostAppOptions {
  /** Where logs go (default: nowhere). The engine redacts secrets before they reach it. */
  readonly logger?: Logger;
}

/**
 * Starts the example host: the file store under `dataDir`, the X adapter (pointed at a local X
 * emulator in sandbox mode, at api.x.com with real credentials), the language model (OpenAI when
 * configured, else the offline template model), the engine, and the Express app serving the API and
 * the dashboard. This function is the whole composition root; read it top to bottom.
 */
export async function startHostApp(input: HostSettingsInput, options: HostAppOptions = {}): Promise<HostApp> {
  const settings = parseHostSettings(input);
  const mode = hostMode(settings);

  // Listen first: the redirect URI and media URLs depend on the port actually taken.
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, () => resolve());
  });
  const url = `http://${settings.host}:${(server.address() as AddressInfo).port}`;
  const publicUrl = (settings.publicUrl ?? url).replace(/\/+$/, '');
  const catalogData = await loadCatalog(settings, mode, publicUrl);
  const catalog = inMemoryCatalog(catalogData);
  const secrets = await resolveHostSecrets(
    settings,
    mode,
    catalogData.stores.map((store) => store.id),
  );
  const knownSecrets = knownSecretsOf(secrets, settings);
  // The host's own log lines go through the same redaction as the engine's, with its secrets named.
  const logger = redactingLogger(options.logger ?? silentLogger, knownSecrets);

  const store = fileStore(join(settings.dataDir, 'growthhub.data'));
  const xCallback = callbackUrl(publicUrl, 'x');
  const xEmulator =
    mode === 'sandbox'
      ? await startXSandbox({
          redirectUri: xCallback,
          clientSecret: secrets.sandboxX?.clientSecret as string,
          port: settings.sandboxXPort,
        })
      : undefined;
  const platforms: PlatformAdapter[] = [
    xEmulator === undefined
      ? x({ ...(settings.x as NonNullable<HostSettings['x']>), redirectUri: xCallback })
      : x({
          clientId: SANDBOX_X_CLIENT_ID,
          clientSecret: secrets.sandboxX?.clientSecret as string,
          consumerSecret: secrets.sandboxX?.consumerSecret as string,
          redirectUri: xCallback,
          baseUrl: xEmulator.url,
          // The sandbox serves its product images from this app on 127.0.0.1; never allow this live.
          allowPrivateMediaHosts: true,
        }),
  ];

  const engine = createGrowthEngine({
    platforms,
    store,
    llm: languageModel(settings),
    encryptionKeys: secrets.encryptionKeys,
    catalog,
    mode: 'approval',
    logger,
    // A stable id lets a restarted app take back its own job leases at once instead of waiting them out.
    instanceId: 'express-host',
  });
  if (xEmulator !== undefined)
    await regrantStoredConnections(xEmulator, store, secrets.encryptionKeys, logger);
  await engine.start();

  const context: HostContext = {
    engine,
    catalog,
    records: tenantRecords(engine),
    platforms,
    mode,
    publicUrl,
    logger,
    knownSecrets,
  };
  const images = new Map(DEMO_IMAGES.map((demo) => [`${demo.id}.png`, renderProductImage(demo)]));
  server.on(
    'request',
    createHttpApp(
      context,
      { apiKeys: apiKeyDirectory(secrets.apiKeys), sessions: sessionCookies(secrets.sessionSecret) },
      mode === 'sandbox' ? images : new Map(),
    ),
  );
  logger.info('Growth Hub host started', { url: publicUrl, mode, store: store.kind });

  return {
    url: publicUrl,
    mode,
    engine,
    apiKeys: secrets.apiKeys,
    ...(xEmulator === undefined ? {} : { xEmulator }),
    secrets,
    async close() {
      await closeServer(server);
      await engine.stop();
      await xEmulator?.close();
      await store.close();
    },
  };
}

function languageModel(settings: HostSettings): LanguageModel {
  if (settings.openai === undefined) return templateModel();
  return openaiModel({
    model: settings.openai.model,
    apiKey: settings.openai.apiKey,
    ...(settings.openai.baseURL === undefined ? {} : { baseURL: settings.openai.baseURL }),
  });
}

async function loadCatalog(
  settings: HostSettings,
  mode: HostMode,
  publicUrl: string,
): Promise<InMemoryCatalogData> {
  if (settings.catalogFile !== undefined) {
    return JSON.parse(await readFile(settings.catalogFile, 'utf8')) as InMemoryCatalogData;
  }
  return demoCatalog(mode === 'sandbox' ? publicUrl : undefined);
}

function knownSecretsOf(secrets: HostSecrets, settings: HostSettings): string[] {
  return [
    ...secrets.encryptionKeys,
    secrets.sessionSecret,
    ...Object.values(secrets.apiKeys),
    ...(secrets.sandboxX === undefined
      ? []
      : [secrets.sandboxX.clientSecret, secrets.sandboxX.consumerSecret]),
    ...(settings.x?.clientSecret === undefined ? [] : [settings.x.clientSecret]),
    ...(settings.x?.consumerSecret === undefined ? [] : [settings.x.consumerSecret]),
    ...(settings.openai === undefined ? [] : [settings.openai.apiKey]),
  ];
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
