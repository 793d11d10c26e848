import { bayesianAllocationPolicy } from '@growthhub/agents';
import { sdkController } from './sdk-controller.mts';
import { creativeValue, runSimulation } from './simulator.mts';
import { createWorld, SCENARIOS } from './world.mts';
let count = 0;
for (let seed = 0; seed < 10; seed++) {
  const world = createWorld(seed, SCENARIOS[0]!);
  const c = sdkController(world, 'd', bayesianAllocationPolicy());
  let lastView: any;
  const wrapped = { name: 'x', decide: (t: number, v: any) => { lastView = v; return c.decide(t, v); } };
  const r = runSimulation(world, wrapped);
  r.wrongWinner.forEach((w, i) => {
    if (!w) return;
    count++;
    const vals = [0, 1, 2].map((k) => creativeValue(world, i * 3 + k).toFixed(4));
    const sh = [0, 1, 2].map((k) => lastView.shares[(i * 3 + k) * 120 + 119].toFixed(3));
    const b = lastView.budgets[i * 120 + 119];
    console.log(seed, i, 'vals', vals.join(','), 'shares', sh.join(','), 'budget', b.toFixed(1));
  });
}
console.log(count);
