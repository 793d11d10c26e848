/**
 * The text that replaces every secret removed by {@link redactSecrets} and {@link redactValue}.
 */
export const REDACTED = '[REDACTED]';

/**
 * Removes credentials from a piece of text: access and refresh tokens, client secrets, PKCE verifiers,
 * `Authorization`-style headers (`Bearer`/`Basic`/custom token headers such as `Access-Token`),
 * `access_token=`/`refresh_token=`/`client_secret=`/`code_verifier=` query or form values (also when
 * URL-encoded inside another URL), JSON and object fields with those names (also JSON escaped inside a
 * JSON string; escaped quotes inside the value do not end it), the password in a URL's userinfo
 * (`redis://user:[REDACTED]@host`), JWTs, and every literal value in `knownSecrets`.
 *
 * The pattern rules catch secrets in their usual places; `knownSecrets` catches a secret echoed anywhere
 * (the HTTP kernel passes the literal tokens it sent). Known secrets shorter than 6 characters are ignored
 * so that redaction never shreds ordinary words.
 *
 * @param text - any text: an error message, a stack, a log line, a response body.
 * @param knownSecrets - literal secret values to remove wherever they appear.
 * @returns the text with every secret replaced by `[REDACTED]`.
 *
 * @example
 * ```ts
 * redactSecrets('GET /me?access_token=EAAB123 failed'); // 'GET /me?access_token=[REDACTED] failed'
 * ```
 */
