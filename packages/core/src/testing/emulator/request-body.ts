import { multipartBoundary, parseMultipart } from './multipart';

/** A decoded body, or why it could not be decoded. */
export interface DecodedBody {
  /** Media type without parameters, lower-case. */
  readonly mediaType: string | undefined;
  readonly body: unknown;
  /** Set when the body claims a format it does not have (bad JSON, broken multipart). */
  readonly error?: string;
}

/**
 * Decodes a request body by its `Content-Type`: JSON (`application/json`, `*+json`, `text/json`),
 * `application/x-www-form-urlencoded` and `multipart/form-data` into values; anything else (binary
 * uploads) leaves `body` undefined and the raw bytes to the handler.
 */
export function decodeBody(raw: Buffer, contentType: string | undefined): DecodedBody {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase() || undefined;
  if (raw.length === 0) return { mediaType, body: undefined };
  if (mediaType === undefined) return { mediaType, body: tryJson(raw) };
  if (mediaType === 'application/json' || mediaType === 'text/json' || mediaType.endsWith('+json')) {
    try {
      return { mediaType, body: JSON.parse(raw.toString('utf8')) as unknown };
    } catch {
      return { mediaType, body: undefined, error: 'The request body is not valid JSON.' };
    }
  }
  if (mediaType === 'application/x-www-form-urlencoded') {
    return { mediaType, body: decodeForm(new URLSearchParams(raw.toString('utf8'))) };
  }
  if (mediaType === 'multipart/form-data') {
    const boundary = contentType === undefined ? undefined : multipartBoundary(contentType);
    if (boundary === undefined) {
      return { mediaType, body: undefined, error: 'The multipart body has no boundary parameter.' };
    }
    try {
      return { mediaType, body: parseMultipart(raw, boundary) };
    } catch (error) {
      return {
        mediaType,
        body: undefined,
        error: `The multipart body is malformed: ${(error as Error).message}.`,
      };
    }
  }
  return { mediaType, body: undefined };
}

/** Query or form parameters as a record; repeated names become arrays. */
export function decodeForm(params: URLSearchParams): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  for (const [name, value] of params) {
    const existing = record[name];
    if (existing === undefined) record[name] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else record[name] = [existing, value];
  }
  return record;
}

function tryJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
