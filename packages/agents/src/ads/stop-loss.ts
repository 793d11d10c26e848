import type { AdsAccountSnapshot, CampaignSnapshot } from './account-snapshot';

/**
 * Why the stop-loss fires, or undefined: after enough spend, even the upper `confidence` bound of the
 * campaign's reported conversions (Poisson, Wilson–Hilferty), valued at the account's average order,
 * gives a ROAS below `maxRoas`. Only delivery since the campaign last resumed counts, so a resumed
 * campaign gets a fresh chance: that is what makes the stop-loss reversible.
 */
export function stopLossVerdict(
  campaign: CampaignSnapshot,
  budgetMinor: number,
  orderValue: number | undefined,
  stopLoss: { minSpendBudgetDays: number; maxRoas: number; confidence: number },
): string | undefined {
  if (orderValue === undefined) return undefined;
  let since = 0;
  campaign.history.forEach((slot, index) => {
    if (slot.dailyBudgetMinor === 0) since = index + 1;
  });
  let spend = 0;
  let conversions = 0;
  for (const creative of campaign.creatives) {
    for (let index = since; index < creative.slots.length; index += 1) {
      spend += creative.slots[index]!.spendMinor;
      conversions += creative.slots[index]!.conversions;
    }
  }
  if (spend <= 0 || spend < stopLoss.minSpendBudgetDays * budgetMinor) return undefined;
  const shape = conversions + 1;
  const z = normalQuantile(stopLoss.confidence);
  const upperConversions = shape * (1 - 1 / (9 * shape) + z * Math.sqrt(1 / (9 * shape))) ** 3;
  const upperRoas = (upperConversions * orderValue) / spend;
  if (upperRoas >= stopLoss.maxRoas) return undefined;
  return `${conversions} conversions after ${spend} minor units of spend: ROAS is below ${upperRoas.toFixed(2)} at ${stopLoss.confidence} confidence, under the stop-loss of ${stopLoss.maxRoas}`;
}

/** Reported revenue per reported conversion across the account, or undefined before any conversion. */
export function accountOrderValue(snapshot: AdsAccountSnapshot): number | undefined {
  let revenue = 0;
  let conversions = 0;
  for (const campaign of snapshot.campaigns) {
    for (const creative of campaign.creatives) {
      for (const slot of creative.slots) {
        revenue += slot.revenueMinor;
        conversions += slot.conversions;
      }
    }
  }
  return conversions > 0 ? revenue / conversions : undefined;
}

/** The standard Normal quantile (Acklam's rational approximation, relative error below 1.2e-9). */
function normalQuantile(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1)
    );
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}
