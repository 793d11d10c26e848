import { createEventBus, type GrowthEventName, money, ValidationError } from '@growthhub/core';
import { describe, expect, it } from 'vitest';
import {
  type AdsPolicy,
  approveApprovalRequest,
  createAdsOptimizer,
  DEFAULT_SLOT_MS,
  expireApprovalRequest,
  rejectApprovalRequest,
} from '../../src/ads/index';
import { accountFixture, usdGuardrails } from './account-fixture';

const RATES = { ctr: [0.01, 0.012, 0.009], cvr: [0.03, 0.03, 0.03] };

/** A policy that always proposes the same thing: +50 % on campaign-0 and a pause of campaign-1. */
const eagerPolicy: AdsPolicy<number> = {
  name: 'eagerPolicy',
  decide: ({ snapshot, memory }) => ({
    proposals: [
      {
        campaignId: 'campaign-0',
        dailyBudget: money(Math.round(snapshot.campaigns[0]!.dailyBudget.amountMinor * 1.5), 'USD'),
        reason: 'scale the winner',
        confidence: 0.8,
        source: 'policy',
      },
      { campaignId: 'campaign-1', status: 'paused', reason: 'weak', confidence: 0.7, source: 'policy' },
    ],
    memory: (memory ?? 0) + 1,
  }),
  forecast: () => [],
};

function account(learning = false) {
  return accountFixture({
    campaigns: [
      { budgets: 10_000, ...RATES },
      { budgets: 10_000, ...RATES, learning },
    ],
    slots: 24,
  });
}

function recordEvents() {
  const events = createEventBus();
  const seen: { name: GrowthEventName; payload: unknown }[] = [];
  for (const name of [
    'guardrail.blocked',
    'approval.requested',
    'approval.resolved',
    'campaign.optimized',
    'campaign.paused',
  ] as const) {
    events.on(name, (payload: unknown) => seen.push({ name, payload }));
  }
  return { events, seen };
}

let counter = 0;
const newId = () => `id-${++counter}`;

describe('approval requests', () => {
  const optimizer = createAdsOptimizer({
    storeId: 'store-1',
    policy: eagerPolicy,
    guardrails: usdGuardrails(1_000_000),
    mode: 'approval',
    newId,
  });

  it('moves pending → approved, and a decided request never moves again', () => {
    const [request] = optimizer.run(account()).approvals;
    const now = account().now + 3_600_000;
    const approved = approveApprovalRequest(request!, 'ana', now);
    expect(approved).toMatchObject({ state: 'approved', decidedBy: 'ana' });
    expect(() => approveApprovalRequest(approved, 'ana', now)).toThrow(ValidationError);
    expect(() => rejectApprovalRequest(approved, 'bob', now)).toThrow(
      /only a pending request can be rejected/,
    );
    expect(expireApprovalRequest(approved, now + 10 * 86_400_000)).toBe(approved);
  });

  it('moves pending → rejected with the reviewer and note', () => {
    const [request] = optimizer.run(account()).approvals;
    const rejected = rejectApprovalRequest(request!, 'bob', account().now, 'not this week');
    expect(rejected).toMatchObject({ state: 'rejected', decidedBy: 'bob', note: 'not this week' });
    expect(() => approveApprovalRequest(rejected, 'ana', account().now)).toThrow(/is rejected/);
  });

  it('moves pending → expired once its time is up, and an expired request cannot be approved', () => {
    const [request] = optimizer.run(account()).approvals;
    const later = Date.parse(request!.expiresAt);
    expect(expireApprovalRequest(request!, later - 1)).toBe(request);
    expect(expireApprovalRequest(request!, later).state).toBe('expired');
    expect(() => approveApprovalRequest(request!, 'ana', later)).toThrow(/expired/);
  });
});

