/**
 * Scenarios and hidden parameters of the ads benchmark (spec §4.1, §4.2, §4.9).
 *
 * Every seed draws one world with the same draw order in every scenario, so `base`, `fatigue` and
 * `shock` of a seed share their campaigns; `small` rescales the saturation scales with its B_day, and
 * `aa` copies creative 0 of each campaign onto its siblings. Streams are our own xoshiro128**
 * streams (see `createSeededRandom`): seeds 0–199 do not reproduce numpy's `default_rng` draws.
 */
import { createSeededRandom } from '@growthhub/agents';

/** The benchmark's scenarios. */
export type ScenarioName = 'base' | 'small' | 'fatigue' | 'shock' | 'aa' | 'hill';

/** The settings a scenario changes. */
export interface Scenario {
  readonly name: ScenarioName;
  /** Account daily cap B_day in dollars. */
  readonly dailyCap: number;
  /** Lifetime cap B_tot in dollars. */
  readonly lifetimeCap: number;
  readonly fatigue: boolean;
  readonly shock: boolean;
  readonly identicalCreatives: boolean;
  /**
   * The delivery curve: the spec's `exponential` I ∝ S·(1 − e^{−b/S}), or `hill` I ∝ S·b/(b + S), a
   * differently shaped curve (extra robustness scenario, not in the spec) that no policy was tuned on.
   */
  readonly curve: 'exponential' | 'hill';
}

/** All scenarios, in report order. */
export const SCENARIOS: readonly Scenario[] = [
  scenario('base', {}),
  scenario('small', { dailyCap: 200, lifetimeCap: 6_000 }),
  scenario('fatigue', { fatigue: true }),
  scenario('shock', { shock: true }),
  scenario('aa', { identicalCreatives: true }),
  scenario('hill', { curve: 'hill' }),
];

/** Campaigns N, creatives K, slots T, slots per day. */
export const CAMPAIGNS = 8;
export const CREATIVES = 3;
export const SLOTS = 120;
export const SLOTS_PER_DAY = 4;
export const DAYS = SLOTS / SLOTS_PER_DAY;
/** Reporting delays D = 0…27 with P(D = d) ∝ 0.4·0.6^d. */
export const MAX_DELAY = 27;
/** Day from which the shock scenario changes CVR (campaign 0 ×0.5, campaign 1 ×2). */
export const SHOCK_DAY = 15;

/** The hidden parameters of one seed's world. Rates are per impression or per click. */
export interface World {
  readonly seed: number;
  readonly scenario: Scenario;
  /** cpm_i in dollars per 1000 impressions. */
  readonly cpm: Float64Array;
  /** ctr_ik, index i·K + k. */
  readonly ctr: Float64Array;
  /** cvr_ik, index i·K + k (capped at 0.3). */
  readonly cvr: Float64Array;
  /** aov_i in dollars (mean order value). */
  readonly aov: Float64Array;
  /** Saturation scale S_i in dollars per day. */
  readonly saturation: Float64Array;
  /** ε_{d,i}, index d·N + i. */
  readonly deliveryShock: Float64Array;
  /** m_d for d = 0…29. */
  readonly weekdayFactor: Float64Array;
  /** F_ik, index i·K + k (drawn in every scenario, used only by `fatigue`). */
  readonly fatigueScale: Float64Array;
}

/** Draws the hidden parameters of `seed` for `scenario`. */
export function createWorld(seed: number, scenario: Scenario): World {
  const random = createSeededRandom(seed, 0);
  const n = CAMPAIGNS;
  const k = CREATIVES;
  const cpm = new Float64Array(n);
  const ctr = new Float64Array(n * k);
  const cvr = new Float64Array(n * k);
  const aov = new Float64Array(n);
  const saturation = new Float64Array(n);
  const baseSaturation = (2 * scenario.dailyCap) / n;
  for (let i = 0; i < n; i += 1) {
    cpm[i] = random.logNormal(12, 0.3);
    const campaignCtr = random.logNormal(0.01, 0.3);
    for (let c = 0; c < k; c += 1) ctr[i * k + c] = campaignCtr * Math.exp(0.25 * random.normal());
    const campaignCvr = random.logNormal(0.03, 0.4);
    for (let c = 0; c < k; c += 1)
      cvr[i * k + c] = Math.min(0.3, campaignCvr * Math.exp(0.2 * random.normal()));
    aov[i] = random.logNormal(80, 0.3);
    saturation[i] = baseSaturation * Math.exp(0.4 * random.normal());
  }
  const phase = 2 * Math.PI * random.uniform();
  const weekdayFactor = new Float64Array(DAYS);
  for (let d = 0; d < DAYS; d += 1) weekdayFactor[d] = 1 + 0.1 * Math.sin((2 * Math.PI * d) / 7 + phase);
  const deliveryShock = new Float64Array(DAYS * n);
  for (let j = 0; j < DAYS * n; j += 1) deliveryShock[j] = Math.exp(random.normal(-0.01125, 0.15));
  const fatigueScale = new Float64Array(n * k);
  for (let j = 0; j < n * k; j += 1) fatigueScale[j] = random.logNormal(3e6, 0.5);
  if (scenario.identicalCreatives) {
    for (let i = 0; i < n; i += 1) {
      for (let c = 1; c < k; c += 1) {
        ctr[i * k + c] = ctr[i * k]!;
        cvr[i * k + c] = cvr[i * k]!;
        fatigueScale[i * k + c] = fatigueScale[i * k]!;
      }
    }
  }
  return { seed, scenario, cpm, ctr, cvr, aov, saturation, deliveryShock, weekdayFactor, fatigueScale };
}

/** Expected impressions per slot at daily budget `budget` (spec §4.3), before ε and creative shares. */
export function expectedImpressions(world: World, campaign: number, budget: number): number {
  const s = world.saturation[campaign]!;
  const saturated = world.scenario.curve === 'hill' ? budget / (budget + s) : 1 - Math.exp(-budget / s);
  return 0.25 * (1000 / world.cpm[campaign]!) * s * saturated;
}

/** The budget at which marginal ROAS falls to λ for a campaign whose marginal ROAS at zero is `slope`. */
export function budgetAtMarginal(world: World, campaign: number, slope: number, lambda: number): number {
  const s = world.saturation[campaign]!;
  if (slope <= lambda) return 0;
  return world.scenario.curve === 'hill' ? s * (Math.sqrt(slope / lambda) - 1) : s * Math.log(slope / lambda);
}

/** The CVR multiplier of the shock scenario for `campaign` on `day` (1 elsewhere). */
export function shockFactor(world: World, campaign: number, day: number): number {
  if (!world.scenario.shock || day < SHOCK_DAY) return 1;
  if (campaign === 0) return 0.5;
  if (campaign === 1) return 2;
  return 1;
}

/** The CTR multiplier of the fatigue scenario after `cumulativeImpressions` (1 elsewhere). */
export function fatigueFactor(world: World, index: number, cumulativeImpressions: number): number {
  if (!world.scenario.fatigue) return 1;
  return Math.max(0.5, Math.exp(-cumulativeImpressions / world.fatigueScale[index]!));
}

function scenario(name: ScenarioName, overrides: Partial<Omit<Scenario, 'name'>>): Scenario {
  return {
    name,
    dailyCap: 1_000,
    lifetimeCap: 30_000,
    fatigue: false,
    shock: false,
    identicalCreatives: false,
    curve: 'exponential',
    ...overrides,
  };
}
