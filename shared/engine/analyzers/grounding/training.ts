/**
 * Fitting the claim model from records labelled at response level. Pure (no I/O): used by
 * scripts/train-grounding.ts to produce weights.ts and by the eval's cross-data-set rows.
 */
import type { AnalyzerRecord } from '../../analyzer';
import { aggregateSupport, type Aggregation } from './aggregate';
import { calibrateSupport } from './calibrate';
import { analyzeGroundingWith, capsRecord, CONFLICT_SUPPORT_SHARE, type ClaimResult } from './analyze';
import { FEATURE_NAMES, type FeatureName, type Features } from './claim-features';
import { fitLogistic, type TrainingRow } from './fit-logistic';
import { claimSupport, type LogisticModel } from './model';
import { GroundingParams } from './params';
import { recordShape, RECORD_SHAPES, type RecordShape } from './record-shape';
import { groundingModel } from './weights';
import { thresholds } from '../../thresholds';
import { rocAuc } from '../../../stats/roc-auc';

export interface LabelledRecord {
  dataset: string;
  record: AnalyzerRecord;
  hallucinated: boolean;
}

export interface Featurized<T extends LabelledRecord = LabelledRecord> {
  item: T;
  shape: RecordShape;
  /**
   * `conflict`: its own context states a number, name or polarity otherwise, which caps the claim's support
   * whatever the model says; `capsRecord`: a number or name conflict, which caps the record's grounding too.
   */
  claims: Array<{ features: Features; words: number; conflict: boolean; capsRecord: boolean }>;
}

/**
 * Prior weights, the hand-set starting point the fit is pulled towards: coverage, similarity and word order support a
 * claim; a missing name or number, a negation flip or an antonym should each sink it on its own. The data
 * moves weights it has evidence about and leaves rare signals (negation, antonyms) near their prior.
 */
export const PRIOR: Readonly<Record<FeatureName, number>> = {
  coverage: 2, localCoverage: 2, pairCoverage: 1, similarity: 1, entityMiss: -3, numberMiss: -3,
  negationMismatch: -3, antonymConflict: -3, novelty: -1, orderAgreement: 1,
};

// Support can only rise with coverage and similarity and only fall with misses and conflicts; a feature whose
// fitted sign disagrees is explaining a quirk of the training data, so it is dropped and the rest refitted.
const SIGNS: Readonly<Record<FeatureName, 1 | -1>> = {
  coverage: 1, localCoverage: 1, pairCoverage: 1, similarity: 1, entityMiss: -1, numberMiss: -1,
  negationMismatch: -1, antonymConflict: -1, novelty: -1, orderAgreement: 1,
};

export const DEFAULT_L2 = 30;

