/**
 * The platform's request or trace id from the usual headers (`x-request-id`, `request-id`,
 * `x-fb-trace-id`, `x-fb-request-id`, `x-tt-logid`, `x-transaction-id`, `x-pinterest-rid`,
 * `x-goog-request-id`), or `undefined`.
 */
export function readRequestId(headers: Headers): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = headers.get(name);
    if (value !== null && value !== '') return value;
  }
  return undefined;
}

const REQUEST_ID_HEADERS = [
  'x-request-id',
  'request-id',
  'x-fb-trace-id',
  'x-fb-request-id',
  'x-tt-logid',
  'x-transaction-id',
  'x-pinterest-rid',
  'x-goog-request-id',
];
