/**
 * Import speed against a floor, on the same file in the same run.
 *
 *   npx tsx bench/import.ts            # ~1 GB, ~300k records (the figure in the issue)
 *   npx tsx bench/import.ts --mb 100   # quick run
 *   npx tsx bench/import.ts --rounds 3 # alternate floor/import 3 times, keep each one's best (default 2)
 *   npx tsx bench/import.ts --mode single|parallel   # force the one-thread or the worker-thread JSONL path
 *                                                    # (default: the import decides; it uses the worker unless the machine is oversubscribed)
 *   npx tsx bench/import.ts --shape rag  # RAG logs: 30,000 records, each with three ~1 KB retrieved contexts
 *                                        # (~120 MB; the shape of issue 10's figure)
 *   npx tsx bench/import.ts --file F.jsonl  # time an existing file (e.g. the acceptance check's big.jsonl); kept
 *   npx tsx bench/import.ts --wal        # also time each round's import while this process holds the workspace
 *                                        # open, as the app does: the import then stays in WAL (a rollback journal
 *                                        # otherwise; main/storage/import-connection.ts)
 *
 * Generates realistic native JSONL records (question, answer, 3-5 retrieved passages, model, prompt version,
 * tokens, latency, cost, metadata) into the OS temp folder, then runs, each as its own process under
 * /usr/bin/time: the floor of ../shared/acceptance/7-import-speed-rag-records (readline, JSON.parse and
 * JSON.stringify each line, insert it as one TEXT column of a new file with better-sqlite3's defaults, one
 * transaction) and `assay import` (the CLI, so the figure includes everything a user waits for, but not npx).
 * Prints wall and CPU (user + system) times, the ratio (target <= 1.5) and the import's peak RSS (target < 400 MB).
 * On a loaded machine the wall figures swing by 2x from run to run; the CPU ratio is the steadier one.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createWorkspace } from '../main/storage/workspace';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const mbArg = args.indexOf('--mb');
const targetMb = mbArg >= 0 ? Number(args[mbArg + 1]) : 1024;
if (!Number.isFinite(targetMb) || targetMb <= 0) throw new Error('--mb expects a positive number');
const roundsArg = args.indexOf('--rounds');
const rounds = roundsArg >= 0 ? Math.max(1, Number(args[roundsArg + 1])) : 2;
const modeArg = args.indexOf('--mode');
const mode = modeArg >= 0 ? args[modeArg + 1] : 'auto';
if (!['auto', 'single', 'parallel'].includes(mode ?? '')) throw new Error('--mode expects auto, single or parallel');
const shapeArg = args.indexOf('--shape');
const shape = shapeArg >= 0 ? args[shapeArg + 1] : 'mixed';
if (!['mixed', 'rag'].includes(shape ?? '')) throw new Error('--shape expects mixed or rag');
const RAG_RECORDS = 30_000;
const fileArg = args.indexOf('--file');
const givenFile = fileArg >= 0 ? path.resolve(args[fileArg + 1] ?? '') : null;
const alsoWal = args.includes('--wal');
const importEnv: Record<string, string> = mode === 'single' ? { ASSAY_IMPORT_WORKER: '0' } : mode === 'parallel' ? { ASSAY_IMPORT_WORKER: '1' } : {};
const dir = path.join(os.tmpdir(), 'assay-bench-import');
const file = givenFile ?? path.join(dir, shape === 'rag' ? `rag-${RAG_RECORDS}.jsonl` : `records-${targetMb}mb.jsonl`);

// ---- deterministic generator ----
let seed = 0x9e3779b9;
function rand(): number {
  seed ^= seed << 13; seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5; seed >>>= 0;
  return seed / 0x100000000;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const WORDS = ('the a device battery warranty firmware update reset camera hub sensor account billing invoice refund order shipping ' +
  'replacement screen charging cable adapter settings network wifi bluetooth pairing app notification schedule motion night vision ' +
  'storage cloud subscription plan monthly annual support ticket technician return policy days receipt store online customer error ' +
  'code light blinking red green restart power button hold seconds manual page section model serial number purchase date region').split(' ');
function sentence(min: number, max: number): string {
  const n = min + Math.floor(rand() * (max - min));
  const w: string[] = [];
  for (let i = 0; i < n; i++) w.push(pick(WORDS));
  const s = w.join(' ');
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
}
function paragraph(sentences: number): string {
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) out.push(sentence(8, 22));
  return out.join(' ');
}
const MODELS = ['gpt-4o-mini', 'gpt-4o', 'claude-3-5-sonnet', 'llama-3.1-70b'];
const PROMPTS = ['v1.2', 'v1.3', 'v1.4'];
function record(i: number): string {
  const contexts: string[] = [];
  const k = 3 + Math.floor(rand() * 3);
  for (let c = 0; c < k; c++) contexts.push(paragraph(4 + Math.floor(rand() * 4)));
  const t = Date.UTC(2024, 9, 1) + i * 20_000 + Math.floor(rand() * 10_000);
  return JSON.stringify({
    id: `req-${i.toString(36)}-${Math.floor(rand() * 1e9).toString(36)}`,
    timestamp: new Date(t).toISOString(),
    model: pick(MODELS),
    model_version: '2024-08-06',
    prompt_id: 'support-answer',
    prompt_version: pick(PROMPTS),
    input: `${sentence(6, 18).replace(/\.$/, '?')} ${rand() < 0.3 ? sentence(6, 14) : ''}`.trim(),
    output: paragraph(4 + Math.floor(rand() * 8)),
    contexts,
    tokens_in: 300 + Math.floor(rand() * 900),
    tokens_out: 40 + Math.floor(rand() * 400),
    latency_ms: Math.round(400 + rand() * 4000),
    cost: Math.round(rand() * 1e6) / 1e9,
    metadata: { user_id: `u${Math.floor(rand() * 50_000)}`, session_id: `s${Math.floor(rand() * 200_000)}`, region: pick(['eu', 'us', 'apac']), channel: pick(['web', 'app', 'email']) },
  });
}

/** About `chars` characters of words, the size of one retrieved passage. */
function passage(chars: number): string {
  const w: string[] = [];
  let n = 0;
  while (n < chars) {
    const x = pick(WORDS);
    w.push(x);
    n += x.length + 1;
  }
  return w.join(' ');
}

