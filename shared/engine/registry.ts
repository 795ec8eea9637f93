import type { Analyzer, AnalyzerContext, AnalyzerRecord, Finding } from './analyzer';
import { hashCanonical } from '../util/hash';
import { groundingAnalyzer } from './analyzers/grounding';
import { injectionAnalyzer } from './analyzers/injection';
import { piiAnalyzer } from './analyzers/pii';
import { toxicityAnalyzer } from './analyzers/toxicity';

/** Every analyzer the engine knows. Add one by importing it here; ids must be unique (a unit test checks). */
export const analyzers: readonly Analyzer[] = [groundingAnalyzer, toxicityAnalyzer, piiAnalyzer, injectionAnalyzer];

export function getAnalyzer(id: string): Analyzer {
  const found = analyzers.find((a) => a.id === id);
  if (!found) throw new Error(`unknown analyzer "${id}" (known: ${analyzers.map((a) => a.id).join(', ') || 'none'})`);
  return found;
}

interface ValidParams {
  raw: unknown;
  params: unknown;
  paramsHash: string;
}

// Validating and hashing params is the same work for every record of a run (a few percent of all scoring time
// when repeated), so the last params object each analyzer saw is kept. A run's params are fixed when it starts
// and never mutated after they are passed in.
const lastParams = new WeakMap<Analyzer, ValidParams>();

function validParams(analyzer: Analyzer, raw: unknown): ValidParams {
  const last = lastParams.get(analyzer);
  if (last && last.raw === raw) return last;
  const params: unknown = analyzer.params.parse(raw ?? {});
  const valid = { raw, params, paramsHash: hashCanonical(params) };
  lastParams.set(analyzer, valid);
  return valid;
}

/** Runs one analyzer with validated params and stamps the result with id, version and params hash. */
export function runAnalyzer(analyzer: Analyzer, record: AnalyzerRecord, rawParams: unknown, ctx: AnalyzerContext): Finding {
  const { params, paramsHash } = validParams(analyzer, rawParams);
  const output = analyzer.analyze(record, params, ctx);
  return { ...output, analyzerId: analyzer.id, analyzerVersion: analyzer.version, paramsHash };
}
