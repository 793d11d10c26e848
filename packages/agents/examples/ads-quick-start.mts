import {
  bayesianAllocationPolicy,
  createAdsOptimizer,
  DEFAULT_SLOT_MS,
  enforceGuardrails,
  resolveGuardrailSettings,
} from '@growthhub/agents';
import { createEventBus, money, toMajorString } from '@growthhub/core';

// A week of six-hour reports: two Meta campaigns at 100.00 a day, two creatives each, 60.00 an order.
const launchedAt = Date.UTC(2025, 5, 2);
const week = Array.from({ length: 28 }, (_, t) => launchedAt + t * DEFAULT_SLOT_MS);
const history = week.map((start, t) => ({ start, dailyBudgetMinor: 10_000, learning: t < 8 }));
const running = { platform: 'meta', status: 'active', learning: false, launchedAt, history } as const;
const report = { share: 0.5, spendMinor: 1_250, impressions: 1_000 };
const reports = (clicks: number, conversions: number) =>
  week.map((start) => ({ start, ...report, clicks, conversions, revenueMinor: conversions * 6_000 }));
const campaign = (id: string, ...creatives: ReturnType<typeof reports>[]) => ({
  id,
  ...running,
  dailyBudget: money(10_000, 'USD'),
  creatives: creatives.map((slots, k) => ({ id: `${id}-${k}`, share: 0.5, slots })),
});
const spring = campaign('spring', reports(12, 0.5), reports(20, 1)); // clicks, conversions per slot
const basics = campaign('basics', reports(10, 0.25), reports(10, 0.5));
const account = { storeId: 'store-1', currency: 'USD', slotMs: DEFAULT_SLOT_MS, campaigns: [spring, basics] };
const snapshot = { ...account, now: launchedAt + 7 * 86_400_000, lifetimeSpent: money(140_000, 'USD') };
const guardrails = resolveGuardrailSettings({ accountDailyCap: money(30_000, 'USD') });
const usd = (minor: number) => toMajorString(money(minor, 'USD'));

// 1. A language model's proposal meets the same guardrails as any other.
const wish = { campaignId: 'spring', reason: 'quadruple it', confidence: 0.9, source: 'llm' } as const;
const llmPlan = enforceGuardrails(snapshot, [{ ...wish, dailyBudget: money(40_000, 'USD') }], guardrails);
for (const f of llmPlan.findings) console.log(`llm: ${f.rule} ${f.outcome}: ${f.reason}`);

// 2. Approval mode: the default policy proposes, a person approves.
const events = createEventBus();
events.on('approval.requested', (event) => console.log('approval.requested:', event.summary));
const policy = bayesianAllocationPolicy();
const optimizer = createAdsOptimizer({ storeId: 'store-1', policy, guardrails, mode: 'approval', events });
const run = optimizer.run(snapshot); // applies nothing: run.plan is undefined
const approved = optimizer.approve(run.approvals[0]!, snapshot, 'owner-1'); // guardrails check it again
const log = [...run.log, ...approved.log].map((e) => `${e.campaignId} ${e.decision} ${e.state}`);
console.log(`log: ${log.join(', ')}`);

// 3. Seven-day revenue forecast at other budgets, with the 80 % interval.
const request = { campaignId: 'spring', multipliers: [0.5, 1, 2] };
for (const f of policy.forecast({ snapshot, guardrails, memory: run.memory }, request)) {
  const interval = `${usd(f.revenueLowMinor!)}–${usd(f.revenueHighMinor!)}`;
  console.log(`${usd(f.dailyBudgetMinor)}/day: ${usd(f.revenueMinor)} (80 %: ${interval})`);
}
