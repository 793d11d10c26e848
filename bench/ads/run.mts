/**
 * The ads optimisation benchmark: every policy through the same simulator, every scenario, seeds 0–199.
 *
 *   pnpm --filter @growthhub/bench ads              # full run, writes bench/ads/RESULTS.md
 *   pnpm --filter @growthhub/bench ads --seeds 20   # quick run, prints only (add --write to write)
 *
 * Needs `@growthhub/agents` built (`pnpm build` at the root).
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { bayesianAllocationPolicy, seedRulesPolicy } from '@growthhub/agents';
import { guardrailOracle, myopicOracle, uniformPolicy } from './oracles.mts';
import { type PolicyRuns, renderResults, type ScenarioRuns } from './report.mts';
import { sdkController } from './sdk-controller.mts';
import { seedReading } from './seed-reading.mts';
import { type Controller, type RunResult, runSimulation } from './simulator.mts';
import { createWorld, SCENARIOS, type World } from './world.mts';

/** Every policy of the table, in order. `reference` policies run raw; `sdk` ones behind the guardrails. */
const POLICIES: readonly {
  id: string;
  kind: 'oracle' | 'reference' | 'sdk';
  make: (world: World) => Controller;
}[] = [
  { id: 'O_G', kind: 'oracle', make: guardrailOracle },
  { id: 'B0 uniform', kind: 'reference', make: uniformPolicy },
  {
    id: 'seed (a)',
    kind: 'reference',
    make: (w) => seedReading(w, 'seed (a)', { creativeTest: 'conversions' }),
  },
  { id: "seed (a')", kind: 'reference', make: (w) => seedReading(w, "seed (a')", { creativeTest: 'ctr' }) },
  { id: 'seed (b)', kind: 'reference', make: (w) => seedReading(w, 'seed (b)', { budgetRules: true }) },
  { id: 'seed (c)', kind: 'reference', make: (w) => seedReading(w, 'seed (c)', { allocation: true }) },
  {
    id: 'seed (a+b)',
    kind: 'reference',
    make: (w) => seedReading(w, 'seed (a+b)', { creativeTest: 'conversions', budgetRules: true }),
  },
  {
    id: 'seed (a+c)',
    kind: 'reference',
    make: (w) => seedReading(w, 'seed (a+c)', { creativeTest: 'conversions', allocation: true }),
  },
  {
    id: 'seed-full (a+b+c)',
    kind: 'reference',
    make: (w) =>
      seedReading(w, 'seed-full (a+b+c)', {
        creativeTest: 'conversions',
        budgetRules: true,
        allocation: true,
      }),
  },
  {
    id: 'seedRulesPolicy (SDK)',
    kind: 'sdk',
    make: (w) => sdkController(w, 'seedRulesPolicy', seedRulesPolicy()),
  },
  {
    id: 'default: bayesianAllocationPolicy',
    kind: 'sdk',
    make: (w) => sdkController(w, 'bayesianAllocationPolicy', bayesianAllocationPolicy()),
  },
];

const options = parseArguments(process.argv.slice(2));
const started = performance.now();
const scenarios: ScenarioRuns[] = [];
for (const scenario of SCENARIOS) {
  if (options.scenarios && !options.scenarios.includes(scenario.name)) continue;
  const oracle: RunResult[] = [];
  const byPolicy = new Map<string, RunResult[]>(POLICIES.map((policy) => [policy.id, []]));
  for (let seed = 0; seed < options.seeds; seed += 1) {
    const world = createWorld(seed, scenario);
    oracle.push(runSimulation(world, myopicOracle(world)));
    for (const policy of POLICIES) byPolicy.get(policy.id)!.push(runSimulation(world, policy.make(world)));
  }
  const policies: PolicyRuns[] = POLICIES.map((policy) => ({
    id: policy.id,
    kind: policy.kind,
    runs: byPolicy.get(policy.id)!,
  }));
  scenarios.push({ scenario, oracle, policies });
  process.stdout.write(`${scenario.name}: ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}
const seconds = (performance.now() - started) / 1000;
const markdown = renderResults(scenarios, {
  seeds: options.seeds,
  seconds,
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`,
});
process.stdout.write(`${markdown}\n`);
if (options.write) {
  writeFileSync(new URL('./RESULTS.md', import.meta.url), markdown);
  process.stdout.write('wrote bench/ads/RESULTS.md\n');
}

function parseArguments(argv: string[]): { seeds: number; write: boolean; scenarios?: string[] } {
  let seeds = 200;
  let write: boolean | undefined;
  let scenarioList: string[] | undefined;
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index]!;
    if (argument === '--seeds') seeds = Number(argv[++index]);
    else if (argument === '--write') write = true;
    else if (argument === '--scenarios') scenarioList = argv[++index]!.split(',');
    else if (argument !== '--')
      throw new Error(`unknown argument ${argument}; use --seeds N, --scenarios a,b, --write`);
  }
  if (!Number.isInteger(seeds) || seeds < 1 || seeds > 200)
    throw new Error('--seeds takes an integer from 1 to 200');
  return {
    seeds,
    write: write ?? (seeds === 200 && scenarioList === undefined),
    ...(scenarioList ? { scenarios: scenarioList } : {}),
  };
}
