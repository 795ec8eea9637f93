// Where the context (indirect injection) score flags, chosen on the benign training side only:
//   npx tsx bench/eval/injection-operating-point.ts
// For each reader-directed centre (shared/engine/analyzers/injection/reader-directed.ts; sentences under the
// centre are dropped, so it is the evidence at which an order flags), prints the share of each benign training
// set flagged and the recall on the dev halves of the families written here. A passage flags at centre c exactly
// when it flags at the shipped score for other reasons (patterns, similarity) or its strongest reader-directed
// sentence has evidence >= c, which is what this computes from one scoring pass.
// Benign training sets: text written here (short data, directive passages, emails, tables, code, tool outputs),
// HaluEval and BEGIN knowledge passages, and the dev half of SummEdits/LFQA (`inTrainingHalf`). The other half of
// SummEdits/LFQA, PINT and the holdout halves are never scored here, except with --report-out-of-source, which
// prints (after the choice, for the README only) what each centre gives on them.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { combineSignals } from '../../shared/engine/analyzers/injection/combine';
import { heuristicScore } from '../../shared/engine/analyzers/injection/heuristics';
import { combiner } from '../../shared/engine/analyzers/injection/model';
import { extractSignals } from '../../shared/engine/analyzers/injection/signals';
import { READER_DIRECTED_CENTER, readerDirectedHits } from '../../shared/engine/analyzers/injection/reader-directed';
import { buildView } from '../../shared/engine/analyzers/injection/text-view';
import { BENIGN_SHORT, carrierCases, familyCases } from './injection-attack-families';
import { BENIGN_CARRIER_EXTRAS, carrierSlotCases, fillSlot, SLOTTED_DOCS } from './injection-carrier-families';
import { inTrainingHalf, loadInjectionData } from './injection.eval';

const here = path.dirname(fileURLToPath(import.meta.url));
const data = loadInjectionData(process.env.ASSAY_EVALDATA ?? path.resolve(here, '..', '..', '..', 'shared', 'evaldata'));

/** The strongest reader-directed evidence of a passage and whether it flags without reader-directed sentences. */
function profile(text: string): { evidence: number; otherwise: boolean } {
  const hits = readerDirectedHits(buildView(text).text, READER_DIRECTED_CENTER, -Infinity);
  const evidence = hits.reduce((a, h) => Math.max(a, h.evidence), -Infinity);
  const sig = extractSignals(text, 'context');
  const heuristic = heuristicScore(sig.hits.filter((h) => h.ruleId !== 'indirect.reader_directed'));
  return { evidence, otherwise: combineSignals(heuristic, sig.similarity.score, -Infinity, text.length, combiner) >= 0.5 };
}

const benignDocs = [...SLOTTED_DOCS.dev, ...SLOTTED_DOCS.holdout].map((d) => fillSlot(d, null, ''));
const benign: Array<[string, string[]]> = [
  ['written here: short data, directive passages, emails, tables, code, tool outputs', [...BENIGN_SHORT, ...BENIGN_CARRIER_EXTRAS, ...benignDocs]],
  ['HaluEval knowledge', data.knowledge],
  ['BEGIN knowledge', data.beginKnowledge],
  ['SummEdits + LFQA, dev half', data.unseenPassages.filter(inTrainingHalf)],
];
const positive: Array<[string, string[]]> = [
  ['short task data, dev', familyCases('dev').map((c) => c.text)],
  ['emails/tables/code/notes, dev', carrierCases('dev').map((c) => c.text)],
  ['slots of emails/tables/code/tools, dev', carrierSlotCases('dev').map((c) => c.text)],
];
const profiles = new Map<string, Array<{ evidence: number; otherwise: boolean }>>();
for (const [name, xs] of [...benign, ...positive]) profiles.set(name, xs.map(profile));
const share = (name: string, c: number): string => {
  const ps = profiles.get(name)!;
  return `${(100 * ps.filter((p) => p.otherwise || p.evidence >= c).length / Math.max(1, ps.length)).toFixed(1)}%`;
};
console.log(`| centre | ${benign.map(([n, xs]) => `benign: ${n} (${xs.length})`).join(' | ')} | ${positive.map(([n, xs]) => `${n} (${xs.length})`).join(' | ')} |`);
console.log(`|---|${[...benign, ...positive].map(() => '---|').join('')}`);
for (let c = 2.2; c >= 0.99; c -= 0.1) console.log(`| ${c.toFixed(1)} | ${[...benign, ...positive].map(([n]) => share(n, c)).join(' | ')} |`);
if (process.argv.includes('--report-out-of-source')) {
  const unread = data.unseenPassages.filter((x) => !inTrainingHalf(x));
  const pint = data.pint.filter((p) => p.label).map((p) => p.text);
  // The same placement as `npm run eval -- injection` (start, middle, end of a SummEdits/LFQA passage, in turn).
  const hidden = pint.map((a, i) => {
    const p = data.unseenPassages[(i * 7 + 3) % data.unseenPassages.length]!;
    const cut = p.indexOf('. ', Math.floor(p.length / 2));
    const middle = cut < 0 ? `${p} ${a}` : `${p.slice(0, cut + 2)}${a} ${p.slice(cut + 2)}`;
    return i % 3 === 0 ? `${a} ${p}` : i % 3 === 1 ? middle : `${p} ${a}`;
  });
  const sets: Array<[string, string[]]> = [['SummEdits + LFQA, never-read half', unread], ['PINT attacks hidden in those passages', hidden]];
  for (const [name, xs] of sets) profiles.set(name, xs.map(profile));
  console.log(`\nOut-of-source, for reporting only:\n| centre | ${sets.map(([n, xs]) => `${n} (${xs.length})`).join(' | ')} |\n|---|---|---|`);
  for (const c of [2.0, 1.8, 1.6, 1.4, 1.2, 1.0]) console.log(`| ${c.toFixed(1)} | ${sets.map(([n]) => share(n, c)).join(' | ')} |`);
}