/** A RAG log record: question, answer and three ~1 KB retrieved contexts. */
function ragRecord(i: number): string {
  return JSON.stringify({
    id: `r${i}`, timestamp: new Date(Date.UTC(2026, 9, 1) + i * 1000).toISOString(), model: pick(MODELS), prompt_version: pick(PROMPTS),
    input: passage(240), output: passage(720), contexts: [passage(1024), passage(1024), passage(1024)],
    tokens_in: 900, tokens_out: 160, latency_ms: 850,
  });
}

function generate(): { records: number; bytes: number } {
  mkdirSync(dir, { recursive: true });
  if (givenFile) return { records: readFileSync(givenFile, 'utf8').split('\n').filter((l) => l.trim()).length, bytes: statSync(givenFile).size };
  const meta = `${file}.count`;
  if (existsSync(file) && existsSync(meta)) return { records: Number(readFileSync(meta, 'utf8')), bytes: statSync(file).size };
  const fd = openSync(file, 'w');
  const target = targetMb * 1024 * 1024;
  let bytes = 0;
  let i = 0;
  let batch: string[] = [];
  while (shape === 'rag' ? i < RAG_RECORDS : bytes < target) {
    const line = `${shape === 'rag' ? ragRecord(i++) : record(i++)}\n`;
    bytes += Buffer.byteLength(line);
    batch.push(line);
    if (batch.length === 2000) { writeSync(fd, batch.join('')); batch = []; }
  }
  if (batch.length) writeSync(fd, batch.join(''));
  closeSync(fd);
  writeFileSync(meta, String(i));
  return { records: i, bytes };
}

// ---- measured runs ----
// The acceptance check's floor, as it is there.
const FLOOR = `
const fs = require('fs'), rl = require('readline'), Database = require('better-sqlite3');
const db = new Database(process.argv[2]); db.exec('create table t (j text)');
const ins = db.prepare('insert into t values (?)');
let n = 0;
(async () => { db.exec('begin'); for await (const line of rl.createInterface({ input: fs.createReadStream(process.argv[1]) })) { if (line) { ins.run(JSON.stringify(JSON.parse(line))); n++; } } db.exec('commit'); process.stdout.write(String(n)); })();
`;

interface Timed {
  seconds: number;
  /** User + system CPU seconds (GNU time only; NaN without it). */
  cpu: number;
  maxRssMb: number;
  stdout: string;
}

function timed(cmd: string[], label: string, env: Record<string, string> = {}): Promise<Timed> {
  const timeFile = path.join(dir, `${label}.time`);
  const useTime = existsSync('/usr/bin/time');
  const argv = useTime ? ['/usr/bin/time', '-f', '%e %U %S %M', '-o', timeFile, ...cmd] : cmd;
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0]!, argv.slice(1), { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
    let stdout = '';
    let peakKb = 0;
    // Without GNU time, sample the child's high-water mark (VmHWM) from /proc.
    const poll = useTime ? null : setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch { /* exited */ }
    }, 50);
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.on('error', reject);
    child.on('close', (code) => {
      if (poll) clearInterval(poll);
      if (code !== 0) return reject(new Error(`${label} exited with ${code}`));
      const wall = Number(process.hrtime.bigint() - started) / 1e9;
      let cpu = Number.NaN;
      if (useTime) {
        const [, user, sys, kb] = readFileSync(timeFile, 'utf8').trim().split(/\s+/).slice(-4).map(Number) as [number, number, number, number];
        peakKb = kb;
        cpu = user + sys;
      }
      resolve({ seconds: wall, cpu, maxRssMb: peakKb / 1024, stdout });
    });
  });
}

