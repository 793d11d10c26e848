import { money, ValidationError } from '@growthhub/core';
import { describe, expect, it } from 'vitest';
import { type AdsPolicy, createAdsOptimizer } from '../../src/ads/index';
import { accountFixture, usdGuardrails } from './account-fixture';

const RATES = { ctr: [0.01, 0.012, 0.009], cvr: [0.03, 0.03, 0.03] };

/** Always asks for +50 % on campaign-0; the default Meta rule (+20 % per window) clips it to +20 %. */
const scaleUp: AdsPolicy<number> = {
  name: 'scaleUp',
  decide: ({ snapshot }) => ({
    proposals: [
      {
        campaignId: 'campaign-0',
        dailyBudget: money(Math.round(snapshot.campaigns[0]!.dailyBudget.amountMinor * 1.5), 'USD'),
        reason: 'scale the winner',
        confidence: 0.8,
        source: 'policy',
      },
    ],
    memory: 0,
  }),
  forecast: () => [],
};

function account() {
  return accountFixture({ campaigns: [{ budgets: 10_000, ...RATES }], slots: 24 });
}

function optimizer(guardrails = usdGuardrails(1_000_000), storeId = 'store-1') {
  let counter = 0;
  return createAdsOptimizer({
    storeId,
    policy: scaleUp,
    guardrails,
    mode: 'approval',
    newId: () => `id-${++counter}`,
  });
}

describe('approving a request applies at most what its preview showed', () => {
  it('caps the change at the preview even when the guardrails would now allow more', () => {
    const [request] = optimizer().run(account()).approvals;
    expect(request?.preview.after.dailyBudget).toEqual(money(12_000, 'USD'));
    // The host loosened the rise limit between the preview and the approval.
    const loose = optimizer(usdGuardrails(1_000_000, { platforms: { meta: { maxIncreaseBps: 10_000 } } }));
    const outcome = loose.approve(request!, account(), 'ana');
    expect(outcome.request.state).toBe('approved');
    expect(outcome.plan.actions[0]?.after.dailyBudget).toEqual(money(12_000, 'USD'));
  });

  it('rejects as stale, with the reason logged, a request whose campaign changed since the preview', () => {
    const first = optimizer();
    const [request] = first.run(account()).approvals;
    // An earlier approval already raised the budget the preview started from (10 000 → 12 000).
    const raised = account();
    const later = {
      ...raised,
      campaigns: raised.campaigns.map((campaign) => ({ ...campaign, dailyBudget: money(12_000, 'USD') })),
    };
    const outcome = first.approve(request!, later, 'ana');
    expect(outcome.request.state).toBe('rejected');
    expect(outcome.request.note).toMatch(/^stale: campaign campaign-0 changed since the preview/);
    expect(outcome.plan.actions).toEqual([]);
    expect(outcome.log.map((entry) => [entry.state, entry.reason])).toEqual([
      ['rejected', outcome.request.note],
    ]);
  });

  it('refuses to approve or reject a request of another store', () => {
    const [request] = optimizer(usdGuardrails(1_000_000), 'store-2').run(account()).approvals;
    const mine = optimizer();
    expect(() => mine.approve(request!, account(), 'ana')).toThrow(ValidationError);
    expect(() => mine.approve(request!, account(), 'ana')).toThrow(/belongs to store store-2/);
    expect(() => mine.reject(request!, 'ana', account().now)).toThrow(/belongs to store store-2/);
  });
});
