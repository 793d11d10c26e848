import { randomUUID } from 'node:crypto';
import { inspect } from 'node:util';
import { expect } from 'vitest';
import type { PublishedResult, SocialPublisher } from '../../contracts/index';
import { AuthError, RateLimitError } from '../../errors/index';
import type { SocialPost } from '../../model/index';
import { PostMetricsSchema } from '../../model/index';
import { buildConformancePost } from './conformance-post';
import type { ConformanceFixture } from './harness';

/** A check against a started emulator. Throws an assertion error when it fails. */
export type SessionCheck = (fixture: ConformanceFixture) => Promise<void>;

/** `validate` reports a caption one unit over the channel's limit as an error naming the `caption` field. */
export const rejectsOverLongCaption: SessionCheck = async (fixture) => {
  const { publisher, samplePost } = await socialPublisher(fixture);
  const sample = samplePost();
  const limit = fixture.adapter.capabilities.social?.[sample.channel]?.caption.maxLength ?? 0;
  const post = samplePost({
    caption: 'a'.repeat(limit + 1),
    uniqueCaption: false,
  });
  const issues = await publisher.validate(post);
  const captionIssue = issues.find(
    (issue) => issue.severity === 'error' && /^caption(\.|$)/.test(issue.field),
  );
  expect(
    captionIssue,
    `validate() must return an error issue with field "caption" for ${limit + 1} characters`,
  ).toBeDefined();
  expect(captionIssue?.reason.trim(), 'the caption issue must say why').not.toBe('');
  expect(captionIssue?.fix.trim(), 'the caption issue must say how to fix it').not.toBe('');
};

/** The harness's sample post validates cleanly, and publishing it over real HTTP yields a platform id. */
export const publishesAPost: SessionCheck = async (fixture) => {
  const { publisher, samplePost } = await socialPublisher(fixture);
  const post = samplePost();
  const blocking = (await publisher.validate(post)).filter((issue) => issue.severity === 'error');
  expect(blocking, 'the harness post must pass validate()').toEqual([]);
  const before = fixture.session.emulator.requests.length;
  const published = await publishAndSettle(publisher, post);
  expect(published.platformPostId.trim(), 'publish() must return the platform post id').not.toBe('');
  expect(fixture.session.emulator.requests.length, 'publish() must call the emulator').toBeGreaterThan(
    before,
  );
};

/** `findPublished` finds a published post by its idempotency key and content hash, and nothing for an unpublished one. */
export const findsThePublishedPost: SessionCheck = async (fixture) => {
  const { publisher, samplePost } = await socialPublisher(fixture);
  const since = new Date(Date.now() - 60_000).toISOString();
  const post = samplePost();
  const published = await publishAndSettle(publisher, post);
  const found = await publisher.findPublished(reconcileQuery(post, since));
  const match = found.find((ref) => ref.platformPostId === published.platformPostId);
  expect(match, 'findPublished() must return the post just published').toBeDefined();
  expect(['idempotencyKey', 'contentHash'], 'findPublished() must say what matched').toContain(
    match?.matchedBy,
  );
  const neverPublished = samplePost();
  expect(
    await publisher.findPublished(reconcileQuery(neverPublished, since)),
    'findPublished() must return nothing for a post that was never published',
  ).toEqual([]);
};

/** `getPostMetrics` returns schema-valid counts for a published post. */
export const readsPostMetrics: SessionCheck = async (fixture) => {
  const { publisher, published } = await publishSample(fixture);
  const metrics = await publisher.getPostMetrics([published.platformPostId]);
  const entry = metrics.find((m) => m.platformPostId === published.platformPostId);
  expect(entry, 'getPostMetrics() must return an entry for the published post').toBeDefined();
  const parsed = PostMetricsSchema.safeParse(entry);
  expect(parsed.success ? [] : parsed.error.issues, 'metrics must pass PostMetricsSchema').toEqual([]);
  const counts = [
    'impressions',
    'reach',
    'likes',
    'comments',
    'shares',
    'saves',
    'clicks',
    'videoViews',
  ] as const;
  expect(
    counts.some((name) => typeof entry?.[name] === 'number'),
    'metrics must hold at least one count',
  ).toBe(true);
};

/** A 429 that lasts longer than the kernel will wait surfaces as a `RateLimitError`. */
export const surfacesExhaustedRateLimit: SessionCheck = async (fixture) => {
  const { publisher, published } = await publishSample(fixture);
  fixture.session.emulator.faults.enqueue({ kind: 'rateLimit', retryAfterSeconds: 3600, times: 10 });
  const error = await rejectionOf(publisher.getPostMetrics([published.platformPostId]));
  fixture.session.emulator.faults.clear();
  expect(
    RateLimitError.isInstance(error),
    `a lasting 429 must surface as RateLimitError, got ${describeError(error)}`,
  ).toBe(true);
  expectSecretFree(error, fixture.session.secrets, 'the RateLimitError');
};

