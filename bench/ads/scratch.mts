import { guardrailOracle, myopicOracle, uniformPolicy } from './oracles.mts';
import { seedReading } from './seed-reading.mts';
import { runSimulation } from './simulator.mts';
import { createWorld, SCENARIOS } from './world.mts';

const seeds = Number(process.argv[2] ?? 50);
const started = Date.now();
for (const scenario of SCENARIOS) {
  const sums: Record<string, number[]> = {};
  for (let seed = 0; seed < seeds; seed += 1) {
    const world = createWorld(seed, scenario);
    const oStar = runSimulation(world, myopicOracle(world));
    const controllers = [
      guardrailOracle(world), uniformPolicy(world),
      seedReading(world, 'a', { creativeTest: 'conversions' }),
      seedReading(world, "a'", { creativeTest: 'ctr' }),
      seedReading(world, 'b', { budgetRules: true }),
      seedReading(world, 'c', { allocation: true }),
      seedReading(world, 'a+b', { creativeTest: 'conversions', budgetRules: true }),
      seedReading(world, 'a+c', { creativeTest: 'conversions', allocation: true }),
      seedReading(world, 'a+b+c', { creativeTest: 'conversions', budgetRules: true, allocation: true }),
    ];
    for (const c of controllers) {
      const r = runSimulation(world, c);
      (sums[c.name] ??= []).push(r.profit / oStar.profit);
    }
  }
  const line = Object.entries(sums).map(([k, v]) => `${k}=${(v.reduce((a, b) => a + b, 0) / v.length).toFixed(3)}`).join(' ');
  console.log(scenario.name, line);
}
console.log('ms', Date.now() - started);
