import { ConfigError } from '@growthhub/core';
import { z } from 'zod';

/**
 * Everything the host app can be told. `main.mts` reads it from the environment with
 * {@link settingsFromEnv}; tests build it directly. The app itself never reads `process.env`: like the
 * engine and its adapters, it gets its settings injected.
 */
export const HostSettingsSchema = z.strictObject({
  /** Port to listen on; 0 picks a free one (tests). */
  port: z.int().min(0).max(65_535).default(3000),
  /** Interface to listen on. The sandbox's emulators only listen on 127.0.0.1, so keep it local there. */
  host: z.string().min(1).default('127.0.0.1'),
  /** The URL browsers and platforms reach the app at (redirect URIs derive from it). Default: `http://127.0.0.1:<port>`. */
  publicUrl: z.url({ protocol: /^https?$/ }).optional(),
  /** Where the file store, the sandbox's generated secrets and nothing else are kept. */
  dataDir: z.string().min(1).default('.growthhub'),
  /** A JSON catalog file (`{ stores, products, media }`); default: the two demo stores. */
  catalogFile: z.string().min(1).optional(),
  /** Real X credentials. Without them the app runs in sandbox mode against a local X emulator. */
  x: z
    .strictObject({
      clientId: z.string().min(1),
      clientSecret: z.string().min(1).optional(),
      /** The app's consumer secret: enables webhook CRC and signature checks. */
      consumerSecret: z.string().min(1).optional(),
    })
    .optional(),
  /** An OpenAI-compatible model; without it the offline template model writes the posts. */
  openai: z
    .strictObject({
      apiKey: z.string().min(1),
      model: z.string().min(1).default('gpt-4.1-mini'),
      baseURL: z.url().optional(),
    })
    .optional(),
  /** Token encryption keys, oldest first (base64 of 32 bytes). Generated and kept in `dataDir` in sandbox mode. */
  encryptionKeys: z.array(z.string().min(1)).min(1).optional(),
  /** API keys by store id. Generated and kept in `dataDir` in sandbox mode. */
  apiKeys: z.record(z.string().min(1), z.string().min(24)).optional(),
  /** HMAC key of the dashboard's session cookie. Generated and kept in `dataDir` in sandbox mode. */
  sessionSecret: z.string().min(32).optional(),
  /** Port of the sandbox's X emulator; 0 picks a free one. */
  sandboxXPort: z.int().min(0).max(65_535).default(0),
});

/** The host app's settings as written by a caller; see {@link HostSettingsSchema}. */
export type HostSettingsInput = z.input<typeof HostSettingsSchema>;

/** The host app's settings with defaults applied. */
export type HostSettings = z.output<typeof HostSettingsSchema>;

/** `sandbox` when no platform credentials are configured, otherwise `live`. */
export type HostMode = 'sandbox' | 'live';

/** Which mode the settings put the app in. */
export function hostMode(settings: HostSettings): HostMode {
  return settings.x === undefined ? 'sandbox' : 'live';
}

/** Validates settings, naming the setting and the fix when one is wrong. */
export function parseHostSettings(input: HostSettingsInput): HostSettings {
  const parsed = HostSettingsSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const setting = issue?.path.join('.') || 'settings';
    throw new ConfigError({
      setting,
      reason: issue?.message ?? 'is invalid',
      fix: `correct ${setting} (see the Environment table in examples/express-host/README.md)`,
    });
  }
  return parsed.data;
}

/**
 * Reads settings from environment variables (see the README's table). Only this function and the
 * entry scripts touch `process.env`.
 */
export function settingsFromEnv(env: NodeJS.ProcessEnv): HostSettings {
  const xClientId = nonEmpty(env.X_CLIENT_ID);
  const openaiKey = nonEmpty(env.OPENAI_API_KEY);
  return parseHostSettings({
    ...optional('port', integer('PORT', env.PORT)),
    ...optional('host', nonEmpty(env.HOST)),
    ...optional('publicUrl', nonEmpty(env.PUBLIC_URL)),
    ...optional('dataDir', nonEmpty(env.GROWTHHUB_DATA_DIR)),
    ...optional('catalogFile', nonEmpty(env.GROWTHHUB_CATALOG_FILE)),
    ...optional(
      'x',
      xClientId === undefined
        ? undefined
        : {
            clientId: xClientId,
            ...optional('clientSecret', nonEmpty(env.X_CLIENT_SECRET)),
            ...optional('consumerSecret', nonEmpty(env.X_CONSUMER_SECRET)),
          },
    ),
    ...optional(
      'openai',
      openaiKey === undefined
        ? undefined
        : {
            apiKey: openaiKey,
            ...optional('model', nonEmpty(env.OPENAI_MODEL)),
            ...optional('baseURL', nonEmpty(env.OPENAI_BASE_URL)),
          },
    ),
    ...optional('encryptionKeys', list(env.GROWTHHUB_ENCRYPTION_KEYS)),
    ...optional('apiKeys', apiKeyPairs(env.GROWTHHUB_API_KEYS)),
    ...optional('sessionSecret', nonEmpty(env.GROWTHHUB_SESSION_SECRET)),
    ...optional('sandboxXPort', integer('SANDBOX_X_PORT', env.SANDBOX_X_PORT)),
  });
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

function integer(name: string, value: string | undefined): number | undefined {
  const text = nonEmpty(value);
  if (text === undefined) return undefined;
  const number = Number(text);
  if (!Number.isInteger(number)) {
    throw new ConfigError({
      setting: name,
      reason: `"${text}" is not a whole number`,
      fix: `set ${name}=3000`,
    });
  }
  return number;
}

function list(value: string | undefined): string[] | undefined {
  const items = nonEmpty(value)
    ?.split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  return items === undefined || items.length === 0 ? undefined : items;
}

/** `GROWTHHUB_API_KEYS=store-a=key1,store-b=key2` → `{ 'store-a': 'key1', 'store-b': 'key2' }`. */
function apiKeyPairs(value: string | undefined): Record<string, string> | undefined {
  const pairs = list(value);
  if (pairs === undefined) return undefined;
  const keys: Record<string, string> = {};
  for (const pair of pairs) {
    const separator = pair.indexOf('=');
    if (separator <= 0) {
      // The value is a secret: name the variable and the expected shape, never echo it.
      throw new ConfigError({
        setting: 'GROWTHHUB_API_KEYS',
        reason: 'an entry is not of the form <storeId>=<key>',
        fix: 'write it as store-a=<key>,store-b=<key>',
      });
    }
    keys[pair.slice(0, separator)] = pair.slice(separator + 1);
  }
  return keys;
}
