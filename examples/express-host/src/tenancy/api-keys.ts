import { createHash, timingSafeEqual } from 'node:crypto';

/** Finds the store an API key belongs to. */
export interface ApiKeyDirectory {
  /** The store id of `key`, or `undefined` for an unknown key. */
  storeOf(key: string): string | undefined;
}

/**
 * Per-store API keys. Only SHA-256 digests are held after startup, and every lookup compares
 * against every digest in constant time, so neither the answer nor its timing tells how much of a
 * guessed key was right.
 */
export function apiKeyDirectory(keys: Readonly<Record<string, string>>): ApiKeyDirectory {
  const digests = Object.entries(keys).map(([storeId, key]) => ({ storeId, digest: digest(key) }));
  return {
    storeOf(key) {
      const candidate = digest(key);
      let found: string | undefined;
      for (const entry of digests) {
        if (timingSafeEqual(entry.digest, candidate)) found = entry.storeId;
      }
      return found;
    },
  };
}

function digest(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}
