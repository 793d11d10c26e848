import { describe, expect, it } from 'vitest';
import { addUsage, CampaignPlanSchema, isPlatformAdapterV1 } from '../../src/contracts/index';

const creative = {
  key: 'cr_1',
  name: 'Mugs A',
  headline: 'Mugs that feel handmade',
  primaryText: 'Because they are.',
  callToAction: 'shop_now',
  destinationUrl: 'https://clay.example.com/mugs',
  media: [{ kind: 'image', url: 'https://cdn.example.com/mug.jpg', mimeType: 'image/jpeg' }],
};

const plan = {
  adAccountId: 'act_99',
  name: 'Winter mugs',
  objective: 'sales',
  campaignBudget: { period: 'daily', amount: { amountMinor: 2000, currency: 'EUR' } },
  adSets: [{ key: 'fr', name: 'France', targeting: { countries: ['FR'] } }],
  creatives: [creative],
  ads: [{ name: 'Mugs A / France', adSetKey: 'fr', creativeKey: 'cr_1' }],
};

function issuePaths(value: unknown): string[] {
  const result = CampaignPlanSchema.safeParse(value);
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((issue) => issue.path.join('.'));
}

describe('CampaignPlanSchema', () => {
  it('accepts a campaign + ad set + creative + ad plan and launches paused by default', () => {
    expect(CampaignPlanSchema.parse(plan).initialStatus).toBe('paused');
  });

  it('rejects ads that point at unknown ad sets or creatives', () => {
    expect(issuePaths({ ...plan, ads: [{ name: 'x', adSetKey: 'de', creativeKey: 'cr_9' }] })).toEqual([
      'ads.0.adSetKey',
      'ads.0.creativeKey',
    ]);
  });

  it('requires budgets on every ad set when there is no campaign budget, and never both', () => {
    const { campaignBudget: _omit, ...noCampaignBudget } = plan;
    expect(issuePaths(noCampaignBudget)).toEqual(['adSets.0.budget']);
    const doubled = {
      ...plan,
      adSets: [
        { ...plan.adSets[0], budget: { period: 'daily', amount: { amountMinor: 1000, currency: 'EUR' } } },
      ],
    };
    expect(issuePaths(doubled)).toEqual(['adSets.0.budget']);
  });

  it('requires an end for lifetime budgets and rejects non-positive budgets', () => {
    expect(
      issuePaths({
        ...plan,
        campaignBudget: { period: 'lifetime', amount: { amountMinor: 10000, currency: 'EUR' } },
      }),
    ).toEqual(['endAt']);
    expect(
      issuePaths({
        ...plan,
        campaignBudget: { period: 'daily', amount: { amountMinor: 0, currency: 'EUR' } },
      }),
    ).toEqual(['campaignBudget.amount']);
  });

  it('rejects float money and bad targeting with paths', () => {
    expect(
      issuePaths({
        ...plan,
        campaignBudget: { period: 'daily', amount: { amountMinor: 20.5, currency: 'EUR' } },
      }),
    ).toEqual(['campaignBudget.amount.amountMinor']);
    expect(
      issuePaths({ ...plan, adSets: [{ key: 'fr', name: 'France', targeting: { countries: [] } }] }),
    ).toEqual(['adSets.0.targeting.countries']);
  });
});

describe('small contract helpers', () => {
  it('recognises a v1 adapter value and rejects other shapes', () => {
    const adapter = {
      specificationVersion: 'v1',
      id: 'x',
      displayName: 'X',
      oauth: {},
      capabilities: { rateLimits: [] },
    };
    expect(isPlatformAdapterV1(adapter)).toBe(true);
    expect(isPlatformAdapterV1({ ...adapter, specificationVersion: 'v2' })).toBe(false);
    expect(isPlatformAdapterV1(null)).toBe(false);
  });

  it('adds language-model usage', () => {
    expect(addUsage({ inputTokens: 10, outputTokens: 5 }, { inputTokens: 1, outputTokens: 2 })).toEqual({
      inputTokens: 11,
      outputTokens: 7,
    });
  });
});
