// Grounding eval: HaluEval QA (gold vs hallucinated answer with knowledge) and BEGIN dev (attributable vs not),
// scored on the held-out 40% that scripts/train-grounding.ts never trains on, plus cross-data-set rows (train
// on one set, test on the other) and answer / context relevance on mismatched question pairs.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AnalyzerRecord } from '../../shared/engine/analyzer';
import { thresholds } from '../../shared/engine/thresholds';
import { groundingAnalyzer } from '../../shared/engine/analyzers/grounding/index';
import { GroundingParams } from '../../shared/engine/analyzers/grounding/params';
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
