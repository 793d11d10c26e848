/**
 * The two clairvoyant references (spec §4.6) and the uniform baseline B0 (§4.7).
 *
 * Both oracles know the hidden parameters and act once a day (slot 0 of each day); they run through the
 * same simulator and scorer as every policy, so the world's rules (learning after launch and after
 * significant edits, the weekday factor) apply to them too. "Current best creative" uses the CTR after
 * fatigue from the realised impressions so far and the CVR after the shock.
 */
import type { Controller, RunView, SlotAction } from './simulator.mts';
import {
  budgetAtMarginal,
  CAMPAIGNS,
  CREATIVES,
  fatigueFactor,
  SLOTS,
  SLOTS_PER_DAY,
  shockFactor,
  type World,
} from './world.mts';

const N = CAMPAIGNS;
const K = CREATIVES;
const T = SLOTS;

/** O*: each day, the best creative and b_i = S_i·max(0, ln(a_i/λ)) with λ = 1 or Σb = B_day. */
export function myopicOracle(world: World): Controller {
  const budgets = new Float64Array(N);
  const shares = new Float64Array(N * K);
  return {
    name: 'O*',
    decide(t, view) {
      if (t % SLOTS_PER_DAY === 0) {
        const slopes = bestCreatives(world, view, t, shares);
        const lower = new Float64Array(N);
        const upper = new Float64Array(N).fill(Number.POSITIVE_INFINITY);
        waterFill(world, slopes, lower, upper, view.dailyCap, budgets);
      }
      return { budgets, shares };
    },
  };
}

/** O_G: as O*, from uniform budgets, each day clipped to [max(10, 0.8·b_prev), max(10, 1.2·b_prev)]; no pauses. */
export function guardrailOracle(world: World): Controller {
  const budgets = new Float64Array(N).fill(world.scenario.dailyCap / N);
  const shares = new Float64Array(N * K);
  return {
    name: 'O_G',
    decide(t, view) {
      if (t % SLOTS_PER_DAY === 0) {
        const slopes = bestCreatives(world, view, t, shares);
        if (t > 0) {
          const lower = new Float64Array(N);
          const upper = new Float64Array(N);
          for (let i = 0; i < N; i += 1) {
            lower[i] = Math.max(10, 0.8 * budgets[i]!);
            upper[i] = Math.max(10, 1.2 * budgets[i]!);
          }
          waterFill(world, slopes, lower, upper, view.dailyCap, budgets);
        }
      }
      return { budgets, shares };
    },
  };
}

/** B0: uniform budgets and shares, never changed. */
export function uniformPolicy(world: World): Controller {
  const action: SlotAction = {
    budgets: new Float64Array(N).fill(world.scenario.dailyCap / N),
    shares: new Float64Array(N * K).fill(1 / K),
  };
  return { name: 'B0 uniform', decide: () => action };
}

/** Sets `shares` to the current best creative of each campaign and returns each campaign's a_i. */
function bestCreatives(world: World, view: RunView, t: number, shares: Float64Array): Float64Array {
  const day = Math.floor(t / SLOTS_PER_DAY);
  const slopes = new Float64Array(N);
  for (let i = 0; i < N; i += 1) {
    let best = -1;
    let bestValue = -1;
    for (let k = 0; k < K; k += 1) {
      const ik = i * K + k;
      let impressions = 0;
      for (let tau = 0; tau < t; tau += 1) impressions += view.impressions[ik * T + tau]!;
      const value = world.ctr[ik]! * fatigueFactor(world, ik, impressions) * world.cvr[ik]!;
      if (value > bestValue) {
        bestValue = value;
        best = k;
      }
    }
    for (let k = 0; k < K; k += 1) shares[i * K + k] = k === best ? 1 : 0;
    slopes[i] = (bestValue * shockFactor(world, i, day) * world.aov[i]! * 1000) / world.cpm[i]!;
  }
  return slopes;
}

/**
 * Maximises Σ R_i(b_i) − b_i subject to Σb ≤ cap and lower ≤ b ≤ upper: b_i(λ) = clip(the budget where
 * marginal ROAS is λ), i.e. S_i·max(0, ln(a_i/λ)) on the spec's curve, with λ = 1 when that fits under
 * the cap, else the λ that fills it.
 */
function waterFill(
  world: World,
  slopes: Float64Array,
  lower: Float64Array,
  upper: Float64Array,
  cap: number,
  out: Float64Array,
): void {
  const at = (lambda: number): number => {
    let total = 0;
    for (let i = 0; i < N; i += 1) {
      const free = budgetAtMarginal(world, i, slopes[i]!, lambda);
      out[i] = Math.min(upper[i]!, Math.max(lower[i]!, free));
      total += out[i]!;
    }
    return total;
  };
  if (at(1) <= cap) return;
  let low = 0;
  let high = 1;
  while (at(Math.exp(high)) > cap) high *= 2;
  for (let step = 0; step < 100; step += 1) {
    const middle = (low + high) / 2;
    if (at(Math.exp(middle)) > cap) low = middle;
    else high = middle;
  }
  const total = at(Math.exp(high));
  if (total > cap) for (let i = 0; i < N; i += 1) out[i] = (out[i]! * cap) / total;
}