/** Claim features of each record; the model only rescales them, so they are computed once. */
export function featurize<T extends LabelledRecord>(items: readonly T[], params: GroundingParams = GroundingParams.parse({})): Featurized<T>[] {
  return items.map((item) => {
    const out = analyzeGroundingWith(groundingModel, item.record, params, {});
    const claims = ((out.details?.claims ?? []) as ClaimResult[])
      .filter((c): c is ClaimResult & { features: Features } => c.features !== null)
      .map((c) => ({ features: c.features, words: c.words, conflict: c.label === 'contradicted' && c.evidence?.relation === 'contradicts', capsRecord: capsRecord(c) }));
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

/** The word-overlap features: each says how much of the claim the evidence holds. */
export const SUPPORT_FEATURES: readonly FeatureName[] = ['coverage', 'localCoverage', 'pairCoverage'];

/**
 * How the claim model combines features. `free`: every feature its own weight (the most the data can say).
 * `tied`: the three overlap features share one weight (their mean enters the model), and only missing names
 * and numbers and the order of the claim's words in its evidence sentence (1.7.0) are fitted beside it (similarity and novelty are left out; negation and antonym conflicts act
 * through the conflict caps alone: as fitted weights they added nothing on summaries and cost long-form QA). Similarity is the feature that transferred worst
 * (AUROC 0.50 alone on QA against 0.88-0.90 on dialogue and long-form QA), and letting the overlap features
 * trade weight against each other fitted one family's balance: out of source on QA the free model reached 0.960
 * where pairCoverage alone reaches 0.990.
 */
export interface ModelForm {
  name: 'free' | 'tied';
  /** Features fitted (for `tied`, SUPPORT_FEATURES enter as their mean with one weight). */
  features: readonly FeatureName[];
  l2: number;
}

export const FREE_FORM: ModelForm = { name: 'free', features: FEATURE_NAMES, l2: DEFAULT_L2 };
export const TIED_FORM: ModelForm = {
  name: 'tied', features: ['coverage', 'localCoverage', 'pairCoverage', 'entityMiss', 'numberMiss', 'orderAgreement'], l2: DEFAULT_L2,
};
/** Candidates for chooseModelForm, simplest first (a tie goes to the earlier one). */
export const MODEL_FORMS: readonly ModelForm[] = [TIED_FORM, FREE_FORM];

/** The inputs a form fits: its own features, with the tied overlap features as one column (their mean). */
function formColumns(form: ModelForm): Array<{ name: string; of: (x: readonly number[]) => number; prior: number; sign: 1 | -1; spreads: FeatureName[] }> {
  const column = (n: FeatureName) => ({ name: n, of: (x: readonly number[]) => x[FEATURE_NAMES.indexOf(n)]!, prior: PRIOR[n], sign: SIGNS[n], spreads: [n] });
  if (form.name === 'free') return form.features.map(column);
  const tied = SUPPORT_FEATURES.map((n) => FEATURE_NAMES.indexOf(n));
  return [
    {
      name: 'overlap', of: (x) => tied.reduce((s, i) => s + x[i]!, 0) / tied.length,
      prior: SUPPORT_FEATURES.reduce((s, n) => s + PRIOR[n], 0), sign: 1, spreads: [...SUPPORT_FEATURES],
    },
    ...form.features.filter((n) => !SUPPORT_FEATURES.includes(n)).map(column),
  ];
}

export function fitGroundingModel(
  data: readonly Featurized[],
  familyOf: FamilyOf = (f) => f.item.dataset,
  l2 = DEFAULT_L2,
  form: ModelForm = FREE_FORM,
): LogisticModel {
  const rows = trainingRows(data, familyOf);
  let active = formColumns(form);
  for (;;) {
    const fit = fitLogistic(rows.map((r) => ({ ...r, x: active.map((c) => c.of(r.x)) })), l2, active.map((c) => c.prior));
    const wrong = active.filter((c, i) => Math.sign(fit.coefficients[i]!) === -c.sign);
    if (wrong.length === 0) {
      const weights = Object.fromEntries(FEATURE_NAMES.map((n) => [n, 0])) as Record<FeatureName, number>;
      // A tied column's weight is spread evenly: w x mean(a, b, c) = (w/3)a + (w/3)b + (w/3)c.
      active.forEach((c, i) => { for (const n of c.spreads) weights[n] = fit.coefficients[i]! / c.spreads.length; });
      return { bias: fit.bias, weights };
    }
    active = active.filter((c) => !wrong.includes(c));
  }
}

// Features that support a claim as they rise; the rest (misses, conflicts, novelty) count against it.
const RISING: ReadonlySet<FeatureName> = new Set(['coverage', 'localCoverage', 'pairCoverage', 'similarity', 'orderAgreement']);

/** One feature alone as a response score (higher = better supported), aggregated over claims as support is. */
export function featureScore(f: Featurized, name: FeatureName): number {
  return aggregateSupport(f.claims.map((c) => ({ support: RISING.has(name) ? c.features[name] : 1 - c.features[name], weight: c.words })), 'softmin');
}

/** AUROC of telling hallucinated records from faithful ones by a response score (higher = better supported). */
export function hallucinationAuroc(data: readonly Featurized[], score: (f: Featurized) => number): number {
  return rocAuc(data.map((f) => 1 - score(f)), data.map((f) => f.item.hallucinated)) ?? 0.5;
}

/** The best single claim feature on a set of records: the bar a combination of features must clear there. */
export function bestSingleFeature(data: readonly Featurized[]): { name: FeatureName; auroc: number } {
  let best = { name: FEATURE_NAMES[0] as FeatureName, auroc: 0 };
  for (const name of FEATURE_NAMES) {
    const a = hallucinationAuroc(data, (f) => featureScore(f, name));
    if (a > best.auroc) best = { name, auroc: a };
  }
  return best;
}

export interface FormChoice {
  form: ModelForm;
  /** Per form: the worst and the mean margin over the families held out in turn (AUROC minus best single feature). */
  margins: Array<{ form: ModelForm['name']; worst: number; mean: number; byFamily: Record<string, number> }>;
}

/**
 * Chooses the model form by leave-one-family-out on the given (training) families only: each family is held
 * out in turn, the form fitted on the others, and its AUROC there compared with that family's best single
 * feature. The form whose worst margin is highest wins; a richer form must beat a simpler one's by more than
 * 0.002 (otherwise the simpler one stays): the goal is a combination that is never worse than its simplest
 * feature on a task it was not fitted on, not the best average.
 */
export function chooseModelForm(data: readonly Featurized[], familyOf: FamilyOf, forms: readonly ModelForm[] = MODEL_FORMS): FormChoice {
  const families = [...new Set(data.map(familyOf))];
  const bars = new Map(families.map((fam) => [fam, bestSingleFeature(data.filter((f) => familyOf(f) === fam)).auroc]));
  const margins = forms.map((form) => {
    const byFamily: Record<string, number> = {};
    for (const fam of families) {
      const train = data.filter((f) => familyOf(f) !== fam);
      const test = data.filter((f) => familyOf(f) === fam);
      const model = fitGroundingModel(train, familyOf, form.l2, form);
      byFamily[fam] = hallucinationAuroc(test, (f) => groundingScore(f, model, 'softmin', 0)) - bars.get(fam)!;
    }
    const values = Object.values(byFamily);
    return { form: form.name, worst: Math.min(...values), mean: values.reduce((s, v) => s + v, 0) / Math.max(1, values.length), byFamily };
  });
  // A later (richer) form must beat the simpler one's worst margin clearly, not by noise.
  let best = 0;
  margins.forEach((m, i) => {
    if (m.worst > margins[best]!.worst + 0.002) best = i;
  });
  return { form: forms[best]!, margins };
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
  const capped = supports.filter((s, i) => f.claims[i]!.capsRecord).map((s) => s.support);
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
