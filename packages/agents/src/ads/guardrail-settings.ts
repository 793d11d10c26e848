import { type AdsPlatformId, ConfigError, MoneySchema } from '@growthhub/core';
import { z } from 'zod';

/**
 * How a platform lets budgets move, as data. Relative limits are in basis points (2000 = 20 %) so the
 * arithmetic on integer minor units stays exact.
 */
export const PlatformBudgetRulesSchema = z.strictObject({
  /** Largest rise against the budget in force one change window ago, basis points. */
  maxIncreaseBps: z.number().int().min(0),
  /** Largest cut against the budget in force one change window ago, basis points. */
  maxDecreaseBps: z.number().int().min(0).max(10_000),
  /** Largest rise per change window in minor units of the account currency; omit for none. */
  maxIncreaseMinor: z.number().int().min(0).optional(),
  /** The window the limits above apply to, hours (Meta 24, TikTok 48). */
  changeWindowHours: z.number().positive(),
  /** How many budget changes one window may hold (TikTok: one per two days). */
  maxChangesPerWindow: z.number().int().min(1),
  /** A change bigger than this (basis points) counts as a significant edit and restarts learning. */
  significantChangeBps: z.number().int().min(0),
  /** Worst-case spend on one day as a multiple of the daily budget (Google Ads may deliver 2×). */
  dailyOverdelivery: z.number().min(1),
  /** During the learning phase: refuse pauses and significant edits. */
  protectLearningPhase: z.boolean(),
  /**
   * During the learning phase also hold budgets still, even for changes below the significant-edit size
   * (default false: platforms restart learning only on significant edits, so small steps are safe).
   */
  freezeBudgetDuringLearning: z.boolean(),
});

/** How a platform lets budgets move; see {@link PlatformBudgetRulesSchema}. */
export type PlatformBudgetRules = z.infer<typeof PlatformBudgetRulesSchema>;

/**
 * Default budget rules per ads platform:
 * - `meta`: ±20 % a day and at most +100.00 a day, the change Meta's learning-phase guidance tolerates
 *   without a reset;
 * - `google`: the same change limits; Google Ads may spend up to 2× the daily budget on a given day
 *   (the month stays within 30.4 daily budgets), so lifetime planning counts Google budgets double;
 * - `tiktok`: ±50 %, at most one change every two days;
 * - `pinterest`: the conservative Meta limits.
 * `maxIncreaseMinor` is in the account currency; override it for currencies with other magnitudes.
 */
export const PLATFORM_BUDGET_RULES: Readonly<Record<AdsPlatformId, PlatformBudgetRules>> = {
  meta: {
    maxIncreaseBps: 2_000,
    maxDecreaseBps: 2_000,
    maxIncreaseMinor: 10_000,
    changeWindowHours: 24,
    maxChangesPerWindow: 4,
    significantChangeBps: 2_000,
    dailyOverdelivery: 1,
    protectLearningPhase: true,
    freezeBudgetDuringLearning: false,
  },
  google: {
    maxIncreaseBps: 2_000,
    maxDecreaseBps: 2_000,
    maxIncreaseMinor: 10_000,
    changeWindowHours: 24,
    maxChangesPerWindow: 4,
    significantChangeBps: 2_000,
    dailyOverdelivery: 2,
    protectLearningPhase: true,
    freezeBudgetDuringLearning: false,
  },
  tiktok: {
    maxIncreaseBps: 5_000,
    maxDecreaseBps: 5_000,
    changeWindowHours: 48,
    maxChangesPerWindow: 1,
    significantChangeBps: 5_000,
    dailyOverdelivery: 1,
    protectLearningPhase: true,
    freezeBudgetDuringLearning: false,
  },
  pinterest: {
    maxIncreaseBps: 2_000,
    maxDecreaseBps: 2_000,
    maxIncreaseMinor: 10_000,
    changeWindowHours: 24,
    maxChangesPerWindow: 4,
    significantChangeBps: 2_000,
    dailyOverdelivery: 1,
    protectLearningPhase: true,
    freezeBudgetDuringLearning: false,
  },
};

/** Minimum evidence before an action: spend (minor units), hours since launch, reported conversions. */
export const EvidenceSchema = z.strictObject({
  spendMinor: z.number().int().min(0).default(5_000),
  ageHours: z.number().min(0).default(72),
  conversions: z.number().min(0).default(0),
});

/** Minimum evidence before an action; see {@link EvidenceSchema}. */
export type Evidence = z.infer<typeof EvidenceSchema>;