export function redactSecrets(text: string, knownSecrets?: Iterable<string | undefined>): string {
  let result = text;
  if (knownSecrets !== undefined) result = removeKnownSecrets(result, knownSecrets);
  if (!MAY_CONTAIN_SECRET.test(result)) return result;
  return result
    .replace(
      QUOTED_FIELD,
      (
        _match,
        open: string,
        name: string,
        separator: string,
        quote: string | undefined,
        escapedQuote: string | undefined,
      ) => {
        const q = quote ?? escapedQuote ?? '';
        return isAlreadyRedacted(_match) ? _match : `${open}${name}${open}${separator}${q}${REDACTED}${q}`;
      },
    )
    .replace(URL_PASSWORD, (_match, prefix: string) => `${prefix}${REDACTED}@`)
    .replace(UNQUOTED_FIELD, (_match, name: string, separator: string) => `${name}${separator}${REDACTED}`)
    .replace(AUTH_SCHEME_TOKEN, (_match, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(JWT, REDACTED);
}

/**
 * Returns a deep copy of `value` that is safe to log or serialise: fields whose names mark a secret
 * (`access_token`, `refreshToken`, `client_secret`, `authorization`, `password`, ...) become `[REDACTED]`,
 * every string goes through {@link redactSecrets}, `Headers`, `Map`, `URL` and `URLSearchParams` are turned
 * into plain redacted values, foreign `Error`s become a plain `{ name, message, code?, stack?, cause? }`
 * shape, cycles become `'[Circular]'` and nesting deeper than 8 levels becomes `'[Truncated]'`.
 *
 * @param value - anything.
 * @param knownSecrets - literal secret values to remove wherever they appear.
 */
export function redactValue(value: unknown, knownSecrets?: Iterable<string | undefined>): unknown {
  const secrets =
    knownSecrets === undefined
      ? undefined
      : [...knownSecrets].filter((secret): secret is string => secret !== undefined);
  return redactNode(value, secrets, new WeakSet(), 0);
}

/**
 * Tells whether a field or header name denotes a secret whose value must never be shown
 * (`access_token`, `accessToken`, `Authorization`, `Access-Token`, `client_secret`, `password`, ...).
 */
export function isSecretFieldName(name: string): boolean {
  return SECRET_NAME_EXACT.test(name);
}

const SECRET_NAMES = [
  'authorization',
  'proxy-authorization',
  'x-access-token',
  'access[-_]?token',
  'refresh[-_]?token',
  'id[-_]?token',
  'client[-_]?secret',
  'app[-_]?secret',
  'consumer[-_]?secret',
  'api[-_]?secret',
  'code[-_]?verifier',
  'client[-_]?assertion',
  'oauth[-_]?token[-_]?secret',
  'token[-_]?secret',
  'fb[-_]?exchange[-_]?token',
  'input[-_]?token',
  'x-api-key',
  'x-goog-api-key',
  'api[-_]?key',
  'private[-_]?key',
  'encryption[-_]?key',
  'password',
  'set-cookie',
  'cookie',
].join('|');

const SECRET_NAME_EXACT = new RegExp(`^(?:${SECRET_NAMES})$`, 'i');

/** Cheap pre-check so ordinary text skips the heavier patterns. */
const MAY_CONTAIN_SECRET =
  /token|secret|verifier|assertion|authori[sz]ation|api[-_]?key|private|encryption|password|cookie|bearer|basic|eyJ|:\/\/[^\s/@]*:[^\s/]*@/i;

/** A secret name starts a word, or follows a percent-escape such as `%3F` (a URL inside a URL). */
const NAME_START = '(?:(?<=%[0-9A-Fa-f]{2})|(?<![A-Za-z0-9]))';

/**
 * `"access_token": "..."`, `'password': '...'`, `\"refresh_token\":\"...\"` (JSON escaped in JSON).
 * The value honours JSON escapes: `\"` inside a plain quoted value, and `\\\"` (an escaped quote, escaped
 * again) inside a JSON-escaped value, do not end it.
 */
const QUOTED_FIELD = new RegExp(
  `(\\\\?["']?)${NAME_START}(${SECRET_NAMES})\\1(\\s*[:=]\\s*)` +
    // a plain quote: any escape pair, or any character but the quote, a backslash or a newline
    `(?:(["'])(?:\\\\[^\\n]|(?!\\4)[^\\\\\\n])*\\4` +
    // an escaped quote: an escaped escape pair, an escape pair other than the quote, or a plain character
    `|(\\\\["'])(?:\\\\\\\\(?:\\\\[^\\n]|[^\\\\\\n])|(?!\\5)\\\\[^\\\\\\n]|[^\\\\\\n])*\\5)`,
  'gi',
);

/** `scheme://user:password@host`: the password in a URL's userinfo (scheme, user and host stay). */
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/?#@]*:)[^\s/?#]*@/gi;

/** `access_token=...`, `Authorization: Bearer ...`, `access_token%3D...`, `password: ...`. */
const UNQUOTED_FIELD = new RegExp(
  `${NAME_START}(${SECRET_NAMES})(\\s*[:=]\\s*|%3D)(?!\\s*\\\\?["']|\\[REDACTED\\])(?:(?:Bearer|Basic|Token|OAuth|Digest)\\s+)?(?:(?!%26)[^\\s&,;"'<>{}()\\[\\]#\\\\])+`,
  'gi',
);

/** A bare `Bearer <token>` / `Basic <base64>` anywhere; the token must look like one (8+ chars, a digit or symbol). */
const AUTH_SCHEME_TOKEN =
  /\b(Bearer|Basic)\s+(?=[A-Za-z0-9\-._~+/]{8,})(?=[A-Za-z_]*[0-9\-.~+/])[A-Za-z0-9\-._~+/]+=*/gi;

const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;

const MIN_KNOWN_SECRET_LENGTH = 6;
const MAX_DEPTH = 8;

function isAlreadyRedacted(match: string): boolean {
  return match.includes(REDACTED);
}

function removeKnownSecrets(text: string, knownSecrets: Iterable<string | undefined>): string {
  let result = text;
  for (const secret of knownSecrets) {
    if (secret === undefined || secret.length < MIN_KNOWN_SECRET_LENGTH) continue;
    result = replaceAll(result, secret);
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) result = replaceAll(result, encoded);
  }
  return result;
}

function replaceAll(text: string, secret: string): string {
  return text.includes(secret) ? text.split(secret).join(REDACTED) : text;
}

function redactNode(
  value: unknown,
  secrets: string[] | undefined,
  seen: WeakSet<object>,
  depth: number,
): unknown {
  if (typeof value === 'string') return redactSecrets(value, secrets);
  if (typeof value === 'function') return '[Function]';
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value;
  if (value instanceof URL || value instanceof URLSearchParams)
    return redactSecrets(value.toString(), secrets);
  if (seen.has(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Truncated]';
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => redactNode(item, secrets, seen, depth + 1));
    if (value instanceof Error) {
      const toJSON = (value as { toJSON?: unknown }).toJSON;
      // Our own errors (from any install) describe themselves; foreign errors are reduced to a plain shape.
      if (typeof toJSON === 'function') return redactNode(toJSON.call(value), secrets, seen, depth + 1);
      return redactErrorShape(value, secrets, seen, depth);
    }
    if (typeof Headers !== 'undefined' && value instanceof Headers) {
      return redactEntries(value.entries(), secrets, seen, depth);
    }
    if (value instanceof Map) return redactEntries(value.entries(), secrets, seen, depth);
    if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer)
      return `[Binary ${value.byteLength} bytes]`;
    return redactEntries(Object.entries(value), secrets, seen, depth);
  } finally {
    seen.delete(value);
  }
}

function redactEntries(
  entries: Iterable<[unknown, unknown]>,
  secrets: string[] | undefined,
  seen: WeakSet<object>,
  depth: number,
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, item] of entries) {
    const name = String(key);
    result[name] =
      isSecretFieldName(name) && item !== undefined && item !== null && item !== ''
        ? REDACTED
        : redactNode(item, secrets, seen, depth + 1);
  }
  return result;
}

function redactErrorShape(
  error: Error,
  secrets: string[] | undefined,
  seen: WeakSet<object>,
  depth: number,
): Record<string, unknown> {
  const shape: Record<string, unknown> = {
    name: error.name,
    message: redactSecrets(error.message, secrets),
  };
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') shape.code = code;
  if (error.stack !== undefined) shape.stack = redactSecrets(error.stack, secrets);
  if (error.cause !== undefined) shape.cause = redactNode(error.cause, secrets, seen, depth + 1);
  return shape;
}
