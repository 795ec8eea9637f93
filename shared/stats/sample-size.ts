// Attribute sampling for tests of controls (AICPA Audit Sampling guide, Appendix A): the smallest sample that lets an
// auditor conclude, at the stated confidence, that the deviation rate is below the tolerable rate if no more than the
// expected number of deviations turn up.
import { binomCdf } from './binomial';
import { hypergeomCdf } from './hypergeometric';

export interface AttributePlan {
  /** 1 - risk of overreliance, e.g. 0.95. */
  confidence: number;
  /** Tolerable deviation rate (TDR). */
  tolerable: number;
  /** Expected population deviation rate (EDR). */
  expected: number;
  /** Population size: given, the hypergeometric model is used (smaller samples for small populations). */
  population?: number;
}

export interface AttributeSampleSize {
  n: number;
  /** Deviations the sample may hold and still support the conclusion: ceil(n * EDR). */
  expectedDeviations: number;
  model: 'binomial' | 'hypergeometric';
}

/** Largest n searched: past this the plan is not practical (EDR too close to TDR). */
export const MAX_SAMPLE = 20000;

// n * EDR is a product of decimals (100 * 0.07 = 7.000000000000001); a hair below keeps ceil() on the exact integer.
const allowed = (n: number, expected: number): number => Math.max(0, Math.ceil(n * expected - 1e-9));

function checkPlan(p: AttributePlan): void {
  if (!(p.confidence > 0 && p.confidence < 1)) throw new RangeError(`confidence must be between 0 and 1 (got ${p.confidence})`);
  if (!(p.tolerable > 0 && p.tolerable < 1)) throw new RangeError(`tolerable rate must be between 0 and 1 (got ${p.tolerable})`);
  if (!(p.expected >= 0 && p.expected < p.tolerable)) {
    throw new RangeError(`expected rate must be at least 0 and below the tolerable rate ${p.tolerable} (got ${p.expected})`);
  }
  if (p.population !== undefined && !(Number.isInteger(p.population) && p.population > 0)) {
    throw new RangeError(`population must be a positive integer (got ${p.population})`);
  }
}

/**
 * Smallest n with BinomCDF(ceil(n * EDR); n, TDR) <= 1 - confidence, or with a population N the smallest
 * n <= N with HypergeomCDF(ceil(n * EDR); N, floor(N * TDR), n) <= 1 - confidence (the whole population when no
 * smaller sample suffices). 95%: TDR 5% EDR 0 -> 59, TDR 5% EDR 1% -> 93, TDR 4% EDR 1% -> 156.
 */
export function attributeSampleSize(plan: AttributePlan): AttributeSampleSize {
  checkPlan(plan);
  const risk = 1 - plan.confidence;
  const N = plan.population;
  if (N !== undefined) {
    const D = Math.floor(N * plan.tolerable + 1e-9);
    for (let n = 1; n <= N; n++) {
      const k = allowed(n, plan.expected);
      if (D > 0 && hypergeomCdf(k, N, D, n) <= risk) return { n, expectedDeviations: k, model: 'hypergeometric' };
    }
    return { n: N, expectedDeviations: allowed(N, plan.expected), model: 'hypergeometric' };
  }
  for (let n = 1; n <= MAX_SAMPLE; n++) {
    const k = allowed(n, plan.expected);
    if (binomCdf(k, n, plan.tolerable) <= risk) return { n, expectedDeviations: k, model: 'binomial' };
  }
  throw new RangeError(`no sample of up to ${MAX_SAMPLE} items meets this plan; the expected rate ${plan.expected} is too close to the tolerable rate ${plan.tolerable}`);
}
