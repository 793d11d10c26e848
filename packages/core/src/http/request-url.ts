import { ConfigError } from '../errors/config-error';
import type { SearchParamValue } from './http-types';

/**
 * Builds the URL of a request: an absolute `url` is used as is, a relative one is joined to `baseUrl`
 * with exactly one slash between them (so `'tweets'` and `'/tweets'` both land under a base such as
 * `https://api.x.com/2`), then `searchParams` are appended (arrays repeat the parameter).
 */
export function resolveRequestUrl(
  baseUrl: string | undefined,
  url: string,
  searchParams: Record<string, SearchParamValue> | URLSearchParams | undefined,
): string {
  let full = url;
  if (!ABSOLUTE_URL.test(url)) {
    if (baseUrl === undefined) {
      throw new ConfigError({
        setting: 'http.baseUrl',
        reason: `is not set, so the relative URL ${url} cannot be resolved`,
        fix: 'pass baseUrl to createHttpClient or use an absolute URL',
      });
    }
    full = `${trimEnd(baseUrl)}/${trimStart(url)}`;
  }
  if (searchParams === undefined) return full;
  const entries = searchParams instanceof URLSearchParams ? [...searchParams] : flatten(searchParams);
  if (entries.length === 0) return full;
  const query = new URLSearchParams(entries).toString();
  const hashAt = full.indexOf('#');
  const head = hashAt === -1 ? full : full.slice(0, hashAt);
  const hash = hashAt === -1 ? '' : full.slice(hashAt);
  return `${head}${head.includes('?') ? '&' : '?'}${query}${hash}`;
}

/** Appends one query parameter to a URL (used for tokens carried in the query). */
export function appendQueryParam(url: string, name: string, value: string): string {
  const query = new URLSearchParams([[name, value]]).toString();
  const hashAt = url.indexOf('#');
  const head = hashAt === -1 ? url : url.slice(0, hashAt);
  return `${head}${head.includes('?') ? '&' : '?'}${query}${hashAt === -1 ? '' : url.slice(hashAt)}`;
}

const ABSOLUTE_URL = /^[a-z][a-z0-9+.-]*:\/\//i;

function flatten(params: Record<string, SearchParamValue>): [string, string][] {
  const entries: [string, string][] = [];
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) entries.push([name, String(item)]);
    else entries.push([name, String(value)]);
  }
  return entries;
}

function trimEnd(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === '/') end--;
  return text.slice(0, end);
}

function trimStart(text: string): string {
  let start = 0;
  while (start < text.length && text[start] === '/') start++;
  return text.slice(start);
}
