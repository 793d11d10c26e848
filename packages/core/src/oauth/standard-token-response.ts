import { z } from 'zod';
import type { OAuthErrorResponse, TokenGrant } from '../contracts/oauth-spec';
import { isSecretFieldName } from '../errors/index';

/**
 * Reads a token endpoint answer the RFC 6749 way (§5.1 success, §5.2 error), tolerantly: numbers may
 * come as strings, an empty `refresh_token` counts as none, unknown fields are kept as non-secret
 * details (TikTok's `open_id`, `refresh_expires_in`), and a body with neither tokens nor an `error`
 * becomes an error named after the HTTP status.
 */
export function readStandardTokenResponse(status: number, body: unknown): TokenGrant | OAuthErrorResponse {
  const success = StandardTokenSchema.safeParse(body);
  if (status >= 200 && status < 300 && success.success) {
    const { access_token, refresh_token, token_type, expires_in, scope, ...rest } = success.data;
    const refreshLifetime = success.data.refresh_token_expires_in ?? success.data.refresh_expires_in;
    const grant: TokenGrant = { accessToken: access_token, details: nonSecretDetails(rest) };
    if (refresh_token !== undefined) grant.refreshToken = refresh_token;
    if (token_type !== undefined) grant.tokenType = token_type;
    if (expires_in !== undefined) grant.expiresInSeconds = expires_in;
    if (refreshLifetime !== undefined) grant.refreshTokenExpiresInSeconds = refreshLifetime;
    if (scope !== undefined) grant.scope = scope;
    return grant;
  }
  const failure = StandardErrorSchema.safeParse(body);
  if (failure.success) {
    const answer: OAuthErrorResponse = { error: failure.data.error };
    if (failure.data.error_description !== undefined)
      answer.errorDescription = failure.data.error_description;
    return answer;
  }
  return { error: status >= 200 && status < 300 ? 'invalid_token_response' : `http_${status}` };
}

/** Keeps the scalar and list fields of a token response whose names do not mark a secret. */
export function nonSecretDetails(fields: Record<string, unknown>): Record<string, unknown> {
  const details: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (isSecretFieldName(name) || name === 'id_token') continue;
    if (['string', 'number', 'boolean'].includes(typeof value) || Array.isArray(value)) details[name] = value;
  }
  return details;
}

const seconds = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value),
  z.number().positive().optional().catch(undefined),
);

const StandardTokenSchema = z
  .object({
    access_token: z.string().min(1),
    refresh_token: z.preprocess(
      (value) => (value === '' || value === null ? undefined : value),
      z.string().optional(),
    ),
    token_type: z.string().optional().catch(undefined),
    expires_in: seconds,
    refresh_token_expires_in: seconds,
    refresh_expires_in: seconds,
    scope: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .catch(undefined),
  })
  .loose();

const StandardErrorSchema = z
  .object({ error: z.string().min(1), error_description: z.string().optional().catch(undefined) })
  .loose();
