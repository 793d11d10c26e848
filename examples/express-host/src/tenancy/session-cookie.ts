import { createHmac, timingSafeEqual } from 'node:crypto';

/** The dashboard's session cookie name. */
export const SESSION_COOKIE = 'gh_session';

/** How long a dashboard session lasts. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** Signs and reads the dashboard's session cookie: `<storeId>.<expiry>.<HMAC-SHA256>`. */
export interface SessionCookies {
  /** A signed cookie value for `storeId`, valid for {@link SESSION_TTL_MS}. */
  issue(storeId: string, now?: number): string;
  /** The store id of a well-signed, unexpired value, else `undefined`. */
  read(value: string | undefined, now?: number): string | undefined;
}

/**
 * A stateless signed session: the browser trades its API key for this cookie once (`POST
 * /api/session`), so the key is not kept in page storage where a script could read it. The cookie is
 * HttpOnly and SameSite=Lax, and mutations also require a JSON body, which a cross-site form cannot send.
 */
export function sessionCookies(secret: string): SessionCookies {
  const sign = (payload: string) => createHmac('sha256', secret).update(payload).digest('base64url');
  return {
    issue(storeId, now = Date.now()) {
      const payload = `${encodeURIComponent(storeId)}.${now + SESSION_TTL_MS}`;
      return `${payload}.${sign(payload)}`;
    },
    read(value, now = Date.now()) {
      const parts = value?.split('.');
      if (parts?.length !== 3) return undefined;
      const [store, expiry, signature] = parts as [string, string, string];
      const expected = Buffer.from(sign(`${store}.${expiry}`));
      const given = Buffer.from(signature);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
      if (!(Number(expiry) > now)) return undefined;
      return decodeURIComponent(store);
    },
  };
}

/** The value of one cookie from a `Cookie` header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return undefined;
}
