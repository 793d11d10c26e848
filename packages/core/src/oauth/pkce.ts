import { createHash, randomBytes } from 'node:crypto';

/** A PKCE pair (RFC 7636): the verifier stays on the server, the S256 challenge goes in the authorize URL. */
export interface PkcePair {
  /** 43 characters of base64url (256 random bits). Never leaves the server until the code exchange. */
  verifier: string;
  /** base64url(SHA-256(verifier)). */
  challenge: string;
}

/** Makes a fresh {@link PkcePair} with the S256 method. */
export function createPkcePair(): PkcePair {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: pkceChallenge(verifier) };
}

/** The S256 challenge of a verifier. */
export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}
