/** Summary statistics for the ads benchmark table. */

/** Arithmetic mean (NaN for an empty list). */
export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let total = 0;
  for (const value of values) total += value;
  return total / values.length;
}

/** The q-quantile by linear interpolation between order statistics (q = 0.1 for p10). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

/** Mean of paired differences a_i − b_i with a normal-approximation 95 % confidence interval. */
export function pairedDifference(
  a: readonly number[],
  b: readonly number[],
): { mean: number; low: number; high: number } {
  const differences = a.map((value, index) => value - b[index]!);
  const m = mean(differences);
  let squares = 0;
  for (const difference of differences) squares += (difference - m) ** 2;
  const sd = differences.length > 1 ? Math.sqrt(squares / (differences.length - 1)) : 0;
  const half = (1.96 * sd) / Math.sqrt(Math.max(1, differences.length));
  return { mean: m, low: m - half, high: m + half };
}

/** Share of pairs where a_i > b_i. */
export function winRate(a: readonly number[], b: readonly number[]): number {
  let wins = 0;
  a.forEach((value, index) => {
    if (value > b[index]!) wins += 1;
  });
  return a.length > 0 ? wins / a.length : Number.NaN;
}
