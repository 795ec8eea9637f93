// Loads the Davidson et al. 2017 tweets and splits them 80/20 by a hash of the normalized tweet, so duplicate
// tweets always land on the same side. scripts/train-toxicity.ts trains on 'train' only; the toxicity eval
// suite scores 'heldout' only.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { normalizeText } from '../../shared/text/normalize';
import { modelTokens } from '../../shared/engine/analyzers/toxicity/features';
import { fnv1a } from '../../shared/text/embed/hash32';

export interface DavidsonRow {
  text: string;
  /** Majority class: 0 hate speech, 1 offensive language, 2 neither. */
  label: 0 | 1 | 2;
  /** Share of annotators who said hate or offensive (a soft toxicity target). */
  toxicShare: number;
  split: 'train' | 'heldout';
}

export function davidsonPath(evaldataDir: string): string {
  return path.join(evaldataDir, 'davidson-hate-offensive', 'data', 'labeled_data.csv');
}

/** 20% held out, chosen by a hash of the tweet's normalized words (stable across runs and machines). */
export function davidsonSplit(text: string): 'train' | 'heldout' {
  const key = modelTokens(normalizeText(text)).join(' ');
  return fnv1a(`davidson:${key}`) % 5 === 0 ? 'heldout' : 'train';
}

export function loadDavidson(evaldataDir: string): DavidsonRow[] | null {
  const file = davidsonPath(evaldataDir);
  if (!existsSync(file)) return null;
  const records = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const rows: DavidsonRow[] = [];
  for (const r of records) {
    const label = Number(r['class']);
    const count = Number(r['count']);
    const text = r['tweet'];
    if (text === undefined || !(label === 0 || label === 1 || label === 2) || !(count > 0)) continue;
    const toxicVotes = Number(r['hate_speech']) + Number(r['offensive_language']);
    rows.push({ text, label, toxicShare: Math.min(1, Math.max(0, toxicVotes / count)), split: davidsonSplit(text) });
  }
  return rows;
}
