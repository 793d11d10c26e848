import { money } from '@growthhub/core';
import { describe, expect, it } from 'vitest';
import { assertGuardedPlan, enforceGuardrails } from '../../src/ads/index';
import { accountFixture, usdGuardrails } from './account-fixture';

const RATES = { ctr: [0.01, 0.012, 0.009], cvr: [0.03, 0.03, 0.03] };

describe('GuardedPlan', () => {
  it('cannot be changed after the guardrails checked it, not even its nested budget or shares', () => {
    const snapshot = accountFixture({ campaigns: [{ budgets: 10_000, ...RATES }], slots: 24 });
    const plan = enforceGuardrails(
      snapshot,
      [{ campaignId: 'campaign-0', dailyBudget: money(40_000, 'USD'), reason: 'scale', confidence: 0.9 }],
      usdGuardrails(1_000_000),
    );
    const action = plan.actions[0]!;
    expect(action.after.dailyBudget).toEqual(money(12_000, 'USD'));

    expect(() => {
      action.after.dailyBudget.amountMinor = 40_000;
    }).toThrow(TypeError);
    expect(() => {
      (action.after.creativeShares as Record<string, number>)['creative-0-0'] = 1;
    }).toThrow(TypeError);
    expect(() => {
      (action.decisions as string[]).push('pause_campaign');
    }).toThrow(TypeError);

    assertGuardedPlan(plan);
    expect(plan.actions[0]?.after.dailyBudget).toEqual(money(12_000, 'USD'));
    // The caller's snapshot is not frozen along with the plan.
    expect(Object.isFrozen(snapshot.campaigns[0]!.dailyBudget)).toBe(false);
  });
});
