// Grounding eval: HaluEval QA (gold vs hallucinated answer with knowledge) and BEGIN dev (attributable vs not),
// scored on the held-out 40% that scripts/train-grounding.ts never trains on (in-sample: the same sources'
// other 60% trained the weights), and answer / context relevance on mismatched question pairs. Out-of-source
// figures, with a task family left out of fitting and threshold choice, are in grounding-loso.eval.ts.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AnalyzerRecord } from '../../shared/engine/analyzer';
import { thresholds } from '../../shared/engine/thresholds';
import { groundingAnalyzer } from '../../shared/engine/analyzers/grounding/index';
import type { LogisticModel } from '../../shared/engine/analyzers/grounding/model';
import { GroundingParams } from '../../shared/engine/analyzers/grounding/params';
import { featurize, groundingScore, type Featurized } from '../../shared/engine/analyzers/grounding/training';
import { groundingModel } from '../../shared/engine/analyzers/grounding/weights';
import { atThreshold, auroc } from './binary-metrics';
import type { EvalRow, EvalSuite } from './eval-types';

export interface LabeledRecord {
  dataset: string;
  /** Items sharing a group (same question, same dialogue turn) always land in the same split. */
  group: string;
  record: AnalyzerRecord;
  hallucinated: boolean;
}

export interface Loaded {
  records: LabeledRecord[];
  skipped: string[];
}

/** 40% of groups are held out from training, by a fixed hash so every run uses the same split. */
export function isHeldOut(group: string): boolean {
  let h = 0x811c9dc5;
  for (let i = 0; i < group.length; i++) h = Math.imul(h ^ group.charCodeAt(i), 0x01000193);
  return (h >>> 0) % 5 >= 3;
}

interface HaluQa {
  knowledge: string;
  question: string;
  right_answer: string;
  hallucinated_answer: string;
}

function isHaluQa(x: unknown): x is HaluQa {
  if (typeof x !== 'object' || x === null) return false;
  const o = x as Record<string, unknown>;
  return ['knowledge', 'question', 'right_answer', 'hallucinated_answer'].every((k) => typeof o[k] === 'string');
}

const HALU_FILES = [['qa_one-turn_data.json', 'halueval-qa-one-turn'], ['qa_multi-turn_data.json', 'halueval-qa-multi-turn']] as const;

