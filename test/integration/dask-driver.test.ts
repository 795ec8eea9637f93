import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli';

// Debian's python3-distributed (installed by .ci/run). The 40,000 records over 8 files on 2 worker
// processes, one of them killed mid-run, against one process scoring the same records. About 2 x 40,000 short
// records at ~1.4 CPU ms each plus process starts: ~70 s on 2 quiet cores (the timeout leaves room for a busy CI).
const python = '/usr/bin/python3';
const hasDask = existsSync(python) && spawnSync(python, ['-c', 'import distributed'], { stdio: 'ignore' }).status === 0;
const RECORDS = 40_000;

interface Result {
  dask_seconds: number;
  local_seconds: number;
  load_average: number;
  killed: { worker?: string; processing?: string[] };
  shards: string[];
  shard_lines: number;
  dask: { records: number; errors: number; groups: unknown[]; partitions: string[] };
  local: { records: number; errors: number; groups: unknown[] };
}

describe.skipIf(!hasDask)('deploy/dask/assay_dask.py on a LocalCluster', () => {
  it('scores 8 partitions on 2 worker processes, with one killed mid-run, into the same profile as one process', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'assay-dask-'));
    // Spawned without blocking: a minute-long spawnSync starves vitest's worker RPC.
    const r = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(python, [path.join(repoRoot, 'test/integration/dask/run_with_killed_worker.py'), work, String(RECORDS)], { cwd: repoRoot, timeout: 480_000 });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (t: string) => (stdout += t));
      child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });
    expect(r.status, r.stderr.slice(-2000)).toBe(0);
    const result = JSON.parse(r.stdout) as Result;
    console.log(`dask-driver: ${RECORDS} records, Dask ${result.dask_seconds} s, one process ${result.local_seconds} s (load average ${result.load_average.toFixed(1)})`);
    // The kill landed while the worker held a partition, so Dask had to rerun it elsewhere.
    expect(result.killed.processing?.some((k) => k.startsWith('assay-score-'))).toBe(true);
    expect(result.dask.records).toBe(RECORDS);
    expect(result.dask.partitions).toHaveLength(8);
    // Counts, flag counts, exact sums, histograms, tokens and cost per group: equal, nothing counted twice.
    expect(result.dask.groups).toEqual(result.local.groups);
    expect(result.dask.errors).toBe(result.local.errors);
    expect(result.shards).toEqual(Array.from({ length: 8 }, (_, i) => `part-0000${i}.jsonl`));
    expect(result.shard_lines).toBe(RECORDS);
    rmSync(work, { recursive: true, force: true });
  }, 540_000);
});
