/**
 * `@growthhub/core`: the kernel every Growth Hub package stands on.
 *
 * - typed errors with secret redaction ({@link GrowthError} and its family),
 * - the HTTP kernel (one retry layer, rate-limit aware) and per-bucket rate limiting,
 * - the data model as zod schemas with inferred types,
 * - versioned contracts (`PlatformAdapter` v1 and friends),
 * - typed events, text rules, the OAuth engine, token vault and stores.
 *
 * Test helpers (emulator kit, conformance suites, a scripted fake LLM) live in the
 * `@growthhub/core/testing` subpath so production code never loads them.
 *
 * @packageDocumentation
 */

export * from './contracts/index';
export * from './errors/index';
export * from './events/index';
export * from './http/index';
export * from './logging/index';
export * from './model/index';
export * from './oauth/index';
export * from './rate-limit/index';
export * from './store/index';
export * from './text/index';
export * from './vault/index';