/** One short 429 is either retried no sooner than the platform asked, or surfaces as a `RateLimitError`. */
export const retriesOrSurfacesOneRateLimit: SessionCheck = async (fixture) => {
  const { publisher, published } = await publishSample(fixture);
  const before = fixture.session.emulator.requests.length;
  fixture.session.emulator.faults.enqueue({ kind: 'rateLimit', retryAfterSeconds: 1 });
  const started = Date.now();
  try {
    await publisher.getPostMetrics([published.platformPostId]);
  } catch (error) {
    expect(
      RateLimitError.isInstance(error),
      `a 429 must surface as RateLimitError, got ${describeError(error)}`,
    ).toBe(true);
    return;
  }
  const sent = fixture.session.emulator.requests.slice(before);
  expect(sent[0]?.fault, 'the first call after the fault must have met the 429').toBe('rateLimit');
  expect(sent.length, 'a retried 429 means a second request').toBeGreaterThan(1);
  expect(Date.now() - started, 'the retry must wait for the 1 s the platform asked').toBeGreaterThanOrEqual(
    950,
  );
};

/** A token the emulator rejects surfaces as an `AuthError`, after the platform itself said so. */
export const surfacesRejectedToken: SessionCheck = async (fixture) => {
  const rejected = `conformance-rejected-${randomUUID()}`;
  const { publisher, samplePost } = await socialPublisher(fixture, rejected);
  const post = samplePost();
  const error = await rejectionOf(publisher.publish(post, { idempotencyKey: post.idempotencyKey }));
  expect(
    AuthError.isInstance(error),
    `a rejected token must surface as AuthError, got ${describeError(error)}`,
  ).toBe(true);
  const answered = fixture.session.emulator.requests.some(
    (request) => request.failure?.kind === 'unauthorized',
  );
  expect(answered, 'the emulator must have rejected the token (adapters may not guess)').toBe(true);
  expectSecretFree(error, [...fixture.session.secrets, rejected], 'the AuthError');
};

/** Errors from a rejected token, a server error and a rate limit carry none of the harness's secrets. */
export const keepsSecretsOutOfErrors: SessionCheck = async (fixture) => {
  const rejected = `conformance-rejected-${randomUUID()}`;
  const secrets = [...fixture.session.secrets, rejected];
  const errors: Array<[string, unknown]> = [];
  {
    const { publisher, samplePost } = await socialPublisher(fixture, rejected);
    const post = samplePost();
    errors.push([
      'the 401 error',
      await rejectionOf(publisher.publish(post, { idempotencyKey: post.idempotencyKey })),
    ]);
  }
  const { publisher, samplePost } = await socialPublisher(fixture);
  for (const kind of ['serverError', 'rateLimit'] as const) {
    fixture.session.emulator.faults.enqueue({ kind, times: 10, retryAfterSeconds: 3600 });
    const post = samplePost();
    errors.push([
      `the ${kind} error`,
      await rejectionOf(publisher.publish(post, { idempotencyKey: post.idempotencyKey })),
    ]);
    fixture.session.emulator.faults.clear();
  }
  for (const [what, error] of errors) expectSecretFree(error, secrets, what);
};

/** Publishes and, when the platform processes asynchronously, polls until published (bounded). */
export async function publishAndSettle(
  publisher: SocialPublisher,
  post: SocialPost,
): Promise<PublishedResult> {
  let result = await publisher.publish(post, { idempotencyKey: post.idempotencyKey });
  for (let poll = 0; result.status === 'processing' && poll < 50; poll += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const status = await publisher.getPublishStatus(result.handle);
    if (status.status === 'failed')
      throw new Error(`The emulator failed the publish: ${status.code} ${status.message}`);
    result = status;
  }
  expect(result.status, 'publish must complete within 50 status polls against the emulator').toBe(
    'published',
  );
  return result as PublishedResult;
}

/** The adapter's publisher on a harness context, and a builder of fresh harness posts for it. */
async function socialPublisher(fixture: ConformanceFixture, accessToken?: string) {
  const social = fixture.adapter.social;
  if (social === undefined)
    throw new Error(`${fixture.adapter.id} has no social(); this check does not apply.`);
  const context = await fixture.session.context(accessToken === undefined ? undefined : { accessToken });
  return {
    publisher: social.call(fixture.adapter, context),
    samplePost: (overrides?: Parameters<typeof buildConformancePost>[3]) =>
      buildConformancePost(fixture.adapter, context, fixture.session.post, overrides),
  };
}

/** Publishes a fresh harness post and waits until it is published. */
async function publishSample(fixture: ConformanceFixture) {
  const { publisher, samplePost } = await socialPublisher(fixture);
  return { publisher, published: await publishAndSettle(publisher, samplePost()) };
}

function reconcileQuery(post: SocialPost, since: string) {
  return {
    idempotencyKey: post.idempotencyKey,
    contentHash: post.contentHash,
    post,
    accountId: post.accountId,
    since,
  };
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the call to fail against the scripted emulator, but it succeeded.');
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name} (${(error as { code?: unknown }).code ?? 'no code'})`;
  return typeof error;
}

/** Fails when any secret appears in an error's message, stack, JSON or inspected form. */
export function expectSecretFree(error: unknown, secrets: readonly string[], what: string): void {
  const printed = [
    error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : '',
    safeJson(error),
    inspect(error, { depth: 10 }),
  ].join('\n');
  secrets
    .filter((secret) => secret.length >= 6)
    .forEach((secret, index) => {
      expect(printed.includes(secret), `${what} leaks harness secret #${index + 1}`).toBe(false);
    });
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}
