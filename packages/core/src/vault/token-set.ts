import { z } from 'zod';
import { IsoDateTimeSchema } from '../model/time';

/** A token of one discovered account (e.g. a Meta Page token), kept in the vault beside the user's. */
export const AccountTokenSchema = z.strictObject({
  accessToken: z.string().min(1),
  /** Absent when the token does not expire (Meta Page tokens). */
  expiresAt: IsoDateTimeSchema.optional(),
});

/** A token of one discovered account; see {@link AccountTokenSchema}. */
export type AccountToken = z.infer<typeof AccountTokenSchema>;

/**
 * Everything secret about one connection. It exists in plain form only inside the call that needs it;
 * at rest it is sealed by the {@link TokenVault}.
 */
export const TokenSetSchema = z.strictObject({
  accessToken: z.string().min(1),
  /** Absent when the platform issues none (Meta, X without `offline.access`). */
  refreshToken: z.string().min(1).optional(),
  tokenType: z.string().min(1).optional(),
  /** When the access token expires; absent when it does not. */
  expiresAt: IsoDateTimeSchema.optional(),
  /** When the refresh token expires, when the platform says. */
  refreshTokenExpiresAt: IsoDateTimeSchema.optional(),
  /** Scopes the platform granted. */
  scopes: z.array(z.string().min(1)),
  /** Tokens of discovered accounts, by account id. */
  accountTokens: z.record(z.string(), AccountTokenSchema).optional(),
});

/** Everything secret about one connection; see {@link TokenSetSchema}. */
export type TokenSet = z.infer<typeof TokenSetSchema>;
