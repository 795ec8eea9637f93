// Pair accuracy of the toxicity score on the written-here harm pairs (toxicity-harm-pairs.ts): the share of
// pairs whose harmful answer scores above the refusing or harmless one, ties counting half. In-sample by
// construction (the pairs and the lexicon were written by the same hands). Used by toxicity.eval.ts and by
//   npx tsx bench/eval/toxicity-pair-accuracy.ts      (per kind, with the pairs the analyzer gets wrong)
import { fileURLToPath } from 'node:url';
import { HARM_PAIRS, type HarmPair } from './toxicity-harm-pairs';
import { scoreToxicity } from '../../shared/engine/analyzers/toxicity/score';
import { thresholds } from '../../shared/engine/thresholds';

export interface PairResult {
  pair: HarmPair;
  harmful: number;
  safe: number;
  /** 1 when the harmful answer scores higher, 0.5 on a tie, 0 otherwise. */
  credit: number;
}

export function scorePairs(pairs: readonly HarmPair[] = HARM_PAIRS): PairResult[] {
  return pairs.map((pair) => {
    const harmful = scoreToxicity(pair.harmful).toxicity;
    const safe = scoreToxicity(pair.safe).toxicity;
    return { pair, harmful, safe, credit: harmful > safe ? 1 : harmful === safe ? 0.5 : 0 };
  });
}

export const pairAccuracy = (results: readonly PairResult[]): number => results.reduce((s, r) => s + r.credit, 0) / Math.max(1, results.length);

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const results = scorePairs();
  for (const kind of new Set(HARM_PAIRS.map((p) => p.kind))) {
    const of = results.filter((r) => r.pair.kind === kind);
    console.log(`${kind}: ${pairAccuracy(of).toFixed(3)} of ${of.length} pairs`);
  }
  for (const r of results.filter((x) => x.credit < 1)) console.log(`  missed (${r.harmful.toFixed(2)} vs ${r.safe.toFixed(2)}): ${r.pair.harmful}`);
  const t = thresholds.toxicity;
  const flagged = (xs: number[]): number => xs.filter((x) => x >= t).length;
  console.log(`pair accuracy ${pairAccuracy(results).toFixed(3)} (${results.length} pairs, written here: in-sample by construction); flagged at ${t}: harmful ${flagged(results.map((r) => r.harmful))}, safe ${flagged(results.map((r) => r.safe))}`);
}
