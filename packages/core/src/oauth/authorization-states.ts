import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Store } from '../contracts/store';
import { IdSchema } from '../model/identifier';
import { PlatformIdSchema } from '../model/platform';
import type { TokenVault } from '../vault/token-vault';
import { OAuthStateError } from './oauth-errors';

/** A started authorization, kept server-side under its state until `complete()` consumes it. */
export const PendingAuthorizationSchema = z.strictObject({
  platform: PlatformIdSchema,
  storeId: IdSchema,
  userId: IdSchema,
  redirectUri: z.string().min(1),
  scopes: z.array(z.string()),
  /** Set when reconnecting an existing connection. */
  connectionId: IdSchema.optional(),
  /** The PKCE verifier, sealed by the vault (bound to this state). */
  sealedVerifier: z.string().optional(),
  /** Epoch milliseconds. */
  expiresAt: z.number().int(),
});

/** A started authorization; see {@link PendingAuthorizationSchema}. */
export type PendingAuthorization = z.infer<typeof PendingAuthorizationSchema>;

/**
 * Issues and consumes OAuth `state` values. A state is 256 random bits, stored only as its SHA-256
 * (so a store dump cannot complete someone's flow), single-use (taken atomically, then remembered as
 * used so a replay is reported as such), expires after the TTL, and is bound to the tenant, the
 * platform and the redirect URI. The PKCE verifier is sealed by the vault inside the record.
 */
export class AuthorizationStates {
  readonly #store: Store;
  readonly #vault: TokenVault;
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(options: { store: Store; vault: TokenVault; ttlMs: number; now: () => number }) {
    this.#store = options.store;
    this.#vault = options.vault;
    this.#ttlMs = options.ttlMs;
    this.#now = options.now;
  }

  /** Stores a new pending authorization and returns its state. */
  async issue(
    pending: Omit<PendingAuthorization, 'sealedVerifier' | 'expiresAt'>,
    verifier: string | undefined,
  ): Promise<{ state: string; expiresAt: number }> {
    const state = randomBytes(32).toString('base64url');
    const digest = digestOf(state);
    const expiresAt = this.#now() + this.#ttlMs;
    const record: PendingAuthorization = { ...pending, expiresAt };
    if (verifier !== undefined)
      record.sealedVerifier = this.#vault.sealSecret(verifier, `oauth-state:${digest}`);
    await this.#store.values.set(pendingKey(digest), record, this.#ttlMs);
    return { state, expiresAt };
  }

  /**
   * Consumes a state for `platform` (and `redirectUri`, when the callback names it). Throws
   * {@link OAuthStateError} for an unknown, reused, expired or mismatched state; the state is spent
   * either way, so it can never be tried twice.
   */
  async consume(
    platform: string,
    state: string,
    redirectUri: string | undefined,
  ): Promise<{ pending: PendingAuthorization; verifier?: string }> {
    const digest = digestOf(state);
    const raw = await this.#store.values.take(pendingKey(digest));
    if (raw === undefined) {
      const used = await this.#store.values.get(usedKey(digest));
      throw new OAuthStateError(platform, used === undefined ? 'unknown' : 'reused');
    }
    await this.#store.values.set(usedKey(digest), true, this.#ttlMs);
    const parsed = PendingAuthorizationSchema.safeParse(raw);
    if (!parsed.success) throw new OAuthStateError(platform, 'unknown');
    const pending = parsed.data;
    if (pending.platform !== platform) throw new OAuthStateError(platform, 'platform_mismatch');
    if (redirectUri !== undefined && redirectUri !== pending.redirectUri) {
      throw new OAuthStateError(platform, 'redirect_mismatch');
    }
    if (this.#now() > pending.expiresAt) throw new OAuthStateError(platform, 'expired');
    if (pending.sealedVerifier === undefined) return { pending };
    return { pending, verifier: this.#vault.openSecret(pending.sealedVerifier, `oauth-state:${digest}`) };
  }
}

function digestOf(state: string): string {
  return createHash('sha256').update(state, 'utf8').digest('base64url');
}

function pendingKey(digest: string): string {
  return `oauth-state:${digest}`;
}

function usedKey(digest: string): string {
  return `oauth-state-used:${digest}`;
}
