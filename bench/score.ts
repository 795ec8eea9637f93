// Issue 5 speed: the whole `assay score` pipeline (all analyzers, three ~1 KB contexts per record, a KB of
// 10k chunks) in records/s on this machine, plus the share of time per analyzer.
// Usage: npx tsx bench/score.ts [--records N] [--kb-chunks N]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateDemo } from '../main/demo/generate/index';
import { createBatchScorer } from '../main/analysis/score-batch';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const nRecords = arg('records', 4000);
const nChunks = arg('kb-chunks', 10_000);

const demo = generateDemo(42);
const chunkTexts = demo.kb.flatMap((d) => d.chunks.map((c) => c.text));
// Vary the demo KB's chunks (product line, region, numbers) so 10k chunks are distinct but realistic.
const regions = ['EU', 'US', 'UK', 'CA', 'AU', 'JP', 'DE', 'FR', 'BR', 'IN'];
const kbLines: string[] = [];
for (let i = 0; i < nChunks; i++) {
  const base = chunkTexts[i % chunkTexts.length]!;
  const variant = Math.floor(i / chunkTexts.length);
  const text = `${base.replace(/\d+/g, (m) => String(Number(m) + (variant % 7)))} (Edition ${variant}, region ${regions[variant % regions.length]})`;
  kbLines.push(JSON.stringify({ id: `doc-${i}`, title: `Doc ${i}`, text }));
}
const pad = (s: string) => {
  let out = s;
  while (out.length < 1000) out += ` ${chunkTexts[(out.length * 7) % chunkTexts.length]!}`;
  return out.slice(0, 1100);
};
const records = Array.from({ length: nRecords }, (_, i) => {
  const r = demo.logs[i % demo.logs.length]!;
  const ctx = [...(r.contexts ?? []), ...chunkTexts.slice(i % 50, (i % 50) + 3)].slice(0, 3).map(pad);
  return JSON.stringify({ id: `b-${i}`, input: r.input, output: r.output, contexts: ctx });
});

const dir = mkdtempSync(path.join(os.tmpdir(), 'assay-bench-score-'));
const kbFile = path.join(dir, 'kb.jsonl');
const inFile = path.join(dir, 'in.jsonl');
writeFileSync(kbFile, `${kbLines.join('\n')}\n`);
writeFileSync(inFile, `${records.join('\n')}\n`);

// 1) Per-analyzer share, in process on one thread, contexts only (the KB share is measured in 2).
const scorer = await createBatchScorer({ analyzerIds: null, params: {}, kbPath: null });
const parsed = records.slice(0, 1000).map((l) => JSON.parse(l) as Record<string, unknown>);
const t0 = performance.now();
const { timings } = scorer.score(parsed, 'lines');
const ms = performance.now() - t0;
const total = Object.values(timings).reduce((a, b) => a + b, 0);
console.log(`one thread, no KB: ${(parsed.length / (ms / 1000)).toFixed(0)} records/s over ${parsed.length} records`);
for (const [id, t] of Object.entries(timings)) console.log(`  ${id.padEnd(10)} ${((t / total) * 100).toFixed(1)}% (${(t / parsed.length).toFixed(3)} ms/record)`);

// 2) End to end: `assay score --kb` as a child process, timing from the first output line to the last so the
//    one-off KB import and index build are reported separately.
async function endToEnd(extra: string[]): Promise<void> {
  const started = performance.now();
  let first = 0;
  let lines = 0;
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/assay.mjs', 'score', ...extra], { stdio: ['pipe', 'pipe', 'inherit'] });
    let buf = '';
    child.stdout.on('data', (c: Buffer) => {
      if (!first) first = performance.now();
      buf += c.toString();
      const parts = buf.split('\n');
      buf = parts.pop()!;
      lines += parts.length;
    });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`assay score exited ${code}`))));
    child.stdin.end(records.join('\n'));
  });
  const end = performance.now();
  const scoringSec = (end - first) / 1000;
  console.log(`assay score ${extra.join(' ')}: ${lines} lines; setup ${((first - started) / 1000).toFixed(1)} s; ` +
    `scoring ${(lines / scoringSec).toFixed(0)} records/s; whole run ${(lines / ((end - started) / 1000)).toFixed(0)} records/s`);
}
await endToEnd(['--kb', kbFile]);
await endToEnd(['--kb', kbFile, '--workers', '0']);
await endToEnd([]);
rmSync(dir, { recursive: true, force: true });
