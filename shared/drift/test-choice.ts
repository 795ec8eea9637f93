// Automatic choice of drift test, as Evidently chooses it. n = non-missing reference values, k = distinct
// values across both samples:
//   n <= 1000: numeric with k > 5 -> KS; numeric or categorical with k > 2 -> chi-square; else two-proportion Z;
//   n  > 1000: numeric with k > 5 -> Wasserstein distance / reference std (0.1); else Jensen-Shannon (0.1).
import type { DriftTest } from './types';

export const LARGE_REFERENCE = 1000;
export const FEW_VALUES = 5;

export function chooseTest(kind: 'numeric' | 'categorical', referenceSize: number, distinct: number, largeReference = LARGE_REFERENCE): DriftTest {
  if (referenceSize <= largeReference) {
    if (kind === 'numeric' && distinct > FEW_VALUES) return 'ks';
    return distinct > 2 ? 'chisquare' : 'z';
  }
  return kind === 'numeric' && distinct > FEW_VALUES ? 'wasserstein' : 'jensenshannon';
}

/** Parses "col=ks,other=psi" (names may contain '='; the last '=' splits). 'all' or '*' targets every column. */
export function parseAssignments(spec: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!spec) return out;
  for (const part of spec.split(',')) {
    const item = part.trim();
    if (!item) continue;
    const at = item.lastIndexOf('=');
    if (at <= 0 || at === item.length - 1) throw new Error(`expected column=value, got "${item}"`);
    const key = item.slice(0, at).trim();
    out.set(key === 'all' ? '*' : key, item.slice(at + 1).trim());
  }
  return out;
}
