// Speed of `assay drift` on large numeric CSVs against SciPy's ks_2samp over the same columns, in one run.
//   npx tsx bench/drift.ts [--rows 1000000] [--cols 20] [--repeat 2] [--scale 5000000x50,...] [--scale-scipy] [--no-scipy] [--keep]
// Generates a seeded reference and current CSV (the first quarter of the current columns shifted by 0.1 sd)
// in os.tmpdir(), times the CLI end to end as a child process (`node bin/assay.mjs drift ...`), with the
// automatic tests (Wasserstein at this size) and with --test all=ks for a like-for-like KS comparison, and
// times /usr/bin/python3 bench/drift-scipy.py (ks_2samp calls only, and with pandas.read_csv loading). Peak RSS of the assay
// process comes from /usr/bin/time -v when present, else from the CLI's ASSAY_REPORT_RSS report. Each
// --scale size is then run through assay alone to show how far it scales. On a shared machine timings wander,
// so each measurement is repeated (--repeat, alternating assay and SciPy) and the best run of each is compared.
// It also times `assay profile ref.csv --out ...` once and `assay drift --reference <profile> cur.csv` (the
// reference profile reused), checking that the latter prints the same report as the CSV run.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng } from '../shared/stats/prng';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const flag = (name: string): boolean => process.argv.includes(`--${name}`);

function writeCsv(file: string, rows: number, cols: number, seed: number, shiftedCols: number): void {
  const rng = createRng(seed);
  const fd = openSync(file, 'w');
  writeSync(fd, `${Array.from({ length: cols }, (_, j) => `f${j}`).join(',')}\n`);
  let buf: string[] = [];
  const line = new Array<string>(cols);
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < cols; j++) {
      // Irwin-Hall(12) - 6: close to a standard normal, no transcendental functions.
      let x = -6;
      for (let k = 0; k < 12; k++) x += rng();
      if (j < shiftedCols) x += 0.1;
      line[j] = x.toFixed(6);
    }
    buf.push(line.join(','));
    if (buf.length === 20000) {
      writeSync(fd, `${buf.join('\n')}\n`);
      buf = [];
    }
  }
  if (buf.length) writeSync(fd, `${buf.join('\n')}\n`);
  closeSync(fd);
}

const HAS_TIME = existsSync('/usr/bin/time');

// Until main/cli/commands/index.ts registers drift, run the same entry through a harness that adds it.
function assayArgs(): string[] {
  const probe = spawnSync(process.execPath, ['bin/assay.mjs', '--help'], { cwd: root, encoding: 'utf8' });
  if (/^\s+drift\b/m.test(probe.stdout)) return ['bin/assay.mjs'];
  console.log('note: `drift` is not registered in main/cli/commands/index.ts yet; timing main/cli/index.ts through a harness that registers it');
  const harness = `import { register } from 'tsx/esm/api'; register();
const { commands } = await import('./main/cli/commands/index.ts');
const { registerDrift } = await import('./main/cli/commands/drift.ts');
if (!commands.includes(registerDrift)) commands.push(registerDrift);
await import('./main/cli/index.ts');`;
  return ['--input-type=module', '-e', harness, 'assay'];
}

interface Timed {
  seconds: number;
  /** User + system CPU seconds of the assay process (all threads), when /usr/bin/time is present. */
  cpu: number | null;
  rssMb: number | null;
  stdout: string;
}

function timeAssay(base: string[], args: string[]): Timed {
  const cmd = HAS_TIME ? '/usr/bin/time' : process.execPath;
  const full = HAS_TIME ? ['-v', process.execPath, ...base, ...args] : [...base, ...args];
  const t0 = performance.now();
  const r = spawnSync(cmd, full, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, ASSAY_REPORT_RSS: '1' } });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`assay failed (${r.status}): ${r.stderr}`);
  const timeRss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  const selfRss = /peak RSS ([\d.]+) MB/.exec(r.stderr);
  const rssMb = timeRss ? Number(timeRss[1]) / 1024 : selfRss ? Number(selfRss[1]) : null;
  const user = /User time \(seconds\): ([\d.]+)/.exec(r.stderr);
  const sys = /System time \(seconds\): ([\d.]+)/.exec(r.stderr);
  const cpu = user && sys ? Number(user[1]) + Number(sys[1]) : null;
  return { seconds, cpu, rssMb, stdout: r.stdout };
}

