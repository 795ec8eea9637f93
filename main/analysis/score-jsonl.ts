import type { BatchScorer } from './score-batch';

/** `assay score` output for a batch of input lines, in their order, and what to tell the user on stderr. */
export interface ScoredJsonl {
  /** One output line per input line, each ending in a newline. */
  text: string;
  /** Malformed lines, one message each ("line 7: invalid JSON (...)"). */
  problems: string[];
  /** Milliseconds per analyzer over the batch. */
  timings: Record<string, number>;
}

type Parsed = { raw: Record<string, unknown> } | { error: string };

function parse(text: string): Parsed {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { error: `invalid JSON (${(err as Error).message})` };
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return { error: 'expected a JSON object' };
  return { raw: json as Record<string, unknown> };
}

/**
 * Parses and scores JSONL lines (numbered as in the input) where the scoring runs, so that the thread reading
 * the input only splits lines and passes their text on. A malformed line is answered in place with
 * `{"id": null, "line": N, "error": "..."}` and reported.
 */
export function scoreJsonlLines(scorer: BatchScorer, lines: readonly string[], lineNos: readonly number[]): ScoredJsonl {
  const parsed = lines.map(parse);
  const records = parsed.flatMap((p) => ('raw' in p ? [p.raw] : []));
  const scored = records.length ? scorer.score(records, 'lines') : { lines: [], timings: {} };
  const out = scored.lines ?? [];
  const problems: string[] = [];
  let k = 0;
  let text = '';
  parsed.forEach((p, i) => {
    if ('raw' in p) {
      text += `${out[k++]}\n`;
      return;
    }
    problems.push(`line ${lineNos[i]}: ${p.error}`);
    text += `${JSON.stringify({ id: null, line: lineNos[i], error: p.error })}\n`;
  });
  return { text, problems, timings: scored.timings };
}
