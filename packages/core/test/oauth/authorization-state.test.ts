import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, ValidationError } from '../../src/errors/index';
import { createEventBus } from '../../src/events/index';
import { createConnectionManager, OAuthStateError } from '../../src/oauth/index';
import { memoryStore } from '../../src/store/index';
import { createTokenVault } from '../../src/vault/index';
import { beginFlow, completeFlow, connect, createEngine, REDIRECT_URI } from './support/engine-fixture';
import { consent, type OAuthAuthority, startAuthority } from './support/oauth-authority';
import { googleCase, xCase } from './support/platform-specs';

let xAuthority: OAuthAuthority;
let googleAuthority: OAuthAuthority;

beforeAll(async () => {
  xAuthority = await startAuthority(xCase.rules);
  googleAuthority = await startAuthority(googleCase.rules);
});

afterAll(async () => {
  await xAuthority.close();
  await googleAuthority.close();
});

function engineWithBoth(options: { stateTtlMs?: number } = {}) {
  return createEngine(
    [
      {
        id: 'x',
        oauth: {
          ...xCase.spec(xAuthority.url),
          client: {
            ...xCase.spec(xAuthority.url).client,
            redirectUris: [REDIRECT_URI, `${REDIRECT_URI}/other`],
          },
        },
      },
      { id: 'google', oauth: googleCase.spec(googleAuthority.url) },
    ],
    options,
  );
}

async function begunFlow(engine: ReturnType<typeof engineWithBoth>, redirectUri = REDIRECT_URI) {
  return consent(await beginFlow(engine.manager, 'x', { redirectUri }));
}

async function stateProblem(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.catch((caught: unknown) => caught);
  expect(OAuthStateError.isInstance(error)).toBe(true);
  return (error as OAuthStateError).problem;
}

