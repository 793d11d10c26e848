import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, ValidationError } from '../../src/errors/index';
import { memoryStore } from '../../src/store/index';
import { createKeyRing, createTokenVault, type TokenSet, VaultRecordError } from '../../src/vault/index';

const key = () => randomBytes(32).toString('base64');

const tokens = (n: number): TokenSet => ({
  accessToken: `access-token-${n}-${randomBytes(8).toString('hex')}`,
  refreshToken: `refresh-token-${n}-${randomBytes(8).toString('hex')}`,
  expiresAt: '2030-01-01T00:00:00.000Z',
  scopes: ['tweet.read'],
});

describe('token vault', () => {
  it('seals a token set with AES-256-GCM and opens it only for the same connection', async () => {
    const store = memoryStore();
    const vault = createTokenVault({ keys: [key()], store });
    const set = tokens(1);
    await vault.save({ connectionId: 'conn-1', storeId: 'shop-1' }, set);
    expect(await vault.read('conn-1')).toEqual(set);
    expect(await vault.read('conn-unknown')).toBeUndefined();

    const dump: string[] = [];
    for await (const entry of store.entries()) dump.push(JSON.stringify(entry.value));
    expect(dump.join('\n')).not.toContain(set.accessToken);
    expect(dump.join('\n')).toContain(vault.currentKeyId);
  });

  it('refuses a sealed record copied to another connection (the connection id is authenticated)', async () => {
    const store = memoryStore();
    const vault = createTokenVault({ keys: [key()], store });
    await vault.save({ connectionId: 'conn-a', storeId: 'shop-1' }, tokens(1));
    const records = store.repository({
      name: 'token-vault',
      schema: z.object({ connectionId: z.string() }).loose(),
      idOf: (record) => record.connectionId,
      tenantOf: () => 'shop-1',
    });
    const stolen = await records.get('conn-a');
    await records.put({ ...(stolen as { connectionId: string }), connectionId: 'conn-b' });
    const error = await vault.read('conn-b').catch((caught: unknown) => caught);
    expect(VaultRecordError.isInstance(error)).toBe(true);
    expect(String((error as Error).message)).not.toMatch(/access-token/);
  });

  it('uses a fresh random 96-bit IV for every seal', () => {
    const ring = createKeyRing([key()]);
    const first = ring.seal('same secret', 'context');
    const second = ring.seal('same secret', 'context');
    expect(Buffer.from(first.iv, 'base64url')).toHaveLength(12);
    expect(first.iv).not.toBe(second.iv);
    expect(first.ciphertext).not.toBe(second.ciphertext);
    expect(ring.open(first, 'context')).toBe('same secret');
  });

  it('detects a tampered ciphertext', () => {
    const ring = createKeyRing([key()]);
    const box = ring.seal('secret value', 'context');
    const flipped = Buffer.from(box.ciphertext, 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => ring.open({ ...box, ciphertext: flipped.toString('base64url') }, 'context')).toThrowError(
      VaultRecordError,
    );
  });

  it('re-seals every record with the newest key on rotate(), and none keeps the old key id', async () => {
    const store = memoryStore();
    const oldKey = { id: '2024-01', key: key() };
    const before = createTokenVault({ keys: [oldKey], store });
    const saved = new Map<string, TokenSet>();
    for (let index = 0; index < 130; index += 1) {
      const set = tokens(index);
      const connectionId = `conn-${index}`;
      saved.set(connectionId, set);
      await before.save({ connectionId, storeId: `shop-${index % 3}` }, set);
    }

    const newKey = { id: '2025-01', key: key() };
    const after = createTokenVault({ keys: [oldKey, newKey], store });
    expect(after.currentKeyId).toBe('2025-01');
    const report = await after.rotate();

    expect(report).toEqual({ examined: 130, resealed: 130, keyId: '2025-01' });
    for (const [connectionId, set] of saved) {
      expect(await after.keyIdOf(connectionId)).toBe('2025-01');
      expect(await after.read(connectionId)).toEqual(set);
    }
    // The old key can now be retired: a vault holding only the new key opens every record.
    const newKeyOnly = createTokenVault({ keys: [newKey], store });
    for (const [connectionId, set] of saved) expect(await newKeyOnly.read(connectionId)).toEqual(set);
    expect((await newKeyOnly.rotate()).resealed).toBe(0);
  });

  it('keeps reading records sealed with an older key until rotate() has run', async () => {
    const store = memoryStore();
    const oldKey = key();
    await createTokenVault({ keys: [oldKey], store }).save({ connectionId: 'c1', storeId: 's1' }, tokens(1));
    const ring = createTokenVault({ keys: [oldKey, key()], store });
    expect(await ring.read('c1')).toBeDefined();
    expect(await ring.keyIdOf('c1')).not.toBe(ring.currentKeyId);
  });

  it('fails with a ConfigError, naming the key, when an old key is dropped before rotating', async () => {
    const store = memoryStore();
    await createTokenVault({ keys: [key()], store }).save({ connectionId: 'c1', storeId: 's1' }, tokens(1));
    const error = await createTokenVault({ keys: [key()], store })
      .read('c1')
      .catch((caught: unknown) => caught);
    expect(ConfigError.isInstance(error)).toBe(true);
  });

  it('rejects a token set without an access token with a ValidationError', async () => {
    const vault = createTokenVault({ keys: [key()], store: memoryStore() });
    const error = await vault
      .save({ connectionId: 'c1', storeId: 's1' }, { accessToken: '', scopes: [] })
      .catch((caught: unknown) => caught);
    expect(ValidationError.isInstance(error)).toBe(true);
  });
});

describe('key ring configuration', () => {
  it.each([
    ['no keys at all', undefined],
    ['an empty list', []],
    ['an empty string', ['']],
    ['a key that is not base64', ['not base64 !!']],
    ['a 16-byte key', [randomBytes(16).toString('base64')]],
    ['a 33-byte key', [randomBytes(33).toString('base64')]],
    ['raw bytes of the wrong size', [{ id: 'k1', key: new Uint8Array(31) }]],
    [
      'two keys with one id',
      [
        { id: 'same', key: key() },
        { id: 'same', key: key() },
      ],
    ],
    ['a key id with spaces', [{ id: 'my key', key: key() }]],
  ])('fails at startup with a ConfigError for %s, never falling back to plain text', (_label, keys) => {
    const start = () => createTokenVault({ keys: keys as never, store: memoryStore() });
    expect(start).toThrowError(ConfigError);
  });

  it('never puts the key itself in the error', () => {
    const shortKey = randomBytes(20).toString('base64');
    try {
      createKeyRing([shortKey]);
    } catch (error) {
      expect(String((error as Error).message)).not.toContain(shortKey);
      expect((error as ConfigError).setting).toBe('encryptionKeys[0]');
      return;
    }
    throw new Error('expected a ConfigError');
  });

  it('accepts base64, base64url and raw 32-byte keys, and derives a stable id from a string key', () => {
    const bytes = randomBytes(32);
    const fromBase64 = createKeyRing([bytes.toString('base64')]);
    const fromBase64Url = createKeyRing([bytes.toString('base64url')]);
    const fromBytes = createKeyRing([{ id: 'raw', key: new Uint8Array(bytes) }]);
    expect(fromBase64.currentKeyId).toBe(fromBase64Url.currentKeyId);
    expect(fromBase64.currentKeyId).toMatch(/^k-[0-9a-f]{12}$/);
    expect(fromBytes.open(fromBytes.seal('x', 'c'), 'c')).toBe('x');
  });
});
