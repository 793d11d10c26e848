/**
 * A small seeded pseudo-random generator (xoshiro128** seeded through splitmix32) with the samplers the
 * ads engine and its benchmark need: uniform, Normal, log-normal, Poisson and Binomial.
 *
 * Why our own: decisions must be reproducible from their inputs and a seed, in Node and in browsers,
 * without a native dependency. The streams are our own: they do not reproduce numpy's `default_rng`
 * bit for bit (PCG64 plus numpy's ziggurat and BTPE samplers), so "seed 17" here is a different world
 * from "seed 17" in a Python prototype. Results are comparable in distribution, not draw by draw.
 */
export interface SeededRandom {
  /** The seed and stream this generator was created from. */
  readonly seed: number;
  readonly stream: number;
  /** A uniform double in [0, 1) with 53 random bits. */
  uniform(): number;
  /** A Normal draw with mean `mean` and standard deviation `sd` (Marsaglia's polar method). */
  normal(mean?: number, sd?: number): number;
  /** `median · exp(N(0, sigma))`, the log-normal LN(median, σ) of the benchmark spec. */
  logNormal(median: number, sigma: number): number;
  /** A Poisson draw (inversion below mean 12, Hörmann's PTRS transformed rejection above). */
  poisson(mean: number): number;
  /** A Binomial draw (inversion while n·min(p, 1−p) < 30, Hörmann's BTRS transformed rejection above). */
  binomial(trials: number, probability: number): number;
  /** An independent generator derived from this one's seed and a sub-stream number. */
  fork(stream: number): SeededRandom;
}

/**
 * Creates a deterministic generator. The same `(seed, stream)` always yields the same sequence; different
 * streams of one seed are statistically independent (each is seeded through splitmix32 from both numbers).
 *
 * @example
 * ```ts
 * const random = createSeededRandom(42);
 * const clicks = random.binomial(1_000, 0.012);
 * ```
 */
export function createSeededRandom(seed: number, stream = 0): SeededRandom {
  if (!Number.isInteger(seed) || !Number.isInteger(stream)) {
    throw new RangeError(`seed and stream must be integers (got ${seed}, ${stream})`);
  }
  return new Xoshiro128(seed, stream);
}

class Xoshiro128 implements SeededRandom {
  readonly seed: number;
  readonly stream: number;
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spareNormal: number | undefined;

  constructor(seed: number, stream: number) {
    this.seed = seed;
    this.stream = stream;
    // splitmix32 over (seed, stream): fills the 128-bit state; never all zero.
    let x = (Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul((stream | 0) + 0x632be5ab, 0x85ebca6b)) >>> 0;
    const next = (): number => {
      x = (x + 0x9e3779b9) | 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  fork(stream: number): SeededRandom {
    return new Xoshiro128(this.seed, (Math.imul(this.stream + 1, 0x27d4eb2d) + stream) | 0);
  }

  uniform(): number {
    const high = this.nextUint32() >>> 5;
    const low = this.nextUint32() >>> 6;
    return (high * 67108864 + low) / 9007199254740992;
  }

  normal(mean = 0, sd = 1): number {
    if (this.spareNormal !== undefined) {
      const spare = this.spareNormal;
      this.spareNormal = undefined;
      return mean + sd * spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const factor = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * factor;
    return mean + sd * u * factor;
  }

  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  poisson(mean: number): number {
    if (!(mean > 0)) return 0;
    return mean < 12 ? this.poissonInversion(mean) : this.poissonPtrs(mean);
  }

  binomial(trials: number, probability: number): number {
    if (trials <= 0 || probability <= 0) return 0;
    if (probability >= 1) return trials;
    if (probability > 0.5) return trials - this.binomial(trials, 1 - probability);
    return trials * probability < 30
      ? this.binomialInversion(trials, probability)
      : this.binomialBtrs(trials, probability);
  }

  private nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  private poissonInversion(mean: number): number {
    const limit = Math.exp(-mean);
    let product = this.uniform();
    let count = 0;
    while (product > limit) {
      count += 1;
      product *= this.uniform();
    }
    return count;
  }

  // Hörmann (1993), "The transformed rejection method for generating Poisson random variables".
  private poissonPtrs(mean: number): number {
    const slam = Math.sqrt(mean);
    const logMean = Math.log(mean);
    const b = 0.931 + 2.53 * slam;
    const a = -0.059 + 0.02483 * b;
    const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const u = this.uniform() - 0.5;
      const v = this.uniform();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (
        Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <=
        -mean + k * logMean - logGamma(k + 1)
      ) {
        return k;
      }
    }
  }

  private binomialInversion(trials: number, p: number): number {
    const q = 1 - p;
    const qn = Math.exp(trials * Math.log(q));
    const np = trials * p;
    const bound = Math.min(trials, np + 10 * Math.sqrt(np * q + 1));
    let x = 0;
    let px = qn;
    let u = this.uniform();
    while (u > px) {
      x += 1;
      if (x > bound) {
        x = 0;
        px = qn;
        u = this.uniform();
      } else {
        u -= px;
        px = ((trials - x + 1) * p * px) / (x * q);
      }
    }
    return x;
  }

  // Hörmann (1993), "The generation of binomial random variates" (BTRS), for p ≤ 0.5 and n·p ≥ 30.
  private binomialBtrs(trials: number, p: number): number {
    const spq = Math.sqrt(trials * p * (1 - p));
    const b = 1.15 + 2.53 * spq;
    const a = -0.0873 + 0.0248 * b + 0.01 * p;
    const c = trials * p + 0.5;
    const vr = 0.92 - 4.2 / b;
    const alpha = (2.83 + 5.1 / b) * spq;
    const lpq = Math.log(p / (1 - p));
    const m = Math.floor((trials + 1) * p);
    const h = logGamma(m + 1) + logGamma(trials - m + 1);
    for (;;) {
      const u = this.uniform() - 0.5;
      const v = this.uniform();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + c);
      if (k < 0 || k > trials) continue;
      if (us >= 0.07 && v <= vr) return k;
      const lhs = Math.log((v * alpha) / (a / (us * us) + b));
      if (lhs <= h - logGamma(k + 1) - logGamma(trials - k + 1) + (k - m) * lpq) return k;
    }
  }
}

/** log Γ(x) for x > 0 (Stirling series with upward recurrence below 7); accurate to ~1e-15. */
export function logGamma(x: number): number {
  if (x === 1 || x === 2) return 0;
  let x0 = x;
  let shift = 0;
  if (x < 7) {
    shift = Math.floor(7 - x);
    x0 = x + shift;
  }
  const x2 = 1 / (x0 * x0);
  let series = STIRLING[9]!;
  for (let k = 8; k >= 0; k -= 1) series = series * x2 + STIRLING[k]!;
  let result = series / x0 + 0.9189385332046727 + (x0 - 0.5) * Math.log(x0) - x0;
  for (let k = 1; k <= shift; k += 1) {
    x0 -= 1;
    result -= Math.log(x0);
  }
  return result;
}

const STIRLING = [
  8.333333333333333e-2, -2.777777777777778e-3, 7.936507936507937e-4, -5.952380952380952e-4,
  8.417508417508418e-4, -1.917526917526918e-3, 6.41025641025641e-3, -2.955065359477124e-2,
  1.796443723688307e-1, -1.3924322169059,
];

function rotl(value: number, bits: number): number {
  return (value << bits) | (value >>> (32 - bits));
}
