import { type AdsPolicy, allocateBudgets, budgetLimits, bayesianAllocationPolicy } from '@growthhub/agents';
import { money } from '@growthhub/core';
import { guardrailOracle, myopicOracle } from './oracles.mts';
import { sdkController } from './sdk-controller.mts';
import { creativeValue, runSimulation } from './simulator.mts';
import { createWorld, SCENARIOS, type World } from './world.mts';

function truthPolicy(world: World, bestShares: boolean): AdsPolicy<null> {
  return {
    name: 'truth',
    forecast: () => [],
    decide({ snapshot, guardrails }) {
      if ((snapshot.now / 21600000) % 4 !== 0) return { proposals: [], memory: null };
      const inputs = snapshot.campaigns.map((c, i) => {
        const lim = budgetLimits(c, snapshot.now, snapshot.slotMs, guardrails);
        let best = 0;
        for (let k = 1; k < 3; k++) if (creativeValue(world, i * 3 + k) > creativeValue(world, i * 3 + best)) best = k;
        const shares = c.creatives.map((cr, k) => (bestShares ? (k === best ? 0.96 : 0.02) : cr.share));
        let v = 0;
        shares.forEach((s, k) => (v += s * creativeValue(world, i * 3 + k)));
        const a = (v * 1000) / world.cpm[i]!;
        const S = world.saturation[i]! * 100;
        return { shares, input: { campaignId: c.id, revenue: (b: number) => a * S * (1 - Math.exp(-b / S)), marginalRoas: (b: number) => a * Math.exp(-b / S), currentMinor: c.dailyBudget.amountMinor, minMinor: lim.minMinor, maxMinor: lim.maxMinor } };
      });
      const alloc = allocateBudgets(inputs.map((x) => x.input), guardrails.settings.accountDailyCap.amountMinor);
      return {
        memory: null,
        proposals: snapshot.campaigns.map((c, i) => ({ campaignId: c.id, dailyBudget: money(alloc.budgets.get(c.id)!, 'USD'), creativeShares: Object.fromEntries(c.creatives.map((cr, k) => [cr.id, inputs[i]!.shares[k]!])), reason: 'truth', confidence: 1, source: 'policy' as const })),
      };
    },
  };
}
const seeds = Number(process.argv[2] ?? 30);
const scen = process.argv[3] ?? 'base';
const acc: Record<string, number[]> = {};
for (let seed = 0; seed < seeds; seed++) {
  const world = createWorld(seed, SCENARIOS.find((s) => s.name === scen)!);
  const o = runSimulation(world, myopicOracle(world)).profit;
  const runs = {
    OG: guardrailOracle(world),
    truthBest: sdkController(world, 't', truthPolicy(world, true)),
    truthUniform: sdkController(world, 't', truthPolicy(world, false)),
  };
  for (const [k, c] of Object.entries(runs)) (acc[k] ??= []).push(runSimulation(world, c).profit / o);
}
console.log(scen, Object.entries(acc).map(([k, v]) => `${k}=${(v.reduce((a, b) => a + b) / v.length).toFixed(3)}`).join(' '));
// wrapper: bayesian budgets, truth creative shares
function truthShares(world: World, opts: object): AdsPolicy<unknown> {
  const inner = bayesianAllocationPolicy(opts) as AdsPolicy<unknown>;
  return {
    name: 'x', forecast: inner.forecast,
    decide(ctx) {
      const d = inner.decide(ctx);
      return { memory: d.memory, proposals: d.proposals.map((p) => {
        const i = Number(p.campaignId.split('-')[1]);
        let best = 0;
        for (let k = 1; k < 3; k++) if (creativeValue(world, i * 3 + k) > creativeValue(world, i * 3 + best)) best = k;
        return { ...p, creativeShares: Object.fromEntries([0, 1, 2].map((k) => [`${p.campaignId}-creative-${k}`, k === best ? 0.98 : 0.01])) };
      }) };
    },
  };
}
const acc2: Record<string, number[]> = {};
const O = JSON.parse(process.argv[4] ?? '{}');
for (let seed = 0; seed < seeds; seed++) {
  const world = createWorld(seed, SCENARIOS.find((s) => s.name === scen)!);
  const o = runSimulation(world, myopicOracle(world)).profit;
  (acc2.bayesTruthShares ??= []).push(runSimulation(world, sdkController(world, 'x', truthShares(world, O))).profit / o);
  (acc2.bayes ??= []).push(runSimulation(world, sdkController(world, 'x', bayesianAllocationPolicy(O))).profit / o);
}
console.log(scen, Object.entries(acc2).map(([k, v]) => `${k}=${(v.reduce((a, b) => a + b) / v.length).toFixed(3)}`).join(' '));
