// `npm run eval`: runs every bench/eval/*.eval.ts suite on ../shared/evaldata and prints one table. Each row says
// whether its figure is in-sample or out-of-source (bench/eval/eval-types.ts: EvalScope).
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { EvalRow, EvalSuite } from './eval/eval-types';

const here = path.dirname(fileURLToPath(import.meta.url));
const evaldata = process.env.ASSAY_EVALDATA ?? path.resolve(here, '..', '..', 'shared', 'evaldata');
const only = process.argv.slice(2);

function fmt(x: number | null): string {
  return x === null ? '   n/a' : x.toFixed(3).padStart(6);
}

async function main(): Promise<void> {
  if (!existsSync(evaldata)) {
    console.log(`skipped: no evaluation data at ${evaldata}`);
    return;
  }
  // Filter by file name before importing, so one suite's breakage does not stop the others.
  const files = readdirSync(path.join(here, 'eval')).filter((f) => f.endsWith('.eval.ts'))
    .filter((f) => only.length === 0 || only.includes(f.replace(/\.eval\.ts$/, ''))).sort();
  const rows: EvalRow[] = [];
  for (const file of files) {
    const suite = (await import(pathToFileURL(path.join(here, 'eval', file)).href)).default as EvalSuite;
    const started = performance.now();
    const result = await suite.run(evaldata);
    rows.push(...result.rows);
    for (const s of result.skipped) console.log(`skipped: ${suite.name}: ${s}`);
    console.log(`ran ${suite.name} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  console.log('\n| analyzer | data set | scope | n | pos | AUROC | threshold | precision | recall | F1 | FPR | note |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(`| ${r.analyzer} | ${r.dataset} | ${r.scope ?? 'UNLABELLED'} | ${r.n} | ${r.positives} | ${fmt(r.auroc)} | ${r.threshold} | ${fmt(r.precision)} | ${fmt(r.recall)} | ${fmt(r.f1)} | ${fmt(r.fpr)} | ${r.note ?? ''} |`);
  }
}

await main();
