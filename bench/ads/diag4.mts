import { type AdsPolicy, bayesianAllocationPolicy, estimateConversionValue, fitDeliveryCurve, reportingCompletion, DEFAULT_VALUE_PRIORS, valuePerImpression } from '@growthhub/agents';
import { sdkController } from './sdk-controller.mts';
import { creativeValue, runSimulation } from './simulator.mts';
import { createWorld, SCENARIOS } from './world.mts';
const O = JSON.parse(process.argv[3] ?? '{}');
const err: Record<number, number[]> = {};
const errS: Record<number, number[]> = {};
const errV: Record<number, number[]> = {};
for (let seed = 0; seed < Number(process.argv[2] ?? 20); seed++) {
  const world = createWorld(seed, SCENARIOS.find((s) => s.name === (process.argv[4] ?? 'base'))!);
  const inner = bayesianAllocationPolicy(O) as AdsPolicy<any>;
  const pol: AdsPolicy<any> = { name: 'x', forecast: inner.forecast, decide(ctx) {
    const d = inner.decide(ctx);
    const day = ctx.snapshot.now / 86400000;
    if ([3, 7, 14, 28].includes(day)) {
      const vals = estimateConversionValue(ctx.snapshot, reportingCompletion(d.memory.delay), { ...DEFAULT_VALUE_PRIORS, creativeCvrLogSd: 0.2, creativeCtrLogSd: 0.25, ...(O.priors ?? {}) });
      ctx.snapshot.campaigns.forEach((c, i) => {
        const v = vals.campaigns.get(c.id)!;
        const shares = c.creatives.map((cr) => cr.share);
        const vEst = valuePerImpression(v, shares) / 100; // dollars per impression
        let vTrue = 0;
        shares.forEach((s, k) => (vTrue += s * creativeValue(world, i * 3 + k)));
        const curve = fitDeliveryCurve(c, ctx.snapshot.slotMs, { medianMultiple: 2, logSd: 0.7 });
        const aEst = vEst * curve.marginalImpressions(0) * 100;
        const aTrue = (vTrue * 1000) / world.cpm[i]!;
        (err[day] ??= []).push(Math.log(aEst / aTrue));
        (errV[day] ??= []).push(Math.log(vEst / vTrue));
        (errS[day] ??= []).push(Math.log(curve.saturationMinor / 100 / world.saturation[i]!));
      });
    }
    return d;
  } };
  runSimulation(world, sdkController(world, 'x', pol));
}
const rms = (v: number[]) => Math.sqrt(v.reduce((a, b) => a + b * b, 0) / v.length).toFixed(3);
const mean = (v: number[]) => (v.reduce((a, b) => a + b, 0) / v.length).toFixed(3);
for (const d of [3, 7, 14, 28]) console.log('day', d, 'a rms', rms(err[d]!), 'bias', mean(err[d]!), 'V rms', rms(errV[d]!), 'bias', mean(errV[d]!), 'S rms', rms(errS[d]!), 'bias', mean(errS[d]!));
