import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '@growthhub/core';
import { z } from 'zod';
import type { HostMode, HostSettings } from './settings';

/** The secrets the host runs with. None of them ever leaves the process in a response or a log line. */
export interface HostSecrets {
  /** Token encryption keys, oldest first; the last one seals. */
  readonly encryptionKeys: readonly string[];
  /** Session cookie HMAC key. */
  readonly sessionSecret: string;
  /** API key of each store. */
  readonly apiKeys: Readonly<Record<string, string>>;
  /** Sandbox only: the emulated X app's client secret and consumer (webhook) secret. */
  readonly sandboxX?: { readonly clientSecret: string; readonly consumerSecret: string };
}

/**
 * Resolves the host's secrets. Live mode takes them from the settings and refuses to start without
 * them. Sandbox mode generates what is missing once and keeps it in `<dataDir>/sandbox-secrets.json`
 * (readable by the owner only), so a restart can still open the tokens it sealed and old API keys and
 * sessions keep working.
 */
export async function resolveHostSecrets(
  settings: HostSettings,
  mode: HostMode,
  storeIds: readonly string[],
): Promise<HostSecrets> {
  if (mode === 'live') return liveSecrets(settings, storeIds);
  const file = join(settings.dataDir, 'sandbox-secrets.json');
  const kept = await readKept(file);
  const secrets = {
    encryptionKeys: settings.encryptionKeys ?? kept?.encryptionKeys ?? [randomBytes(32).toString('base64')],
    sessionSecret: settings.sessionSecret ?? kept?.sessionSecret ?? token(32),
    apiKeys: {
      ...Object.fromEntries(
        storeIds.map((storeId) => [storeId, kept?.apiKeys[storeId] ?? `ghk_${token(24)}`]),
      ),
      ...settings.apiKeys,
    },
    sandboxX: kept?.sandboxX ?? { clientSecret: token(24), consumerSecret: token(24) },
  };
  await mkdir(settings.dataDir, { recursive: true });
  await writeFile(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return secrets;
}

const KeptSecretsSchema = z.object({
  encryptionKeys: z.array(z.string().min(1)).min(1),
  sessionSecret: z.string().min(32),
  apiKeys: z.record(z.string(), z.string()),
  sandboxX: z.object({ clientSecret: z.string().min(1), consumerSecret: z.string().min(1) }),
});

async function readKept(file: string): Promise<z.infer<typeof KeptSecretsSchema> | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined; // First start: nothing kept yet.
  }
  const parsed = KeptSecretsSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new ConfigError({
      setting: file,
      reason: 'is not a sandbox secrets file this app wrote',
      fix: 'delete the data directory to start the sandbox afresh',
    });
  }
  return parsed.data;
}

function liveSecrets(settings: HostSettings, storeIds: readonly string[]): HostSecrets {
  const required = (value: unknown, env: string, fix: string) => {
    if (value === undefined) {
      throw new ConfigError({ setting: env, reason: 'is required with real platform credentials', fix });
    }
  };
  required(settings.encryptionKeys, 'GROWTHHUB_ENCRYPTION_KEYS', 'set it to `openssl rand -base64 32`');
  required(settings.sessionSecret, 'GROWTHHUB_SESSION_SECRET', 'set it to `openssl rand -base64 32`');
  required(settings.apiKeys, 'GROWTHHUB_API_KEYS', 'set it to <storeId>=<key>,… (keys of 24+ characters)');
  const apiKeys = settings.apiKeys as Record<string, string>;
  const unknown = Object.keys(apiKeys).find((storeId) => !storeIds.includes(storeId));
  if (unknown !== undefined) {
    throw new ConfigError({
      setting: 'GROWTHHUB_API_KEYS',
      reason: `names the store "${unknown}", which the catalog does not have`,
      fix: `use the catalog's store ids (${storeIds.join(', ')})`,
    });
  }
  return {
    encryptionKeys: settings.encryptionKeys as string[],
    sessionSecret: settings.sessionSecret as string,
    apiKeys,
  };
}

function token(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}