describe('OAuth state', () => {
  it('is 256 random bits, differs per flow, and the PKCE verifier never appears in the URL', async () => {
    const engine = engineWithBoth();
    const begin = () => beginFlow(engine.manager, 'x');
    const [first, second] = [new URL(await begin()), new URL(await begin())];
    const state = first.searchParams.get('state') ?? '';
    expect(Buffer.from(state, 'base64url')).toHaveLength(32);
    expect(state).not.toBe(second.searchParams.get('state'));
    expect([...first.searchParams.keys()]).not.toContain('code_verifier');
    expect(first.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('is rejected as reused when presented a second time, and the second code is never exchanged', async () => {
    const engine = engineWithBoth();
    const callback = await begunFlow(engine);
    const input = {
      platform: 'x' as const,
      code: callback.get('code') ?? '',
      state: callback.get('state') ?? '',
    };
    await engine.manager.complete(input);
    const exchangesBefore = xAuthority.counts.code;
    expect(await stateProblem(engine.manager.complete(input))).toBe('reused');
    expect(xAuthority.counts.code).toBe(exchangesBefore);
  });

  it('is rejected as expired after 10 minutes', async () => {
    const engine = engineWithBoth();
    const callback = await begunFlow(engine);
    engine.clock.advance(10 * 60_000 + 1_000);
    const problem = await stateProblem(completeFlow(engine.manager, 'x', callback));
    expect(problem).toBe('expired');
  });

  it('is forgotten by the store once its time to live passes', async () => {
    const engine = engineWithBoth({ stateTtlMs: 200 });
    const callback = await begunFlow(engine);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const problem = await stateProblem(completeFlow(engine.manager, 'x', callback));
    expect(problem).toBe('unknown');
  });

  it('is rejected when presented for another platform, and cannot be retried for the right one', async () => {
    const engine = engineWithBoth();
    const callback = await begunFlow(engine);
    const code = callback.get('code') ?? '';
    const state = callback.get('state') ?? '';
    expect(await stateProblem(engine.manager.complete({ platform: 'google', code, state }))).toBe(
      'platform_mismatch',
    );
    expect(await stateProblem(engine.manager.complete({ platform: 'x', code, state }))).toBe('reused');
  });

  it('is rejected when the callback names another redirect URI', async () => {
    const engine = engineWithBoth();
    const callback = await begunFlow(engine, `${REDIRECT_URI}/other`);
    const problem = await stateProblem(
      completeFlow(engine.manager, 'x', callback, { redirectUri: REDIRECT_URI }),
    );
    expect(problem).toBe('redirect_mismatch');
  });

  it('is rejected as unknown when it was never issued here', async () => {
    const engine = engineWithBoth();
    expect(
      await stateProblem(engine.manager.complete({ platform: 'x', code: 'c', state: 'forged-state' })),
    ).toBe('unknown');
  });

  it('completes the redirect URI the flow began with when the callback repeats it', async () => {
    const engine = engineWithBoth();
    const callback = await begunFlow(engine, `${REDIRECT_URI}/other`);
    const connection = await completeFlow(engine.manager, 'x', callback, {
      redirectUri: `${REDIRECT_URI}/other`,
    });
    expect(connection.status).toBe('connected');
  });
});

describe('begin', () => {
  it('refuses a redirect URI the adapter did not register', async () => {
    const engine = engineWithBoth();
    const error = await engine.manager
      .begin({ platform: 'x', storeId: 'shop-1', userId: 'owner-1', redirectUri: 'https://evil.example/cb' })
      .catch((caught: unknown) => caught);
    expect(ValidationError.isInstance(error) && error.field).toBe('redirectUri');
  });

  it('refuses a platform the engine was not given', async () => {
    const engine = createEngine([{ id: 'x', oauth: xCase.spec(xAuthority.url) }]);
    const error = await engine.manager
      .begin({ platform: 'meta', storeId: 'shop-1', userId: 'owner-1', redirectUri: REDIRECT_URI })
      .catch((caught: unknown) => caught);
    expect(ValidationError.isInstance(error) && error.field).toBe('platform');
  });

  it('reports scopes the user did not grant as missing instead of ignoring them', async () => {
    const engine = createEngine([{ id: 'x', oauth: xCase.spec(xAuthority.url) }]);
    const url = await beginFlow(engine.manager, 'x');
    // The user unticks media.write on the consent screen.
    const narrowed = new URL(url);
    narrowed.searchParams.set('scope', 'tweet.read tweet.write users.read offline.access');
    const callback = await consent(narrowed.toString());
    const connected = engine.events.next('connection.connected');
    const connection = await completeFlow(engine.manager, 'x', callback);
    expect(connection.missingScopes).toEqual(['media.write']);
    expect((await connected).missingScopes).toEqual(['media.write']);
  });

  it('reconnects an existing connection in place when begun with its id', async () => {
    const engine = createEngine([{ id: 'x', oauth: xCase.spec(xAuthority.url) }]);
    const first = await connect(engine.manager, 'x');
    const url = await beginFlow(engine.manager, 'x', { connectionId: first.id });
    const callback = await consent(url);
    const again = await completeFlow(engine.manager, 'x', callback);
    expect(again.id).toBe(first.id);
    expect(again.createdAt).toBe(first.createdAt);
    expect((await engine.manager.list('shop-1')).items).toHaveLength(1);
  });
});

describe('createConnectionManager', () => {
  it('fails at startup with a ConfigError naming the field of an invalid spec', () => {
    const store = memoryStore();
    const vault = createTokenVault({ keys: [Buffer.alloc(32, 7).toString('base64')], store });
    const start = () =>
      createConnectionManager({
        platforms: [{ id: 'x', oauth: { ...xCase.spec(xAuthority.url), tokenUrl: 'not a url' } }],
        store,
        vault,
        events: createEventBus(),
      });
    expect(start).toThrowError(ConfigError);
    expect(start).toThrowError(/platforms\[0\]\.oauth\.tokenUrl/);
  });
});

describe('reconnect', () => {
  it('refuses to begin a reconnect of a connection from another store', async () => {
    const engine = createEngine([{ id: 'x', oauth: xCase.spec(xAuthority.url) }]);
    const connection = await connect(engine.manager, 'x', { storeId: 'shop-1' });
    const error = await engine.manager
      .begin({
        platform: 'x',
        storeId: 'shop-2',
        userId: 'owner-2',
        redirectUri: REDIRECT_URI,
        connectionId: connection.id,
      })
      .catch((caught: unknown) => caught);
    expect(ValidationError.isInstance(error) && error.field).toBe('connectionId');
  });
});
