// The results of a review queue: deviations and their upper limit against the tolerable rate, inter-reviewer
// agreement, and how well each analyzer flag matched the reviewers (the measured accuracy a report prints).
import type { FlagAccuracy, ReviewStats, SamplingMethod, Allocation, VerdictValue } from '../contract/review-schemas';
import { cohenKappa, krippendorffAlphaNominal } from '../stats/agreement';
import { hypergeomUpperLimit } from '../stats/hypergeometric';
import { clopperPearsonUpper, wilsonInterval } from '../stats/proportions';
import { failLabels, finalVerdict, type JudgedVerdict } from './final-verdict';
import { conclusionText } from './conclusion';

export interface QueueDesign {
  queue: string;
  n: number;
  population: number;
  method: SamplingMethod;
  allocation: Allocation | null;
  confidence: number;
  tolerable: number;
}

export interface StatsItem {
  record: number;
  /** The analyzer flags raised on the record; null when it was never analyzed. */
  flags: readonly string[] | null;
}

export interface StatsVerdict extends JudgedVerdict {
  record: number;
}

/** Flags the analyzers raise, each matched by the review label of the same name. */
export const ANALYZER_FLAGS = ['hallucination', 'toxic', 'injection', 'pii'] as const;

/** Equal-probability designs, the only ones whose sample speaks for the population's deviation rate. */
export function isEqualProbability(method: SamplingMethod, allocation: Allocation | null): boolean {
  return method === 'random' || (method === 'stratified' && allocation !== 'equal');
}

function flagAccuracy(flag: string, judged: { flags: readonly string[]; fail: boolean; labels: Set<string> }[]): FlagAccuracy {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  for (const j of judged) {
    // A failed record counts against this flag unless the reviewers named other kinds of deviation only.
    const truth = j.fail && (j.labels.size === 0 || j.labels.has(flag));
    const raised = j.flags.includes(flag);
    if (raised && truth) tp++;
    else if (raised) fp++;
    else if (truth) fn++;
    else tn++;
  }
  const p = wilsonInterval(tp, tp + fp, 0.95);
  const r = wilsonInterval(tp, tp + fn, 0.95);
  return {
    flag, precision: tp + fp ? tp / (tp + fp) : null, precision_ci: [p.low, p.high],
    recall: tp + fn ? tp / (tp + fn) : null, recall_ci: [r.low, r.high], tp, fp, fn, tn,
  };
}

export function reviewStats(design: QueueDesign, items: readonly StatsItem[], verdicts: readonly StatsVerdict[]): ReviewStats {
  const byRecord = new Map<number, StatsVerdict[]>();
  for (const v of verdicts) {
    const list = byRecord.get(v.record);
    if (list) list.push(v);
    else byRecord.set(v.record, [v]);
  }
  let reviewed = 0;
  let deviations = 0;
  const pairs: [VerdictValue, VerdictValue][] = [];
  const units: VerdictValue[][] = [];
  const disagreements: ReviewStats['disagreements'] = [];
  const judged: { flags: readonly string[]; fail: boolean; labels: Set<string> }[] = [];
  for (const item of items) {
    const vs = (byRecord.get(item.record) ?? []).slice().sort((a, b) => (a.reviewer < b.reviewer ? -1 : a.reviewer > b.reviewer ? 1 : 0));
    const final = finalVerdict(vs);
    if (final === null) continue;
    reviewed++;
    if (final === 'fail') deviations++;
    if (vs.length === 2) pairs.push([vs[0]!.verdict, vs[1]!.verdict]);
    if (vs.length >= 2) units.push(vs.map((v) => v.verdict));
    if (new Set(vs.map((v) => v.verdict)).size > 1) {
      disagreements.push({ record: item.record, verdicts: vs.map((v) => ({ reviewer: v.reviewer, verdict: v.verdict })) });
    }
    if (final !== 'unsure' && item.flags !== null) judged.push({ flags: item.flags, fail: final === 'fail', labels: failLabels(vs) });
  }
  const kappa = cohenKappa(pairs);
  const alpha = krippendorffAlphaNominal(units);
  const upper = reviewed ? clopperPearsonUpper(deviations, reviewed, design.confidence) : null;
  const finite = reviewed ? hypergeomUpperLimit(deviations, reviewed, Math.max(design.population, reviewed), design.confidence) : null;
  const equalProbability = isEqualProbability(design.method, design.allocation);
  const below = equalProbability && finite !== null && finite <= design.tolerable;
  const perReviewer = new Map<string, number>();
  for (const v of verdicts) perReviewer.set(v.reviewer, (perReviewer.get(v.reviewer) ?? 0) + 1);
  return {
    queue: design.queue, n: design.n, reviewed, deviations, upper_limit: upper, upper_limit_finite: finite, population: design.population,
    confidence: design.confidence, tolerable: design.tolerable, below_tolerable: below,
    conclusion: conclusionText({ ...design, reviewed, deviations, upper: finite, equalProbability }),
    agreement: { items: kappa.items, kappa: kappa.kappa, alpha_items: alpha.units, alpha: alpha.alpha },
    analyzers: ANALYZER_FLAGS.map((f) => flagAccuracy(f, judged)),
    progress: [...perReviewer].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([reviewer, n]) => ({ reviewer, reviewed: n })),
    disagreements,
  };
}
