/**
 * Fitting the claim model from records labelled at response level. Pure (no I/O): used by
 * scripts/train-grounding.ts to produce weights.ts and by the eval's cross-data-set rows.
 */
import type { AnalyzerRecord } from '../../analyzer';
import { aggregateSupport, type Aggregation } from './aggregate';
import { calibrateSupport } from './calibrate';
import { analyzeGroundingWith, CONFLICT_SUPPORT_SHARE, type ClaimResult } from './analyze';
import { FEATURE_NAMES, type FeatureName, type Features } from './claim-features';
import { fitLogistic, type TrainingRow } from './fit-logistic';
import { claimSupport, type LogisticModel } from './model';
import { GroundingParams } from './params';
import { recordShape, RECORD_SHAPES, type RecordShape } from './record-shape';
import { groundingModel } from './weights';
import { thresholds } from '../../thresholds';

export interface LabelledRecord {
  dataset: string;
  record: AnalyzerRecord;
  hallucinated: boolean;
}

export interface Featurized<T extends LabelledRecord = LabelledRecord> {
  item: T;
  shape: RecordShape;
  /** `conflict`: a number or name its own context states otherwise, which caps support whatever the model says. */
  claims: Array<{ features: Features; words: number; conflict: boolean }>;
}

/**
 * Prior weights, the hand-set starting point the fit is pulled towards: coverage and similarity support a
 * claim; a missing name or number, a negation flip or an antonym should each sink it on its own. The data
 * moves weights it has evidence about and leaves rare signals (negation, antonyms) near their prior.
 */
export const PRIOR: Readonly<Record<FeatureName, number>> = {
  coverage: 2, localCoverage: 2, pairCoverage: 1, similarity: 1, entityMiss: -3, numberMiss: -3,
  negationMismatch: -3, antonymConflict: -3, novelty: -1,
};

// Support can only rise with coverage and similarity and only fall with misses and conflicts; a feature whose
// fitted sign disagrees is explaining a quirk of the training data, so it is dropped and the rest refitted.
const SIGNS: Readonly<Record<FeatureName, 1 | -1>> = {
  coverage: 1, localCoverage: 1, pairCoverage: 1, similarity: 1, entityMiss: -1, numberMiss: -1,
  negationMismatch: -1, antonymConflict: -1, novelty: -1,
};

export const DEFAULT_L2 = 30;

/** Claim features of each record; the model only rescales them, so they are computed once. */
export function featurize<T extends LabelledRecord>(items: readonly T[], params: GroundingParams = GroundingParams.parse({})): Featurized<T>[] {
  return items.map((item) => {
    const out = analyzeGroundingWith(groundingModel, item.record, params, {});
    const claims = ((out.details?.claims ?? []) as ClaimResult[])
      .filter((c): c is ClaimResult & { features: Features } => c.features !== null)
      .map((c) => ({ features: c.features, words: c.words, conflict: c.label === 'contradicted' && c.evidence?.relation === 'contradicts' }));
    return { item, shape: recordShape(item.record), claims };
  });
}

/** Which training set a record belongs to; each set and each class in it carries equal total weight. */
export type FamilyOf = (f: Featurized) => string;

/** Each claim inherits its record's label; a record weighs the same whatever its claim count. */
function trainingRows(data: readonly Featurized[], familyOf: FamilyOf): TrainingRow[] {
  const totals = new Map<string, number>();
  const keyOf = (f: Featurized): string => `${familyOf(f)}:${f.item.hallucinated}`;
  for (const f of data) if (f.claims.length > 0) totals.set(keyOf(f), (totals.get(keyOf(f)) ?? 0) + 1);
  const rows: TrainingRow[] = [];
  for (const f of data) {
    const recordWeight = 1000 / (totals.get(keyOf(f)) ?? 1) / f.claims.length;
    for (const c of f.claims) rows.push({ x: FEATURE_NAMES.map((n) => c.features[n]), y: f.item.hallucinated ? 0 : 1, weight: recordWeight });
  }
  return rows;
}

export function fitGroundingModel(data: readonly Featurized[], familyOf: FamilyOf = (f) => f.item.dataset, l2 = DEFAULT_L2): LogisticModel {
  const rows = trainingRows(data, familyOf);
  let active: FeatureName[] = [...FEATURE_NAMES];
  for (;;) {
    const idx = active.map((n) => FEATURE_NAMES.indexOf(n));
    const fit = fitLogistic(rows.map((r) => ({ ...r, x: idx.map((i) => r.x[i]!) })), l2, active.map((n) => PRIOR[n]));
    const wrong = active.filter((n, i) => Math.sign(fit.coefficients[i]!) === -SIGNS[n]);
    if (wrong.length === 0) {
      const weights = Object.fromEntries(FEATURE_NAMES.map((n) => [n, active.includes(n) ? fit.coefficients[active.indexOf(n)]! : 0]));
      return { bias: fit.bias, weights: weights as Record<FeatureName, number> };
    }
    active = active.filter((n) => !wrong.includes(n));
  }
}

