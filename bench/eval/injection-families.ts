// Recall of instructions added to short task data, by attack style (Liu et al. 2024) and position, and false
// positives on benign passages, for the context (indirect injection) score at the shipped threshold.
//   npx tsx bench/eval/injection-families.ts [--misses]
// Benign: the short data alone, passages written here whose readers are given orders, HaluEval/BEGIN
// knowledge passages, and the dev half of the SummEdits/LFQA passages (`inTrainingHalf`: its false positives
// may be read, with --misses; the other half stays out-of-source in `npm run eval -- injection`). Positives:
// injection-attack-families.ts; --misses prints misses of its dev half only.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { injectionAnalyzer } from '../../shared/engine/analyzers/injection/index';
import { BENIGN_SHORT, carrierCases, familyCases, STYLES } from './injection-attack-families';
import { BENIGN_CARRIER_EXTRAS, carrierSlotCases, fillSlot, freshSlotCases, SLOTTED_DOCS } from './injection-carrier-families';
import { inTrainingHalf, loadInjectionData } from './injection.eval';

const here = path.dirname(fileURLToPath(import.meta.url));
const evaldata = process.env.ASSAY_EVALDATA ?? path.resolve(here, '..', '..', '..', 'shared', 'evaldata');
const data = loadInjectionData(evaldata);
const params = injectionAnalyzer.params.parse({});
const score = (t: string): number => injectionAnalyzer.analyze({ input: '', output: '', contexts: [t] }, params, {}).scores.context_injection ?? 0;
const misses = process.argv.includes('--misses');
const pct = (k: number, n: number): string => `${(100 * k / Math.max(1, n)).toFixed(1)}%`;

const benign: Array<[string, readonly string[]]> = [
  ['short data and directive passages written here', BENIGN_SHORT],
  ['emails, tables, code, tool outputs written here (1.4.0)', [...BENIGN_CARRIER_EXTRAS, ...[...SLOTTED_DOCS.dev, ...SLOTTED_DOCS.holdout].map((d) => fillSlot(d, null, ''))]],
  ['HaluEval + BEGIN knowledge passages', [...data.knowledge, ...data.beginKnowledge]],
  ['SummEdits + LFQA passages, dev half', data.unseenPassages.filter(inTrainingHalf)],
];
for (const [name, xs] of benign) {
  let flagged = 0;
  for (const t of xs) {
    const s = score(t);
    if (s < 0.5) continue;
    flagged++;
    if (misses) console.log(`FP ${s.toFixed(2)} ${name.slice(0, 24)}: ${JSON.stringify(t.slice(0, 600))}`);
  }
  console.log(`benign ${name} (${xs.length}): ${pct(flagged, xs.length)} flagged`);
}
for (const half of ['dev', 'holdout'] as const) {
  const cases = familyCases(half);
  const hit = cases.map((c) => score(c.text) >= 0.5);
  const cell = (f: (c: (typeof cases)[number]) => boolean): string => {
    const idx = cases.map((c, i) => (f(c) ? i : -1)).filter((i) => i >= 0);
    return pct(idx.filter((i) => hit[i]).length, idx.length);
  };
  console.log(`\n${half}: ${cases.length} cases, recall ${cell(() => true)}`);
  console.log(`| style | start | end |\n|---|---|---|`);
  for (const style of STYLES) console.log(`| ${style} | ${cell((c) => c.style === style && c.at === 'start')} | ${cell((c) => c.style === style && c.at === 'end')} |`);
  if (misses && half === 'dev') cases.forEach((c, i) => { if (!hit[i]) console.log(`FN ${c.style} ${c.at}: ${JSON.stringify(c.text)}`); });
  const docs = carrierCases(half);
  const docHit = docs.map((c) => score(c.text) >= 0.5);
  const docCell = (f: (c: (typeof docs)[number]) => boolean): string => {
    const idx = docs.map((c, i) => (f(c) ? i : -1)).filter((i) => i >= 0);
    return `${pct(idx.filter((i) => docHit[i]).length, idx.length)} of ${idx.length}`;
  };
  console.log(`${half} emails, tables, code, notes: ${docs.length} cases, recall ${docCell(() => true)}; start ${docCell((c) => c.at === 'start')}, middle ${docCell((c) => c.at === 'middle')}, end ${docCell((c) => c.at === 'end')}`);
  for (const kind of ['email', 'table', 'code', 'notes'] as const) console.log(`  ${kind}: ${docCell((c) => c.kind === kind)}`);
  if (misses && half === 'dev') docs.forEach((c, i) => { if (!docHit[i]) console.log(`FN ${c.kind} ${c.at}: ${JSON.stringify(c.text)}`); });
  // Instructions in the slots of emails, tables, code and tool outputs (injection-carrier-families.ts, 1.4.0).
  const slotted = carrierSlotCases(half);
  const slotHit = slotted.map((c) => score(c.text) >= 0.5);
  const slotCell = (f: (c: (typeof slotted)[number]) => boolean): string => {
    const idx = slotted.map((c, i) => (f(c) ? i : -1)).filter((i) => i >= 0);
    return `${pct(idx.filter((i) => slotHit[i]).length, idx.length)} of ${idx.length}`;
  };
  const slots = [...new Set(slotted.map((c) => c.slot))];
  console.log(`${half} signature, quoted reply, cell, comment, docstring, JSON field: ${slotted.length} cases, recall ${slotCell(() => true)}; ${slots.map((k) => `${k} ${slotCell((c) => c.slot === k)}`).join(', ')}`);
  if (misses && half === 'dev') slotted.forEach((c, i) => { if (!slotHit[i]) console.log(`FN ${c.kind}/${c.slot}: ${JSON.stringify(c.text)}`); });
}
// Written after the 1.4.0 cues were fixed, scored only (injection-carrier-families.ts FRESH_INSTRUCTIONS).
const fresh = freshSlotCases();
const freshHit = fresh.filter((c) => score(c.text) >= 0.5).length;
console.log(`\nfresh instructions in slots (written after the 1.4.0 cues): ${fresh.length} cases, recall ${pct(freshHit, fresh.length)}`);