describe('createAdsOptimizer', () => {
  it('in approval mode applies nothing, opens one request per campaign and announces it', () => {
    const { events, seen } = recordEvents();
    const optimizer = createAdsOptimizer({
      storeId: 'store-1',
      policy: eagerPolicy,
      guardrails: usdGuardrails(1_000_000),
      mode: 'approval',
      events,
      newId,
    });
    const run = optimizer.run(account());
    expect(run.plan).toBeUndefined();
    expect(run.memory).toBe(1);
    expect(run.approvals.map((request) => request.campaignId)).toEqual(['campaign-0', 'campaign-1']);
    expect(run.approvals[0]?.preview.after.dailyBudget).toEqual(money(12_000, 'USD'));
    expect(seen.filter((event) => event.name === 'approval.requested')).toHaveLength(2);
    const pending = run.log.filter((entry) => entry.state === 'pending');
    expect(pending.map((entry) => entry.approvalId)).toEqual([run.approvals[0]?.id, run.approvals[1]?.id]);
    expect(run.log.find((entry) => entry.state === 'blocked')).toMatchObject({
      decision: 'increase_budget',
      guardrail: { rule: 'max_budget_change' },
      before: { kind: 'budget', amount: money(12_000, 'USD') },
      after: { kind: 'budget', amount: money(15_000, 'USD') },
    });
  });

  it('re-checks the guardrails when a request is approved, against the account as it is then', () => {
    const optimizer = createAdsOptimizer({
      storeId: 'store-1',
      policy: eagerPolicy,
      guardrails: usdGuardrails(1_000_000),
      mode: 'approval',
      newId,
    });
    const pause = optimizer
      .run(account(false))
      .approvals.find((request) => request.campaignId === 'campaign-1')!;
    expect(pause.preview.after.status).toBe('paused');
    // By approval time the platform put campaign-1 back into learning: the pause is now refused.
    const later = { ...account(true), now: account().now + DEFAULT_SLOT_MS };
    const outcome = optimizer.approve(pause, later, 'ana');
    expect(outcome.request.state).toBe('approved');
    expect(outcome.plan.actions[0]?.after.status).toBe('active');
    expect(outcome.plan.findings[0]).toMatchObject({ rule: 'learning_phase', outcome: 'refused' });
    expect(outcome.log.map((entry) => entry.state)).toContain('blocked');
  });

  it('in dry-run mode only logs', () => {
    const optimizer = createAdsOptimizer({
      storeId: 'store-1',
      policy: eagerPolicy,
      guardrails: usdGuardrails(1_000_000),
      mode: 'dry-run',
      newId,
    });
    const run = optimizer.run(account());
    expect(run.plan).toBeUndefined();
    expect(run.approvals).toEqual([]);
    expect(run.log.filter((entry) => entry.state === 'pending').map((entry) => entry.decision)).toEqual([
      'increase_budget',
      'pause_campaign',
    ]);
  });

  it('in autopilot mode returns the guarded plan, logs before/after values and emits the events', () => {
    const { events, seen } = recordEvents();
    const optimizer = createAdsOptimizer({
      storeId: 'store-1',
      policy: eagerPolicy,
      guardrails: usdGuardrails(1_000_000),
      mode: 'autopilot',
      events,
      newId,
    });
    const run = optimizer.run(account());
    expect(run.plan?.actions.map((action) => action.after.status)).toEqual(['active', 'paused']);
    expect(
      run.log.find((entry) => entry.decision === 'increase_budget' && entry.state === 'applied'),
    ).toMatchObject({
      before: { kind: 'budget', amount: money(10_000, 'USD') },
      after: { kind: 'budget', amount: money(12_000, 'USD') },
      reason: 'scale the winner',
      confidence: 0.8,
      policy: 'eagerPolicy',
      mode: 'autopilot',
    });
    expect(seen.map((event) => event.name)).toEqual([
      'guardrail.blocked',
      'campaign.optimized',
      'campaign.optimized',
      'campaign.paused',
    ]);
    expect(seen[0]?.payload).toMatchObject({ rule: 'max_budget_change', requested: money(15_000, 'USD') });
  });

  it('rejects a malformed snapshot with a ValidationError naming the field', () => {
    const optimizer = createAdsOptimizer({
      storeId: 'store-1',
      policy: eagerPolicy,
      guardrails: usdGuardrails(1_000_000),
      mode: 'autopilot',
    });
    const broken = { ...account(), currency: 'EUR' };
    expect(() => optimizer.run(broken)).toThrow(/snapshot\.lifetimeSpent/);
  });
});
