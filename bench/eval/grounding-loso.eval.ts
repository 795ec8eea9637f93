// Grounding, leave one task family out: for each family (QA, dialogue, long-form RAG QA, summaries) the claim model
// is fitted and the flag cut-offs per record shape chosen on the other families only (a shape they do not have
// takes their pooled cut-off), then scored on the family left out (out-of-source). Scores are calibrated as the
// analyzer calibrates them, so every row flags at thresholds.grounding. The model form (training.ts, chooseModelForm)
// is chosen inside each fold from its training families. Beside it: the best single claim feature on that family
// (the bar the combination must clear), the shipped weights and threshold (in-sample where the family was in their
// training data), plain content-word overlap on dialogue, and five summaries joined into one record.
import type { LogisticModel } from '../../shared/engine/analyzers/grounding/model';
import {
  bestSingleFeature, chooseModelForm, chooseShapeCuts, featurize, fitGroundingModel, groundingScore, type Featurized,
} from '../../shared/engine/analyzers/grounding/training';
import { groundingModel } from '../../shared/engine/analyzers/grounding/weights';
import { thresholds } from '../../shared/engine/thresholds';
import { atThreshold, auroc } from './binary-metrics';
import type { EvalRow, EvalSuite } from './eval-types';
import { loadBegin, loadHaluEvalQa, type LabeledRecord } from './grounding.eval';
import { loadLfqa, loadSummEdits, taskFamily, type TaskFamily } from './grounding-sources';
import { SHIPPED_FAMILIES, MAX_FALSE_FLAGS } from './grounding-training-set';
import { joinedSummaries } from './grounding-long-summaries';
import { tokenKey } from '../../shared/engine/analyzers/grounding/evidence';
import { maskMarkup } from '../../shared/text/sentences';
import { contentTokens, tokenize } from '../../shared/text/tokenize';

type Data = Featurized<LabeledRecord>[];

const familyOf = (f: Featurized): string => taskFamily(f.item.dataset);

/** Hallucination score (higher = more likely hallucinated) of each record under a model, capped as the analyzer caps. */
function scores(data: Data, model: LogisticModel): number[] {
  return data.map((f) => 1 - groundingScore(f, model, 'softmin'));
}

const fmt = (x: number | null): string => (x === null ? 'n/a' : x.toFixed(3));

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

/**
 * Plain content-word overlap: the share of the answer's distinct content words (by stem, numbers by value) found
 * anywhere in its contexts, for the whole answer at once. It is the simplest grounding score there is, and the
 * one outside evaluators compared the combination with on knowledge-grounded dialogue.
 */
export function plainOverlap(record: LabeledRecord['record']): number {
  const keysOf = (text: string): Set<string> => new Set(contentTokens(tokenize(maskMarkup(text))).map(tokenKey));
  const answer = keysOf(typeof record.output === 'string' ? record.output : '');
  const evidence = keysOf(record.contexts.filter((c): c is string => typeof c === 'string').join('\n'));
  if (answer.size === 0) return 1;
  let found = 0;
  for (const k of answer) if (evidence.has(k)) found++;
  return found / answer.size;
}

function overlapRow(family: TaskFamily, test: Data, combined: number[]): EvalRow {
  const s = test.map((f) => 1 - plainOverlap(f.item.record));
  const labels = test.map((f) => f.item.hallucinated);
  // The comparison is the AUROC; the threshold columns flag an overlap below 0.18, which no one ships.
  return {
    ...row(`${family}: plain content-word overlap`, 'out-of-source', test, s, thresholds.grounding, ''),
    note: `nothing fitted (compare AUROC only); the combination left out scores ${fmt(auroc(combined, labels))} on the same records; by source: ${bySource(test, s)}`,
  };
}

/** Long summaries (grounding-long-summaries.ts): the share of faithful ones flagged at the shipped threshold. */
function joinedRows(joined: Data, leftOut: LogisticModel): EvalRow[] {
  if (joined.length === 0) return [];
  const note = 'five SummEdits summaries joined, contexts their five documents; unfaithful = one of the five unfaithful; FPR = faithful flagged';
  return [
    row('summaries joined by five (summaries left out)', 'out-of-source', joined, scores(joined, leftOut), thresholds.grounding, note),
    row('summaries joined by five (shipped weights)', 'in-sample', joined, scores(joined, groundingModel), thresholds.grounding, note),
  ];
}

export function familyRows(all: Data, joined: Data = []): EvalRow[] {
  const rows: EvalRow[] = [];
  const families = [...new Set(all.map(familyOf))] as TaskFamily[];
  for (const family of families) {
    const test = all.filter((f) => familyOf(f) === family);
    const train = all.filter((f) => familyOf(f) !== family);
    if (train.length === 0 || test.length === 0) continue;
    // The model form too is chosen on the training families alone (each left out in turn, chooseModelForm).
    const choice = chooseModelForm(train, familyOf);
    const fitted = fitGroundingModel(train, familyOf, choice.form.l2, choice.form);
    const model = { ...fitted, shapeCuts: chooseShapeCuts(train, fitted, familyOf, MAX_FALSE_FLAGS) };
    const s = scores(test, model);
    const single = bestSingleFeature(test);
    const shapes = [...new Set(test.map((f) => f.shape))].map((sh) => `${sh} ${model.shapeCuts[sh].toFixed(2)}`).join(', ');
    rows.push(row(`${family} (left out)`, 'out-of-source', test, s, thresholds.grounding,
      `${choice.form.name} form (inner margins ${choice.margins.map((m) => `${m.form} ${Object.entries(m.byFamily).map(([k, v]) => `${k} ${v.toFixed(3)}`).join(' ')}`).join(', ')}), fitted + cut-offs on ${[...new Set(train.map(familyOf))].join(', ')} (shape cut-offs here: ${shapes}); best single feature here ${single.name} ${fmt(single.auroc)}; by source: ${bySource(test, s)}`));
    const shipped = scores(test, groundingModel);
    const scope = SHIPPED_FAMILIES.includes(family) ? 'in-sample' : 'out-of-source';
    rows.push(row(`${family} (shipped weights)`, scope, test, shipped, thresholds.grounding,
      `committed weights and shape cut-offs; by source: ${bySource(test, shipped)}`));
    if (family === 'dialogue') rows.push(overlapRow(family, test, s));
    if (family === 'summaries') rows.push(...joinedRows(joined, model));
  }
  return rows;
}

const suite: EvalSuite = {
  name: 'grounding-loso',
  async run(evaldata: string) {
    const loaded = [loadHaluEvalQa(evaldata), loadBegin(evaldata), loadLfqa(evaldata), loadSummEdits(evaldata)];
    const all = featurize(loaded.flatMap((l) => l.records));
    const joined = featurize(joinedSummaries(loaded[3]!.records));
    return { rows: familyRows(all, joined), skipped: [...loaded.flatMap((l) => l.skipped), 'data-to-text: no labelled dev set in ../shared/evaldata'] };
  },
};

export default suite;
