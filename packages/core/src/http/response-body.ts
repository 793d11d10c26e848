import type { ResponseType } from './http-types';

/**
 * Reads a response body. `'json'` tolerates what platforms really send: an empty body (204, HEAD, or
 * `200` with nothing) gives `undefined`, a body that is not JSON (an HTML error page from a proxy) gives
 * its text. `'text'` gives the text; `'bytes'` a `Uint8Array`.
 */
export async function readResponseBody(response: Response, responseType: ResponseType): Promise<unknown> {
  if (responseType === 'bytes') return new Uint8Array(await response.arrayBuffer());
  const text = await response.text();
  if (responseType === 'text') return text;
  if (text === '') return undefined;
  const first = text.charCodeAt(0);
  const looksLikeJson = first === 123 /* { */ || first === 91 /* [ */ || isJsonContentType(response);
  if (!looksLikeJson) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function isJsonContentType(response: Response): boolean {
  return response.headers.get('content-type')?.includes('json') ?? false;
}
