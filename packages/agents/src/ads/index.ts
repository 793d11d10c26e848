/**
 * The ads decision engine: guardrails, policies, creative testing, allocation and forecasts.
 * @module
 */
export * from './account-snapshot';
export * from './ads-optimizer';
export * from './ads-policy';
export * from './approval-request';
export * from './bayesian-allocation-policy';
export * from './budget-allocation';
export { type BudgetLimits, budgetInForce, budgetLimits, hasMinimumEvidence } from './budget-limits';
export * from './campaign-pooling';
export * from './campaign-proposal';
export * from './conversion-value';
export * from './creative-selection';
export * from './delivery-curve';
export {
  assertGuardedPlan,
  type CampaignSettings,
  type GuardedAction,
  GuardedPlan,
  type GuardrailFinding,
  type GuardrailOutcomeKind,
  type GuardrailRule,
} from './guarded-plan';
export * from './guardrail-settings';
export { enforceGuardrails } from './guardrails';
export * from './optimization-log-entries';
export * from './reporting-delay';
export * from './seed-rules-policy';
export { createSeededRandom, logGamma, type SeededRandom } from './seeded-random';
