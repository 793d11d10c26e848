// The dashboard's only door to the server: JSON over fetch, with the session cookie.
// Problem+json answers become ApiError, carrying the server's `code` and `detail`.

/** A failed API call, as the server described it (RFC 9457 problem document). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? `The server answered ${status}.`);
    this.status = status;
    this.code = problem?.code ?? 'http_error';
    this.field = problem?.field;
    this.fix = problem?.fix;
  }
}

/** Calls the API. Changes are always sent as JSON: the server refuses cookie-authenticated forms. */
export async function api(method, path, body) {
  const unsafe = method !== 'GET' && method !== 'HEAD';
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      ...(unsafe ? { 'content-type': 'application/json' } : {}),
    },
    ...(unsafe ? { body: JSON.stringify(body ?? {}) } : {}),
  });
  if (response.status === 204) return undefined;
  const payload = await response.json().catch(() => undefined);
  if (!response.ok) throw new ApiError(response.status, payload);
  return payload;
}
