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
 * The allowed daily-budget range of `campaign` at `now`. A budget stands until changed, so it must keep
 * within the platform's change limits (±20 % and at most +100.00 on Meta) of *every* budget in force
 * during the last change window, not only the one a window ago: that makes "no more than 20 % a day"
 * hold over every 24-hour span. The range is then intersected with the campaign minimum and maximum;
 * during learning it also stays within the platform's significant-edit size; it collapses to the current
 * budget while the window's change count is used up or the campaign lacks minimum evidence.
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
  const windowStart = now - rules.changeWindowHours * 3_600_000;
  const reference = budgetInForce(campaign, windowStart, slotMs) || current;
  const protect = campaign.learning && rules.protectLearningPhase;
  let low = 0;
  let high = Number.MAX_SAFE_INTEGER;
  let frozenBy: BudgetLimits['frozenBy'];
  for (const budget of budgetsInWindow(campaign, windowStart, slotMs)) {
    low = Math.max(low, ceilDiv(budget * (10_000 - rules.maxDecreaseBps), 10_000));
    let top = Math.floor((budget * (10_000 + rules.maxIncreaseBps)) / 10_000);
    if (rules.maxIncreaseMinor !== undefined) top = Math.min(top, budget + rules.maxIncreaseMinor);
    high = Math.min(high, top);
    if (protect) {
      const significantLow = ceilDiv(budget * (10_000 - rules.significantChangeBps), 10_000);
      const significantHigh = Math.floor((budget * (10_000 + rules.significantChangeBps)) / 10_000);
      if (significantLow > low || significantHigh < high) frozenBy = 'learning_phase';
      low = Math.max(low, significantLow);
      high = Math.min(high, significantHigh);
    }
  }
  if (low > high) {
    low = current;
    high = current;
  }
  if (protect && rules.freezeBudgetDuringLearning) {
    low = current;
    high = current;
    frozenBy = 'learning_phase';
  }
  if (countChanges(campaign, windowStart) >= rules.maxChangesPerWindow) {
    low = current;
    high = current;
    frozenBy = 'change_frequency';
  }
  if (!hasMinimumEvidence(campaign, now, guardrails.settings.minEvidence.budgetChange)) {
    low = current;
    high = current;
    frozenBy = 'min_evidence';
  }
  const floor = guardrails.minDailyBudgetMinor;
  const ceiling = guardrails.maxDailyBudgetMinor;
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
    if (slot.start <= at)
      return at < slot.start + slotMs ? slot.dailyBudgetMinor : campaign.dailyBudget.amountMinor;
  }
  return history[0]!.dailyBudgetMinor;
}

/** The positive budgets in force from `since` to now: the slots of the window and the current budget. */
function budgetsInWindow(campaign: CampaignSnapshot, since: number, slotMs: number): number[] {
  const budgets = new Set<number>([campaign.dailyBudget.amountMinor]);
  const history = campaign.history;
  for (let index = history.length - 1; index >= 0; index -= 1) {
    const slot = history[index]!;
    if (slot.start + slotMs <= since) break;
    if (slot.dailyBudgetMinor > 0) budgets.add(slot.dailyBudgetMinor);
  }
  if (history.length === 0 || history[0]!.start > since) {
    const launch = history[0]?.dailyBudgetMinor ?? 0;
    if (launch > 0) budgets.add(launch);
  }
  return [...budgets];
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
