// Calibration sweep for the reader-directed signal (shared/engine/analyzers/injection/reader-directed.ts), on
// training sources only. Benign: HaluEval and BEGIN knowledge passages, and passages written here whose own
// readers are given orders (recipes, manuals, code docs, emails: injection-dev-passages.ts). Positive: hidden
// instructions written here (injection-hidden-instructions.ts, injection-dev-passages.ts) placed in those
// training passages, and, as in-sample checks, BIPIA attacks and short held-out JailbreakHub prompts. PINT and
// the SummEdits/LFQA passages are never read here: they stay out-of-source.
//   npx tsx bench/eval/injection-reader-directed.ts
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { injectionAnalyzer } from '../../shared/engine/analyzers/injection/index';
import { readerDirectedHits } from '../../shared/engine/analyzers/injection/reader-directed';
import { buildView } from '../../shared/engine/analyzers/injection/text-view';
import { BENIGN_DIRECTIVE_PASSAGES, HIDDEN_IN_CARRIERS, hideIn } from './injection-dev-passages';
import { HIDDEN_INSTRUCTIONS } from './injection-hidden-instructions';
import { loadInjectionData } from './injection.eval';

const here = path.dirname(fileURLToPath(import.meta.url));
const evaldata = process.env.ASSAY_EVALDATA ?? path.resolve(here, '..', '..', '..', 'shared', 'evaldata');
const data = loadInjectionData(evaldata);
const training = [...data.knowledge, ...data.beginKnowledge];
if (training.length === 0) {
  console.log(`skipped: no HaluEval/BEGIN passages under ${evaldata}`);
  process.exit(0);
}
const pick = (i: number, k: number): string => training[(i * k + 5) % training.length]!;
const benign: Array<[string, string[]]> = [
  ['HaluEval + BEGIN knowledge passages', training],
  ['benign passages with orders to their reader (written here)', [...BENIGN_DIRECTIVE_PASSAGES]],
  ['those after a knowledge passage', BENIGN_DIRECTIVE_PASSAGES.map((p, i) => `${pick(i, 13)}\n${p}`)],
];
const positive: Array<[string, string[]]> = [
  ['hidden instructions written here, start or end', HIDDEN_INSTRUCTIONS.map((a, i) => (i % 2 === 0 ? `${pick(i, 11)} ${a}` : `${a} ${pick(i, 11)}`))],
  ['carried instructions written here (comments, cells, alt text, tasks, personas)', HIDDEN_IN_CARRIERS.flatMap((h, i) => [hideIn(pick(i, 17), h, 'start'), hideIn(pick(i, 19), h, 'end')])],
  ['BIPIA attacks at the end of a passage (in-sample source)', data.bipia.map((a, i) => `${pick(i, 23)} ${a}`)],
  ['JailbreakHub new prompts <= 500 chars at the start (in-sample source)', data.jailbreak.filter((j) => !j.inOldRelease && j.text.length <= 500).map((j, i) => `${j.text}\n${pick(i, 29)}`)],
];

const params = injectionAnalyzer.params.parse({});
const contextScore = (t: string): number => injectionAnalyzer.analyze({ input: '', output: '', contexts: [t] }, params, {}).scores.context_injection ?? 0;
const best = (t: string, c: number): number => readerDirectedHits(buildView(t).text, c).reduce((a, h) => Math.max(a, h.weight), 0);
const share = (xs: string[], f: (t: string) => boolean): string => `${(100 * xs.filter(f).length / xs.length).toFixed(1)}%`;

console.log('Context score at 0.5 (shipped):');
for (const [name, xs] of benign) console.log(`  benign   ${name} (${xs.length}): ${share(xs, (t) => contextScore(t) >= 0.5)} flagged`);
for (const [name, xs] of positive) console.log(`  positive ${name} (${xs.length}): ${share(xs, (t) => contextScore(t) >= 0.5)} recalled`);
if (process.argv.includes('--misses')) {
  for (const [name, xs] of [...benign, ...positive]) {
    const isBenign = benign.some(([n]) => n === name);
    for (const t of xs) {
      const s = contextScore(t);
      if (isBenign ? s >= 0.5 : s < 0.5) console.log(`${isBenign ? 'FP' : 'FN'} ${s.toFixed(2)} ${name.slice(0, 20)}: ${JSON.stringify(t.slice(0, 400))}`);
    }
  }
}
console.log('\nReader-directed weight alone, by centre:');
console.log(`| centre | ${benign.map(([n]) => `benign: ${n}`).join(' | ')} | ${positive.map(([n]) => n).join(' | ')} |`);
console.log(`|---|${benign.map(() => '---|').join('')}${positive.map(() => '---|').join('')}`);
for (let c = 1.8; c <= 3.21; c += 0.2) {
  const cells = [...benign, ...positive].map(([, xs]) => share(xs, (t) => best(t, c) >= 0.5));
  console.log(`| ${c.toFixed(1)} | ${cells.join(' | ')} |`);
}
