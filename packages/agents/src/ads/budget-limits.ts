import type { CampaignSnapshot } from './account-snapshot';
import type { Evidence, ResolvedGuardrails } from './guardrail-settings';

/** The daily budgets the guardrails allow a campaign right now, integer minor units. */
export interface BudgetLimits {
  /** The budget in force now. */
  readonly currentMinor: number;
  /** The budget in force one change window ago: the base of the relative limits. */
  readonly referenceMinor: number;
  /** Lowest allowed budget (never below the campaign minimum). */
  readonly minMinor: number;
  /** Highest allowed budget. */
  readonly maxMinor: number;
  /** Why the range is narrower than the platform's change limits, if it is. */
  readonly frozenBy?: 'learning_phase' | 'change_frequency' | 'min_evidence';
}

/**
 * The allowed daily-budget range of `campaign` at `now`: the platform's change limits against the budget
 * in force one change window ago (±20 % and +100.00 a day on Meta), intersected with the campaign
 * minimum and maximum; during learning no change beyond the platform's significant-edit size; no change
 * at all while the window's change count is used up or the campaign lacks minimum evidence.
 * Policies use it to plan within the rules; `enforceGuardrails` uses it to clip.
 */
export function budgetLimits(
  campaign: CampaignSnapshot,
  now: number,
  slotMs: number,
  guardrails: ResolvedGuardrails,
): BudgetLimits {
  const rules = guardrails.rulesFor(campaign.platform);
  const current = campaign.dailyBudget.amountMinor;
  const windowMs = rules.changeWindowHours * 3_600_000;
  const reference = budgetInForce(campaign, now - windowMs, slotMs) || current;
  const floor = guardrails.minDailyBudgetMinor;
  const ceiling = guardrails.maxDailyBudgetMinor;
  let low = ceilDiv(reference * (10_000 - rules.maxDecreaseBps), 10_000);
  let high = Math.floor((reference * (10_000 + rules.maxIncreaseBps)) / 10_000);
  if (rules.maxIncreaseMinor !== undefined) high = Math.min(high, reference + rules.maxIncreaseMinor);
  let frozenBy: BudgetLimits['frozenBy'];
  if (campaign.learning && rules.protectLearningPhase) {
    const significantLow = ceilDiv(reference * (10_000 - rules.significantChangeBps), 10_000);
    const significantHigh = Math.floor((reference * (10_000 + rules.significantChangeBps)) / 10_000);
    if (significantLow > low || significantHigh < high) frozenBy = 'learning_phase';
    low = Math.max(low, significantLow);
    high = Math.min(high, significantHigh);
  }
  if (countChanges(campaign, now - windowMs) >= rules.maxChangesPerWindow) {
    low = current;
    high = current;
    frozenBy = 'change_frequency';
  }
  if (!hasMinimumEvidence(campaign, now, guardrails.settings.minEvidence.budgetChange)) {
    low = current;
    high = current;
    frozenBy = 'min_evidence';
  }
  const minMinor = Math.min(Math.max(low, floor), ceiling);
  const maxMinor = Math.max(Math.min(high, ceiling), minMinor);
  return frozenBy === undefined
    ? { currentMinor: current, referenceMinor: reference, minMinor, maxMinor }
    : { currentMinor: current, referenceMinor: reference, minMinor, maxMinor, frozenBy };
}

/**
 * True when `campaign` has at least the `evidence` asked for: spend, age since launch and reported
 * conversions.
 */
export function hasMinimumEvidence(campaign: CampaignSnapshot, now: number, evidence: Evidence): boolean {
  if (now - campaign.launchedAt < evidence.ageHours * 3_600_000) return false;
  let spend = 0;
  let conversions = 0;
  for (const creative of campaign.creatives) {
    for (const slot of creative.slots) {
      spend += slot.spendMinor;
      conversions += slot.conversions;
    }
  }
  return spend >= evidence.spendMinor && conversions >= evidence.conversions;
}

/** The daily budget in force at time `at` (0 if paused then), or 0 before launch. */
export function budgetInForce(campaign: CampaignSnapshot, at: number, slotMs: number): number {
  const history = campaign.history;
  if (history.length === 0) return campaign.dailyBudget.amountMinor;
  if (at < history[0]!.start) return history[0]!.dailyBudgetMinor;
  for (let index = history.length - 1; index >= 0; index -= 1) {
    const slot = history[index]!;
    if (slot.start <= at) return at < slot.start + slotMs ? slot.dailyBudgetMinor : campaign.dailyBudget.amountMinor;
  }
  return history[0]!.dailyBudgetMinor;
}

/** Budget changes (between consecutive running slots, and from the last slot to now) after `since`. */
function countChanges(campaign: CampaignSnapshot, since: number): number {
  const history = campaign.history;
  let changes = 0;
  let previous: number | undefined;
  for (const slot of history) {
    if (slot.dailyBudgetMinor === 0) {
      previous = undefined;
      continue;
    }
    if (slot.start > since && previous !== undefined && slot.dailyBudgetMinor !== previous) changes += 1;
    previous = slot.dailyBudgetMinor;
  }
  return changes;
}

function ceilDiv(numerator: number, denominator: number): number {
  return Math.ceil(numerator / denominator);
}
