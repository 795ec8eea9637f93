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

/**
 * `l2` pulls coefficients (not the bias) towards `prior` (zero when absent): a feature the data says little
 * about, such as a rare negation conflict, keeps its prior weight instead of collapsing to zero.
 */
export function fitLogistic(rows: readonly TrainingRow[], l2 = 1, prior?: readonly number[], iterations = 50): FittedLogistic {
  const d = (rows[0]?.x.length ?? 0) + 1;
  const centre = [0, ...(prior ?? new Array<number>(d - 1).fill(0))];
  let w = new Array<number>(d).fill(0);
  const loss = (v: readonly number[]): number => {
    let total = 0;
    for (const row of rows) {
      let z = v[0]!;
      for (let i = 1; i < d; i++) z += v[i]! * row.x[i - 1]!;
      // log(1 + e^-z) for y=1, log(1 + e^z) for y=0, written to stay finite for large |z|
      const m = row.y === 1 ? -z : z;
      total += row.weight * (m > 0 ? m + Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m)));
    }
    for (let i = 1; i < d; i++) total += (l2 / 2) * (v[i]! - centre[i]!) ** 2;
    return total;
  };
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
      grad[i]! += l2 * (w[i]! - centre[i]!);
      hess[i]![i]! += l2;
    }
    const step = solve(hess, grad);
    // Damped Newton: halve the step until the loss does not rise, so a poor start cannot diverge.
    const before = loss(w);
    let scale = 1;
    let next = w.map((v, i) => v - step[i]!);
    while (loss(next) > before && scale > 1e-6) {
      scale /= 2;
      next = w.map((v, i) => v - scale * step[i]!);
    }
    w = next;
    if (Math.max(...step.map((x) => Math.abs(x * scale))) < 1e-8) break;
  }
  return { bias: w[0]!, coefficients: w.slice(1) };
}