/** The hard limits every decision passes through, whoever proposed it. */
export const GuardrailSettingsSchema = z.strictObject({
  /** Most the sum of active campaigns' daily budgets may reach. */
  accountDailyCap: MoneySchema,
  /** Most the account may spend over the flight; planned against worst-case over-delivery. */
  accountLifetimeCap: MoneySchema.optional(),
  /** Smallest daily budget of a running campaign (default 10.00). */
  minDailyBudget: MoneySchema.optional(),
  /** Largest daily budget of any one campaign. */
  maxDailyBudget: MoneySchema.optional(),
  /** Per-platform overrides of {@link PLATFORM_BUDGET_RULES}. */
  platforms: z
    .partialRecord(z.enum(['meta', 'google', 'tiktok', 'pinterest']), PlatformBudgetRulesSchema.partial())
    .default({}),
  /**
   * Evidence a campaign needs before the guardrails let anything act on its performance: spend so far,
   * age since launch and reported conversions. `pause` applies to pausing a campaign or a creative
   * (defaults: 50.00, 72 hours, 0 conversions; the creative's own spend counts for a creative),
   * `budgetChange` to any budget change (defaults: 50.00, 24 hours, 0 conversions).
   */
  minEvidence: z
    .strictObject({
      pause: EvidenceSchema.prefault({ ageHours: 72 }),
      budgetChange: EvidenceSchema.prefault({ ageHours: 24 }),
    })
    .prefault({}),
  /**
   * Reversible stop-loss, a safety net rather than an optimiser: pause a campaign once it has spent
   * `minSpendBudgetDays` daily budgets and, at `confidence`, its ROAS since launch is below `maxRoas`
   * (the upper Poisson bound on its reported conversions, valued at the account's average order, says
   * so). Defaults: below 0.5 at 99 % after three days of budget. `false` turns it off.
   */
  stopLoss: z
    .union([
      z.literal(false),
      z.strictObject({
        minSpendBudgetDays: z.number().min(0).default(3),
        maxRoas: z.number().min(0).default(0.5),
        confidence: z.number().min(0.5).max(0.9999).default(0.99),
      }),
    ])
    .prefault({}),
  /** How often the engine runs, hours: lifetime-cap planning assumes budgets stand this long (default 24). */
  reviewIntervalHours: z.number().positive().default(24),
});

/** The hard limits every decision passes through; see {@link GuardrailSettingsSchema}. */
export type GuardrailSettings = z.infer<typeof GuardrailSettingsSchema>;

/** Guardrail settings as callers write them (defaults filled in by {@link resolveGuardrailSettings}). */
export type GuardrailSettingsInput = z.input<typeof GuardrailSettingsSchema>;

/** Settings with defaults applied and one currency checked. */
export interface ResolvedGuardrails {
  readonly settings: GuardrailSettings;
  readonly currency: string;
  readonly minDailyBudgetMinor: number;
  readonly maxDailyBudgetMinor: number;
  /** The budget rules of `platform`, defaults merged with overrides. */
  rulesFor(platform: AdsPlatformId): PlatformBudgetRules;
}

/**
 * Validates guardrail settings and fills in defaults. Throws a `ConfigError` naming the setting when
 * the input is invalid or mixes currencies.
 */
export function resolveGuardrailSettings(input: GuardrailSettingsInput): ResolvedGuardrails {
  const parsed = GuardrailSettingsSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError({
      setting: `guardrails.${issue?.path.join('.') ?? ''}`,
      reason: issue?.message ?? 'invalid guardrail settings',
      fix: 'Pass guardrail settings matching GuardrailSettingsSchema (money as { amountMinor, currency }).',
    });
  }
  const settings = parsed.data;
  const currency = settings.accountDailyCap.currency;
  for (const [name, value] of Object.entries({
    accountLifetimeCap: settings.accountLifetimeCap,
    minDailyBudget: settings.minDailyBudget,
    maxDailyBudget: settings.maxDailyBudget,
  })) {
    if (value !== undefined && value.currency !== currency) {
      throw new ConfigError({
        setting: `guardrails.${name}`,
        reason: `${name} is in ${value.currency} but the daily cap is in ${currency}`,
        fix: 'Express every guardrail amount in the ad account currency.',
      });
    }
  }
  const merged = new Map<AdsPlatformId, PlatformBudgetRules>();
  return {
    settings,
    currency,
    minDailyBudgetMinor: settings.minDailyBudget?.amountMinor ?? 1_000,
    maxDailyBudgetMinor: settings.maxDailyBudget?.amountMinor ?? Number.MAX_SAFE_INTEGER,
    rulesFor(platform) {
      let rules = merged.get(platform);
      if (rules === undefined) {
        rules = { ...PLATFORM_BUDGET_RULES[platform], ...stripUndefined(settings.platforms[platform] ?? {}) };
        merged.set(platform, rules);
      }
      return rules;
    },
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
