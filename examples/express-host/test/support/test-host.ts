import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '@growthhub/core';
import { clickConsent } from '@growthhub/platform-x/testing';
import { type HostApp, startHostApp } from '../../src/host-app';

/** A sandbox host on a free port and a fresh data directory. */
export interface TestHost {
  readonly app: HostApp;
  readonly dataDir: string;
  /** Stops the app (the data directory stays, so a test can start another app on it). */
  stop(): Promise<void>;
  /** Stops the app and deletes the data directory. */
  dispose(): Promise<void>;
}

/**
 * Starts the host app in sandbox mode, as `pnpm demo` does, on `dataDir` or a new temporary one, on
 * `port` or a free one.
 */
export async function startTestHost(
  dataDir?: string,
  options: { logger?: Logger; port?: number } = {},
): Promise<TestHost> {
  const directory = dataDir ?? (await mkdtemp(join(tmpdir(), 'growthhub-host-test-')));
  const app = await startHostApp(
    { port: options.port ?? 0, dataDir: directory },
    options.logger === undefined ? {} : { logger: options.logger },
  );
  let stopped = false;
  const stop = async () => {
    if (!stopped) await app.close();
    stopped = true;
  };
  return {
    app,
    dataDir: directory,
    stop,
    async dispose() {
      await stop();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** One HTTP answer, read once, kept whole so tests can look at headers and body. */
export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  // biome-ignore lint/suspicious/noExplicitAny: a test reads whatever JSON the API answered.
  readonly json: any;
}

/** A client acting as one store (its API key), or anonymous without a key. */
export interface ApiClient {
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
}

/** Every answer the clients received, so a test can check that none carries a secret. */
export const answersSeen: Answer[] = [];

/** A client for `baseUrl` sending `Authorization: Bearer <apiKey>` when a key is given. */
export function apiClient(baseUrl: string, apiKey?: string): ApiClient {
  return {
    async request(method, path, body, headers = {}) {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        redirect: 'manual',
        headers: {
          accept: 'application/json',
          ...(apiKey === undefined ? {} : { authorization: `Bearer ${apiKey}` }),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      const text = await response.text();
      let json: unknown;
      try {
        json = text === '' ? undefined : JSON.parse(text);
      } catch {
        json = undefined;
      }
      const answer = { status: response.status, headers: response.headers, text, json };
      answersSeen.push(answer);
      return answer;
    },
  };
}

/** Connects the store's X account through the emulator's consent page, over HTTP; returns the connection. */
export async function connectX(client: ApiClient): Promise<{ id: string; status: string; storeId: string }> {
  const started = await client.request('POST', '/api/connections/x/start', {});
  if (started.status !== 201) throw new Error(`start answered ${started.status}: ${started.text}`);
  const consent = await clickConsent(started.json.url);
  const callback = await fetch(consent.location, { headers: { accept: 'application/json' } });
  const connection = await callback.json();
  if (callback.status !== 201) throw new Error(`callback answered ${callback.status}`);
  return connection;
}

/** Plans a week for the client's store and returns the plan. */
export async function planWeek(client: ApiClient, postsPerDay = 1) {
  const planned = await client.request('POST', '/api/calendars', { days: 7, postsPerDay });
  if (planned.status !== 201) throw new Error(`planning answered ${planned.status}: ${planned.text}`);
  return planned.json as { calendar: { id: string }; posts: Array<{ id: string; scheduledAt: string }> };
}
