import { describe, expect, it } from 'vitest';
import type { NamedAdapterCheck, NamedSessionCheck } from '../../src/testing/index';
import { platformConformanceChecks, runPlatformConformance } from '../../src/testing/index';
import type { AcmeFlaws } from './acme-platform';
import { acmeHarness } from './acme-platform';

const correct = acmeHarness();
runPlatformConformance({ adapter: correct.adapter, harness: correct, name: 'Acme (correct adapter)' });

function sessionCheck(name: RegExp): NamedSessionCheck {
  const all = [...platformConformanceChecks.social, ...platformConformanceChecks.webhooks];
  const found = all.find((check) => name.test(check.name));
  if (found === undefined) throw new Error(`no check matches ${name}`);
  return found;
}

function adapterCheck(name: RegExp): NamedAdapterCheck {
  const found = platformConformanceChecks.adapter.find((check) => name.test(check.name));
  if (found === undefined) throw new Error(`no check matches ${name}`);
  return found;
}

/** Runs one check against a harness with a defect, returning the assertion error it raised. */
async function failureOf(flaws: AcmeFlaws, check: NamedSessionCheck): Promise<Error> {
  const harness = acmeHarness(flaws);
  const session = await harness.start();
  try {
    await check.run({ adapter: harness.adapter, session });
  } catch (error) {
    return error as Error;
  } finally {
    await session.stop();
  }
  throw new Error(`"${check.name}" passed an adapter with ${JSON.stringify(flaws)}`);
}

describe('the platform conformance suite catches broken adapters', () => {
  it('fails an adapter whose token endpoint is plain http', () => {
    const { adapter } = acmeHarness({ plainHttpTokenUrl: true });
    expect(() => adapterCheck(/OAuth spec/).run(adapter)).toThrow(/oauth\.tokenUrl must use https/);
  });

  it('fails an adapter that declares a media post kind without file limits', () => {
    const { adapter } = acmeHarness({ inconsistentCapabilities: true });
    expect(() => adapterCheck(/capabilities/).run(adapter)).toThrow(/postKinds\.image\.files/);
  });

  it('fails an adapter whose id is not a PlatformId', () => {
    const { adapter } = acmeHarness();
    expect(() => adapterCheck(/specificationVersion/).run({ ...adapter, id: 'acme' as never })).toThrow(
      /PlatformId/,
    );
  });

  it('fails an adapter whose validate() ignores caption length', async () => {
    const error = await failureOf({ skipsCaptionCheck: true }, sessionCheck(/over-long caption/));
    expect(error.message).toMatch(/field "caption"/);
  });

  it('fails an adapter whose findPublished() matches posts it never published', async () => {
    const error = await failureOf({ findsEverything: true }, sessionCheck(/findPublished/));
    expect(error.message).toMatch(/never published/);
  });

  it('fails an adapter that returns no metrics', async () => {
    const error = await failureOf({ dropsMetrics: true }, sessionCheck(/getPostMetrics/));
    expect(error.message).toMatch(/entry for the published post/);
  });

  it('fails an adapter that turns a 429 into a generic error', async () => {
    const error = await failureOf({ hidesRateLimits: true }, sessionCheck(/lasting 429/));
    expect(error.message).toMatch(/must surface as RateLimitError, got PlatformApiError/);
  });

  it('fails an adapter that rethrows a rejected token as a plain error', async () => {
    const error = await failureOf(
      { leaksTokenInErrors: true },
      sessionCheck(/rejects surfaces as AuthError/),
    );
    expect(error.message).toMatch(/must surface as AuthError, got Error/);
  });

  it('fails an adapter that puts the access token in its errors, without printing the token', async () => {
    const error = await failureOf({ leaksTokenInErrors: true }, sessionCheck(/secret appears/));
    expect(error.message).toMatch(/leaks harness secret #\d/);
    expect(error.message).not.toMatch(/acme-token-|conformance-rejected-/);
  });

  it('fails an adapter whose webhook verification accepts a tampered body', async () => {
    const error = await failureOf({ trustsAnyWebhook: true }, sessionCheck(/tampered/));
    expect(error.message).toMatch(/changed after signing/);
  });
});
