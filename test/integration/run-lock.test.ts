import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../main/analysis/run-analysis';
import { importJsonlRecords } from '../../main/importers/jsonl-records';
import { STALE_AFTER_MS } from '../../main/jobs/run-lock';
import { listRuns } from '../../main/storage/findings-repo';
import { acquireRunLock } from '../../main/storage/run-locks-repo';
import { createWorkspace, type Workspace } from '../../main/storage/workspace';
import { useTempDir } from '../helpers/tmp';
import { writeFileSync } from 'node:fs';

const tmp = useTempDir('assay-run-lock-');

/** A run row as another process executing it would have written it, with its lock. */
function foreignRun(ws: Workspace, owner: { pid: number; host: string }, heartbeatAt: number): number {
  const id = Number(ws.db.prepare("INSERT INTO analysis_runs (started_at, status, analyzers, kb_index, total) VALUES ('2026-01-01T00:00:00Z', 'running', '[]', NULL, 30)").run().lastInsertRowid);
  acquireRunLock(ws.db, id, owner, heartbeatAt);
  return id;
}

const statusOf = (ws: Workspace, id: number) => listRuns(ws.db).find((r) => r.id === id);

describe('analysis run lock across processes', () => {
  it('leaves a run another live process executes alone, and closes it as interrupted once that process is gone', async () => {
    const ws = createWorkspace(path.join(tmp(), 'ws'));
    const other = spawn('sleep', ['60'], { stdio: 'ignore' });
    try {
      const id = foreignRun(ws, { pid: other.pid!, host: os.hostname() }, Date.now());
      await runAnalysis(ws, { analyzerIds: ['pii'], workers: 0 });
      expect(statusOf(ws, id)).toMatchObject({ status: 'running' });
      // Even with an old heartbeat (its machine slept): on this host the live pid decides.
      ws.db.prepare('UPDATE run_locks SET heartbeat_at = 0').run();
      await runAnalysis(ws, { analyzerIds: ['pii'], workers: 0 });
      expect(statusOf(ws, id)).toMatchObject({ status: 'running' });

      other.kill('SIGKILL');
      await new Promise((resolve) => other.once('exit', resolve));
      await runAnalysis(ws, { analyzerIds: ['pii'], workers: 0 });
      expect(statusOf(ws, id)).toMatchObject({ status: 'failed', message: 'interrupted' });
      expect(ws.db.prepare('SELECT count(*) FROM run_locks').pluck().get()).toBe(0);
    } finally {
      other.kill('SIGKILL');
      ws.close();
    }
  });

  it('judges an owner on another host (a shared folder) by its heartbeat', async () => {
    const ws = createWorkspace(path.join(tmp(), 'ws'));
    const fresh = foreignRun(ws, { pid: 1, host: 'elsewhere.example' }, Date.now());
    const stale = foreignRun(ws, { pid: 1, host: 'elsewhere.example' }, Date.now() - STALE_AFTER_MS - 1_000);
    await runAnalysis(ws, { analyzerIds: ['pii'], workers: 0 });
    expect(statusOf(ws, fresh)).toMatchObject({ status: 'running' });
    expect(statusOf(ws, stale)).toMatchObject({ status: 'failed', message: 'interrupted' });
    ws.close();
  });

  it('holds a lock with its own pid while it runs and drops it when the run ends', async () => {
    const ws = createWorkspace(path.join(tmp(), 'ws'));
    const file = path.join(tmp(), 'logs.jsonl');
    writeFileSync(file, Array.from({ length: 5 }, (_, i) => JSON.stringify({ input: `q${i}`, output: `mail me at u${i}@example.com` })).join('\n'));
    await importJsonlRecords(ws, file, { name: 'logs' });
    const seen: unknown[] = [];
    const result = await runAnalysis(ws, {
      analyzerIds: ['pii'], workers: 0,
      onProgress: () => seen.push(ws.db.prepare('SELECT owner_pid, owner_host FROM run_locks').get()),
    });
    expect(result.status).toBe('succeeded');
    expect(seen[0]).toEqual({ owner_pid: process.pid, owner_host: os.hostname() });
    expect(ws.db.prepare('SELECT count(*) FROM run_locks').pluck().get()).toBe(0);
    const started = ws.db.prepare("SELECT payload FROM audit_log WHERE action = 'analysis.started'").pluck().get() as string;
    expect(JSON.parse(started)).toMatchObject({ owner: { pid: process.pid } });
    ws.close();
  });
});