/**
 * Response grounding under a model and aggregation: what the analyzer reports with that model (conflicts with
 * the record's own context capping it, then calibrated for the record's shape so thresholds.grounding is the
 * flag cut-off). `cut` overrides the model's cut-off for the shape; 0 gives the uncalibrated support with
 * conflicts at 0 (flagged at any cut-off), which is what cut-offs are chosen on.
 */
export function groundingScore(f: Featurized, model: LogisticModel, how: Aggregation, cut?: number): number {
  const c = cut ?? model.shapeCuts?.[f.shape] ?? thresholds.grounding;
  const supports = f.claims.map((x) => ({
    support: x.conflict ? Math.min(claimSupport(x.features, model), c * CONFLICT_SUPPORT_SHARE) : claimSupport(x.features, model),
    weight: x.words,
  }));
  const capped = supports.filter((s, i) => f.claims[i]!.conflict).map((s) => s.support);
  return calibrateSupport(Math.min(aggregateSupport(supports, how), ...capped), c);
}

/** A family needs this many records of each class in a shape to help choose that shape's cut-off. */
const MIN_PER_CLASS = 30;
/** A shape gets its own cut-off only where at least this many families have enough records of it. */
const MIN_FAMILIES = 2;

/**
 * Flag cut-off per record shape on the model's support scale: within each shape, the best mean Youden J over
 * the families present with at most `maxFpr` of each one's faithful answers flagged (balancedThreshold), so
 * every shape flags a similar share of faithful answers. A shape with too few training records, or records from
 * only one family, takes the cut-off chosen on all of them.
 */
export function chooseShapeCuts(data: readonly Featurized[], model: LogisticModel, familyOf: FamilyOf, maxFpr: number): Record<RecordShape, number> {
  const raw = data.map((f) => groundingScore(f, model, 'softmin', 0));
  const labels = data.map((f) => f.item.hallucinated);
  const families = data.map(familyOf);
  const pooled = balancedThreshold(raw, labels, families, maxFpr).threshold;
  const cuts = {} as Record<RecordShape, number>;
  const enough = (idx: number[]): boolean => {
    const pos = idx.filter((i) => labels[i]).length;
    return pos >= MIN_PER_CLASS && idx.length - pos >= MIN_PER_CLASS;
  };
  for (const shape of RECORD_SHAPES) {
    // Only families with enough records of this shape vote: a handful of one family's odd records must not set it.
    const inShape = data.flatMap((f, i) => (f.shape === shape ? [i] : []));
    const voters = [...new Set(inShape.map((i) => families[i]!))].filter((fam) => enough(inShape.filter((i) => families[i] === fam)));
    const idx = inShape.filter((i) => voters.includes(families[i]!));
    // One family alone sets a cut-off that fits its own quirks and fails on the next (measured: the long-source
    // cut-off from dialogue alone flags 29% of faithful long-form answers), so a shape needs two.
    cuts[shape] = voters.length < MIN_FAMILIES
      ? pooled
      : balancedThreshold(idx.map((i) => raw[i]!), idx.map((i) => labels[i]!), idx.map((i) => families[i]!), maxFpr).threshold;
  }
  return cuts;
}

export interface ThresholdChoice {
  threshold: number;
  /** Mean Youden J over the families at that cut-off. */
  meanJ: number;
  /** Whether every family kept its false-flag rate within the cap (if none could, the cap is dropped). */
  capped: boolean;
}

/**
 * The grounding cut-off (to 0.01) with the best balanced accuracy (Youden's J = recall of hallucinations +
 * recall of supported answers - 1), averaged over families so the larger benchmark does not pick it alone,
 * among the cut-offs that flag at most `maxFpr` of the supported answers of every family: a flag that fires on
 * a large share of good answers is no use to someone reviewing the flagged ones.
 */
export function balancedThreshold(
  scores: readonly number[],
  hallucinated: readonly boolean[],
  families: readonly string[],
  maxFpr = 1,
): ThresholdChoice {
  const names = [...new Set(families)];
  const pick = (cap: number): ThresholdChoice | null => {
    let best: ThresholdChoice | null = null;
    for (let step = 1; step < 100; step++) {
      const cut = step / 100;
      let j = 0;
      let withinCap = true;
      for (const name of names) {
        let pos = 0, neg = 0, tp = 0, fp = 0;
        scores.forEach((g, i) => {
          if (families[i] !== name) return;
          if (hallucinated[i]) { pos++; if (g < cut) tp++; } else { neg++; if (g < cut) fp++; }
        });
        const fpr = fp / Math.max(1, neg);
        if (fpr > cap) withinCap = false;
        j += (tp / Math.max(1, pos) - fpr) / names.length;
      }
      if (withinCap && (best === null || j > best.meanJ + 1e-9)) best = { threshold: cut, meanJ: j, capped: cap < 1 };
    }
    return best;
  };
  return pick(maxFpr) ?? pick(1) ?? { threshold: 0.5, meanJ: 0, capped: false };
}
