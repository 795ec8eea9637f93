// Retrieval on a fixed question set against two KB versions, compared question by question with the tests of a
// version comparison: hit@k by exact McNemar, reciprocal rank and nDCG by Wilcoxon signed-rank (with a paired
// bootstrap interval), Holm across the three. A significant drop is a regression.
import { pairedBootstrap } from '../stats/bootstrap';
import { mcnemarExact } from '../stats/mcnemar';
import { holm } from '../stats/multiple-testing';
import { newcombePaired } from '../stats/proportion-difference';
import { wilcoxonSignedRank } from '../stats/wilcoxon';

export interface QuestionOutcome {
  line: number;
  /** 1-based rank of the first gold document in the top k, or null. */
  rank: number | null;
  ndcg: number;
}

export interface KbMetricRow {
  name: 'hit_at_k' | 'mrr_at_k' | 'ndcg_at_k';
  a: number;
  b: number;
  diff: number;
  ci_low: number;
  ci_high: number;
  test: 'mcnemar_exact' | 'wilcoxon';
  p_value: number;
  p_adjusted: number;
  significant: boolean;
  regressed: boolean;
}

export interface KbComparison {
  questions: number;
  /** Questions present in only one of the two runs (different files or lines). */
  unpaired: number;
  metrics: KbMetricRow[];
  /** Lines of questions the old KB answered within k and the new one does not. */
  lostHits: number[];
  gainedHits: number[];
}

const mean = (v: readonly number[]) => v.reduce((s, x) => s + x, 0) / v.length;

export function compareRetrieval(before: readonly QuestionOutcome[], after: readonly QuestionOutcome[], seed = 1, resamples = 10_000): KbComparison {
  const byLine = new Map(after.map((q) => [q.line, q]));
  const pairs = before.flatMap((q) => { const b = byLine.get(q.line); return b ? [[q, b] as const] : []; });
  if (pairs.length === 0) throw new RangeError('no question was evaluated against both KB versions');
  const hitA = pairs.map(([a]) => (a.rank !== null ? 1 : 0));
  const hitB = pairs.map(([, b]) => (b.rank !== null ? 1 : 0));
  const rrA = pairs.map(([a]) => (a.rank ? 1 / a.rank : 0));
  const rrB = pairs.map(([, b]) => (b.rank ? 1 / b.rank : 0));
  const ndA = pairs.map(([a]) => a.ndcg);
  const ndB = pairs.map(([, b]) => b.ndcg);
  let both = 0, onlyA = 0, onlyB = 0;
  const lostHits: number[] = [];
  const gainedHits: number[] = [];
  pairs.forEach(([a, b], i) => {
    if (hitA[i] && hitB[i]) both++;
    else if (hitA[i]) { onlyA++; lostHits.push(a.line); }
    else if (hitB[i]) { onlyB++; gainedHits.push(b.line); }
  });
  const n = pairs.length;
  const hitCi = newcombePaired(both, onlyA, onlyB, n - both - onlyA - onlyB);
  const diffs = new Float64Array(n * 2);
  for (let i = 0; i < n; i++) {
    diffs[i * 2] = rrB[i]! - rrA[i]!;
    diffs[i * 2 + 1] = ndB[i]! - ndA[i]!;
  }
  const [rrBoot, ndBoot] = pairedBootstrap({ values: diffs, k: 2 }, { seed, resamples });
  const raw = [
    { name: 'hit_at_k' as const, a: mean(hitA), b: mean(hitB), ci_low: hitCi.low, ci_high: hitCi.high, test: 'mcnemar_exact' as const, p_value: mcnemarExact(onlyA, onlyB).pValue },
    { name: 'mrr_at_k' as const, a: mean(rrA), b: mean(rrB), ci_low: rrBoot!.low, ci_high: rrBoot!.high, test: 'wilcoxon' as const, p_value: wilcoxonSignedRank(rrB.map((x, i) => x - rrA[i]!)).pValue },
    { name: 'ndcg_at_k' as const, a: mean(ndA), b: mean(ndB), ci_low: ndBoot!.low, ci_high: ndBoot!.high, test: 'wilcoxon' as const, p_value: wilcoxonSignedRank(ndB.map((x, i) => x - ndA[i]!)).pValue },
  ];
  const adjusted = holm(raw.map((r) => r.p_value));
  const metrics = raw.map((r, i) => {
    const significant = adjusted[i]! < 0.05;
    return { ...r, diff: r.b - r.a, p_adjusted: adjusted[i]!, significant, regressed: significant && r.b < r.a };
  });
  return { questions: n, unpaired: before.length + after.length - 2 * n, metrics, lostHits, gainedHits };
}
