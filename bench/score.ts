// Issue 5 speed: the whole `assay score` pipeline (all analyzers, three ~1 KB contexts per record, a KB of
// 10k chunks) in records/s on this machine, plus the share of time per analyzer.
// Usage: npx tsx bench/score.ts [--records N] [--kb-chunks N] [--in-process N]
// Other work on the machine slows every figure; the CPU-time figures (records per CPU-second of the scoring
// thread) move far less with it, so compare those across runs, and read the load average printed with them.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
const nInProcess = Math.min(nRecords, arg('in-process', 2000));
const WARM_UP = 200;

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

const load = () => `load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} on ${os.availableParallelism()} cores`;
console.log(`${nRecords} records (input, output, 3 contexts of ~1 KB), KB of ${nChunks} chunks; ${load()}`);

// 1) In process on one thread: records/s, records per CPU-second, and each analyzer's share. The scorer is warmed
//    up first (JIT, caches of the word forms), and the KB's one-off import and index build are not timed.
async function inProcess(kbPath: string | null): Promise<void> {
  const scorer = await createBatchScorer({ analyzerIds: null, params: {}, kbPath });
  const parsed = records.slice(0, WARM_UP + nInProcess).map((l) => JSON.parse(l) as Record<string, unknown>);
  scorer.score(parsed.slice(0, WARM_UP), 'lines');
  const timed = parsed.slice(WARM_UP);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const { timings } = scorer.score(timed, 'lines');
  const sec = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSec = (cpu.user + cpu.system) / 1e6;
  const total = Object.values(timings).reduce((a, b) => a + b, 0);
  console.log(`one thread, ${kbPath ? 'with KB' : 'no KB'}: ${(timed.length / sec).toFixed(0)} records/s; ` +
    `${(timed.length / cpuSec).toFixed(0)} records per CPU-second (${((cpuSec * 1000) / timed.length).toFixed(2)} CPU ms/record) ` +
    `over ${timed.length} records after ${WARM_UP} warm-up; ${load()}`);
  for (const [id, t] of Object.entries(timings)) console.log(`  ${id.padEnd(10)} ${((t / total) * 100).toFixed(1)}% (${(t / timed.length).toFixed(3)} ms/record)`);
}
await inProcess(null);
await inProcess(kbFile);

// CPU seconds of exited child processes (and all their threads), from /proc on Linux; null elsewhere.
function childCpuSec(): number | null {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /s, '').split(' ');
    // After the command name: state is field 3, so cutime and cstime (fields 16 and 17) sit at 13 and 14.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}

// 2) End to end: `assay score` as a child process, timing from the first output line to the last so the
//    one-off KB import and index build are reported separately (as "setup").
async function endToEnd(extra: string[]): Promise<void> {
  const cpuBefore = childCpuSec();
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
  const cpuAfter = childCpuSec();
  const scoringSec = (end - first) / 1000;
  const cpu = cpuBefore !== null && cpuAfter !== null ? `; CPU ${(cpuAfter - cpuBefore).toFixed(1)} s in all threads, setup included` : '';
  console.log(`assay score ${extra.join(' ')}: ${lines} lines; setup ${((first - started) / 1000).toFixed(1)} s; ` +
    `scoring ${(lines / scoringSec).toFixed(0)} records/s; whole run ${(lines / ((end - started) / 1000)).toFixed(0)} records/s${cpu}; ${load()}`);
}
await endToEnd(['--kb', kbFile]);
await endToEnd(['--kb', kbFile, '--workers', '0']);
await endToEnd([]);
rmSync(dir, { recursive: true, force: true });
