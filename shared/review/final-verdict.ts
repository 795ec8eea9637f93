// One verdict per record from several reviewers' verdicts, for deviation counts and analyzer accuracy.
import type { VerdictValue } from '../contract/review-schemas';

export interface JudgedVerdict {
  reviewer: string;
  verdict: VerdictValue;
  labels: readonly string[];
}

/**
 * The majority verdict. A tie that includes 'fail' counts as fail: an auditor does not dismiss a possible
 * deviation without adjudication (ties are listed as disagreements). Any other tie is 'unsure'.
 */
export function finalVerdict(verdicts: readonly JudgedVerdict[]): VerdictValue | null {
  if (verdicts.length === 0) return null;
  const counts = { pass: 0, fail: 0, unsure: 0 };
  for (const v of verdicts) counts[v.verdict]++;
  const top = Math.max(counts.pass, counts.fail, counts.unsure);
  const leaders = (['pass', 'fail', 'unsure'] as const).filter((k) => counts[k] === top);
  if (leaders.length === 1) return leaders[0]!;
  return leaders.includes('fail') ? 'fail' : 'unsure';
}

/** Labels the failing reviewers gave (their union): what kind of deviation the record is. */
export function failLabels(verdicts: readonly JudgedVerdict[]): Set<string> {
  const out = new Set<string>();
  for (const v of verdicts) if (v.verdict === 'fail') for (const l of v.labels) out.add(l);
  return out;
}
