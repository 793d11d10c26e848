import { GuardrailError, money } from '@growthhub/core';
import { describe, expect, it } from 'vitest';
import {
  type AdsAccountSnapshot,
  assertGuardedPlan,
  CampaignProposalSchema,
  type CampaignSnapshot,
  createSeededRandom,
  DEFAULT_SLOT_MS,
  enforceGuardrails,
  GuardedPlan,
  resolveGuardrailSettings,
} from '../../src/ads/index';
import { accountFixture, usdGuardrails } from './account-fixture';

const DAY = 86_400_000;
const RATES = { ctr: [0.01, 0.012, 0.009], cvr: [0.03, 0.03, 0.03] };

describe('enforceGuardrails', () => {
  it("clips a language model's +300 % budget to +20 % a day on Meta", () => {
    const snapshot = accountFixture({ campaigns: [{ budgets: 10_000, ...RATES }], slots: 24 });
    const proposal = CampaignProposalSchema.parse({
      campaignId: 'campaign-0',
      dailyBudget: money(40_000, 'USD'),
      reason: 'ROAS looks great, quadruple it',
      confidence: 0.9,
      source: 'llm',
    });

    const plan = enforceGuardrails(snapshot, [proposal], usdGuardrails(1_000_000));

    expect(plan.actions[0]?.after.dailyBudget).toEqual(money(12_000, 'USD'));
    expect(plan.actions[0]?.decisions).toContain('increase_budget');
    expect(plan.findings).toEqual([
      expect.objectContaining({
        rule: 'max_budget_change',
        outcome: 'clipped',
        requested: money(40_000, 'USD'),
        allowed: money(12_000, 'USD'),
      }),
    ]);
  });

  it('caps a raise at +100.00 a day even where 20 % would be more', () => {
    const snapshot = accountFixture({ campaigns: [{ budgets: 80_000, ...RATES }], slots: 24 });
    const plan = enforceGuardrails(
      snapshot,
      [{ campaignId: 'campaign-0', dailyBudget: money(120_000, 'USD'), reason: 'scale', confidence: 1 }],
      usdGuardrails(1_000_000),
    );
    expect(plan.actions[0]?.after.dailyBudget.amountMinor).toBe(90_000);
  });

  it('keeps a new budget within 20 % of every budget in force during the last 24 hours', () => {
    // Raised from 100.00 to 120.00 two slots ago: a second +20 % now would be +44 % on yesterday.
    const budgets = [...new Array<number>(22).fill(10_000), 12_000, 12_000];
    const snapshot = accountFixture({ campaigns: [{ budgets, ...RATES }], slots: 24 });
    const plan = enforceGuardrails(
      snapshot,
      [{ campaignId: 'campaign-0', dailyBudget: money(14_400, 'USD'), reason: 'again', confidence: 1 }],
      usdGuardrails(1_000_000),
    );
    expect(plan.actions[0]?.after.dailyBudget.amountMinor).toBe(12_000);
  });

  it('refuses to pause a campaign during its learning phase', () => {
    const snapshot = accountFixture({
      campaigns: [{ budgets: 10_000, ...RATES, learning: true }],
      slots: 24,
    });
    const plan = enforceGuardrails(
      snapshot,
      [{ campaignId: 'campaign-0', status: 'paused', reason: 'poor ROAS', confidence: 0.8 }],
      usdGuardrails(1_000_000),
    );
    expect(plan.actions[0]?.after.status).toBe('active');
    expect(plan.findings).toEqual([expect.objectContaining({ rule: 'learning_phase', outcome: 'refused' })]);
  });

  it('holds budgets still during learning when a platform is set to freeze them', () => {
    const snapshot = accountFixture({
      campaigns: [{ budgets: 10_000, ...RATES, learning: true }],
      slots: 24,
    });
    const proposal = {
      campaignId: 'campaign-0',
      dailyBudget: money(11_000, 'USD'),
      reason: 'small step',
      confidence: 1,
    };
    expect(
      enforceGuardrails(snapshot, [proposal], usdGuardrails(1_000_000)).actions[0]?.after.dailyBudget
        .amountMinor,
    ).toBe(11_000);
    const strict = usdGuardrails(1_000_000, { platforms: { meta: { freezeBudgetDuringLearning: true } } });
    const plan = enforceGuardrails(snapshot, [proposal], strict);
    expect(plan.actions[0]?.after.dailyBudget.amountMinor).toBe(10_000);
    expect(plan.findings[0]).toMatchObject({ rule: 'learning_phase', outcome: 'clipped' });
  });

  it('refuses to pause a creative before the campaign is three days old', () => {
    const snapshot = accountFixture({ campaigns: [{ budgets: 10_000, ...RATES }], slots: 8 });
    const plan = enforceGuardrails(
      snapshot,
      [
        {
          campaignId: 'campaign-0',
          creativeShares: {
            'campaign-0-creative-0': 0,
            'campaign-0-creative-1': 0.5,
            'campaign-0-creative-2': 0.5,
          },
          reason: 'creative 0 is weak',
          confidence: 0.6,
        },
      ],
      usdGuardrails(1_000_000),
    );
    expect(plan.actions[0]?.after.creativeShares['campaign-0-creative-0']).toBeGreaterThan(0);
    expect(plan.findings).toEqual([
      expect.objectContaining({
        rule: 'min_evidence',
        subject: { kind: 'creative', id: 'campaign-0-creative-0' },
      }),
    ]);
  });

  it('freezes budgets until the campaign has a day of delivery and 50.00 of spend', () => {
    const snapshot = accountFixture({ campaigns: [{ budgets: 10_000, ...RATES }], slots: 2 });
    const plan = enforceGuardrails(
      snapshot,
      [{ campaignId: 'campaign-0', dailyBudget: money(11_000, 'USD'), reason: 'early raise', confidence: 1 }],
      usdGuardrails(1_000_000),
    );
    expect(plan.actions[0]?.after.dailyBudget.amountMinor).toBe(10_000);
    expect(plan.findings[0]?.rule).toBe('min_evidence');
  });

  it('keeps the active budgets under the account daily cap, cutting the increases first', () => {
    const snapshot = accountFixture({
      campaigns: [
        { budgets: 50_000, ...RATES },
        { budgets: 50_000, ...RATES },
      ],
      slots: 24,
    });
    const plan = enforceGuardrails(
      snapshot,
      [
        { campaignId: 'campaign-0', dailyBudget: money(60_000, 'USD'), reason: 'more', confidence: 1 },
        { campaignId: 'campaign-1', dailyBudget: money(45_000, 'USD'), reason: 'less', confidence: 1 },
      ],
      usdGuardrails(100_000),
    );
    const budgets = plan.actions.map((action) => action.after.dailyBudget.amountMinor);
    expect(budgets[0]! + budgets[1]!).toBeLessThanOrEqual(100_000);
    expect(budgets).toEqual([55_000, 45_000]);
    expect(plan.findings.map((finding) => finding.rule)).toEqual(['account_daily_cap']);
  });

  it('never lets lifetime spend exceed the lifetime cap over a 30-day run, whatever is proposed', () => {
    const guardrails = resolveGuardrailSettings(
      usdGuardrails(300_000, {
        accountLifetimeCap: money(4_000_000, 'USD'),
        reviewIntervalHours: 6,
        stopLoss: false,
      }),
    );
    const random = createSeededRandom(7);
    const campaigns: CampaignSnapshot[] = [0, 1, 2].map((index) => ({
      id: `campaign-${index}`,
      platform: 'meta',
      status: 'active',
      dailyBudget: money(100_000, 'USD'),
      learning: false,
      launchedAt: 0,
      history: [],
      creatives: [{ id: `creative-${index}`, share: 1, slots: [] }],
    }));
    let spent = 0;
    let maxDailyTotal = 0;
    for (let slot = 0; slot < 120; slot += 1) {
      const snapshot: AdsAccountSnapshot = {
        storeId: 'store-1',
        currency: 'USD',
        now: slot * DEFAULT_SLOT_MS,
        slotMs: DEFAULT_SLOT_MS,
        lifetimeSpent: money(spent, 'USD'),
        endsAt: 120 * DEFAULT_SLOT_MS,
        campaigns,
      };
      // An adversarial proposer: quadruple every budget and resume everything, every slot.
      const proposals = campaigns.map((campaign) => ({
        campaignId: campaign.id,
        status: 'active' as const,
        dailyBudget: money(campaign.dailyBudget.amountMinor * 4, 'USD'),
        reason: 'spend it all',
        confidence: 1,
        source: 'llm' as const,
      }));
      const plan = enforceGuardrails(snapshot, proposals, guardrails);
      for (const action of plan.actions) {
        const campaign = campaigns.find((candidate) => candidate.id === action.campaignId)!;
        campaign.status = action.after.status;
        campaign.dailyBudget = action.after.dailyBudget;
      }
      let dailyTotal = 0;
      for (const campaign of campaigns) {
        const budget = campaign.status === 'active' ? campaign.dailyBudget.amountMinor : 0;
        dailyTotal += budget;
        const spend = Math.floor(budget / 4);
        spent += spend;
        campaign.history.push({ start: slot * DEFAULT_SLOT_MS, dailyBudgetMinor: budget, learning: false });
        const clicks = random.poisson(spend / 100);
        campaign.creatives[0]!.slots.push({
          start: slot * DEFAULT_SLOT_MS,
          share: 1,
          spendMinor: spend,
          impressions: clicks * 100,
          clicks,
          conversions: random.binomial(clicks, 0.05),
          revenueMinor: 0,
        });
      }
      maxDailyTotal = Math.max(maxDailyTotal, dailyTotal);
      expect(spent).toBeLessThanOrEqual(4_000_000);
    }
    expect(maxDailyTotal).toBeLessThanOrEqual(300_000);
    expect(spent).toBeGreaterThan(3_900_000);
    expect(campaigns.every((campaign) => campaign.status === 'paused')).toBe(true);
  });

  it('lets TikTok budgets move ±50 % but only once every two days', () => {
    const budgets = [...new Array<number>(20).fill(10_000), 15_000, 15_000, 15_000, 15_000];
    const snapshot = accountFixture({ campaigns: [{ platform: 'tiktok', budgets, ...RATES }], slots: 24 });
    const fresh = accountFixture({
      campaigns: [{ platform: 'tiktok', budgets: 10_000, ...RATES }],
      slots: 24,
    });
    const raise = (target: AdsAccountSnapshot) =>
      enforceGuardrails(
        target,
        [{ campaignId: 'campaign-0', dailyBudget: money(30_000, 'USD'), reason: 'raise', confidence: 1 }],
        usdGuardrails(1_000_000),
      );
    expect(raise(fresh).actions[0]?.after.dailyBudget.amountMinor).toBe(15_000);
    const second = raise(snapshot);
    expect(second.actions[0]?.after.dailyBudget.amountMinor).toBe(15_000);
    expect(second.findings[0]?.rule).toBe('change_frequency');
  });

  it("plans lifetime spend with Google's two-fold daily over-delivery", () => {
    const snapshot = {
      ...accountFixture({ campaigns: [{ platform: 'google', budgets: 10_000, ...RATES }], slots: 8 }),
      lifetimeSpent: money(985_000, 'USD'),
    };
    const settings = usdGuardrails(1_000_000, { accountLifetimeCap: money(1_000_000, 'USD') });
    const plan = enforceGuardrails(snapshot, [], settings);
    // 150.00 left; Google may spend 2 × 100.00 in a day, so the budget is cut to 75.00.
    expect(plan.actions[0]?.after.dailyBudget.amountMinor).toBe(7_500);
    expect(plan.findings[0]).toMatchObject({ rule: 'account_lifetime_cap', outcome: 'clipped' });
  });

  it('pauses a campaign by stop-loss when even its best case ROAS is below 0.5, and lets it resume', () => {
    const snapshot = accountFixture({
      campaigns: [
        { budgets: 20_000, ctr: [0.01, 0.01, 0.01], cvr: [0, 0, 0] },
        { budgets: 20_000, ...RATES },
      ],
      slots: 24,
    });
    const plan = enforceGuardrails(snapshot, [], usdGuardrails(1_000_000));
    expect(plan.actions).toHaveLength(1);
    expect(plan.actions[0]?.after).toMatchObject({ status: 'paused', pausedBy: 'stop_loss' });
    expect(plan.findings[0]).toMatchObject({ rule: 'stop_loss', outcome: 'forced' });

    // Paused by the stop-loss for a day, then resumed by a human: only new delivery counts from then on.
    const paused = accountFixture({
      campaigns: [
        {
          budgets: [...new Array<number>(24).fill(20_000), 0, 0, 0, 0],
          ctr: [0.01, 0.01, 0.01],
          cvr: [0, 0, 0],
        },
        { budgets: 20_000, ...RATES },
      ],
      slots: 28,
    });
    paused.campaigns[0]!.status = 'paused';
    paused.campaigns[0]!.pausedBy = 'stop_loss';
    paused.campaigns[0]!.dailyBudget = money(20_000, 'USD');
    const resumed = enforceGuardrails(
      paused,
      [
        {
          campaignId: 'campaign-0',
          status: 'active',
          reason: 'new landing page',
          confidence: 1,
          source: 'human',
        },
      ],
      usdGuardrails(1_000_000),
    );
    expect(resumed.actions[0]?.after.status).toBe('active');
    expect(resumed.actions[0]?.decisions).toContain('resume_campaign');
  });

  it('refuses invalid proposals instead of guessing', () => {
    const snapshot = accountFixture({ campaigns: [{ budgets: 10_000, ...RATES }], slots: 24 });
    const plan = enforceGuardrails(
      snapshot,
      [
        {
          campaignId: 'campaign-0',
          dailyBudget: { amountMinor: -5, currency: 'USD' },
          reason: 'x',
          confidence: 1,
        },
        { campaignId: 'campaign-9', dailyBudget: money(100, 'USD'), reason: 'x', confidence: 1 },
        { campaignId: 'campaign-0', dailyBudget: money(11_000, 'EUR'), reason: 'x', confidence: 1 },
      ],
      usdGuardrails(1_000_000),
    );
    expect(plan.actions).toHaveLength(0);
    expect(plan.findings.map((finding) => finding.reason)).toEqual([
      expect.stringContaining('invalid proposal at dailyBudget.amountMinor'),
      'unknown campaign',
      'budget in EUR, account currency is USD',
    ]);
  });

  it('cannot be bypassed: only plans issued by enforceGuardrails pass', () => {
    const snapshot = accountFixture({ campaigns: [{ budgets: 10_000, ...RATES }], slots: 24 });
    const forged = { at: 0, actions: [], findings: [] };
    expect(() => assertGuardedPlan(forged)).toThrow(GuardrailError);
    const Constructor = GuardedPlan as unknown as new (...args: unknown[]) => GuardedPlan;
    expect(() => new Constructor(Symbol('fake'), 0, [], [])).toThrow(GuardrailError);
    const plan = enforceGuardrails(snapshot, [], usdGuardrails(1_000_000));
    expect(() => assertGuardedPlan(plan)).not.toThrow();
    expect(Object.isFrozen(plan)).toBe(true);
    expect(snapshot.now).toBe(24 * DEFAULT_SLOT_MS);
    expect(DAY).toBe(4 * DEFAULT_SLOT_MS);
  });
});
