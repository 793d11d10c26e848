import { bayesianAllocationPolicy } from '@growthhub/agents';
import { guardrailOracle, myopicOracle } from './oracles.mts';
import { sdkController } from './sdk-controller.mts';
import { type Controller, creativeValue, runSimulation } from './simulator.mts';
import { createWorld, SCENARIOS, type World } from './world.mts';

function withShares(world: World, inner: Controller, mode: 'best' | 'uniform'): Controller {
  const shares = new Float64Array(24);
  for (let i = 0; i < 8; i++) {
    let b = 0;
    for (let k = 1; k < 3; k++) if (creativeValue(world, i * 3 + k) > creativeValue(world, i * 3 + b)) b = k;
    for (let k = 0; k < 3; k++) shares[i * 3 + k] = mode === 'uniform' ? 1 / 3 : k === b ? 1 : 0;
  }
  return { name: inner.name + mode, decide: (t, v) => ({ budgets: inner.decide(t, v).budgets, shares }) };
}
const seeds = Number(process.argv[2] ?? 30);
const scen = process.argv[3] ?? 'base';
const opts = JSON.parse(process.argv[4] ?? '{}');
const acc: Record<string, number[]> = {};
for (let seed = 0; seed < seeds; seed++) {
  const world = createWorld(seed, SCENARIOS.find((s) => s.name === scen)!);
  const o = runSimulation(world, myopicOracle(world)).profit;
  const runs: Record<string, Controller> = {
    OG: guardrailOracle(world),
    OGuni: withShares(world, guardrailOracle(world), 'uniform'),
    def: sdkController(world, 'd', bayesianAllocationPolicy(opts)),
    defBest: withShares(world, sdkController(world, 'd', bayesianAllocationPolicy(opts)), 'best'),
  };
  for (const [k, c] of Object.entries(runs)) (acc[k] ??= []).push(runSimulation(world, c).profit / o);
}
console.log(Object.entries(acc).map(([k, v]) => `${k}=${(v.reduce((a, b) => a + b) / v.length).toFixed(3)}`).join(' '));
