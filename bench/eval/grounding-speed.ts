// Grounding CPU time per record on dev records of the four task families (every fourth record), for the speed
// limit of a new analyzer version: with ASSAY_GROUNDING_BASELINE pointing at another version's grounding/index.ts
// (e.g. an older commit's files checked out elsewhere), the two run alternately in one process, so both see the
// same machine load. Each version's first pass fills its own text caches (as `assay score` does on new data);
// later passes reuse them. Prints ms of CPU per record per pass, the ratio and the load average.
//   npx tsx bench/eval/grounding-speed.ts [rounds]
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AnalyzerRecord } from '../../shared/engine/analyzer';
import { groundingAnalyzer } from '../../shared/engine/analyzers/grounding/index';
import { loadBegin, loadHaluEvalQa } from './grounding.eval';
import { loadLfqa, loadSummEdits } from './grounding-sources';

type Grounding = typeof groundingAnalyzer;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const evaldata = process.env.ASSAY_EVALDATA ?? path.resolve(repoRoot, '..', 'shared', 'evaldata');

/** CPU milliseconds per record for one pass of an analyzer over the records. */
function pass(analyzer: Grounding, records: readonly AnalyzerRecord[]): number {
  const params = analyzer.params.parse({});
  const start = process.cpuUsage();
  for (const r of records) analyzer.analyze(r, params, {});
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / records.length;
}

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 3);
  const loaded = [loadHaluEvalQa, loadBegin, loadLfqa, loadSummEdits].flatMap((load) => load(evaldata).records);
  const records = loaded.filter((_, i) => i % 4 === 0).map((r) => r.record);
  if (records.length === 0) {
    console.log(`skipped: no evaluation data at ${evaldata}`);
    return;
  }
  const versions: Array<{ name: string; analyzer: Grounding }> = [{ name: groundingAnalyzer.version, analyzer: groundingAnalyzer }];
  const baselinePath = process.env.ASSAY_GROUNDING_BASELINE;
  if (baselinePath) {
    const mod = (await import(pathToFileURL(path.resolve(baselinePath)).href)) as { groundingAnalyzer: Grounding };
    // The version run first also warms the shared code (tokenizer, sentence splitter): run once each way round.
    const baseline = { name: `${mod.groundingAnalyzer.version} (baseline)`, analyzer: mod.groundingAnalyzer };
    if (process.env.ASSAY_GROUNDING_BASELINE_LAST === '1') versions.push(baseline);
    else versions.unshift(baseline);
  }
  console.log(`${records.length} records (every fourth of HaluEval QA, BEGIN, LFQA-Verification, SummEdits); load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  const times = versions.map(() => [] as number[]);
  for (let round = 0; round < rounds; round++) {
    versions.forEach((v, i) => times[i]!.push(pass(v.analyzer, records)));
    console.log(`pass ${round + 1}: ${versions.map((v, i) => `${v.name} ${times[i]!.at(-1)!.toFixed(3)} ms`).join(', ')}`);
  }
  if (versions.length === 2) {
    const [b, n] = versions[0]!.name.endsWith('(baseline)') ? [times[0]!, times[1]!] : [times[1]!, times[0]!];
    const later = (t: number[]): number => t.slice(1).reduce((s, x) => s + x, 0) / Math.max(1, t.length - 1);
    console.log(`ratio new/baseline: first pass ${(n[0]! / b[0]!).toFixed(3)}${rounds > 1 ? `, later passes ${(later(n) / later(b)).toFixed(3)}` : ''}`);
  }
  console.log(`load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
}

await main();
