import { bayesianAllocationPolicy } from '@growthhub/agents';
import { sdkController } from './sdk-controller.mts';
import { runSimulation } from './simulator.mts';
import { createWorld, SCENARIOS } from './world.mts';
const days = new Float64Array(30);
const n = 40;
for (let seed = 0; seed < n; seed++) {
  const world = createWorld(seed, SCENARIOS[0]!);
  const c = sdkController(world, 'x', bayesianAllocationPolicy(JSON.parse(process.argv[2] ?? '{}')));
  let v: any;
  runSimulation(world, { name: 'x', decide: (t, view) => { v = view; return c.decide(t, view); } });
  for (let d = 0; d < 30; d++) { let s = 0; for (let i = 0; i < 8; i++) s += v.budgets[i * 120 + d * 4]; days[d] += s / n; }
}
console.log([...days].map((x) => x.toFixed(0)).join(' '));
