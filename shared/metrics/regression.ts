// Regression metrics: mean absolute error, root mean squared error, and R^2 (1 - SS_res / SS_tot; null when
// the target is constant, where R^2 is undefined).

export interface RegressionMetrics {
  mae: number;
  rmse: number;
  r2: number | null;
}

export function regressionMetrics(truth: ArrayLike<number>, predicted: ArrayLike<number>): RegressionMetrics {
  const n = truth.length;
  let abs = 0;
  let sq = 0;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += truth[i]!;
  mean /= n;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const e = truth[i]! - predicted[i]!;
    abs += Math.abs(e);
    sq += e * e;
    total += (truth[i]! - mean) ** 2;
  }
  return { mae: abs / n, rmse: Math.sqrt(sq / n), r2: total > 0 ? 1 - sq / total : null };
}
