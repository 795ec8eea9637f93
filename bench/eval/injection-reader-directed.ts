// Calibration sweep for the reader-directed signal (shared/engine/analyzers/injection/reader-directed.ts):
// for each candidate centre, the share of benign passages of the training sources (HaluEval knowledge, BEGIN
// knowledge) it flags alone, and its recall on the hidden instructions written for Assay
// (injection-hidden-instructions.ts) placed inside those passages. PINT and the SummEdits/LFQA passages are
// not read here: they stay out-of-source.   npx tsx bench/eval/injection-reader-directed.ts
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readerDirectedHits } from '../../shared/engine/analyzers/injection/reader-directed';
import { buildView } from '../../shared/engine/analyzers/injection/text-view';
import { HIDDEN_INSTRUCTIONS } from './injection-hidden-instructions';
import { loadInjectionData } from './injection.eval';

const here = path.dirname(fileURLToPath(import.meta.url));
const evaldata = process.env.ASSAY_EVALDATA ?? path.resolve(here, '..', '..', '..', 'shared', 'evaldata');
const data = loadInjectionData(evaldata);
const benign = [...data.knowledge, ...data.beginKnowledge];
if (benign.length === 0) {
  console.log(`skipped: no HaluEval/BEGIN passages under ${evaldata}`);
  process.exit(0);
}
const hidden = HIDDEN_INSTRUCTIONS.map((a, i) => {
  const p = benign[(i * 11 + 5) % benign.length]!;
  return i % 2 === 0 ? `${p} ${a}` : `${a} ${p}`;
});
const best = (t: string, c: number): number => readerDirectedHits(buildView(t).text, c).reduce((a, h) => Math.max(a, h.weight), 0);
console.log('| centre | training benign passages flagged | hidden instructions (written here) recalled |');
console.log('|---|---|---|');
for (let c = 1.8; c <= 3.21; c += 0.2) {
  const fp = benign.filter((t) => best(t, c) >= 0.5).length / benign.length;
  const rec = hidden.filter((t) => best(t, c) >= 0.5).length / hidden.length;
  console.log(`| ${c.toFixed(1)} | ${(100 * fp).toFixed(2)}% of ${benign.length} | ${(100 * rec).toFixed(1)}% of ${hidden.length} |`);
}
