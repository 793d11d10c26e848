import { afterEach } from 'vitest';
import { createXEmulator, type XEmulator, type XEmulatorOptions } from '../../src/testing/index';

/**
 * Registers an `afterEach` that closes every X emulator the test started, and returns the function that
 * creates one and starts it listening. Call it once at the top of a test file.
 */
export function xEmulatorsClosedAfterEach(): (options?: XEmulatorOptions) => Promise<XEmulator> {
  const open: XEmulator[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((emulator) => emulator.close()));
  });
  return async (options = {}) => {
    const emulator = createXEmulator(options);
    open.push(emulator);
    await emulator.listen();
    return emulator;
  };
}

/** The `Authorization` header for a fresh access token from `emulator` (its default scopes unless given). */
export function bearerFor(emulator: XEmulator, scopes?: string[]): string {
  return `Bearer ${emulator.issueTokens(scopes === undefined ? {} : { scopes }).access_token}`;
}

/** An X emulator per test, called as one user: see {@link xEmulatorUserPerTest}. */
export interface XEmulatorUser {
  /** Creates and starts an emulator, and makes `bearer` a fresh token of it (its default scopes unless given). */
  start(options?: XEmulatorOptions, scopes?: string[]): Promise<XEmulator>;
  /** The `Authorization` header of the user's token from the latest `start`. */
  bearer: string;
}

/** Like {@link xEmulatorsClosedAfterEach}, plus a bearer token issued at each start. Call it once per file. */
export function xEmulatorUserPerTest(): XEmulatorUser {
  const listen = xEmulatorsClosedAfterEach();
  const user: XEmulatorUser = {
    bearer: '',
    async start(options = {}, scopes) {
      const emulator = await listen(options);
      user.bearer = bearerFor(emulator, scopes);
      return emulator;
    },
  };
  return user;
}
