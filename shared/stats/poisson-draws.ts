import type { Rng } from './prng';
import { lgamma } from './special';

/**
 * Poisson draws for a fixed set of lambdas by inversion of each one's CDF, tabled once with a guide table (Chen &
 * Asau 1974): a uniform picks a guide entry, which starts the search one or two entries below the answer. The
 * bootstrap draws the same lambdas (distinct values' counts) once per resample, so a draw costs one uniform and
 * about two comparisons (PTRS rejection, which this replaced, took two or more uniforms and often a logarithm).
 * The table spans lambda +- 12 sd + 24: outside it lies less than 1e-30 of the mass, far below a double's
 * resolution of the uniform, so no draw the inversion could give is left out.
 */
export class PoissonDraws {
  /** Per lambda: first value tabled, where its CDF and guide start in the arrays, and how many entries. */
  private readonly low: Int32Array;
  private readonly start: Int32Array;
  private readonly size: Int32Array;
  private readonly cdf: Float64Array;
  private readonly guide: Int32Array;

  constructor(lambdas: ArrayLike<number>) {
    const count = lambdas.length;
    this.low = new Int32Array(count);
    this.start = new Int32Array(count + 1);
    this.size = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      const lambda = lambdas[i]!;
      if (!(lambda >= 0) || !Number.isFinite(lambda)) throw new RangeError(`Poisson lambda must be finite and >= 0, got ${lambda}`);
      const spread = 12 * Math.sqrt(lambda) + 24;
      this.low[i] = Math.max(0, Math.floor(lambda - spread));
      this.size[i] = Math.ceil(lambda + spread) - this.low[i]! + 1;
      this.start[i + 1] = this.start[i]! + this.size[i]!;
    }
    this.cdf = new Float64Array(this.start[count]!);
    this.guide = new Int32Array(this.start[count]!);
    for (let i = 0; i < count; i++) this.table(i, lambdas[i]!);
  }

  /** CDF entries of lambda i from its pmf, worked outwards from the mode (e^-lambda underflows past ~745). */
  private table(i: number, lambda: number): void {
    const at = this.start[i]!;
    const low = this.low[i]!;
    const size = this.size[i]!;
    const pmf = new Float64Array(size);
    const mode = Math.floor(lambda) - low;
    pmf[mode] = lambda === 0 ? 1 : Math.exp((mode + low) * Math.log(lambda) - lambda - lgamma(mode + low + 1));
    for (let k = mode + 1; k < size; k++) pmf[k] = (pmf[k - 1]! * lambda) / (k + low);
    for (let k = mode - 1; k >= 0; k--) pmf[k] = (pmf[k + 1]! * (k + low + 1)) / lambda;
    let cdf = 0;
    for (let k = 0; k < size; k++) {
      cdf += pmf[k]!;
      this.cdf[at + k] = cdf;
    }
    // Normalised so the last entry is 1 (the tabled mass differs from 1 by rounding only): every u < 1 stops there.
    for (let k = 0; k < size; k++) this.cdf[at + k] = this.cdf[at + k]! / cdf;
    this.cdf[at + size - 1] = 1;
    // guide[g] = the first entry whose CDF exceeds g / size, where a search for u in [g / size, (g + 1) / size) starts.
    let k = 0;
    for (let g = 0; g < size; g++) {
      while (this.cdf[at + k]! <= g / size) k++;
      this.guide[at + g] = k;
    }
  }

  /** A Poisson(lambdas[i]) draw: the smallest k whose CDF exceeds one uniform. */
  draw(i: number, rng: Rng): number {
    const at = this.start[i]!;
    const u = rng();
    let k = at + this.guide[at + Math.floor(u * this.size[i]!)]!;
    while (this.cdf[k]! <= u) k++;
    return this.low[i]! + k - at;
  }
}
