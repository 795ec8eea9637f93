// Inter-rater agreement on nominal judgements (verdicts, labels): Cohen's kappa for two raters and Krippendorff's
// alpha for any number of raters with missing judgements.

export interface KappaResult {
  /** null when chance agreement is 1 (both raters used one and the same category): kappa is undefined. */
  kappa: number | null;
  items: number;
  observed: number;
  expected: number;
}

/** Cohen's kappa over items both raters judged: (p_o - p_e) / (1 - p_e), p_e from each rater's own marginals. */
export function cohenKappa(pairs: ReadonlyArray<readonly [string, string]>): KappaResult {
  const n = pairs.length;
  if (n === 0) return { kappa: null, items: 0, observed: 0, expected: 0 };
  const a = new Map<string, number>();
  const b = new Map<string, number>();
  let agree = 0;
  for (const [x, y] of pairs) {
    if (x === y) agree++;
    a.set(x, (a.get(x) ?? 0) + 1);
    b.set(y, (b.get(y) ?? 0) + 1);
  }
  let chance = 0;
  for (const [cat, count] of a) chance += count * (b.get(cat) ?? 0);
  const observed = agree / n;
  const expected = chance / (n * n);
  const kappa = expected === 1 ? null : (observed - expected) / (1 - expected);
  return { kappa, items: n, observed, expected };
}

export interface AlphaResult {
  /** null when there is no variation at all (expected disagreement 0). */
  alpha: number | null;
  /** Units with at least two judgements (the only ones that carry agreement information). */
  units: number;
  /** Pairable values n: judgements in those units. */
  values: number;
}

/**
 * Krippendorff's alpha for nominal data from value counts per unit (Krippendorff 2011, "Computing Krippendorff's
 * Alpha-Reliability"): D_o = (1/n) sum_u (m_u^2 - sum_c n_uc^2) / (m_u - 1), D_e = (n^2 - sum_c n_c^2) / (n (n - 1)),
 * alpha = 1 - D_o / D_e. Linear in the judgements, where the pairwise definition is quadratic.
 * `units` holds each unit's judgements (missing ones simply absent).
 */
export function krippendorffAlphaNominal(units: ReadonlyArray<ReadonlyArray<string>>): AlphaResult {
  const totals = new Map<string, number>();
  let n = 0;
  let pairable = 0;
  let disagreement = 0;
  for (const unit of units) {
    const m = unit.length;
    if (m < 2) continue;
    pairable++;
    const counts = new Map<string, number>();
    for (const v of unit) counts.set(v, (counts.get(v) ?? 0) + 1);
    let sumSq = 0;
    for (const [v, c] of counts) {
      sumSq += c * c;
      totals.set(v, (totals.get(v) ?? 0) + c);
    }
    disagreement += (m * m - sumSq) / (m - 1);
    n += m;
  }
  if (n < 2) return { alpha: null, units: pairable, values: n };
  let totalSq = 0;
  for (const c of totals.values()) totalSq += c * c;
  const observed = disagreement / n;
  const expected = (n * n - totalSq) / (n * (n - 1));
  return { alpha: expected === 0 ? null : 1 - observed / expected, units: pairable, values: n };
}
