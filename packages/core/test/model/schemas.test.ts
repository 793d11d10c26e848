import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  AccountInsightsSchema,
  AdCampaignSchema,
  AdCreativeSchema,
  AdInsightsRowSchema,
  CHANNEL_PLATFORM,
  ConnectionSchema,
  ContentCalendarSchema,
  canTransitionPost,
  GenericTargetingSchema,
  OptimizationLogEntrySchema,
  PostMetricsSchema,
  PublishAttemptSchema,
  SocialPostSchema,
  StoreProfileSchema,
} from '../../src/model/index';

const at = '2026-11-26T09:00:00Z';
const hash = 'a'.repeat(64);

function issuePaths(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((issue) => issue.path.join('.'));
}

const storeProfile = {
  id: 'store_1',
  name: 'Clay & Co',
  niche: 'handmade ceramic homeware',
  brandVoice: { tone: ['warm', 'playful'] },
  timeZone: 'Europe/Paris',
  locale: 'fr-FR',
  currency: 'EUR',
  createdAt: at,
  updatedAt: at,
};

const connection = {
  id: 'conn_1',
  storeId: 'store_1',
  userId: 'user_1',
  platform: 'meta',
  status: 'connected',
  accounts: [
    { id: '1234', kind: 'page', name: 'Clay & Co' },
    { id: '1784', kind: 'ig_business', name: 'clayandco', parentId: '1234' },
    { id: 'act_99', kind: 'ad_account', name: 'Ads', currency: 'EUR', timeZone: 'Europe/Paris' },
  ],
  scopes: ['pages_manage_posts'],
  missingScopes: [],
  createdAt: at,
  updatedAt: at,
};

const post = {
  id: 'post_1',
  storeId: 'store_1',
  connectionId: 'conn_1',
  accountId: '1784',
  channel: 'instagram',
  kind: 'image',
  status: 'scheduled',
  caption: 'New mugs are in',
  hashtags: ['ceramics'],
  media: [{ kind: 'image', url: 'https://cdn.example.com/mug.jpg', mimeType: 'image/jpeg' }],
  scheduledAt: '2026-11-27T18:00:00+01:00',
  idempotencyKey: 'post_1:v1:instagram',
  contentHash: hash,
  createdAt: at,
  updatedAt: at,
};

const campaign = {
  id: 'cmp_1',
  storeId: 'store_1',
  platform: 'meta',
  connectionId: 'conn_1',
  adAccountId: 'act_99',
  name: 'Winter mugs',
  objective: 'sales',
  status: 'draft',
  dailyBudget: { amountMinor: 2000, currency: 'EUR' },
  targeting: { countries: ['FR'] },
  createdAt: at,
  updatedAt: at,
};

describe('StoreProfile', () => {
  it('accepts a valid profile and fills brand-voice defaults', () => {
    const parsed = StoreProfileSchema.parse(storeProfile);
    expect(parsed.brandVoice.emoji).toBe('sparing');
    expect(parsed.brandVoice.dos).toEqual([]);
  });

  it('rejects an unknown IANA time zone and a UTC offset at timeZone', () => {
    expect(issuePaths(StoreProfileSchema, { ...storeProfile, timeZone: 'Mars/Olympus' })).toEqual([
      'timeZone',
    ]);
    expect(issuePaths(StoreProfileSchema, { ...storeProfile, timeZone: '+02:00' })).toEqual(['timeZone']);
  });

  it('rejects a malformed locale and an empty tone list with their paths', () => {
    expect(issuePaths(StoreProfileSchema, { ...storeProfile, locale: 'not a locale' })).toEqual(['locale']);
    expect(issuePaths(StoreProfileSchema, { ...storeProfile, brandVoice: { tone: [] } })).toEqual([
      'brandVoice.tone',
    ]);
  });
});

