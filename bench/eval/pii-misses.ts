// Prints the PII detector's misses and false positives on one template group of presidio-synth dev, for rule
// writing. Only the rules group (RULES_GROUP, id%3=1) may be read this way: group 2 is the held-out check and
// this script refuses it. With --world it prints the dev families of bench/eval/pii-templates-world.ts instead
// (never the held-out ones). Usage: npx tsx bench/eval/pii-misses.ts [--type person] [--world] [--evaldata DIR]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { detectPii } from '../../shared/engine/analyzers/pii/detect';
import { GOLD_TO_TYPE, RULES_GROUP, type SynthRow } from './pii.eval';
import { matchSpans, mergeAdjacentGold, type TypedSpan } from './span-metrics';
import { generateWorldRows } from './pii-templates-world';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const only = opt('--type');
const evaldata = opt('--evaldata') ?? path.resolve(import.meta.dirname, '../../../shared/evaldata');
const rows: { id: number; text: string; gold: TypedSpan[] }[] = args.includes('--world')
  ? generateWorldRows(1120, 11).filter((r) => !r.heldOut).map((r) => ({ id: r.template, text: r.text, gold: r.gold }))
  : (JSON.parse(readFileSync(path.join(evaldata, 'presidio-research-synth', 'synth_dataset_v2.dev.json'), 'utf8')) as SynthRow[])
      .filter((row) => row.template_id % 3 === RULES_GROUP)
      .map((row) => ({ id: row.template_id, text: row.full_text, gold: mergeAdjacentGold(row.full_text, row.spans.map((s) => ({ type: GOLD_TO_TYPE[s.entity_type] ?? s.entity_type, start: s.start_position, end: s.end_position }))) }));
const show = (text: string, s: TypedSpan): string => JSON.stringify(text.slice(s.start, s.end));
const overlaps = (a: TypedSpan, b: TypedSpan): boolean => a.start < b.end && b.start < a.end;

for (const row of rows) {
  const gold = row.gold;
  const predicted = detectPii(row.text);
  const lines: string[] = [];
  for (const g of gold) {
    if (![...Object.values(GOLD_TO_TYPE), 'date_of_birth', 'passport'].includes(g.type) || (only && g.type !== only)) continue;
    const exact = predicted.find((p) => p.type === g.type && p.start === g.start && p.end === g.end);
    if (exact) continue;
    const near = predicted.filter((p) => overlaps(p, g));
    const found = matchSpans([g], predicted).get(g.type)?.found === 1;
    lines.push(`  ${found ? 'EDGE' : 'MISS'} ${g.type} ${show(row.text, g)}${near.length ? ` ~ ${near.map((p) => `${p.type} ${show(row.text, p)}`).join(', ')}` : ''}`);
  }
  for (const p of predicted) {
    if (only && p.type !== only) continue;
    if (gold.some((g) => overlaps(p, g) && g.type === p.type)) continue;
    const other = gold.filter((g) => overlaps(p, g));
    lines.push(`  FP   ${p.type} ${show(row.text, p)}${other.length ? ` (gold ${other.map((g) => g.type).join(',')})` : ''}`);
  }
  if (lines.length) console.log(`#${row.id} ${JSON.stringify(row.text)}\n${lines.join('\n')}`);
}
