// One metric row from the values of both sides: the test and interval its kind calls for, paired or unpaired.
// Flags: exact McNemar + Newcombe paired interval, or Fisher exact + Newcombe interval. Scores: Wilcoxon
// signed-rank (zero differences dropped, scipy's zero_method='wilcox') or Mann-Whitney U, with a bootstrap
// interval of the mean difference. Other values: the paired bootstrap's own p-value, or Mann-Whitney U.
import type { MetricRow } from '../contract/compare-schemas';
import type { BootstrapInterval } from '../stats/bootstrap';
import { fisherExact } from '../stats/fisher';
import { mannWhitney } from '../stats/mann-whitney';
import { mcnemarExact } from '../stats/mcnemar';
import { newcombePaired, newcombeUnpaired } from '../stats/proportion-difference';
import { wilcoxonSignedRank } from '../stats/wilcoxon';
import type { MetricDef } from './metrics';

export type RowBase = Omit<MetricRow, 'p_adjusted' | 'significant' | 'estimate'>;

const mean = (v: readonly number[]) => (v.length ? v.reduce((s, x) => s + x, 0) / v.length : null);

function empty(def: MetricDef, nA: number, nB: number, detail: string): RowBase {
  return { name: def.name, a: null, b: null, diff: null, ci_low: null, ci_high: null, test: 'none', p_value: null, n_a: nA, n_b: nB, detail, better: def.better };
}

/** Paired values (both sides present), the bootstrap interval of their mean difference for non-flags. */
export function pairedRow(def: MetricDef, a: readonly number[], b: readonly number[], boot: BootstrapInterval | undefined): RowBase {
  const n = a.length;
  if (n === 0) return empty(def, 0, 0, 'no pair has this value on both sides');
  const ma = mean(a)!;
  const mb = mean(b)!;
  const base = { name: def.name, a: ma, b: mb, diff: mb - ma, n_a: n, n_b: n, better: def.better };
  if (def.kind === 'flag') {
    let both = 0, onlyA = 0, onlyB = 0;
    for (let i = 0; i < n; i++) {
      if (a[i] && b[i]) both++;
      else if (a[i]) onlyA++;
      else if (b[i]) onlyB++;
    }
    const ci = newcombePaired(both, onlyA, onlyB, n - both - onlyA - onlyB);
    const t = mcnemarExact(onlyA, onlyB);
    return { ...base, ci_low: ci.low, ci_high: ci.high, test: 'mcnemar_exact', p_value: t.pValue, detail: `${n} pairs; discordant: ${onlyA} only A, ${onlyB} only B; Newcombe paired interval` };
  }
  const ci = boot ? { ci_low: boot.low, ci_high: boot.high } : { ci_low: null, ci_high: null };
  if (def.kind === 'score') {
    const d = a.map((x, i) => b[i]! - x);
    const w = wilcoxonSignedRank(d);
    const how = w.method === 'asymptotic' ? 'normal approximation' : w.method === 'exact' ? 'exact distribution' : 'all sign flips';
    return { ...base, ...ci, test: 'wilcoxon', p_value: w.pValue, detail: `${n} pairs; zero_method=wilcox (${w.zeros} zero differences dropped), ${how}; bootstrap interval of the mean difference` };
  }
  return { ...base, ...ci, test: 'paired_bootstrap', p_value: boot ? boot.pValue : null, detail: `${n} pairs; paired bootstrap (Poisson weights) percentile interval and p-value` };
}

export function unpairedRow(def: MetricDef, a: readonly number[], b: readonly number[], boot: BootstrapInterval | undefined): RowBase {
  if (a.length === 0 || b.length === 0) {
    return { ...empty(def, a.length, b.length, `no values on side ${a.length === 0 ? 'A' : 'B'}`), a: mean(a), b: mean(b) };
  }
  const ma = mean(a)!;
  const mb = mean(b)!;
  const base = { name: def.name, a: ma, b: mb, diff: mb - ma, n_a: a.length, n_b: b.length, better: def.better };
  if (def.kind === 'flag') {
    const xa = a.reduce((s, v) => s + v, 0);
    const xb = b.reduce((s, v) => s + v, 0);
    const ci = newcombeUnpaired(xa, a.length, xb, b.length);
    const t = fisherExact(xa, a.length - xa, xb, b.length - xb);
    return { ...base, ci_low: ci.low, ci_high: ci.high, test: 'fisher_exact', p_value: t.pValue, detail: `${xa}/${a.length} vs ${xb}/${b.length}; Newcombe interval` };
  }
  const u = mannWhitney(a, b);
  return {
    ...base, ci_low: boot ? boot.low : null, ci_high: boot ? boot.high : null, test: 'mann_whitney', p_value: u.pValue,
    detail: `${a.length} vs ${b.length} items; Mann-Whitney U ${u.method === 'exact' ? 'exact' : 'normal approximation with tie and continuity corrections'}; bootstrap interval of the difference in means`,
  };
}
