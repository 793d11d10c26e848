import { z } from 'zod';
import { CurrencyCodeSchema } from './currency';
import { IdSchema, RecordedErrorSchema } from './identifier';
import { PlatformIdSchema } from './platform';
import { IsoDateTimeSchema, TimeZoneSchema } from './time';

/**
 * The health of a platform connection.
 * - `pending`: OAuth started, not completed;
 * - `connected`: tokens valid;
 * - `expiring`: valid, but the grant ends soon and cannot be refreshed silently (e.g. Meta's 60-day token);
 * - `expired`: the token can no longer be refreshed: the user must reconnect;
 * - `revoked`: the user or platform withdrew access;
 * - `error`: the last call failed for a reason that is not about the token (see `lastError`).
 */
export const ConnectionStatusSchema = z.enum([
  'pending',
  'connected',
  'expiring',
  'expired',
  'revoked',
  'error',
]);

/** The health of a platform connection; see {@link ConnectionStatusSchema}. */
export type ConnectionStatus = z.infer<typeof ConnectionStatusSchema>;

/** What a connected account is on its platform. */
export const ConnectedAccountKindSchema = z.enum([
  'user',
  'page',
  'ig_business',
  'ad_account',
  'channel',
  'board',
  'advertiser',
]);

/** What a connected account is on its platform; see {@link ConnectedAccountKindSchema}. */
export type ConnectedAccountKind = z.infer<typeof ConnectedAccountKindSchema>;

/**
 * An account reachable through a connection: a Facebook Page, an Instagram business account, an ad
 * account, a YouTube channel, a Pinterest board, a TikTok advertiser, or the user itself.
 */
export const ConnectedAccountSchema = z.strictObject({
  /** The platform's id for the account (e.g. a Page id, `act_…` ad account id, channel id). */
  id: IdSchema,
  kind: ConnectedAccountKindSchema,
  /** Display name. */
  name: z.string().max(512),
  /** The account this one belongs to (an Instagram account's Page, a board's user). */
  parentId: IdSchema.optional(),
  /** Currency of an ad account; budgets and spend on it are in this currency. */
  currency: CurrencyCodeSchema.optional(),
  /** Reporting time zone of an ad account (IANA). */
  timeZone: TimeZoneSchema.optional(),
});

/** An account reachable through a connection; see {@link ConnectedAccountSchema}. */
export type ConnectedAccount = z.infer<typeof ConnectedAccountSchema>;

/**
 * A tenant's OAuth link to one platform. Tokens are NOT part of it: the vault stores encrypted token
 * sets separately, keyed by the connection id, so a connection can be listed, logged or emitted safely.
 */
export const ConnectionSchema = z.strictObject({
  id: IdSchema,
  /** The host's store (tenant) this connection belongs to. */
  storeId: IdSchema,
  /** The host's user who authorised it. */
  userId: IdSchema,
  platform: PlatformIdSchema,
  status: ConnectionStatusSchema,
  /** Accounts discovered after connecting. */
  accounts: z.array(ConnectedAccountSchema),
  /** Scopes the platform granted. */
  scopes: z.array(z.string().min(1)),
  /** Scopes requested but not granted (the user unticked them); features needing them are unavailable. */
  missingScopes: z.array(z.string().min(1)),
  /** When the current grant stops working without a reconnect (absent when it does not expire). */
  expiresAt: IsoDateTimeSchema.optional(),
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
  /** The last failure, redacted. */
  lastError: RecordedErrorSchema.optional(),
});

/** A tenant's OAuth link to one platform; see {@link ConnectionSchema}. */
export type Connection = z.infer<typeof ConnectionSchema>;
