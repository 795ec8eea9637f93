// Which entities changed between an earlier PII detector and this one, on texts no rule was written from: the
// demo logs' distinct inputs and outputs (what `assay score` sees). For checking a rule change for new false
// positives before it ships; --summedits adds the SummEdits summaries (news, podcasts, meetings, sales: real prose
// full of names, places and numbers). Usage: npx tsx bench/eval/pii-diff.ts --baseline DIR [--type person] [--summedits]
//   DIR holds the earlier shared/ tree (see pii-speed.ts).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateDemo } from '../../main/demo/generate/index';
import { detectPii } from '../../shared/engine/analyzers/pii/detect';

interface Entity {
  type: string;
  start: number;
  end: number;
}
const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const baselineFile = path.resolve(opt('--baseline') ?? '', 'shared/engine/analyzers/pii/detect.ts');
if (!existsSync(baselineFile)) {
  console.error('usage: npx tsx bench/eval/pii-diff.ts --baseline DIR [--type person]');
  process.exit(2);
}
const only = opt('--type');
const baseline = ((await import(pathToFileURL(baselineFile).href)) as { detectPii: (text: string) => Entity[] }).detectPii;
const summedits = path.resolve(import.meta.dirname, '../../../shared/evaldata/summedits');
const summaries = args.includes('--summedits')
  ? ['news', 'podcast', 'qmsumm', 'sales_call', 'sales_email', 'ectsum'].flatMap((d) => (JSON.parse(readFileSync(path.join(summedits, `summedits_${d}.json`), 'utf8')) as { summary: string }[]).map((r) => r.summary))
  : [];
const texts = [...new Set([...generateDemo(42).logs.flatMap((r) => [r.input ?? '', r.output ?? '']), ...summaries].filter((t) => t.length > 0))];
const key = (e: Entity): string => `${e.type} ${e.start} ${e.end}`;
let withBefore = 0;
let withAfter = 0;
for (const text of texts) {
  const before = baseline(text).filter((e) => !only || e.type === only);
  const after = detectPii(text).filter((e) => !only || e.type === only);
  if (before.length) withBefore++;
  if (after.length) withAfter++;
  const was = new Set(before.map(key));
  const now = new Set(after.map(key));
  const show = (e: Entity): string => `${e.type} ${JSON.stringify(text.slice(e.start, e.end))}`;
  const gone = before.filter((e) => !now.has(key(e))).map((e) => `  - ${show(e)}`);
  const added = after.filter((e) => !was.has(key(e))).map((e) => `  + ${show(e)}`);
  if (gone.length || added.length) console.log(`${JSON.stringify(text.slice(0, 160))}\n${[...gone, ...added].join('\n')}`);
}
console.log(`${texts.length} distinct texts; with an entity: baseline ${withBefore}, current ${withAfter}`);
