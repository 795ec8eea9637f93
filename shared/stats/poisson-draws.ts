import type { Rng } from './prng';
import { lgamma } from './special';

/**
 * Poisson draws for a fixed set of lambdas: inversion for small lambda, else Hörmann's PTRS transformed rejection
 * (as numpy draws it). The constants that depend on lambda alone are worked out once, since the bootstrap draws
 * the same lambdas (distinct values' counts) once per resample.
 */
export class PoissonDraws {
  private readonly lambda: Float64Array;
  /** Per lambda: exp(-lambda) for inversion; b, a, vr, log(invalpha), log(lambda) for PTRS. */
  private readonly c: Float64Array;

  constructor(lambdas: ArrayLike<number>) {
    this.lambda = Float64Array.from(lambdas);
    this.c = new Float64Array(this.lambda.length * 6);
    this.lambda.forEach((lambda, i) => {
      const b = 0.931 + 2.53 * Math.sqrt(lambda);
      const invalpha = 1.1239 + 1.1328 / (b - 3.4);
      this.c.set([Math.exp(-lambda), b, -0.059 + 0.02483 * b, 0.9277 - 3.6224 / (b - 2), Math.log(invalpha), Math.log(lambda)], i * 6);
    });
  }

  draw(i: number, rng: Rng): number {
    const lambda = this.lambda[i]!;
    const c = this.c;
    const at = i * 6;
    if (lambda < 10) {
      let k = 0;
      let p = c[at]!;
      let cdf = p;
      const u = rng();
      while (u > cdf && k < 1000) {
        k++;
        p *= lambda / k;
        cdf += p;
      }
      return k;
    }
    const b = c[at + 1]!;
    const a = c[at + 2]!;
    const vr = c[at + 3]!;
    for (;;) {
      const u = rng() - 0.5;
      const v = rng();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (Math.log(v) + c[at + 4]! - Math.log(a / (us * us) + b) <= -lambda + k * c[at + 5]! - lgamma(k + 1)) return k;
    }
  }
}

/** One Poisson(lambda) draw. */
export function poissonDraw(lambda: number, rng: Rng): number {
  return new PoissonDraws([lambda]).draw(0, rng);
}
