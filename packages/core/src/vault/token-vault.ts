import { z } from 'zod';
import type { Repository, RepositoryDefinition, Store } from '../contracts/store';
import { ValidationError } from '../errors/index';
import { IdSchema } from '../model/identifier';
import { eachPaged } from '../store/paged-listing';
import { createKeyRing, type EncryptionKeyInput, type KeyRing, SealedBoxSchema } from './key-ring';
import { type TokenSet, TokenSetSchema } from './token-set';

/** Options of {@link createTokenVault}. */
export interface TokenVaultOptions {
  /**
   * The key ring, oldest first: the last key seals, every key opens. Base64 strings of 32 random bytes,
   * or `{ id, key }`. A missing or wrong-size key fails with a `ConfigError`; there is no plaintext mode.
   */
  keys: readonly EncryptionKeyInput[];
  /** Where sealed token sets are kept. */
  store: Store;
}

/** What {@link TokenVault.rotate} did. */
export interface VaultRotationReport {
  /** Records looked at. */
  examined: number;
  /** Records re-sealed with the current key. */
  resealed: number;
  /** The key every record is now sealed with. */
  keyId: string;
}

/** Which connection a token set belongs to. */
export interface TokenOwner {
  connectionId: string;
  /** The tenant (host store id), so rotation can walk records tenant by tenant. */
  storeId: string;
}

/**
 * Keeps each connection's {@link TokenSet} sealed with AES-256-GCM (random 96-bit IV, the key id on
 * every record, the connection id bound as additional authenticated data so a record copied to another
 * connection does not open). Token sets are decrypted only inside the call that reads them.
 */
export interface TokenVault {
  /** The key new records are sealed with. */
  readonly currentKeyId: string;
  /** Seals and stores a connection's token set, replacing the previous one. */
  save(owner: TokenOwner, tokens: TokenSet): Promise<void>;
  /** Opens a connection's token set, or `undefined` when there is none. */
  read(connectionId: string): Promise<TokenSet | undefined>;
  /** The key id a connection's record is sealed with, without decrypting it. */
  keyIdOf(connectionId: string): Promise<string | undefined>;
  /** Deletes a connection's token set; resolves to `true` when it existed. */
  delete(connectionId: string): Promise<boolean>;
  /** Re-seals every record not yet sealed with the current key. Safe to run while the vault is in use. */
  rotate(): Promise<VaultRotationReport>;
  /** Seals a short-lived secret (such as a PKCE verifier) bound to `context`; returns a storable string. */
  sealSecret(secret: string, context: string): string;
  /** Opens a string made by {@link TokenVault.sealSecret} with the same `context`. */
  openSecret(sealed: string, context: string): string;
}

/**
 * Creates the {@link TokenVault}. Validates the keys immediately, so a host with a missing or wrong key
 * fails at startup rather than at the first connection.
 *
 * @example
 * ```ts
 * const vault = createTokenVault({ keys: [process.env.GROWTHHUB_KEY!], store });
 * // Rotation: append a new key, restart, then
 * await vault.rotate();
 * ```
 */
export function createTokenVault(options: TokenVaultOptions): TokenVault {
  const ring = createKeyRing(options?.keys);
  const records = options.store.repository(sealedTokenRepository);
  return {
    currentKeyId: ring.currentKeyId,
    async save(owner, tokens) {
      const parsed = parseTokens(tokens);
      await records.put(sealRecord(ring, owner, parsed));
    },
    async read(connectionId) {
      const record = await records.get(connectionId);
      if (record === undefined) return undefined;
      return TokenSetSchema.parse(JSON.parse(ring.open(record.box, tokenContext(connectionId))));
    },
    async keyIdOf(connectionId) {
      return (await records.get(connectionId))?.box.keyId;
    },
    delete: (connectionId) => records.delete(connectionId),
    rotate: () => rotateAll(ring, records),
    sealSecret(secret, context) {
      return Buffer.from(JSON.stringify(ring.seal(secret, context)), 'utf8').toString('base64url');
    },
    openSecret(sealed, context) {
      const box = SealedBoxSchema.parse(JSON.parse(Buffer.from(sealed, 'base64url').toString('utf8')));
      return ring.open(box, context);
    },
  };
}

/** The stored, sealed form of a token set. Nothing in it is secret. */
const SealedTokenRecordSchema = z.strictObject({
  connectionId: IdSchema,
  storeId: IdSchema,
  box: SealedBoxSchema,
  sealedAt: z.iso.datetime({ offset: true }),
});

type SealedTokenRecord = z.infer<typeof SealedTokenRecordSchema>;

const sealedTokenRepository: RepositoryDefinition<SealedTokenRecord> = {
  name: 'token-vault',
  schema: SealedTokenRecordSchema,
  idOf: (record) => record.connectionId,
  tenantOf: (record) => record.storeId,
};

function sealRecord(ring: KeyRing, owner: TokenOwner, tokens: TokenSet): SealedTokenRecord {
  return {
    connectionId: owner.connectionId,
    storeId: owner.storeId,
    box: ring.seal(JSON.stringify(tokens), tokenContext(owner.connectionId)),
    sealedAt: new Date().toISOString(),
  };
}

async function rotateAll(
  ring: KeyRing,
  records: Repository<SealedTokenRecord>,
): Promise<VaultRotationReport> {
  const report: VaultRotationReport = { examined: 0, resealed: 0, keyId: ring.currentKeyId };
  for await (const tenant of eachPaged((page) => records.listTenants(page))) {
    for await (const record of eachPaged((page) => records.list(tenant, page))) {
      report.examined += 1;
      if (record.box.keyId === ring.currentKeyId) continue;
      // Re-read under the record lock: a concurrent save may already have re-sealed it.
      await records.update(record.connectionId, (current) => {
        if (current.box.keyId === ring.currentKeyId) return current;
        report.resealed += 1;
        const plaintext = ring.open(current.box, tokenContext(current.connectionId));
        return { ...current, box: ring.seal(plaintext, tokenContext(current.connectionId)) };
      });
    }
  }
  return report;
}

function parseTokens(tokens: TokenSet): TokenSet {
  const result = TokenSetSchema.safeParse(tokens);
  if (!result.success) {
    // The issue names fields only; zod messages never quote the values, so no token leaks here.
    throw ValidationError.fromZodError(result.error, { subject: 'tokens' });
  }
  return result.data;
}

function tokenContext(connectionId: string): string {
  return `growthhub.tokens.v1:${connectionId}`;
}
