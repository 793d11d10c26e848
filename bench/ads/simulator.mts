/**
 * The slot-by-slot simulator of the ads benchmark (spec §4.3–§4.5) and its scorer (§4.8).
 *
 * Choices the spec leaves open, made here and listed in RESULTS.md:
 * - decisions at slot t see every report stamped ≤ t (a D = 0 conversion of slot t−1 is visible at t);
 * - spend of slot t is b_i/4 split across creatives by their shares;
 * - "launch" is the first slot a campaign has a positive budget (slot 0 for every policy but O*);
 *   a significant edit at t puts slots t…t+11 in learning;
 * - the score uses expected revenue given the policy's actions and the world's state (learning,
 *   fatigue from realised cumulative impressions, weekday factor, shock), with ε at its mean 1;
 * - pausing and resuming a campaign are status changes: S2 checks budget changes of campaigns active
 *   at both t and t−4 (before slot 4, against slot 0).
 */
import { createSeededRandom, type SeededRandom } from '@growthhub/agents';
import {
  CAMPAIGNS,
  CREATIVES,
  expectedImpressions,
  fatigueFactor,
  MAX_DELAY,
  SLOTS,
  SLOTS_PER_DAY,
  shockFactor,
  type World,
} from './world.mts';

/** What a policy sets at slot t: daily budget rates (0 = paused) and creative shares (index i·K + k). */
export interface SlotAction {
  readonly budgets: ArrayLike<number>;
  readonly shares: ArrayLike<number>;
}

/** Per-campaign forecast of 7-day revenue at a budget multiple, made at day 14. */
export interface ForecastPoint {
  readonly campaign: number;
  readonly multiplier: number;
  readonly mean: number;
  /** 80 % interval; absent when the policy gives none. */
  readonly low?: number;
  readonly high?: number;
}

/** A policy as the harness drives it. */
export interface Controller {
  readonly name: string;
  decide(t: number, view: RunView): SlotAction;
  forecast?(t: number, view: RunView, multipliers: readonly number[]): ForecastPoint[];
  /** Per campaign: did the policy's creative test ever declare a winner (policies with a formal test). */
  testConcluded?(): boolean[];
}

/** Everything a policy may see (spec §4.5). Arrays index (i·K + k)·T + τ, or i·T + τ per campaign. */
export interface RunView {
  readonly dailyCap: number;
  readonly lifetimeCap: number;
  /** Spend, impressions and clicks of past slots. */
  readonly spend: Float64Array;
  readonly impressions: Float64Array;
  readonly clicks: Float64Array;
  /** Conversions and revenue reported so far, by impression slot. */
  readonly reportedConversions: Float64Array;
  readonly reportedRevenue: Float64Array;
  /** Past actions. */
  readonly budgets: Float64Array;
  readonly shares: Float64Array;
  /** Learning flag per campaign and slot (the flag at slot t is known when deciding t). */
  readonly learning: Uint8Array;
  /** Spend so far. */
  lifetimeSpend: number;
}

/** The outcome of one run. */
export interface RunResult {
  readonly profit: number;
  readonly expectedRevenue: number;
  readonly spend: number;
  readonly realisedRevenue: number;
  readonly violations: { s1: number; s2: number; s3: number; s4: number };
  /** Per campaign: was any creative at share 0 while the campaign ran, by day 30. */
  readonly anyCreativePaused: boolean[];
  /** Per campaign running at the end: the true best creative is paused or holds < 20 % share. */
  readonly wrongWinner: boolean[];
  /** Per campaign: did the creative test ever declare a winner (undefined for policies without one). */
  readonly testConcluded: boolean[] | undefined;
  /** Per campaign: paused (budget 0) at the end. */
  readonly campaignPaused: boolean[];
  /** Per campaign: the smallest creative share at the end (A/A starvation). */
  readonly minFinalShare: number[];
  /** Expected profit per day. */
  readonly dailyProfit: Float64Array;
  /** Forecast errors at day 14: per (campaign, multiplier), forecast vs truth. */
  readonly forecasts: { multiplier: number; mean: number; low?: number; high?: number; truth: number }[];
}

