/**
 * Versioned contracts (specification v1) between the engine and platform adapters, language models,
 * job runners and stores.
 * @module
 */
export * from './ads-manager';
export * from './capabilities';
export * from './job-runner';
export * from './language-model';
export * from './oauth-spec';
export * from './platform-adapter';
export * from './platform-rule-issue';
export * from './post-rules';
export * from './social-publisher';
export * from './store';
export * from './webhook-handler';
