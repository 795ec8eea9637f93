// Option parsing for `assay review`: numbers, lists and the population filter, each failure naming the option.
import type { PopulationFilter } from '../../../shared/contract/review-schemas';
import { CliError } from '../cli-error';

export function num(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new CliError(`${flag}: "${value}" is not a number`);
  return n;
}

export function int(value: string | undefined, flag: string): number | undefined {
  const n = num(value, flag);
  if (n !== undefined && !Number.isInteger(n)) throw new CliError(`${flag}: "${value}" is not a whole number`);
  return n;
}

export function list(value: string | undefined): string[] | undefined {
  return value === undefined ? undefined : value.split(',').map((s) => s.trim()).filter(Boolean);
}

const KEYS: Record<string, 'assetId' | 'model' | 'promptVersion' | 'flag' | 'from' | 'to'> = {
  asset: 'assetId', assetid: 'assetId', model: 'model', prompt: 'promptVersion', 'prompt-version': 'promptVersion',
  promptversion: 'promptVersion', flag: 'flag', from: 'from', to: 'to',
};
const SCORES = new Set(['grounding', 'answer_relevance', 'context_relevance', 'toxicity', 'input_toxicity', 'injection', 'context_injection', 'pii']);

/**
 * `--filter` terms, comma-separated or repeated: asset=3, model=gpt-4o, prompt-version=v2, flag=hallucination,
 * from=2026-01-01, to=2026-03-31, and score ranges such as grounding<0.5 or toxicity>=0.3. A JSON object is taken as is.
 */
export function parseFilter(terms: string[]): PopulationFilter {
  const out: Record<string, unknown> = {};
  const scores: { score: string; min?: number; max?: number }[] = [];
  for (const term of terms.flatMap((t) => (t.trim().startsWith('{') ? [t] : t.split(',')))) {
    const t = term.trim();
    if (!t) continue;
    if (t.startsWith('{')) {
      try {
        Object.assign(out, JSON.parse(t) as object);
      } catch (err) {
        throw new CliError(`--filter: not valid JSON (${(err as Error).message})`);
      }
      continue;
    }
    const m = /^([a-z_-]+)\s*(>=|<=|>|<|=)\s*(.+)$/i.exec(t);
    if (!m) throw new CliError(`--filter: cannot read "${t}" (use key=value or score<=x)`);
    const [, rawKey, op, value] = m as unknown as [string, string, string, string];
    const key = rawKey.toLowerCase();
    if (SCORES.has(key)) {
      const x = num(value, `--filter ${key}`)!;
      if (op === '=') scores.push({ score: key, min: x, max: x });
      else scores.push(op.startsWith('>') ? { score: key, min: x } : { score: key, max: x });
      continue;
    }
    const field = KEYS[key];
    if (!field || op !== '=') throw new CliError(`--filter: unknown term "${t}" (keys: ${Object.keys(KEYS).join(', ')}; scores: ${[...SCORES].join(', ')})`);
    out[field] = field === 'assetId' ? int(value, '--filter asset') : value;
  }
  if (scores.length) out.scores = scores;
  return out as PopulationFilter;
}