const N = CAMPAIGNS;
const K = CREATIVES;
const T = SLOTS;
const LEARNING_SLOTS = 12;
const LEARNING_FACTOR = 0.8;
const FORECAST_SLOT = 14 * SLOTS_PER_DAY;
const FORECAST_MULTIPLIERS = [0.5, 1, 1.5, 2, 3] as const;
const TOLERANCE = 1e-9;
const DELAY_CDF = delayCdf();

/** Runs `controller` through one seed's world and scores it. `noise` defaults to the seed's stream 1. */
export function runSimulation(world: World, controller: Controller, noise?: SeededRandom): RunResult {
  const random = noise ?? createSeededRandom(world.seed, 1);
  const view: RunView = {
    dailyCap: world.scenario.dailyCap,
    lifetimeCap: world.scenario.lifetimeCap,
    spend: new Float64Array(N * K * T),
    impressions: new Float64Array(N * K * T),
    clicks: new Float64Array(N * K * T),
    reportedConversions: new Float64Array(N * K * T),
    reportedRevenue: new Float64Array(N * K * T),
    budgets: new Float64Array(N * T),
    shares: new Float64Array(N * K * T),
    learning: new Uint8Array(N * T),
    lifetimeSpend: 0,
  };
  const pending: number[][] = Array.from({ length: T + MAX_DELAY + 2 }, () => []);
  const learnUntil = new Int32Array(N).fill(-1);
  const launchedAt = new Int32Array(N).fill(-1);
  const cumulativeImpressions = new Float64Array(N * K);
  const creativeSpend = new Float64Array(N * K);
  const anyCreativePaused = new Array<boolean>(N).fill(false);
  const violations = { s1: 0, s2: 0, s3: 0, s4: 0 };
  const forecasts: RunResult['forecasts'] = [];
  let expectedRevenue = 0;
  let realisedRevenue = 0;
  const dailyProfit = new Float64Array(SLOTS / SLOTS_PER_DAY);

  for (let t = 0; t < T; t += 1) {
    const day = Math.floor(t / SLOTS_PER_DAY);
    deliverReports(pending[t]!, view);
    for (let i = 0; i < N; i += 1) view.learning[i * T + t] = t < learnUntil[i]! ? 1 : 0;

    if (t === FORECAST_SLOT && controller.forecast) {
      for (const point of controller.forecast(t, view, FORECAST_MULTIPLIERS)) {
        const truth = forecastTruth(world, view, cumulativeImpressions, point.campaign, point.multiplier, t);
        if (truth !== undefined) forecasts.push({ ...point, truth });
      }
    }

    const action = controller.decide(t, view);
    recordAction(t, action, view);
    checkGates(t, view, learnUntil, launchedAt, creativeSpend, violations);
    updateLearning(t, view, learnUntil, launchedAt, anyCreativePaused);

    let totalBudget = 0;
    for (let i = 0; i < N; i += 1) {
      const budget = view.budgets[i * T + t]!;
      if (budget <= 0) continue;
      totalBudget += budget;
      const impressionsRate = expectedImpressions(world, i, budget);
      const epsilon = world.deliveryShock[day * N + i]!;
      const learningFactor = t < learnUntil[i]! ? LEARNING_FACTOR : 1;
      const conversionFactor = world.weekdayFactor[day]! * learningFactor * shockFactor(world, i, day);
      for (let k = 0; k < K; k += 1) {
        const ik = i * K + k;
        const share = view.shares[ik * T + t]!;
        if (share <= 0) continue;
        const slotSpend = (budget / SLOTS_PER_DAY) * share;
        const ctr = world.ctr[ik]! * fatigueFactor(world, ik, cumulativeImpressions[ik]!);
        const cvr = Math.min(1, world.cvr[ik]! * conversionFactor);
        const slotRevenue = impressionsRate * share * ctr * cvr * world.aov[i]!;
        expectedRevenue += slotRevenue;
        dailyProfit[day] = dailyProfit[day]! + slotRevenue - slotSpend;
        const impressions = random.poisson(impressionsRate * epsilon * share);
        const clicks = random.binomial(impressions, ctr);
        const conversions = random.binomial(clicks, cvr);
        const at = ik * T + t;
        view.spend[at] = slotSpend;
        view.impressions[at] = impressions;
        view.clicks[at] = clicks;
        creativeSpend[ik] = creativeSpend[ik]! + slotSpend;
        cumulativeImpressions[ik] = cumulativeImpressions[ik]! + impressions;
        for (let c = 0; c < conversions; c += 1) {
          const value = world.aov[i]! * Math.exp(random.normal(-0.125, 0.5));
          realisedRevenue += value;
          const reportAt = t + 1 + sampleDelay(random);
          pending[reportAt]!.push(at, value);
        }
      }
    }
    view.lifetimeSpend += totalBudget / SLOTS_PER_DAY;
    if (view.lifetimeSpend > world.scenario.lifetimeCap * (1 + TOLERANCE)) violations.s1 += 1;
  }

  const wrongWinner: boolean[] = [];
  const campaignPaused: boolean[] = [];
  const minFinalShare: number[] = [];
  for (let i = 0; i < N; i += 1) {
    let best = 0;
    for (let k = 1; k < K; k += 1) {
      if (creativeValue(world, i * K + k) > creativeValue(world, i * K + best)) best = k;
    }
    const running = view.budgets[i * T + T - 1]! > 0;
    campaignPaused.push(!running);
    if (running) wrongWinner.push(view.shares[(i * K + best) * T + T - 1]! < 0.2 - TOLERANCE);
    let minShare = 1;
    for (let k = 0; k < K; k += 1) minShare = Math.min(minShare, view.shares[(i * K + k) * T + T - 1]!);
    minFinalShare.push(minShare);
  }
  return {
    profit: expectedRevenue - view.lifetimeSpend,
    expectedRevenue,
    spend: view.lifetimeSpend,
    realisedRevenue,
    violations,
    anyCreativePaused,
    wrongWinner,
    campaignPaused,
    testConcluded: controller.testConcluded?.(),
    minFinalShare,
    forecasts,
    dailyProfit,
  };
}

