// Grounding, leave one task family out: for each family (QA, dialogue, long-form RAG QA, summaries) the claim model
// is fitted and the flag cut-offs per record shape chosen on the other families only (a shape they do not have
// takes their pooled cut-off), then scored on the family left out (out-of-source). Scores are calibrated as the
// analyzer calibrates them, so every row flags at thresholds.grounding. Beside it: the best single claim feature on that family (the bar the combination must clear)
// and the shipped weights and threshold (in-sample where the family was in their training data).
import { FEATURE_NAMES, type FeatureName } from '../../shared/engine/analyzers/grounding/claim-features';
import type { LogisticModel } from '../../shared/engine/analyzers/grounding/model';
import { aggregateSupport } from '../../shared/engine/analyzers/grounding/aggregate';
import {
  chooseShapeCuts, featurize, fitGroundingModel, groundingScore, type Featurized,
} from '../../shared/engine/analyzers/grounding/training';
import { groundingModel } from '../../shared/engine/analyzers/grounding/weights';
import { thresholds } from '../../shared/engine/thresholds';
import { atThreshold, auroc } from './binary-metrics';
import type { EvalRow, EvalSuite } from './eval-types';
import { loadBegin, loadHaluEvalQa, type LabeledRecord } from './grounding.eval';
import { loadLfqa, loadSummEdits, taskFamily, type TaskFamily } from './grounding-sources';
import { SHIPPED_FAMILIES, MAX_FALSE_FLAGS } from './grounding-training-set';

type Data = Featurized<LabeledRecord>[];

const familyOf = (f: Featurized): string => taskFamily(f.item.dataset);

/** Hallucination score (higher = more likely hallucinated) of each record under a model, capped as the analyzer caps. */
function scores(data: Data, model: LogisticModel): number[] {
  return data.map((f) => 1 - groundingScore(f, model, 'softmin'));
}

// Features that support a claim as they rise; the rest (misses, conflicts, novelty) count against it.
const RISING: ReadonlySet<FeatureName> = new Set(['coverage', 'localCoverage', 'pairCoverage', 'similarity']);

/** One feature alone, aggregated over claims as the analyzer aggregates support. */
function featureScores(data: Data, name: FeatureName): number[] {
  return data.map((f) => 1 - aggregateSupport(f.claims.map((c) => ({
    support: RISING.has(name) ? c.features[name] : 1 - c.features[name], weight: c.words,
  })), 'softmin'));
}

const fmt = (x: number | null): string => (x === null ? 'n/a' : x.toFixed(3));

function bestFeature(data: Data): { name: FeatureName; auroc: number } {
  const labels = data.map((f) => f.item.hallucinated);
  let best = { name: FEATURE_NAMES[0] as FeatureName, auroc: 0 };
  for (const name of FEATURE_NAMES) {
    const a = auroc(featureScores(data, name), labels) ?? 0;
    if (a > best.auroc) best = { name, auroc: a };
  }
  return best;
}

function row(dataset: string, scope: EvalRow['scope'], data: Data, s: number[], cut: number, note: string): EvalRow {
  const labels = data.map((f) => f.item.hallucinated);
  // Flag when grounding < cut, i.e. hallucination score > 1 - cut.
  return {
    analyzer: 'grounding', scope, dataset, n: data.length, positives: labels.filter(Boolean).length,
    auroc: auroc(s, labels), threshold: cut, ...atThreshold(s, labels, 1 - cut + 1e-12), note,
  };
}

function bySource(data: Data, s: number[]): string {
  const sources = [...new Set(data.map((f) => f.item.dataset))];
  return sources.map((src) => {
    const idx = data.flatMap((f, i) => (f.item.dataset === src ? [i] : []));
    return `${src.replace(/^(halueval-qa|begin|lfqa|summedits)-/, '')} ${fmt(auroc(idx.map((i) => s[i]!), idx.map((i) => data[i]!.item.hallucinated)))}`;
  }).join(', ');
}

export function familyRows(all: Data): EvalRow[] {
  const rows: EvalRow[] = [];
  const families = [...new Set(all.map(familyOf))] as TaskFamily[];
  for (const family of families) {
    const test = all.filter((f) => familyOf(f) === family);
    const train = all.filter((f) => familyOf(f) !== family);
    if (train.length === 0 || test.length === 0) continue;
    const fitted = fitGroundingModel(train, familyOf);
    const model = { ...fitted, shapeCuts: chooseShapeCuts(train, fitted, familyOf, MAX_FALSE_FLAGS) };
    const s = scores(test, model);
    const single = bestFeature(test);
    const shapes = [...new Set(test.map((f) => f.shape))].map((sh) => `${sh} ${model.shapeCuts[sh].toFixed(2)}`).join(', ');
    rows.push(row(`${family} (left out)`, 'out-of-source', test, s, thresholds.grounding,
      `fitted + cut-offs on ${[...new Set(train.map(familyOf))].join(', ')} (shape cut-offs here: ${shapes}); best single feature here ${single.name} ${fmt(single.auroc)}; by source: ${bySource(test, s)}`));
    const shipped = scores(test, groundingModel);
    const scope = SHIPPED_FAMILIES.includes(family) ? 'in-sample' : 'out-of-source';
    rows.push(row(`${family} (shipped weights)`, scope, test, shipped, thresholds.grounding,
      `committed weights and shape cut-offs; by source: ${bySource(test, shipped)}`));
  }
  return rows;
}

const suite: EvalSuite = {
  name: 'grounding-loso',
  async run(evaldata: string) {
    const loaded = [loadHaluEvalQa(evaldata), loadBegin(evaldata), loadLfqa(evaldata), loadSummEdits(evaldata)];
    const all = featurize(loaded.flatMap((l) => l.records));
    return { rows: familyRows(all), skipped: [...loaded.flatMap((l) => l.skipped), 'data-to-text: no labelled dev set in ../shared/evaldata'] };
  },
};

export default suite;
