import { standardNormalCdf } from '@growthhub/agents';
/**
 * The reference reading of the seed plan's rules (spec §4.7), run raw: no guardrail layer, so its
 * violations of S1–S4 show in the table. Parts: (a) creative pauses by a z-test on conversions per
 * impression, (a′) the same test on CTR, (b) the 6-hourly ROAS budget rules, (c) the daily
 * ROAS-weighted allocation; then the account cap scales everything down proportionally.
 */
import type { Controller, RunView } from './simulator.mts';
import { CAMPAIGNS, CREATIVES, SLOTS, SLOTS_PER_DAY, type World } from './world.mts';

const N = CAMPAIGNS;
const K = CREATIVES;
const T = SLOTS;

/** Which parts of the seed's rules run. */
export interface SeedParts {
  readonly creativeTest?: 'conversions' | 'ctr';
  readonly budgetRules?: boolean;
  readonly allocation?: boolean;
}

/** A reference seed reading with the given parts, e.g. `{ creativeTest: 'conversions', budgetRules: true }`. */
export function seedReading(world: World, name: string, parts: SeedParts): Controller {
  const cap = world.scenario.dailyCap;
  const budgets = new Float64Array(N).fill(cap / N);
  const shares = new Float64Array(N * K).fill(1 / K);
  const stopped = new Uint8Array(N);
  return {
    name,
    decide(t, view) {
      if (t === 0) return { budgets, shares };
      if (parts.creativeTest) creativeTest(t, view, parts.creativeTest, budgets, shares, stopped);
      if (parts.budgetRules) budgetRules(t, view, budgets, stopped);
      if (parts.allocation && t % SLOTS_PER_DAY === 0 && t >= 3 * SLOTS_PER_DAY) {
        allocation(t, view, cap, budgets, stopped);
      }
      let total = 0;
      for (let i = 0; i < N; i += 1) total += budgets[i]!;
      if (total > cap) for (let i = 0; i < N; i += 1) budgets[i] = (budgets[i]! * cap) / total;
      return { budgets, shares };
    },
  };
}

function creativeTest(
  t: number,
  view: RunView,
  metric: 'conversions' | 'ctr',
  budgets: Float64Array,
  shares: Float64Array,
  stopped: Uint8Array,
): void {
  const events = metric === 'ctr' ? view.clicks : view.reportedConversions;
  for (let i = 0; i < N; i += 1) {
    if (stopped[i]) continue;
    const impressions = new Float64Array(K);
    const successes = new Float64Array(K);
    let leader = -1;
    for (let k = 0; k < K; k += 1) {
      const ik = i * K + k;
      if (shares[ik]! === 0) continue;
      for (let tau = 0; tau < t; tau += 1) {
        impressions[k] = impressions[k]! + view.impressions[ik * T + tau]!;
        successes[k] = successes[k]! + events[ik * T + tau]!;
      }
      if (
        leader < 0 ||
        rate(successes[k]!, impressions[k]!) > rate(successes[leader]!, impressions[leader]!)
      ) {
        leader = k;
      }
    }
    if (leader < 0 || impressions[leader]! < 1000) continue;
    for (let k = 0; k < K; k += 1) {
      const ik = i * K + k;
      if (k === leader || shares[ik]! === 0 || impressions[k]! < 1000) continue;
      const p = oneSidedTwoProportionP(
        successes[leader]!,
        impressions[leader]!,
        successes[k]!,
        impressions[k]!,
      );
      if (p < 0.05) {
        shares[ik] = 0;
        budgets[i] = budgets[i]! * 1.2;
      }
    }
    let total = 0;
    for (let k = 0; k < K; k += 1) total += shares[i * K + k]!;
    for (let k = 0; k < K; k += 1) shares[i * K + k] = shares[i * K + k]! / total;
  }
}

function budgetRules(t: number, view: RunView, budgets: Float64Array, stopped: Uint8Array): void {
  for (let i = 0; i < N; i += 1) {
    if (stopped[i] || t < 3 * SLOTS_PER_DAY) continue;
    let lifetimeSpend = 0;
    for (let k = 0; k < K; k += 1)
      for (let tau = 0; tau < t; tau += 1) lifetimeSpend += view.spend[(i * K + k) * T + tau]!;
    if (lifetimeSpend < 50) continue;
    const roas = reportedRoas(view, i, t - 3 * SLOTS_PER_DAY, t);
    const budget = budgets[i]!;
    if (roas >= 3) budgets[i] = budget + Math.min(0.2 * budget, 100);
    else if (roas >= 2) budgets[i] = budget + Math.min(0.1 * budget, 100);
    else if (roas >= 1) continue;
    else if (roas < 0.5) {
      stopped[i] = 1;
      budgets[i] = 0;
    } else budgets[i] = budget * 0.8;
  }
}

function allocation(t: number, view: RunView, cap: number, budgets: Float64Array, stopped: Uint8Array): void {
  const roas = new Float64Array(N);
  let total = 0;
  for (let i = 0; i < N; i += 1) {
    if (stopped[i]) continue;
    roas[i] = reportedRoas(view, i, 0, t);
    total += roas[i]!;
  }
  for (let i = 0; i < N; i += 1) {
    if (stopped[i]) continue;
    budgets[i] = Math.max(10, total > 0 ? (cap * roas[i]!) / total : cap / N);
  }
}

/** Reported revenue over spend of campaign i for impression slots [from, to). */
function reportedRoas(view: RunView, i: number, from: number, to: number): number {
  let spend = 0;
  let revenue = 0;
  for (let k = 0; k < K; k += 1) {
    for (let tau = Math.max(0, from); tau < to; tau += 1) {
      spend += view.spend[(i * K + k) * T + tau]!;
      revenue += view.reportedRevenue[(i * K + k) * T + tau]!;
    }
  }
  return spend > 0 ? revenue / spend : 0;
}

function rate(successes: number, trials: number): number {
  return trials > 0 ? successes / trials : 0;
}

/** p-value of H1 "rate 1 > rate 2" by the pooled two-proportion z-test. */
function oneSidedTwoProportionP(x1: number, n1: number, x2: number, n2: number): number {
  const pooled = (x1 + x2) / (n1 + n2);
  const variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2);
  if (variance <= 0) return 1;
  const z = (x1 / n1 - x2 / n2) / Math.sqrt(variance);
  return 1 - standardNormalCdf(z);
}