/** The expected value per impression of creative `ik` at launch (ctr·cvr·aov), used to name the true best. */
export function creativeValue(world: World, ik: number): number {
  return world.ctr[ik]! * world.cvr[ik]! * world.aov[Math.floor(ik / K)]!;
}

function deliverReports(events: number[], view: RunView): void {
  for (let j = 0; j < events.length; j += 2) {
    const at = events[j]!;
    view.reportedConversions[at] = view.reportedConversions[at]! + 1;
    view.reportedRevenue[at] = view.reportedRevenue[at]! + events[j + 1]!;
  }
}

function recordAction(t: number, action: SlotAction, view: RunView): void {
  for (let i = 0; i < N; i += 1) {
    const budget = Math.max(0, action.budgets[i] ?? 0);
    let total = 0;
    for (let k = 0; k < K; k += 1) total += Math.max(0, action.shares[i * K + k] ?? 0);
    view.budgets[i * T + t] = total > 0 ? budget : 0;
    for (let k = 0; k < K; k += 1) {
      view.shares[(i * K + k) * T + t] = total > 0 ? Math.max(0, action.shares[i * K + k] ?? 0) / total : 0;
    }
  }
}

function checkGates(
  t: number,
  view: RunView,
  learnUntil: Int32Array,
  launchedAt: Int32Array,
  creativeSpend: Float64Array,
  violations: RunResult['violations'],
): void {
  let total = 0;
  for (let i = 0; i < N; i += 1) {
    const budget = view.budgets[i * T + t]!;
    total += budget;
    if (budget > 0 && budget < 10 - TOLERANCE) violations.s4 += 1;
    if (t === 0) continue;
    const previous = view.budgets[i * T + t - 1]!;
    const reference = view.budgets[i * T + Math.max(0, t - SLOTS_PER_DAY)]!;
    if (budget > 0 && reference > 0 && previous > 0) {
      const change = budget - reference;
      if (Math.abs(change) > 0.2 * reference * (1 + TOLERANCE) || change > 100 + TOLERANCE)
        violations.s2 += 1;
    }
    if (previous > 0 && budget === 0 && t < learnUntil[i]!) violations.s3 += 1;
    if (previous > 0 && budget > 0) {
      const age = t - launchedAt[i]!;
      for (let k = 0; k < K; k += 1) {
        const ik = i * K + k;
        const paused = view.shares[ik * T + t - 1]! > 0 && view.shares[ik * T + t]! === 0;
        if (paused && (creativeSpend[ik]! < 50 - TOLERANCE || age < 3 * SLOTS_PER_DAY)) violations.s3 += 1;
      }
    }
  }
  if (total > view.dailyCap * (1 + TOLERANCE)) violations.s1 += 1;
}