describe('Connection', () => {
  it('accepts a connection with discovered accounts', () => {
    expect(ConnectionSchema.parse(connection).accounts).toHaveLength(3);
  });

  it('has no place for tokens: an access token is rejected as an unknown key', () => {
    const result = ConnectionSchema.safeParse({ ...connection, accessToken: 'EAAB...' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.code).toBe('unrecognized_keys');
  });

  it('rejects an unknown status and account kind with their paths', () => {
    expect(issuePaths(ConnectionSchema, { ...connection, status: 'active' })).toEqual(['status']);
    expect(
      issuePaths(ConnectionSchema, { ...connection, accounts: [{ id: '1', kind: 'group', name: 'G' }] }),
    ).toEqual(['accounts.0.kind']);
  });

  it('maps every social channel to the platform that serves it', () => {
    expect(CHANNEL_PLATFORM.instagram).toBe('meta');
    expect(CHANNEL_PLATFORM.youtube).toBe('google');
  });
});

describe('SocialPost and PublishAttempt', () => {
  it('accepts a scheduled post and defaults its attempt history to empty', () => {
    expect(SocialPostSchema.parse(post).attempts).toEqual([]);
  });

  it('keeps attempt history with outcomes', () => {
    const parsed = SocialPostSchema.parse({
      ...post,
      status: 'publishing',
      attempts: [
        {
          attempt: 1,
          startedAt: at,
          finishedAt: at,
          outcome: 'failed',
          errorCode: 'RATE_LIMITED',
          retryable: true,
        },
        { attempt: 2, startedAt: at, outcome: 'unknown' },
      ],
    });
    expect(parsed.attempts.map((attempt) => attempt.outcome)).toEqual(['failed', 'unknown']);
  });

  it('requires scheduledAt once scheduled, and a platform id once published', () => {
    const { scheduledAt: _omit, ...unscheduled } = post;
    expect(issuePaths(SocialPostSchema, unscheduled)).toEqual(['scheduledAt']);
    expect(issuePaths(SocialPostSchema, { ...post, status: 'published' })).toEqual(['platformPostId']);
  });

  it('rejects out-of-order attempt numbers, bad outcomes and bad hashes with their paths', () => {
    expect(
      issuePaths(SocialPostSchema, {
        ...post,
        attempts: [{ attempt: 2, startedAt: at, outcome: 'unknown' }],
      }),
    ).toEqual(['attempts.0.attempt']);
    expect(issuePaths(PublishAttemptSchema, { attempt: 1, startedAt: at, outcome: 'maybe' })).toEqual([
      'outcome',
    ]);
    expect(issuePaths(SocialPostSchema, { ...post, contentHash: 'xyz' })).toEqual(['contentHash']);
    expect(
      issuePaths(SocialPostSchema, {
        ...post,
        media: [{ kind: 'image', url: 'ftp://x/y', mimeType: 'image/jpeg' }],
      }),
    ).toEqual(['media.0.url']);
  });

  it('rejects an attempt that finished before it started', () => {
    expect(
      issuePaths(PublishAttemptSchema, {
        attempt: 1,
        startedAt: '2026-11-26T10:00:00Z',
        finishedAt: '2026-11-26T09:00:00Z',
        outcome: 'failed',
      }),
    ).toEqual(['finishedAt']);
  });

  it('allows only the lifecycle transitions', () => {
    expect(canTransitionPost('draft', 'scheduled')).toBe(true);
    expect(canTransitionPost('scheduled', 'publishing')).toBe(true);
    expect(canTransitionPost('publishing', 'published')).toBe(true);
    expect(canTransitionPost('published', 'draft')).toBe(false);
    expect(canTransitionPost('draft', 'published')).toBe(false);
  });
});

describe('ContentCalendar', () => {
  const calendar = {
    id: 'cal_1',
    storeId: 'store_1',
    status: 'draft',
    startDate: '2026-12-01',
    endDate: '2026-12-30',
    timeZone: 'Europe/Paris',
    channels: ['instagram', 'x'],
    postsPerDay: 2,
    createdAt: at,
    updatedAt: at,
  };

  it('accepts a calendar and rejects one that ends before it starts', () => {
    expect(ContentCalendarSchema.parse(calendar).postIds).toEqual([]);
    expect(issuePaths(ContentCalendarSchema, { ...calendar, endDate: '2026-11-01' })).toEqual(['endDate']);
    expect(issuePaths(ContentCalendarSchema, { ...calendar, startDate: '2026-13-01' })).toContain(
      'startDate',
    );
  });
});

describe('AdCampaign, targeting and creatives', () => {
  it('accepts a campaign with a daily budget and fills targeting defaults', () => {
    const parsed = AdCampaignSchema.parse(campaign);
    expect(parsed.targeting).toMatchObject({ ageMin: 18, ageMax: 65, genders: [], placements: [] });
  });

  it('requires exactly one budget, positive, and an end for lifetime budgets', () => {
    const { dailyBudget: _omit, ...noBudget } = campaign;
    expect(issuePaths(AdCampaignSchema, noBudget)).toEqual(['dailyBudget']);
    expect(
      issuePaths(AdCampaignSchema, { ...campaign, lifetimeBudget: { amountMinor: 1, currency: 'EUR' } }),
    ).toContain('dailyBudget');
    expect(
      issuePaths(AdCampaignSchema, { ...noBudget, lifetimeBudget: { amountMinor: 100000, currency: 'EUR' } }),
    ).toEqual(['endAt']);
    expect(
      issuePaths(AdCampaignSchema, { ...campaign, dailyBudget: { amountMinor: 0, currency: 'EUR' } }),
    ).toEqual(['dailyBudget.amountMinor']);
  });

  it('rejects float budgets at the budget field', () => {
    expect(
      issuePaths(AdCampaignSchema, { ...campaign, dailyBudget: { amountMinor: 20.5, currency: 'EUR' } }),
    ).toEqual(['dailyBudget.amountMinor']);
  });

  it('rejects X as an ads platform and an inverted age range', () => {
    expect(issuePaths(AdCampaignSchema, { ...campaign, platform: 'x' })).toEqual(['platform']);
    expect(issuePaths(GenericTargetingSchema, { countries: ['US'], ageMin: 40, ageMax: 30 })).toEqual([
      'ageMax',
    ]);
    expect(issuePaths(GenericTargetingSchema, { countries: ['usa'] })).toEqual(['countries.0']);
  });

  it('accepts a creative and rejects one without media', () => {
    const creative = {
      id: 'cr_1',
      storeId: 'store_1',
      variant: 'A',
      headline: 'Mugs that feel handmade',
      primaryText: 'Because they are.',
      callToAction: 'shop_now',
      destinationUrl: 'https://clay.example.com/mugs',
      media: [{ kind: 'image', url: 'https://cdn.example.com/mug.jpg', mimeType: 'image/jpeg' }],
      status: 'draft',
      source: 'llm',
      createdAt: at,
      updatedAt: at,
    };
    expect(AdCreativeSchema.parse(creative).variant).toBe('A');
    expect(issuePaths(AdCreativeSchema, { ...creative, media: [] })).toEqual(['media']);
  });
});

describe('OptimizationLogEntry', () => {
  const entry = {
    id: 'log_1',
    storeId: 'store_1',
    campaignId: 'cmp_1',
    at,
    decision: 'increase_budget',
    target: { level: 'campaign', id: 'cmp_1' },
    before: { kind: 'budget', amount: { amountMinor: 5000, currency: 'USD' } },
    after: { kind: 'budget', amount: { amountMinor: 6000, currency: 'USD' } },
    reason: 'ROAS 3.4 ≥ 3 over 7 days → +20 %',
    confidence: 0.8,
    policy: 'seedRulesPolicy',
    mode: 'approval',
    state: 'pending',
  };

  it('accepts a decision with before/after budgets', () => {
    expect(OptimizationLogEntrySchema.parse(entry).evidence).toEqual({});
  });

  it('rejects confidence outside 0..1, unknown modes and malformed values with paths', () => {
    expect(issuePaths(OptimizationLogEntrySchema, { ...entry, confidence: 1.2 })).toEqual(['confidence']);
    expect(issuePaths(OptimizationLogEntrySchema, { ...entry, mode: 'yolo' })).toEqual(['mode']);
    expect(issuePaths(OptimizationLogEntrySchema, { ...entry, state: 'done' })).toEqual(['state']);
    expect(
      issuePaths(OptimizationLogEntrySchema, {
        ...entry,
        after: { kind: 'budget', amount: { amountMinor: 1.5, currency: 'USD' } },
      }),
    ).toEqual(['after.amount.amountMinor']);
  });
});

describe('metrics', () => {
  it('accepts partial post metrics and rejects negative counts', () => {
    const metrics = { platformPostId: '1', channel: 'x', collectedAt: at, likes: 3, shares: 1 };
    expect(PostMetricsSchema.parse(metrics).impressions).toBeUndefined();
    expect(issuePaths(PostMetricsSchema, { ...metrics, likes: -1 })).toEqual(['likes']);
  });

  it('accepts account insights over a valid range only', () => {
    const insights = {
      platform: 'x',
      accountId: 'u1',
      range: { since: '2026-11-01', until: '2026-11-30' },
      collectedAt: at,
    };
    expect(AccountInsightsSchema.parse(insights).daily).toEqual([]);
    expect(
      issuePaths(AccountInsightsSchema, { ...insights, range: { since: '2026-11-30', until: '2026-11-01' } }),
    ).toEqual(['range.until']);
  });

  it('keeps ad spend and conversion value as Money in one currency', () => {
    const row = {
      date: '2026-11-25',
      level: 'campaign',
      entityId: '120',
      campaignId: '120',
      spend: { amountMinor: 1234, currency: 'USD' },
      impressions: 1000,
      clicks: 20,
      conversions: 1.5,
      conversionValue: { amountMinor: 5000, currency: 'USD' },
    };
    expect(AdInsightsRowSchema.parse(row).conversions).toBe(1.5);
    expect(
      issuePaths(AdInsightsRowSchema, { ...row, conversionValue: { amountMinor: 5000, currency: 'EUR' } }),
    ).toEqual(['conversionValue.currency']);
    expect(
      issuePaths(AdInsightsRowSchema, { ...row, spend: { amountMinor: 12.34, currency: 'USD' } }),
    ).toEqual(['spend.amountMinor']);
  });
});
