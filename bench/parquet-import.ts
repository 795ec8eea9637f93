// Parquet import speed against the same rows as JSONL, in one run (a baseline timed beside the figure).
//   npx tsx bench/parquet-import.ts [--rows 100000] [--row-group 10000] [--repeat 2]
// Writes seeded log rows (id, timestamp, model, prompt_version, input, output, contexts, tokens) as Parquet (snappy,
// --row-group rows per group, hyparquet-writer) and as JSONL in os.tmpdir(), then times `node bin/assay.mjs import`
// of each into a fresh workspace as a child process (best of --repeat, alternating), and reports rows/s, the file
// sizes and the 1-minute load average before each run (the machine is shared; compare the two figures, not runs).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { createRng } from '../shared/stats/prng';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const rows = arg('rows', 100_000);
const rowGroup = arg('row-group', 10_000);
const repeat = arg('repeat', 2);

const rng = createRng(7);
const words = 'refund order ship router password invoice battery screen warranty delivery window days account'.split(' ');
const text = (n: number) => Array.from({ length: n }, () => words[Math.floor(rng() * words.length)]!).join(' ');
const data = Array.from({ length: rows }, (_, i) => ({
  id: `r${i}`, timestamp: new Date(Date.UTC(2026, 10, 1 + (i % 28), i % 24)).toISOString(), model: i % 2 ? 'model-a' : 'model-b', prompt_version: `v${i % 3}`,
  input: `Question ${i}: ${text(12)}?`, output: text(40), contexts: [text(60)], tokens_in: 20 + (i % 50), tokens_out: 40 + (i % 30),
}));

const dir = mkdtempSync(path.join(os.tmpdir(), 'assay-bench-parquet-'));
const jsonl = path.join(dir, 'logs.jsonl');
const parquet = path.join(dir, 'logs.parquet');
writeFileSync(jsonl, data.map((r) => JSON.stringify(r)).join('\n') + '\n');
const names = Object.keys(data[0]!) as (keyof (typeof data)[0])[];
writeFileSync(parquet, new Uint8Array(parquetWriteBuffer({
  rowGroupSize: rowGroup,
  columnData: names.map((n) => ({ name: n, data: data.map((r) => r[n]), type: n === 'contexts' ? 'JSON' : n.startsWith('tokens') ? 'INT32' : 'STRING' })),
})));

function timeImport(file: string, k: number): { secs: number; load: number } {
  const ws = path.join(dir, `ws-${path.extname(file).slice(1)}-${k}`);
  spawnSync(process.execPath, [path.join(root, 'bin/assay.mjs'), 'init', ws], { cwd: root });
  const load = os.loadavg()[0]!;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [path.join(root, 'bin/assay.mjs'), 'import', ws, file, '--json'], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`import of ${file} failed: ${r.stderr}`);
  const imported = (JSON.parse(r.stdout) as { imported: number }).imported;
  if (imported !== rows) throw new Error(`${file}: imported ${imported} of ${rows}`);
  return { secs, load };
}

const best: Record<string, { secs: number; load: number }> = {};
for (let k = 0; k < repeat; k++) {
  for (const file of [parquet, jsonl]) {
    const t = timeImport(file, k);
    const prev = best[file];
    if (!prev || t.secs < prev.secs) best[file] = t;
  }
}
const mb = (f: string) => (statSync(f).size / 1e6).toFixed(1);
console.log(`${rows} log rows; Parquet ${mb(parquet)} MB (snappy, ${Math.ceil(rows / rowGroup)} row groups of ${rowGroup}), JSONL ${mb(jsonl)} MB; best of ${repeat}, assay import end to end (CLI start, detection, hashing, SQLite commit):`);
for (const [label, file] of [['Parquet', parquet], ['JSONL', jsonl]] as const) {
  const t = best[file]!;
  console.log(`  ${label.padEnd(8)} ${t.secs.toFixed(2)} s  ${Math.round(rows / t.secs)} rows/s  (load average ${t.load.toFixed(1)} at start)`);
}
rmSync(dir, { recursive: true, force: true });