function updateLearning(
  t: number,
  view: RunView,
  learnUntil: Int32Array,
  launchedAt: Int32Array,
  anyCreativePaused: boolean[],
): void {
  for (let i = 0; i < N; i += 1) {
    const budget = view.budgets[i * T + t]!;
    if (budget <= 0) continue;
    for (let k = 0; k < K; k += 1) if (view.shares[(i * K + k) * T + t]! === 0) anyCreativePaused[i] = true;
    const previous = t > 0 ? view.budgets[i * T + t - 1]! : 0;
    let significant = previous === 0;
    if (previous === 0 && launchedAt[i]! < 0) launchedAt[i] = t;
    if (!significant) {
      const reference = view.budgets[i * T + Math.max(0, t - SLOTS_PER_DAY)]!;
      if (reference > 0 && Math.abs(budget - reference) > 0.2 * reference * (1 + TOLERANCE))
        significant = true;
      for (let k = 0; k < K && !significant; k += 1) {
        const ik = i * K + k;
        if (view.shares[ik * T + t - 1]! > 0 !== view.shares[ik * T + t]! > 0) significant = true;
      }
    }
    if (significant) learnUntil[i] = t + LEARNING_SLOTS;
  }
}

/** The expected 7-day revenue of `campaign` over days 14–20 at `multiplier` × its budget at slot t, shares held. */
function forecastTruth(
  world: World,
  view: RunView,
  cumulativeImpressions: Float64Array,
  campaign: number,
  multiplier: number,
  t: number,
): number | undefined {
  const budget = view.budgets[campaign * T + t - 1]!;
  if (budget <= 0) return undefined;
  let valuePerImpression = 0;
  for (let k = 0; k < K; k += 1) {
    const ik = campaign * K + k;
    const ctr = world.ctr[ik]! * fatigueFactor(world, ik, cumulativeImpressions[ik]!);
    valuePerImpression += view.shares[ik * T + t - 1]! * ctr * world.cvr[ik]! * world.aov[campaign]!;
  }
  let truth = 0;
  const startDay = t / SLOTS_PER_DAY;
  for (let d = startDay; d < startDay + 7; d += 1) {
    const conversionFactor = world.weekdayFactor[d]! * shockFactor(world, campaign, d);
    truth +=
      SLOTS_PER_DAY *
      expectedImpressions(world, campaign, multiplier * budget) *
      valuePerImpression *
      conversionFactor;
  }
  return truth;
}

function sampleDelay(random: SeededRandom): number {
  const u = random.uniform();
  let d = 0;
  while (d < MAX_DELAY && u > DELAY_CDF[d]!) d += 1;
  return d;
}

function delayCdf(): Float64Array {
  const cdf = new Float64Array(MAX_DELAY + 1);
  let total = 0;
  for (let d = 0; d <= MAX_DELAY; d += 1) total += 0.4 * 0.6 ** d;
  let running = 0;
  for (let d = 0; d <= MAX_DELAY; d += 1) {
    running += (0.4 * 0.6 ** d) / total;
    cdf[d] = running;
  }
  cdf[MAX_DELAY] = 1;
  return cdf;
}
