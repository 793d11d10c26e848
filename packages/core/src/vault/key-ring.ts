import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ConfigError } from '../errors/index';
import { VaultRecordError } from './vault-record-error';

/**
 * One encryption key: either a base64 string of 32 random bytes (its id is derived from it), or an
 * explicit `{ id, key }` where `key` is such a string or the 32 bytes themselves.
 *
 * Make one with `openssl rand -base64 32` or `crypto.randomBytes(32).toString('base64')`.
 */
export type EncryptionKeyInput = string | { id: string; key: string | Uint8Array };

/** A value sealed with AES-256-GCM by a {@link KeyRing}: which key, the IV, the tag and the ciphertext. */
export const SealedBoxSchema = z.strictObject({
  /** Id of the key that sealed it. */
  keyId: z.string().min(1),
  /** Random 96-bit IV, base64url. */
  iv: z.string().regex(/^[A-Za-z0-9_-]{16}$/),
  /** 128-bit GCM authentication tag, base64url. */
  tag: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
  /** Ciphertext, base64url. */
  ciphertext: z.string().regex(/^[A-Za-z0-9_-]*$/),
});

/** A value sealed by a {@link KeyRing}; see {@link SealedBoxSchema}. */
export type SealedBox = z.infer<typeof SealedBoxSchema>;

/**
 * AES-256-GCM keys by id. The last key seals; every key opens, so records sealed before a key was
 * added stay readable until they are re-sealed (see `TokenVault.rotate()`).
 */
export interface KeyRing {
  /** Id of the key that seals new values (the last one given). */
  readonly currentKeyId: string;
  /** Every key id, oldest first. */
  readonly keyIds: readonly string[];
  /**
   * Encrypts `plaintext` with the current key and a fresh random 96-bit IV. `context` is bound as
   * additional authenticated data: the box opens only with the same context (e.g. the connection id).
   */
  seal(plaintext: string, context: string): SealedBox;
  /** Decrypts a box sealed with `context`; throws {@link VaultRecordError} if it was altered or moved. */
  open(box: SealedBox, context: string): string;
}

/**
 * Builds a {@link KeyRing}. Fails with a `ConfigError` (never falling back to plaintext) when no key is
 * given, a key is not exactly 32 bytes of base64, or two keys share an id.
 *
 * @example
 * ```ts
 * const ring = createKeyRing([process.env.GROWTHHUB_KEY_2024!, process.env.GROWTHHUB_KEY_2025!]);
 * ```
 */
export function createKeyRing(keys: readonly EncryptionKeyInput[] | undefined): KeyRing {
  if (!Array.isArray(keys) || keys.length === 0) {
    throw new ConfigError({
      setting: 'encryptionKeys',
      reason: 'no encryption key was given, and tokens are never stored in plain text',
      fix: 'pass at least one base64 key of 32 random bytes, e.g. from `openssl rand -base64 32`',
    });
  }
  const ring = new Map<string, Buffer>();
  keys.forEach((input, index) => {
    const { id, key } = resolveKey(input, index);
    if (ring.has(id)) {
      throw new ConfigError({
        setting: `encryptionKeys[${index}].id`,
        reason: `key id "${id}" is used twice`,
        fix: 'give every key its own id, or drop the duplicate key',
      });
    }
    ring.set(id, key);
  });
  const keyIds = [...ring.keys()];
  const currentKeyId = keyIds.at(-1) as string;
  return {
    currentKeyId,
    keyIds,
    seal(plaintext, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(ALGORITHM, ring.get(currentKeyId) as Buffer, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return {
        keyId: currentKeyId,
        iv: iv.toString('base64url'),
        tag: cipher.getAuthTag().toString('base64url'),
        ciphertext: ciphertext.toString('base64url'),
      };
    },
    open(box, context) {
      const key = ring.get(box.keyId);
      if (key === undefined) {
        throw new ConfigError({
          setting: 'encryptionKeys',
          reason: `a record is sealed with key "${box.keyId}", which is not in the key ring`,
          fix: 'add that key back (before the newer ones) until TokenVault.rotate() has re-sealed every record',
        });
      }
      try {
        const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(box.iv, 'base64url'));
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(Buffer.from(box.tag, 'base64url'));
        return Buffer.concat([
          decipher.update(Buffer.from(box.ciphertext, 'base64url')),
          decipher.final(),
        ]).toString('utf8');
      } catch (error) {
        throw new VaultRecordError(context, error);
      }
    },
  };
}

const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$|^[A-Za-z0-9_-]+$/;

function resolveKey(input: EncryptionKeyInput, index: number): { id: string; key: Buffer } {
  if (typeof input === 'string') {
    const key = decodeKey(input, `encryptionKeys[${index}]`);
    return { id: `k-${createHash('sha256').update(key).digest('hex').slice(0, 12)}`, key };
  }
  if (typeof input !== 'object' || input === null || !KEY_ID.test(String(input.id))) {
    throw new ConfigError({
      setting: `encryptionKeys[${index}].id`,
      reason: 'a key object needs an id of 1–64 letters, digits, ".", "_" or "-"',
      fix: "pass { id: '2025-01', key: '<base64 of 32 bytes>' } or just the base64 string",
    });
  }
  const key =
    typeof input.key === 'string'
      ? decodeKey(input.key, `encryptionKeys[${index}].key`)
      : checkLength(Buffer.from(input.key ?? []), `encryptionKeys[${index}].key`);
  return { id: input.id, key };
}

function decodeKey(text: string, setting: string): Buffer {
  const trimmed = text.trim();
  if (trimmed === '' || !BASE64.test(trimmed)) {
    throw new ConfigError({
      setting,
      reason: 'the key is missing or not base64',
      fix: 'use a base64 string of 32 random bytes, e.g. from `openssl rand -base64 32`',
    });
  }
  // Node's base64 decoder also reads the URL-safe alphabet.
  return checkLength(Buffer.from(trimmed, 'base64'), setting);
}

function checkLength(key: Buffer, setting: string): Buffer {
  if (key.length !== KEY_BYTES) {
    throw new ConfigError({
      setting,
      reason: `the key is ${key.length} bytes long; AES-256-GCM needs exactly ${KEY_BYTES}`,
      fix: 'generate a new key with `openssl rand -base64 32`',
    });
  }
  return key;
}
