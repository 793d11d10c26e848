import { GrowthError } from '@growthhub/core';

/**
 * An error the host itself raises with its HTTP status: not found (also for another store's records),
 * not signed in, a bad webhook signature. It joins the Growth Hub error family, so every error the API
 * answers with carries a `code` the same way.
 */
export class HttpProblem extends GrowthError {
  /** The HTTP status to answer with. */
  readonly status: number;

  constructor(status: number, code: string, message: string) {
    super({ code, message });
    this.status = status;
  }
}

/**
 * "There is no such record here." Used for records that do not exist and for records of another
 * store alike, with the same wording, so a tenant cannot learn which ids exist elsewhere.
 */
export function notFound(kind: string, id: string): HttpProblem {
  return new HttpProblem(404, 'not_found', `There is no ${kind} "${id}" in this store.`);
}

/** No valid API key or session. */
export function unauthenticated(): HttpProblem {
  return new HttpProblem(
    401,
    'unauthenticated',
    'Send the store API key as "Authorization: Bearer <key>", or sign in to the dashboard.',
  );
}
