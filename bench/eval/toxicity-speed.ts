// Per-record cost of toxicity scoring against an earlier version (fdd5898^ is 2.2.0), in one process and interleaved so both see
// the same load: `git worktree`-free, the baseline is that version's toxicity folder exported beside this repo's
// shared/ code (it imports ../../../text and ../../analyzer):
//   mkdir -p /tmp/tox-base/shared/engine/analyzers && git archive fdd5898^ shared/engine/analyzers/toxicity | tar -x -C /tmp/tox-base
//   ln -sfn "$PWD/shared/text" /tmp/tox-base/shared/text && ln -sfn "$PWD/shared/engine/analyzer.ts" /tmp/tox-base/shared/engine/analyzer.ts
//   nice -n 10 npx tsx bench/eval/toxicity-speed.ts --baseline /tmp/tox-base [--rounds 5]
// Texts: the demo's inputs and outputs (generateDemo(42)), as `assay score` sees them. Prints CPU ms per
// record (input + output scored) for each version and the ratio, with the load average.
import { loadavg } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateDemo } from '../../main/demo/generate/index';
import { scoreToxicity } from '../../shared/engine/analyzers/toxicity/score';

type Scorer = (text: string) => unknown;

function opt(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const baseDir = opt('baseline');
if (!baseDir) {
  console.log('usage: toxicity-speed.ts --baseline DIR (see the comment at the top)');
  process.exit(2);
}
const rounds = Number(opt('rounds') ?? 5);
const base = (await import(pathToFileURL(path.join(baseDir, 'shared/engine/analyzers/toxicity/score.ts')).href)) as { scoreToxicity: Scorer };
const records = generateDemo(42).logs.map((r) => [r.input ?? '', r.output ?? ''] as const);

function cpuMsPerRecord(score: Scorer): number {
  const t0 = process.cpuUsage();
  for (const [input, output] of records) {
    score(input);
    score(output);
  }
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000 / records.length;
}

// Warm both (word caches, lazily decoded weights), then alternate.
cpuMsPerRecord(base.scoreToxicity);
cpuMsPerRecord((t) => scoreToxicity(t));
const baseMs: number[] = [];
const newMs: number[] = [];
for (let r = 0; r < rounds; r++) {
  baseMs.push(cpuMsPerRecord(base.scoreToxicity));
  newMs.push(cpuMsPerRecord((t) => scoreToxicity(t)));
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`${records.length} demo records x ${rounds} rounds, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log(`baseline ${median(baseMs).toFixed(4)} ms CPU/record, this tree ${median(newMs).toFixed(4)} ms CPU/record, ratio ${(median(newMs) / median(baseMs)).toFixed(3)}`);
