import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '@growthhub/core';
import { createTokenVault } from '@growthhub/core';
import { signXWebhookBody, X_SIGNATURE_HEADER } from '@growthhub/platform-x';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answersSeen,
  apiClient,
  connectX,
  planWeek,
  startTestHost,
  type TestHost,
} from './support/test-host';

describe('no token or secret in any response or log line', () => {
  let host: TestHost;
  const logLines: string[] = [];
  const recordingLogger: Logger = {
    debug: (msg, fields) => logLines.push(`${msg} ${JSON.stringify(fields ?? {})}`),
    info: (msg, fields) => logLines.push(`${msg} ${JSON.stringify(fields ?? {})}`),
    warn: (msg, fields) => logLines.push(`${msg} ${JSON.stringify(fields ?? {})}`),
    error: (msg, fields) => logLines.push(`${msg} ${JSON.stringify(fields ?? {})}`),
  };

  beforeAll(async () => {
    host = await startTestHost(undefined, { logger: recordingLogger });
  });
  afterAll(() => host.dispose());

  it('keeps every secret out of what the whole flow answers and logs, and tokens out of the data file', async () => {
    answersSeen.length = 0;
    const kiln = apiClient(host.app.url, host.app.apiKeys.kiln);
    const anonymous = apiClient(host.app.url);

    // The whole flow, plus the answers most likely to carry a secret: errors, webhooks, sessions.
    const connection = await connectX(kiln);
    const plan = await planWeek(kiln);
    await kiln.request('POST', '/api/posts/approve', { postIds: plan.posts.map((post) => post.id) });
    const published = await kiln.request('POST', `/api/posts/${plan.posts[0]?.id}/publish?wait=20`, {});
    expect(published.json.status).toBe('published');
    await kiln.request('POST', '/api/analytics/sync', {});
    await kiln.request('GET', '/api/analytics?days=7');
    await kiln.request('GET', '/api/connections');
    await kiln.request('POST', `/api/connections/${connection.id}/check`, {});
    await kiln.request('GET', `/api/posts/${plan.posts[0]?.id}`);
    await kiln.request('POST', '/api/calendars', { days: 0 });
    await anonymous.request('POST', '/api/session', { apiKey: host.app.apiKeys.kiln });
    await anonymous.request('POST', '/api/session', { apiKey: 'wrong-key' });
    await anonymous.request('GET', '/api/health');
    await anonymous.request('GET', '/');
    await anonymous.request('GET', '/webhooks/x?crc_token=abc');
    await anonymous.request('POST', '/webhooks/x', '{"for_user_id":"1"}', {
      [X_SIGNATURE_HEADER]: 'sha256=bad',
    });
    const consumerSecret = host.app.secrets.sandboxX?.consumerSecret as string;
    await anonymous.request('POST', '/webhooks/x', '{}', {
      [X_SIGNATURE_HEADER]: signXWebhookBody(consumerSecret, Buffer.from('{}')),
    });

    const tokens = await createTokenVault({
      keys: host.app.secrets.encryptionKeys,
      store: host.app.engine.store,
    }).read(connection.id);
    expect(tokens?.accessToken).toEqual(expect.any(String));
    const secrets = [
      tokens?.accessToken,
      tokens?.refreshToken,
      ...host.app.secrets.encryptionKeys,
      host.app.secrets.sessionSecret,
      ...Object.values(host.app.secrets.apiKeys),
      host.app.secrets.sandboxX?.clientSecret,
      consumerSecret,
    ].filter((secret): secret is string => typeof secret === 'string' && secret.length > 0);
    expect(secrets.length).toBeGreaterThanOrEqual(8);

    expect(answersSeen.length).toBeGreaterThan(15);
    for (const answer of answersSeen) {
      const seen = `${[...answer.headers.entries()].map(([name, value]) => `${name}: ${value}`).join('\n')}\n${answer.text}`;
      for (const secret of secrets) expect(seen).not.toContain(secret);
    }
    expect(logLines.length).toBeGreaterThan(0);
    for (const line of logLines) for (const secret of secrets) expect(line).not.toContain(secret);

    // At rest, tokens are sealed (AES-256-GCM): the store's file never holds them in plain text.
    const files = await readdir(host.dataDir);
    const dataFile = await readFile(
      join(host.dataDir, files.find((name) => name.endsWith('.data')) as string),
      'utf8',
    );
    for (const token of [tokens?.accessToken, tokens?.refreshToken]) expect(dataFile).not.toContain(token);
  });
});
