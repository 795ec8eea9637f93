import { describe, expect, it } from 'vitest';
import { fitLogistic, type TrainingRow } from '../../../../../../shared/engine/analyzers/grounding/fit-logistic';

// Expected coefficients from scipy.optimize.minimize (BFGS, gtol 1e-10) on the same weighted, penalised loss.
const X = [[0.9, 0.1], [0.8, 0.3], [0.2, 0.7], [0.1, 0.9], [0.6, 0.4], [0.4, 0.5], [0.7, 0.2], [0.3, 0.8]];
const Y = [1, 1, 0, 0, 1, 0, 0, 1] as const;
const W = [1, 2, 1, 1, 0.5, 1, 1, 2];
const rows: TrainingRow[] = X.map((x, i) => ({ x, y: Y[i]!, weight: W[i]! }));

describe('fitLogistic', () => {
  it('matches scipy on a weighted L2-penalised fit', () => {
    const fit = fitLogistic(rows, 0.5);
    expect(fit.bias).toBeCloseTo(-0.01356708, 5);
    expect(fit.coefficients[0]).toBeCloseTo(0.8713647, 5);
    expect(fit.coefficients[1]).toBeCloseTo(-0.20067175, 5);
  });

  it('pulls coefficients towards a prior instead of zero', () => {
    const fit = fitLogistic(rows, 0.5, [1, -1]);
    expect(fit.bias).toBeCloseTo(0.01163797, 5);
    expect(fit.coefficients[0]).toBeCloseTo(1.48306871, 5);
    expect(fit.coefficients[1]).toBeCloseTo(-0.81391648, 5);
  });

  it('stays finite on separable data', () => {
    const separable: TrainingRow[] = [0, 0.1, 0.2, 0.8, 0.9, 1].map((v) => ({ x: [v], y: v > 0.5 ? 1 : 0, weight: 1 }));
    const fit = fitLogistic(separable, 0.01);
    expect(Number.isFinite(fit.bias) && Number.isFinite(fit.coefficients[0]!)).toBe(true);
    expect(fit.coefficients[0]).toBeGreaterThan(5);
  });
});
