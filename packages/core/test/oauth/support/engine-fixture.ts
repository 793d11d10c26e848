import { randomBytes } from 'node:crypto';
import type { OAuthSpec } from '../../../src/contracts/oauth-spec';
import type { Store } from '../../../src/contracts/store';
import { createEventBus, type GrowthEventBus } from '../../../src/events/index';
import type { Connection } from '../../../src/model/connection';
import type { PlatformId } from '../../../src/model/platform';
import {
  type BeginConnectionInput,
  type ConnectionManager,
  createConnectionManager,
} from '../../../src/oauth/index';
import { memoryStore } from '../../../src/store/index';
import { createTokenVault, type TokenVault } from '../../../src/vault/index';
import { consent } from './oauth-authority';

import { REDIRECT_URI } from './platform-specs';

export { REDIRECT_URI };

/** A clock the test moves by hand. */
export interface ManualClock {
  now: () => Date;
  advance(ms: number): void;
}

/** Everything a test needs around one connection manager. */
export interface EngineFixture {
  manager: ConnectionManager;
  store: Store;
  vault: TokenVault;
  events: GrowthEventBus;
  clock: ManualClock;
  key: string;
}

/** Builds a connection manager on a memory store (or the given store) with a fresh key. */
export function createEngine(
  platforms: Array<{ id: PlatformId; oauth: OAuthSpec }>,
  options: { store?: Store; key?: string; stateTtlMs?: number } = {},
): EngineFixture {
  const store = options.store ?? memoryStore();
  const key = options.key ?? randomBytes(32).toString('base64');
  const vault = createTokenVault({ keys: [key], store });
  const events = createEventBus();
  const clock = manualClock();
  const manager = createConnectionManager({
    platforms,
    store,
    vault,
    events,
    clock: clock.now,
    ...(options.stateTtlMs === undefined ? {} : { stateTtlMs: options.stateTtlMs }),
  });
  return { manager, store, vault, events, clock, key };
}

/** Runs a whole connect: begin, the platform's consent redirect, complete. */
export async function connect(
  manager: ConnectionManager,
  platform: PlatformId,
  options: { storeId?: string; scopes?: string[]; codeParam?: string } = {},
): Promise<Connection> {
  const url = await beginFlow(manager, platform, {
    storeId: options.storeId ?? 'shop-1',
    ...(options.scopes === undefined ? {} : { scopes: options.scopes }),
  });
  const callback = await consent(url);
  return completeFlow(manager, platform, callback, { codeParam: options.codeParam ?? 'code' });
}

/**
 * Begins a flow as the test shop's owner (`shop-1`, `owner-1`, {@link REDIRECT_URI}) unless `input` says
 * otherwise, and returns the platform's authorize URL.
 */
export async function beginFlow(
  manager: ConnectionManager,
  platform: PlatformId,
  input: Partial<Omit<BeginConnectionInput, 'platform'>> = {},
): Promise<string> {
  const { url } = await manager.begin({
    platform,
    storeId: 'shop-1',
    userId: 'owner-1',
    redirectUri: REDIRECT_URI,
    ...input,
  });
  return url;
}

/** Completes a flow with the code (`codeParam`, default `code`) and state the consent redirect carried. */
export function completeFlow(
  manager: ConnectionManager,
  platform: PlatformId,
  callback: URLSearchParams,
  options: { codeParam?: string; redirectUri?: string } = {},
): Promise<Connection> {
  return manager.complete({
    platform,
    code: callback.get(options.codeParam ?? 'code') ?? '',
    state: callback.get('state') ?? '',
    ...(options.redirectUri === undefined ? {} : { redirectUri: options.redirectUri }),
  });
}

function manualClock(): ManualClock {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advance(ms) {
      offset += ms;
    },
  };
}