/** HaluEval QA: each row gives one gold answer and one hallucinated answer to the same question. */
export function loadHaluEvalQa(evaldata: string): Loaded {
  const records: LabeledRecord[] = [];
  const skipped: string[] = [];
  for (const [file, dataset] of HALU_FILES) {
    const full = path.join(evaldata, 'halueval', file);
    if (!existsSync(full)) {
      skipped.push(`${dataset}: ${full} not found`);
      continue;
    }
    for (const line of readFileSync(full, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const row: unknown = JSON.parse(line);
      if (!isHaluQa(row)) continue;
      const base = { input: row.question, contexts: [row.knowledge] };
      records.push({ dataset, group: row.question, record: { ...base, output: row.right_answer }, hallucinated: false });
      records.push({ dataset, group: row.question, record: { ...base, output: row.hallucinated_answer }, hallucinated: true });
    }
  }
  return { records, skipped };
}

const BEGIN_FILES = [['wow', 'begin_dev_wow.tsv'], ['cmu-dog', 'begin_dev_cmu.tsv'], ['topicalchat', 'begin_dev_tc.tsv']] as const;

/** BEGIN dev: "Fully attributable" vs "Not fully attributable"; "Generic" responses are neither and left out. */
export function loadBegin(evaldata: string): Loaded {
  const records: LabeledRecord[] = [];
  const skipped: string[] = [];
  for (const [folder, file] of BEGIN_FILES) {
    const full = path.join(evaldata, 'begin', folder, file);
    if (!existsSync(full)) {
      skipped.push(`begin-${folder}: ${full} not found`);
      continue;
    }
    for (const line of readFileSync(full, 'utf8').split('\n').slice(1)) {
      const cols = line.replace(/\r$/, '').split('\t');
      if (cols.length !== 6) continue;
      const [, , knowledge, message, response, label] = cols as [string, string, string, string, string, string];
      if (label !== 'Fully attributable' && label !== 'Not fully attributable') continue;
      records.push({
        dataset: `begin-${folder}`,
        group: `${knowledge}\u0000${message}`,
        record: { input: message, output: response, contexts: [knowledge] },
        hallucinated: label === 'Not fully attributable',
      });
    }
  }
  return { records, skipped };
}

type Scored = { score: number; positive: boolean };

function row(
  analyzer: string,
  dataset: string,
  scored: Scored[],
  threshold: number,
  flagAtOrAbove: boolean,
  note: string,
): EvalRow {
  const scores = scored.map((s) => s.score);
  const labels = scored.map((s) => s.positive);
  // atThreshold flags score >= t; for "grounding below t flags" the scores are negated.
  const m = flagAtOrAbove
    ? atThreshold(scores, labels, threshold)
    : atThreshold(scores.map((x) => -x), labels, -threshold + 1e-12);
  return {
    // The shipped weights and threshold were fitted on these sources' training parts (and relevance has no labels).
    analyzer, scope: 'in-sample', dataset, n: scored.length, positives: labels.filter(Boolean).length,
    auroc: auroc(flagAtOrAbove ? scores : scores.map((x) => -x), labels), threshold, ...m, note,
  };
}

const fmt = (x: number | null): string => (x === null ? 'n/a' : x.toFixed(3));

function groundingRows(halu: Featurized<LabeledRecord>[], begin: Featurized<LabeledRecord>[]): EvalRow[] {
  const heldOut = (d: Featurized<LabeledRecord>[]): Featurized<LabeledRecord>[] => d.filter((f) => isHeldOut(f.item.group));
  const scoreWith = (d: Featurized<LabeledRecord>[], model: LogisticModel): Scored[] =>
    d.map((f) => ({ score: groundingScore(f, model, 'softmin'), positive: f.item.hallucinated }));
  const aurocOf = (s: Scored[]): string => fmt(auroc(s.map((x) => -x.score), s.map((x) => x.positive)));
  const rows: EvalRow[] = [];
  const t = thresholds.grounding;
  for (const name of ['halueval-qa-one-turn', 'halueval-qa-multi-turn']) {
    const set = heldOut(halu).filter((f) => f.item.dataset === name);
    if (!set.length) continue;
    rows.push(row('grounding', `${name} (held-out)`, scoreWith(set, groundingModel), t, false, 'score = 1 - grounding; committed weights'));
  }
  const beginHeld = heldOut(begin);
  if (beginHeld.length) {
    const parts = ['wow', 'cmu-dog', 'topicalchat']
      .map((p) => `${p} ${aurocOf(scoreWith(beginHeld.filter((f) => f.item.dataset === `begin-${p}`), groundingModel))}`);
    const note = `Generic excluded; AUROC by source: ${parts.join(', ')}`;
    rows.push(row('grounding', 'begin dev (held-out)', scoreWith(beginHeld, groundingModel), t, false, note));
  }
  return rows;
}

/**
 * Relevance has no labelled set here, so each HaluEval question is paired with its own answer or knowledge
 * (positive) and with another question's (negative): a sanity check of ranking, not a benchmark figure.
 */
function relevanceRows(halu: LabeledRecord[]): EvalRow[] {
  const params = GroundingParams.parse({});
  const scoresOf = (r: AnalyzerRecord): Record<string, number | null> => groundingAnalyzer.analyze(r, params, {}).scores;
  const pairs = (hallucinated: boolean, field: 'output' | 'contexts', score: 'answer_relevance' | 'context_relevance'): Scored[] => {
    const items = halu.filter((r) => r.dataset === 'halueval-qa-one-turn' && r.hallucinated === hallucinated);
    return items.flatMap((item, i) => {
      const other = items[(i + 7) % items.length]!.record;
      return [
        { score: scoresOf(item.record)[score] ?? 0, positive: true },
        { score: scoresOf({ ...item.record, [field]: other[field] })[score] ?? 0, positive: false },
      ];
    });
  };
  if (halu.length < 4) return [];
  const note = 'synthetic negatives (another question\'s); positive = relevant';
  return [
    row('grounding:answer_relevance', 'halueval-qa gold answers vs mismatched', pairs(false, 'output', 'answer_relevance'), 0.5, true, note),
    row('grounding:answer_relevance', 'halueval-qa hallucinated answers vs mismatched', pairs(true, 'output', 'answer_relevance'), 0.5, true, `${note}; answers not in the knowledge`),
    row('grounding:context_relevance', 'halueval-qa knowledge vs mismatched', pairs(false, 'contexts', 'context_relevance'), 0.5, true, note),
  ];
}

const suite: EvalSuite = {
  name: 'grounding',
  async run(evaldata: string) {
    const haluLoaded = loadHaluEvalQa(evaldata);
    const beginLoaded = loadBegin(evaldata);
    const skipped = [
      ...haluLoaded.skipped,
      ...beginLoaded.skipped,
      'halueval general: no source context (open-domain factuality), so grounding is null by design',
    ];
    const halu = featurize(haluLoaded.records);
    const begin = featurize(beginLoaded.records);
    return { rows: [...groundingRows(halu, begin), ...relevanceRows(haluLoaded.records)], skipped };
  },
};

export default suite;
