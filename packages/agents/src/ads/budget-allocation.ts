/** One campaign's response to its daily budget, near its current budget, and its allowed range. */
export interface AllocationInput {
  readonly campaignId: string;
  /** Expected revenue per day at daily budget b, minor units. */
  readonly revenue: (budgetMinor: number) => number;
  /** d revenue / d budget at b (marginal ROAS). */
  readonly marginalRoas: (budgetMinor: number) => number;
  readonly currentMinor: number;
  readonly minMinor: number;
  readonly maxMinor: number;
}

/** The allocation: a daily budget per campaign and the water level λ (marginal ROAS at the optimum). */
export interface Allocation {
  readonly budgets: ReadonlyMap<string, number>;
  /** Marginal ROAS every unconstrained campaign ends at; 1 when the cap does not bind. */
  readonly waterLevel: number;
}

/**
 * Water-filling by marginal return: maximises Σ revenue_i(b_i) − b_i subject to Σ b_i ≤ `capMinor` and
 * each b_i in its allowed range. Every campaign not at a bound ends at the same marginal ROAS λ, with
 * λ = 1 when spending less than the cap is more profitable (no campaign is funded past break-even at
 * the margin). Each response curve is replaced near its current budget by the exponential curve with the
 * same slope and curvature (exact for I(b) = A·S·(1 − e^{−b/S})), which makes each step closed-form;
 * two passes re-centre the approximation on the new budgets. Budgets are whole minor units.
 */
export function allocateBudgets(inputs: readonly AllocationInput[], capMinor: number): Allocation {
  let centres = inputs.map((input) => input.currentMinor);
  let levels: { budgets: Float64Array; lambda: number } = {
    budgets: new Float64Array(inputs.length),
    lambda: 1,
  };
  for (let pass = 0; pass < 2; pass += 1) {
    const local = inputs.map((input, index) => localExponential(input, Math.max(1, centres[index]!)));
    levels = fill(inputs, local, capMinor);
    centres = [...levels.budgets];
  }
  const budgets = new Map<string, number>();
  inputs.forEach((input, index) => {
    budgets.set(
      input.campaignId,
      Math.min(input.maxMinor, Math.max(input.minMinor, Math.floor(levels.budgets[index]!))),
    );
  });
  return { budgets, waterLevel: levels.lambda };
}

interface LocalCurve {
  /** Marginal ROAS at zero spend of the local exponential, and its scale. */
  readonly slope: number;
  readonly scale: number;
}

function localExponential(input: AllocationInput, centre: number): LocalCurve {
  const first = input.marginalRoas(centre);
  const step = Math.max(1, centre * 0.02);
  const second =
    (input.marginalRoas(centre + step) - input.marginalRoas(Math.max(0, centre - step))) / (2 * step);
  if (!(first > 0)) return { slope: 0, scale: 1 };
  // For m(b) = a·e^{−b/S}: S = −m/m′. A flat or rising estimate means "no visible saturation here".
  const scale = second < 0 ? Math.min(-first / second, centre * 1_000) : centre * 1_000;
  return { slope: first * Math.exp(centre / scale), scale };
}

function fill(
  inputs: readonly AllocationInput[],
  curves: readonly LocalCurve[],
  capMinor: number,
): { budgets: Float64Array; lambda: number } {
  const budgets = new Float64Array(inputs.length);
  const at = (lambda: number): number => {
    let total = 0;
    inputs.forEach((input, index) => {
      const curve = curves[index]!;
      const free = curve.slope > lambda ? curve.scale * Math.log(curve.slope / lambda) : 0;
      budgets[index] = Math.min(input.maxMinor, Math.max(input.minMinor, free));
      total += budgets[index]!;
    });
    return total;
  };
  if (at(1) <= capMinor) return { budgets, lambda: 1 };
  let low = 0;
  let high = 1;
  while (at(Math.exp(high)) > capMinor && high < 64) high *= 2;
  for (let step = 0; step < 60; step += 1) {
    const middle = (low + high) / 2;
    if (at(Math.exp(middle)) > capMinor) low = middle;
    else high = middle;
  }
  const total = at(Math.exp(high));
  if (total > capMinor) {
    // Even every campaign at its lower bound exceeds the cap: scale down (the guardrails would too).
    for (let index = 0; index < budgets.length; index += 1)
      budgets[index] = (budgets[index]! * capMinor) / total;
  }
  return { budgets, lambda: Math.exp(high) };
}
