/** Query parameters; a parameter given more than once (`ids=1&ids=2`) is an array. */
export type QueryRecord = Record<string, string | string[]>;

/** A file part of a `multipart/form-data` body. */
export interface UploadedFile {
  /** Form field name. */
  readonly field: string;
  /** The `filename` of the part (may be empty). */
  readonly filename: string;
  /** The part's `Content-Type` (`application/octet-stream` when absent). */
  readonly contentType: string;
  readonly data: Buffer;
  readonly size: number;
}

/**
 * A decoded form body (`application/x-www-form-urlencoded` or `multipart/form-data`): text fields
 * are strings, file parts are {@link UploadedFile}s, a repeated field is an array.
 */
export type FormRecord = Record<string, string | UploadedFile | Array<string | UploadedFile>>;

/** Who an auth check let in, and how. */
export interface AuthPrincipal {
  /** Where the credential was found. */
  readonly scheme: 'bearer' | 'query' | 'header' | 'basic' | 'body';
  /** The access token (bearer, query or custom-header checks). */
  readonly token?: string;
  /** The OAuth client id (client-auth checks). */
  readonly clientId?: string;
}

/**
 * One request as a route handler sees it. `body` and `query` are the outputs of the route's zod
 * schemas when it has them, else the decoded body and raw query.
 */
export interface EmulatorRequest<TBody = unknown, TQuery = QueryRecord> {
  /** The id this request is known by (also in error envelopes and the request-id header). */
  readonly id: string;
  /** Upper-case method. */
  readonly method: string;
  /** Path without query string. */
  readonly path: string;
  /** The full request URL (use `url.searchParams.getAll` for exact query handling). */
  readonly url: URL;
  /** Path parameters of the route pattern (`/2/tweets/:id` → `{ id }`), URL-decoded. */
  readonly params: Readonly<Record<string, string>>;
  readonly query: TQuery;
  /** Lower-case header names; repeated headers joined with `, `. */
  readonly headers: Readonly<Record<string, string>>;
  /** Decoded body: JSON value, {@link FormRecord}, or `undefined` for other content types. */
  readonly body: TBody;
  /** Raw body bytes exactly as received (for webhook signatures and binary uploads). */
  readonly rawBody: Buffer;
  /** Media type of the body without parameters (`application/json`), if any. */
  readonly contentType: string | undefined;
  /** Set when the route's auth check let the request in. */
  readonly auth: AuthPrincipal | undefined;
}
