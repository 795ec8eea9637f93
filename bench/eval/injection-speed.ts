// CPU time of injection scoring, this tree against an older version of the analyzer, in one process with the
// rounds alternating (so machine load falls on both alike). The older version is a copy of its folder from git:
//   rev=fdd5898; dir=$(mktemp -d); mkdir -p $dir/shared/engine/analyzers/injection
//   for f in $(git ls-tree --name-only $rev shared/engine/analyzers/injection/); do git show $rev:$f > $dir/$f; done
//   for p in shared/engine/analyzer.ts shared/util shared/text node_modules; do ln -s $PWD/$p $dir/$p; done
//   npx tsx bench/eval/injection-speed.ts $dir
// Passages: HaluEval, BEGIN, SummEdits and LFQA (scored as retrieved contexts, uncached); prompts: WildGuardTest
// and JailbreakHub (scored as user input). Prints the median of five rounds and the ratio new / old.
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { injectionAnalyzer, scoreText } from '../../shared/engine/analyzers/injection/index';
import { loadInjectionData } from './injection.eval';

type Score = typeof scoreText;
const oldDir = process.argv[2];
if (!oldDir) {
  console.log('usage: npx tsx bench/eval/injection-speed.ts <folder holding an older shared/engine/analyzers/injection>');
  process.exit(2);
}
const old = (await import(pathToFileURL(path.join(path.resolve(oldDir), 'shared/engine/analyzers/injection/index.ts')).href)) as { scoreText: Score };
const here = path.dirname(fileURLToPath(import.meta.url));
const data = loadInjectionData(process.env.ASSAY_EVALDATA ?? path.resolve(here, '..', '..', '..', 'shared', 'evaldata'));
const passages = [...data.knowledge, ...data.beginKnowledge, ...data.unseenPassages];
const prompts = [...data.wildguard, ...data.jailbreak.map((j) => j.text)].slice(0, 1500);
const params = injectionAnalyzer.params.parse({});
const cpuMs = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const run = (f: Score, xs: string[], role: 'context' | 'input'): number => { const t = cpuMs(); for (const x of xs) f(x, role, params); return cpuMs() - t; };
for (const f of [old.scoreText, scoreText]) { run(f, passages, 'context'); run(f, prompts, 'input'); }
const times = { ctxOld: [] as number[], ctxNew: [] as number[], inOld: [] as number[], inNew: [] as number[] };
for (let r = 0; r < 5; r++) {
  times.ctxOld.push(run(old.scoreText, passages, 'context')); times.ctxNew.push(run(scoreText, passages, 'context'));
  times.inOld.push(run(old.scoreText, prompts, 'input')); times.inNew.push(run(scoreText, prompts, 'input'));
}
const med = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const line = (what: string, o: number[], n: number[]): string => `${what}: older ${med(o).toFixed(0)} ms CPU, this tree ${med(n).toFixed(0)} ms CPU, ratio ${(med(n) / med(o)).toFixed(3)}`;
console.log(line(`contexts (${passages.length} passages)`, times.ctxOld, times.ctxNew));
console.log(line(`inputs (${prompts.length} prompts)`, times.inOld, times.inNew));
