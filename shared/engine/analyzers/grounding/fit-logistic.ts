/**
 * Weighted L2-regularised logistic regression fitted by Newton's method (a handful of features, so the
 * Hessian is tiny). Used by scripts/train-grounding.ts and the eval's cross-data-set rows; deterministic.
 */
export interface TrainingRow {
  x: readonly number[];
  /** 1 = supported, 0 = not. */
  y: 0 | 1;
  weight: number;
}

export interface FittedLogistic {
  bias: number;
  coefficients: number[];
}

function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const p = m[col]![col]!;
    if (Math.abs(p) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r]![col]! / p;
      for (let c = col; c <= n; c++) m[r]![c]! -= f * m[col]![c]!;
    }
  }
  return m.map((row, i) => (Math.abs(row[i]!) < 1e-12 ? 0 : row[n]! / row[i]!));
}

/** `l2` penalises coefficients (not the bias) so features that barely help stay near zero. */
export function fitLogistic(rows: readonly TrainingRow[], l2 = 1, iterations = 50): FittedLogistic {
  const d = (rows[0]?.x.length ?? 0) + 1;
  let w = new Array<number>(d).fill(0);
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(d).fill(0);
    const hess = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (const row of rows) {
      const x = [1, ...row.x];
      let z = 0;
      for (let i = 0; i < d; i++) z += w[i]! * x[i]!;
      const p = 1 / (1 + Math.exp(-z));
      const g = (p - row.y) * row.weight;
      const h = Math.max(p * (1 - p), 1e-9) * row.weight;
      for (let i = 0; i < d; i++) {
        grad[i]! += g * x[i]!;
        for (let j = 0; j < d; j++) hess[i]![j]! += h * x[i]! * x[j]!;
      }
    }
    for (let i = 1; i < d; i++) {
      grad[i]! += l2 * w[i]!;
      hess[i]![i]! += l2;
    }
    const step = solve(hess, grad);
    w = w.map((v, i) => v - step[i]!);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return { bias: w[0]!, coefficients: w.slice(1) };
}
