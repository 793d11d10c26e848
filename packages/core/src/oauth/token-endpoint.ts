import type { OAuthErrorResponse, TokenGrant, TokenGrantKind } from '../contracts/oauth-spec';
import { PlatformApiError, redactSecrets } from '../errors/index';
import { OAuthGrantError } from './oauth-errors';
import type { ResolvedOAuthPlatform } from './oauth-platforms';
import { readStandardTokenResponse } from './standard-token-response';

/**
 * Talks to one platform's token and revoke endpoints exactly as its spec says: client id and secret
 * parameter names, HTTP Basic or body client authentication, form, JSON or query encoding, the code
 * parameter's name. Refusals are classified by their OAuth error code:
 * - temporary (`temporarily_unavailable`, `server_error`, HTTP 5xx/429, network): a retryable `PlatformApiError`;
 * - the grant is gone (`invalid_grant`, `access_denied` …): {@link OAuthGrantError} of kind `reauthorize`;
 * - anything else (`invalid_client`, `invalid_scope` …): {@link OAuthGrantError} of kind `misconfigured`.
 */
export class TokenEndpoint {
  readonly #platform: ResolvedOAuthPlatform;
  readonly #fetch: typeof fetch;
  readonly #timeoutMs: number;

  constructor(platform: ResolvedOAuthPlatform, fetchFunction: typeof fetch, timeoutMs: number) {
    this.#platform = platform;
    this.#fetch = fetchFunction;
    this.#timeoutMs = timeoutMs;
  }

  /** Exchanges an authorization code (with its PKCE verifier, when the spec uses PKCE). */
  exchangeCode(input: { code: string; redirectUri: string; verifier?: string }): Promise<TokenGrant> {
    const { tokenRequest } = this.#platform.spec;
    const params: Record<string, string> = { [tokenRequest.codeParam]: input.code };
    if (tokenRequest.sendGrantType) params.grant_type = 'authorization_code';
    if (tokenRequest.sendRedirectUri) params.redirect_uri = input.redirectUri;
    if (input.verifier !== undefined) params.code_verifier = input.verifier;
    return this.request('authorization_code', params, { secrets: [input.code, input.verifier] });
  }

  /** Uses a refresh token. */
  refresh(refreshToken: string, connectionId: string): Promise<TokenGrant> {
    const params = {
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      ...this.#platform.spec.refreshParams,
    };
    return this.request('refresh_token', params, { secrets: [refreshToken], connectionId });
  }

  /** Sends `params` to the token endpoint with the spec's client authentication and encoding. */
  async request(
    grant: TokenGrantKind,
    params: Record<string, string>,
    context: { secrets?: Array<string | undefined>; connectionId?: string } = {},
  ): Promise<TokenGrant> {
    const { spec, hooks } = this.#platform;
    const secrets = [spec.client.secret, ...Object.values(params), ...(context.secrets ?? [])];
    const response = await this.#send(spec.tokenUrl, spec.tokenRequest.encoding, params, secrets);
    const body = parseBody(await response.text());
    const answer = hooks.normalizeTokenResponse
      ? hooks.normalizeTokenResponse({ grant, status: response.status, headers: response.headers, body })
      : readStandardTokenResponse(response.status, body);
    if ('error' in answer) {
      const grantGone = grant === 'refresh_token' && spec.refreshRejectedCodes.includes(answer.error);
      throw this.#refusal(answer, response.status, secrets, context.connectionId, grantGone);
    }
    if (typeof answer.accessToken !== 'string' || answer.accessToken === '') {
      throw new PlatformApiError({
        platform: this.#platform.id,
        status: response.status,
        code: 'unexpected_response',
        retryable: false,
        message: `The ${this.#platform.id} token endpoint answered without an access token.`,
      });
    }
    return answer;
  }

  /** Revokes a token at the platform (form POST with the spec's client authentication). */
  async revoke(token: string, tokenTypeHint: 'refresh_token' | 'access_token'): Promise<void> {
    const { revokeUrl, client } = this.#platform.spec;
    if (revokeUrl === undefined) return;
    const secrets = [token, client.secret];
    const response = await this.#send(revokeUrl, 'form', { token, token_type_hint: tokenTypeHint }, secrets);
    if (response.ok) return;
    const answer = readStandardTokenResponse(response.status, parseBody(await response.text()));
    throw this.#refusal(
      'error' in answer ? answer : { error: `http_${response.status}` },
      response.status,
      secrets,
    );
  }

  async #send(
    url: string,
    encoding: 'form' | 'json' | 'query',
    params: Record<string, string>,
    secrets: Array<string | undefined>,
  ): Promise<Response> {
    const { client, clientAuth, clientIdParam, clientSecretParam } = this.#platform.spec;
    const fields: Record<string, string> = { ...params };
    const headers: Record<string, string> = { accept: 'application/json' };
    if (client.secret !== undefined && clientAuth === 'basic') {
      headers.authorization = `Basic ${Buffer.from(`${client.id}:${client.secret}`, 'utf8').toString('base64')}`;
    } else {
      fields[clientIdParam] = client.id;
      if (client.secret !== undefined) fields[clientSecretParam] = client.secret;
    }
    const target = new URL(url);
    const init: RequestInit = { method: 'POST', headers, signal: AbortSignal.timeout(this.#timeoutMs) };
    if (encoding === 'query') {
      init.method = 'GET';
      for (const [name, value] of Object.entries(fields)) target.searchParams.set(name, value);
    } else if (encoding === 'json') {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify(fields);
    } else {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      init.body = new URLSearchParams(fields).toString();
    }
    try {
      return await this.#fetch(target, init);
    } catch (error) {
      const timedOut = (error as Error)?.name === 'TimeoutError';
      throw new PlatformApiError({
        platform: this.#platform.id,
        status: 0,
        code: timedOut ? 'timeout' : 'network_error',
        retryable: true,
        message: redactSecrets(
          `The ${this.#platform.id} OAuth endpoint ${target.origin}${target.pathname} ${timedOut ? `did not answer within ${this.#timeoutMs} ms` : 'could not be reached'}.`,
          secrets,
        ),
        cause: error,
      });
    }
  }

  #refusal(
    answer: OAuthErrorResponse,
    status: number,
    secrets: Array<string | undefined>,
    connectionId?: string,
    grantGone = false,
  ): Error {
    const description =
      answer.errorDescription === undefined
        ? undefined
        : redactSecrets(answer.errorDescription, secrets).slice(0, 300);
    if (answer.transient === true || TRANSIENT.has(answer.error) || status === 429 || status >= 500) {
      return new PlatformApiError({
        platform: this.#platform.id,
        status,
        platformCode: answer.error,
        retryable: true,
        message: `The ${this.#platform.id} token endpoint failed temporarily with "${answer.error}"${description ? ` (${description})` : ''}; retry later.`,
      });
    }
    return new OAuthGrantError({
      platform: this.#platform.id,
      ...(connectionId === undefined ? {} : { connectionId }),
      oauthError: answer.error,
      kind: grantGone || REAUTHORIZE.has(answer.error) ? 'reauthorize' : 'misconfigured',
      status,
      ...(description === undefined ? {} : { description }),
    });
  }
}

/** OAuth error codes meaning the grant itself is gone: only the user can fix it by reconnecting. */
const REAUTHORIZE = new Set([
  'invalid_grant',
  'access_denied',
  'invalid_token',
  'expired_token',
  'token_expired',
]);

/** OAuth error codes meaning "try again later". */
const TRANSIENT = new Set(['temporarily_unavailable', 'server_error', 'slow_down']);

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
