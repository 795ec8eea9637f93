// The labelled toxicity sources in ../shared/evaldata, each split into a training part and a test part the same
// way for scripts/train-toxicity.ts and the toxicity eval suite. A leave-one-source-out run trains on the
// training parts of every source but one and reports on the test part of the one left out (out-of-source).
//   davidson   Twitter 2017, hate / offensive / neither; 80/20 hash split (davidson-data.ts)
//   hatexplain Twitter + Gab, hatespeech / offensive / normal; official validation = train, official test = test
//   olid       Twitter 2019, OFF / NOT; official training file = train, official test set = test
//   toxigen    human-written implicit hate / neutral statements about 13 groups; 50/50 hash split
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { loadDavidson } from './davidson-data';
import { fnv1a } from '../../shared/text/embed/hash32';

export const TOXICITY_SOURCES = ['davidson', 'hatexplain', 'olid', 'toxigen'] as const;
export type ToxicitySource = (typeof TOXICITY_SOURCES)[number];

export interface ToxicityExample {
  source: ToxicitySource;
  text: string;
  toxic: boolean;
  /** Share of annotators calling it toxic where the source gives votes, else 0 or 1. */
  target: number;
  split: 'train' | 'test';
}

// Placeholders each platform's export puts in for users, links and numbers: left in, the model would learn
// "looks like an OLID tweet" instead of anything about toxicity.
const PLACEHOLDERS = /<user>|<number>|<url>|<percent>|<money>|<time>|<date>|@USER|\bURL\b/g;
const clean = (text: string): string => text.replace(PLACEHOLDERS, ' ').replace(/\s+/g, ' ').trim();

function loadHatexplain(dir: string): ToxicityExample[] | null {
  const out: ToxicityExample[] = [];
  for (const [file, split] of [['hatexplain_validation.json', 'train'], ['hatexplain_test.json', 'test']] as const) {
    const p = path.join(dir, 'hatexplain', file);
    if (!existsSync(p)) return null;
    for (const line of readFileSync(p, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const row = JSON.parse(line) as { annotators: { label: number[] }; post_tokens: string[] };
      // HF label order: 0 hatespeech, 1 normal, 2 offensive.
      const votes = row.annotators.label;
      const toxicVotes = votes.filter((l) => l !== 1).length;
      out.push({ source: 'hatexplain', text: clean(row.post_tokens.join(' ')), toxic: toxicVotes * 2 > votes.length, target: toxicVotes / votes.length, split });
    }
  }
  return out;
}

function loadOlid(dir: string): ToxicityExample[] | null {
  const base = path.join(dir, 'olid-offenseval2019');
  const files = ['olid-training-v1.0.tsv', 'testset-levela.tsv', 'labels-levela.csv'].map((f) => path.join(base, f));
  if (!files.every(existsSync)) return null;
  const tsv = (p: string): Record<string, string>[] =>
    parse(readFileSync(p, 'utf8'), { columns: true, delimiter: '\t', quote: false, skip_empty_lines: true, relax_column_count: true }) as Record<string, string>[];
  const out: ToxicityExample[] = [];
  for (const r of tsv(files[0]!)) {
    const toxic = r['subtask_a'] === 'OFF';
    out.push({ source: 'olid', text: clean(r['tweet'] ?? ''), toxic, target: toxic ? 1 : 0, split: 'train' });
  }
  const labels = new Map<string, string>();
  for (const line of readFileSync(files[2]!, 'utf8').split('\n')) {
    const [id, label] = line.trim().split(',');
    if (id && label) labels.set(id, label);
  }
  for (const r of tsv(files[1]!)) {
    const label = labels.get(r['id'] ?? '');
    if (!label) continue;
    out.push({ source: 'olid', text: clean(r['tweet'] ?? ''), toxic: label === 'OFF', target: label === 'OFF' ? 1 : 0, split: 'test' });
  }
  return out;
}

function loadToxigen(dir: string): ToxicityExample[] | null {
  const base = path.join(dir, 'toxigen-demonstrations', 'demonstrations');
  if (!existsSync(base)) return null;
  const seen = new Set<string>();
  const out: ToxicityExample[] = [];
  for (const group of readdirSync(base).sort()) {
    for (const file of readdirSync(path.join(base, group)).sort()) {
      const toxic = file.startsWith('hate_');
      if (!toxic && !file.startsWith('neutral_')) continue;
      for (const raw of readFileSync(path.join(base, group, file), 'utf8').split('\n')) {
        const text = raw.replace(/^[-\s]+/, '').trim();
        const key = text.toLowerCase();
        if (text.length < 8 || seen.has(key)) continue;
        seen.add(key);
        out.push({ source: 'toxigen', text, toxic, target: toxic ? 1 : 0, split: fnv1a(`toxigen:${key}`) % 2 === 0 ? 'train' : 'test' });
      }
    }
  }
  return out;
}

/** Every source found; a string per source missing. */
export function loadToxicitySources(evaldataDir: string): { examples: ToxicityExample[]; missing: string[] } {
  const examples: ToxicityExample[] = [];
  const missing: string[] = [];
  const davidson = loadDavidson(evaldataDir);
  if (davidson) {
    for (const r of davidson) examples.push({ source: 'davidson', text: r.text, toxic: r.label < 2, target: r.toxicShare, split: r.split === 'train' ? 'train' : 'test' });
  } else missing.push('davidson');
  const loaders: [ToxicitySource, (d: string) => ToxicityExample[] | null][] = [['hatexplain', loadHatexplain], ['olid', loadOlid], ['toxigen', loadToxigen]];
  for (const [name, load] of loaders) {
    const rows = load(evaldataDir);
    if (rows) examples.push(...rows);
    else missing.push(name);
  }
  return { examples, missing };
}
