// PII detection cost per record against an earlier version, in one process on the same texts, so machine load
// affects both alike. Texts: the demo logs' inputs and outputs (what `assay score` sees) and presidio-synth dev
// sentences; each version runs the whole set in alternating rounds and the CPU time of each is summed.
// Usage: npx tsx bench/eval/pii-speed.ts --baseline DIR [--rounds 5]
//   DIR holds the earlier shared/ tree, e.g. `mkdir DIR && git archive <commit> shared | tar -x -C DIR` (inside the repo, so
//   its imports resolve).
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateDemo } from '../../main/demo/generate/index';
import { detectPii } from '../../shared/engine/analyzers/pii/detect';

type Detect = (text: string) => unknown[];
const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const baselineDir = opt('--baseline');
if (!baselineDir) {
  console.error('usage: npx tsx bench/eval/pii-speed.ts --baseline DIR [--rounds N]');
  process.exit(2);
}
const rounds = Number(opt('--rounds') ?? 5);
const baselineFile = path.resolve(baselineDir, 'shared/engine/analyzers/pii/detect.ts');
if (!existsSync(baselineFile)) {
  console.error(`${baselineFile} not found: extract the baseline's shared/engine/analyzers/pii into ${baselineDir}`);
  process.exit(2);
}
const baseline = ((await import(pathToFileURL(baselineFile).href)) as { detectPii: Detect }).detectPii;

const demo = generateDemo(42);
const demoTexts = demo.logs.flatMap((r) => [r.input ?? '', r.output ?? '']).filter((t) => t.length > 0);
const synthFile = path.resolve(import.meta.dirname, '../../../shared/evaldata/presidio-research-synth/synth_dataset_v2.dev.json');
const synthTexts = existsSync(synthFile) ? (JSON.parse(readFileSync(synthFile, 'utf8')) as { full_text: string }[]).map((r) => r.full_text) : [];

function cpuMs(detect: Detect, texts: string[]): number {
  const c0 = process.cpuUsage();
  for (const t of texts) detect(t);
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');
for (const [name, texts] of [['demo log inputs + outputs', demoTexts], ['presidio-synth dev sentences', synthTexts]] as const) {
  if (texts.length === 0) continue;
  cpuMs(baseline, texts); // warm-up: JIT, lazily built tables
  cpuMs(detectPii, texts);
  let base = 0;
  let current = 0;
  for (let r = 0; r < rounds; r++) {
    base += cpuMs(baseline, texts);
    current += cpuMs(detectPii, texts);
  }
  const per = (ms: number) => ((ms / rounds / texts.length) * 1000).toFixed(1);
  console.log(`${name} (${texts.length} texts, mean ${Math.round(texts.reduce((a, t) => a + t.length, 0) / texts.length)} chars, ${rounds} rounds): ` +
    `baseline ${per(base)} µs CPU/text, current ${per(current)} µs CPU/text, ratio ${(current / base).toFixed(2)}; load average ${load()}`);
}