async function main(): Promise<void> {
  const t0 = Date.now();
  const { records, bytes } = generate();
  console.log(`file: ${file}`);
  console.log(`      ${(bytes / 1024 / 1024).toFixed(0)} MB, ${records.toLocaleString('en-US')} records (generated or reused in ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  // Warm the page cache so neither run pays for the first read from disk.
  spawnSync('cat', [file], { stdio: ['ignore', 'ignore', 'ignore'] });

  // Alternate floor and import runs and keep each one's best: other load on the machine hits both alike.
  let floor = null as Timed | null;
  let imp = null as Timed | null;
  let wal = null as Timed | null;
  let summary = { imported: 0, quarantined: 0, duplicates: 0, stored: 0 };
  const importInto = async (label: string, holdOpen: boolean): Promise<Timed> => {
    const wsDir = path.join(dir, 'ws');
    rmSync(wsDir, { recursive: true, force: true });
    const ws = createWorkspace(wsDir, { name: 'bench' });
    if (!holdOpen) ws.close();
    try {
      const i = await timed([process.execPath, path.join(repoRoot, 'bin', 'assay.mjs'), 'import', wsDir, file, '--json'], label, importEnv);
      summary = JSON.parse(i.stdout) as typeof summary;
      return i;
    } finally {
      ws.close();
      rmSync(wsDir, { recursive: true, force: true });
    }
  };
  const fmt = (t: Timed) => `${t.seconds.toFixed(2)} s (cpu ${t.cpu.toFixed(2)} s)`;
  for (let round = 0; round < rounds; round++) {
    const floorDb = path.join(dir, 'floor.db');
    for (const f of [floorDb, `${floorDb}-journal`]) rmSync(f, { force: true });
    const load = os.loadavg()[0]!;
    const f = await timed([process.execPath, '-e', FLOOR, file, floorDb], 'floor');
    for (const x of [floorDb, `${floorDb}-journal`]) rmSync(x, { force: true });
    const i = await importInto('import', false);
    const w = alsoWal ? await importInto('import-wal', true) : null;
    const path1 = mode === 'auto' ? (load < os.cpus().length * 2 ? 'worker thread' : 'one thread') : mode === 'single' ? 'one thread' : 'worker thread';
    console.log(`round ${round + 1} (load ${load.toFixed(1)} at start: ${path1}): floor ${fmt(f)}, import ${fmt(i)} (peak RSS ${i.maxRssMb.toFixed(0)} MB)` +
      `${w ? `, import beside an open connection (WAL) ${fmt(w)}` : ''}`);
    if (!floor || f.seconds < floor.seconds) floor = f;
    if (!imp || i.seconds < imp.seconds) imp = { ...i, maxRssMb: Math.max(i.maxRssMb, imp?.maxRssMb ?? 0) };
    else imp.maxRssMb = Math.max(imp.maxRssMb, i.maxRssMb);
    if (w && (!wal || w.seconds < wal.seconds)) wal = w;
  }
  if (!floor || !imp) return;
  const ratio = imp.seconds / floor.seconds;
  console.log(`best of ${rounds}: floor (readline + JSON.parse + JSON.stringify + INSERT as TEXT, one transaction): ${fmt(floor)}, peak RSS ${floor.maxRssMb.toFixed(0)} MB, ${floor.stdout.trim()} rows`);
  console.log(`best of ${rounds}: import (assay import <ws> <file> --json, child process): ${fmt(imp)}, peak RSS (max over runs) ${imp.maxRssMb.toFixed(0)} MB, ` +
    `${summary.imported.toLocaleString('en-US')} imported, ${summary.quarantined} quarantined, ${summary.duplicates} duplicates`);
  if (wal) console.log(`best of ${rounds}: import beside an open connection (stays in WAL): ${fmt(wal)}, ratio ${(wal.seconds / floor.seconds).toFixed(2)}x`);
  console.log(`ratio import/floor: ${ratio.toFixed(2)}x wall, ${(imp.cpu / floor.cpu).toFixed(2)}x CPU (target <= 1.5x)   ${ratio <= 1.5 ? 'OK' : 'OVER'}`);
  console.log(`peak RSS of import: ${imp.maxRssMb.toFixed(0)} MB (target < 400 MB)   ${imp.maxRssMb < 400 ? 'OK' : 'OVER'}`);
  console.log(`load average during the run: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
  console.log(`throughput: ${(records / imp.seconds).toFixed(0)} records/s, ${(bytes / 1024 / 1024 / imp.seconds).toFixed(1)} MB/s`);
  if (summary.imported !== records) console.log(`WARNING: imported ${summary.imported} of ${records} records`);
  if (!args.includes('--keep') && !givenFile) {
    rmSync(file, { force: true });
    rmSync(`${file}.count`, { force: true });
  }
}

await main();
