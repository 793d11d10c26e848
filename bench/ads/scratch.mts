import { bayesianAllocationPolicy } from '@growthhub/agents';
import { guardrailOracle, myopicOracle } from './oracles.mts';
import { sdkController } from './sdk-controller.mts';
import { seedReading } from './seed-reading.mts';
import { runSimulation } from './simulator.mts';
import { createWorld, SCENARIOS } from './world.mts';

const seeds = Number(process.argv[2] ?? 50);
const only = process.argv[3];
const opts = JSON.parse(process.argv[4] ?? '{}');
const started = Date.now();
for (const scenario of SCENARIOS) {
  if (only && only !== 'all' && !only.split(',').includes(scenario.name)) continue;
  const rho: Record<string, number[]> = {};
  const extra: Record<string, number[]> = {};
  const push = (m: Record<string, number[]>, k: string, v: number) => (m[k] ??= []).push(v);
  for (let seed = 0; seed < seeds; seed += 1) {
    const world = createWorld(seed, scenario);
    const oStar = runSimulation(world, myopicOracle(world));
    const oG = runSimulation(world, guardrailOracle(world));
    const seedFull = runSimulation(
      world,
      seedReading(world, 'a+b+c', { creativeTest: 'conversions', budgetRules: true, allocation: true }),
    );
    const r = runSimulation(world, sdkController(world, 'default', bayesianAllocationPolicy(opts)));
    push(rho, 'OG', oG.profit / oStar.profit);
    push(rho, 'seed', seedFull.profit / oStar.profit);
    push(rho, 'def', r.profit / oStar.profit);
    push(extra, 'rhoG', r.profit / oG.profit);
    push(extra, 'win', r.profit > seedFull.profit ? 1 : 0);
    push(extra, 'viol', r.violations.s1 + r.violations.s2 + r.violations.s3 + r.violations.s4);
    push(extra, 'ww', r.wrongWinner.filter(Boolean).length / r.wrongWinner.length);
    push(extra, 'minShareLt0.2', r.minFinalShare.filter((s) => s < 0.2 - 1e-9).length / 8);
    const f = r.forecasts.filter((p) => p.multiplier <= 2);
    if (f.length) {
      push(extra, 'mape', f.reduce((a, p) => a + Math.abs(p.mean - p.truth) / p.truth, 0) / f.length);
      push(extra, 'cov', f.filter((p) => p.low! <= p.truth && p.truth <= p.high!).length / f.length);
    }
    push(extra, 'paused', r.campaignPaused.filter(Boolean).length / 8);
    push(extra, 'spendUtil', r.spend / scenario.lifetimeCap);
  }
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const p10 = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(0.1 * v.length)]!;
  console.log(
    scenario.name,
    Object.entries(rho)
      .map(([k, v]) => `${k}=${mean(v).toFixed(3)}/${p10(v).toFixed(3)}`)
      .join(' '),
    Object.entries(extra)
      .map(([k, v]) => `${k}=${mean(v).toFixed(3)}`)
      .join(' '),
  );
}
console.log('ms', Date.now() - started);