const fmt = (s: number): string => `${s.toFixed(2)} s`;
const mb = (v: number | null): string => (v === null ? 'n/a' : `${v.toFixed(0)} MB`);
const cpu = (v: number | null): string => (v === null ? '' : `   CPU ${v.toFixed(2)} s`);

interface ScipyResult {
  loader: string;
  load_s: number;
  ks_s: number;
  total_s: number;
  ks_cpu_s: number;
  total_cpu_s: number;
  columns: { name: string; statistic: number; p_value: number }[];
}

/** Debian's interpreter, where python3-pandas and python3-scipy install; a PATH python3 (a venv) otherwise. */
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

function runSize(dir: string, rows: number, cols: number, scipy: boolean, base: string[]): void {
  let withScipy = scipy;
  const ref = path.join(dir, `ref-${rows}x${cols}.csv`);
  const cur = path.join(dir, `cur-${rows}x${cols}.csv`);
  let t0 = performance.now();
  writeCsv(ref, rows, cols, 1, 0);
  writeCsv(cur, rows, cols, 2, Math.ceil(cols / 4));
  const sizeMb = (statSync(ref).size + statSync(cur).size) / 2 ** 20;
  console.log(`\n== ${rows.toLocaleString('en-US')} rows x ${cols} numeric columns, two files, ${sizeMb.toFixed(0)} MB of CSV (generated in ${fmt((performance.now() - t0) / 1000)}) ==`);
  const repeat = Math.max(1, Number(arg('repeat', '2')));
  const best = <T extends { seconds: number }>(runs: T[]): T => runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  const autoRuns: Timed[] = [];
  const ksRuns: Timed[] = [];
  const spRuns: (ScipyResult & { seconds: number; process: number })[] = [];
  for (let i = 0; i < repeat; i++) {
    autoRuns.push(timeAssay(base, ['drift', ref, cur, '--json']));
    ksRuns.push(timeAssay(base, ['drift', ref, cur, '--json', '--test', 'all=ks']));
    if (!withScipy) continue;
    t0 = performance.now();
    const py = spawnSync(PYTHON, [path.join(root, 'bench', 'drift-scipy.py'), ref, cur], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (py.status !== 0) {
      const why = py.stderr.trim().split('\n').pop() ?? '';
      const hint = /No module named/.test(why) ? ' (install Debian\'s python3-pandas and python3-scipy)' : '';
      console.log(`skipped: pandas+SciPy comparison (${PYTHON} bench/drift-scipy.py failed: ${why}${hint})`);
      withScipy = false;
      continue;
    }
    const sp = JSON.parse(py.stdout) as ScipyResult;
    spRuns.push({ ...sp, seconds: sp.ks_s, process: (performance.now() - t0) / 1000 });
  }
  const runs = (r: { seconds: number }[]): string => (r.length > 1 ? `   runs: ${r.map((x) => x.seconds.toFixed(2)).join(', ')}` : '');
  const auto = best(autoRuns);
  const autoReport = JSON.parse(auto.stdout) as { columns: { test: string; drifted: boolean }[] };
  console.log(`assay drift (auto test: ${autoReport.columns[0]?.test})   ${fmt(auto.seconds)}${cpu(auto.cpu)}   peak RSS ${mb(auto.rssMb)}   drifted ${autoReport.columns.filter((c) => c.drifted).length}/${cols}${runs(autoRuns)}`);
  const ks = best(ksRuns);
  const ksReport = JSON.parse(ks.stdout) as { columns: { name: string; statistic: number; p_value: number }[] };
  console.log(`assay drift --test all=ks          ${fmt(ks.seconds)}${cpu(ks.cpu)}   peak RSS ${mb(ks.rssMb)}   drifted ${ksReport.columns.filter((c) => (c as { drifted?: boolean }).drifted).length}/${cols}${runs(ksRuns)}`);
  // A reference profile made once, then reused: only the current file is parsed (exact: same JSON as the CSV run).
  const profileFile = path.join(dir, `ref-${rows}x${cols}.assay-profile`);
  const made = timeAssay(base, ['profile', ref, '--out', profileFile]);
  const reused = best(Array.from({ length: repeat }, () => timeAssay(base, ['drift', '--reference', profileFile, cur, '--json', '--test', 'all=ks'])));
  const { approximate_columns: approx, ...reusedReport } = JSON.parse(reused.stdout) as Record<string, unknown>;
  const same = JSON.stringify(reusedReport) === JSON.stringify(ksReport);
  console.log(`assay profile ref (once)            ${fmt(made.seconds)}${cpu(made.cpu)}   peak RSS ${mb(made.rssMb)}   ${(statSync(profileFile).size / 2 ** 20).toFixed(1)} MB profile`);
  console.log(`assay drift --reference profile     ${fmt(reused.seconds)}${cpu(reused.cpu)}   peak RSS ${mb(reused.rssMb)}   ${same ? 'same JSON as from the CSV' : 'DIFFERS from the CSV run'}; approximate columns: ${JSON.stringify(approx)}`);
  rmSync(profileFile, { force: true });
  if (!withScipy || spRuns.length === 0) return;
  const sp = best(spRuns);
  console.log(`scipy ks_2samp, calls only          ${fmt(sp.ks_s)}${cpu(sp.ks_cpu_s)}${runs(spRuns)}`);
  console.log(`${sp.loader} + ks_2samp   ${fmt(sp.total_s)}${cpu(sp.total_cpu_s)}   (${PYTHON} process ${fmt(sp.process)})`);
  console.log(`ratio scipy ks-only / assay all=ks end-to-end: ${(sp.ks_s / ks.seconds).toFixed(2)}x` +
    ` (assay ${ks.seconds < sp.ks_s ? 'faster' : 'slower'}); assay / ${sp.loader} + ks_2samp: ${(ks.seconds / sp.total_s).toFixed(2)}x (goal <= 0.35);` +
    ` auto-test run: ${(sp.ks_s / auto.seconds).toFixed(2)}x` +
    (ks.cpu === null ? '' : `; CPU seconds scipy ks-only / assay all=ks: ${(sp.ks_cpu_s / ks.cpu).toFixed(2)}x`));
  let worstStat = 0;
  let worstP = 0;
  sp.columns.forEach((c, i) => {
    const a = ksReport.columns[i]!;
    worstStat = Math.max(worstStat, Math.abs(a.statistic - c.statistic));
    worstP = Math.max(worstP, Math.abs(a.p_value - c.p_value) / Math.max(c.p_value, 1e-300));
  });
  console.log(`agreement with SciPy over ${cols} columns: max |D diff| ${worstStat.toExponential(1)}, max relative p-value diff ${worstP.toExponential(1)}`);
}

function main(): void {
  const rows = Number(arg('rows', '1000000'));
  const cols = Number(arg('cols', '20'));
  const scales = arg('scale', '').split(',').filter(Boolean).map((s) => s.split('x').map(Number) as [number, number]);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'assay-bench-drift-'));
  console.log(`machine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; files in ${dir}`);
  const base = assayArgs();
  try {
    runSize(dir, rows, cols, !flag('no-scipy'), base);
    for (const [r, c] of scales) {
      runSize(dir, r, c, flag('scale-scipy'), base);
      rmSync(path.join(dir, `ref-${r}x${c}.csv`), { force: true });
      rmSync(path.join(dir, `cur-${r}x${c}.csv`), { force: true });
    }
  } finally {
    if (!flag('keep')) rmSync(dir, { recursive: true, force: true });
  }
}

main();
