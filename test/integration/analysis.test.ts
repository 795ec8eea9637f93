import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../main/analysis/run-analysis';
import { importJsonlRecords } from '../../main/importers/jsonl-records';
import { verifyChain } from '../../main/storage/audit-chain';
import { findingsForRecord, listRuns } from '../../main/storage/findings-repo';
import { listRecords } from '../../main/storage/records-repo';
import { createWorkspace } from '../../main/storage/workspace';
import { useTempDir } from '../helpers/tmp';

const tmp = useTempDir();

const context = 'The Lumora Cam Indoor has a two-year warranty. Returns are accepted within 30 days of delivery.';
const records = Array.from({ length: 30 }, (_, i) => ({
  id: `r-${i}`,
  input: 'How long is the warranty on the Cam Indoor?',
  output: i % 3 === 0 ? 'The Cam Indoor has a five-year warranty and free lifetime repairs in Paris.' : 'The Cam Indoor has a two-year warranty.',
  contexts: [context],
}));

async function workspaceWithRecords() {
  const ws = createWorkspace(path.join(tmp(), 'ws'));
  const file = path.join(tmp(), 'r.jsonl');
  writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n'));
  await importJsonlRecords(ws, file, { name: 'logs' });
  return ws;
}

describe('workspace analysis', () => {
  it('stores findings stamped with analyzer id, version and params hash, and headline scores on records', async () => {
    const ws = await workspaceWithRecords();
    const summary = await runAnalysis(ws, { analyzerIds: ['grounding'], workers: 0 });
    expect(summary).toMatchObject({ status: 'succeeded', scored: 30, total: 30 });
    const page = listRecords(ws.db, { sort: 'id', dir: 'asc', offset: 0, limit: 100 });
    const bad = page.rows.find((r) => r.externalId === 'r-0')!;
    const good = page.rows.find((r) => r.externalId === 'r-1')!;
    expect(bad.scores!.grounding!).toBeLessThan(good.scores!.grounding!);
    expect(bad.scores!.flags).toContain('hallucination');
    expect(good.scores!.flags).not.toContain('hallucination');
    const findings = findingsForRecord(ws.db, bad.id);
    expect(findings[0]).toMatchObject({ analyzerId: 'grounding', analyzerVersion: summary.analyzers[0]!.version, paramsHash: summary.analyzers[0]!.paramsHash });
    const flagged = listRecords(ws.db, { flag: 'hallucination', sort: 'grounding', dir: 'asc', offset: 0, limit: 100 });
    expect(flagged.total).toBe(10);
    expect(verifyChain(ws.db).ok).toBe(true);
    ws.close();
  });

  it('waits for an import holding the write lock instead of failing, while quick writes are refused at once with a reason', async () => {
    const ws = await workspaceWithRecords();
    // An import writes in one transaction on a connection of its own and announces it on the gate.
    const importer = new Database(ws.dbPath);
    importer.exec('BEGIN IMMEDIATE');
    const release = ws.writes.hold('the import of big.jsonl');
    const run = runAnalysis(ws, { analyzerIds: ['grounding'], workers: 0 });
    let settled = false;
    void run.finally(() => { settled = true; });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(settled).toBe(false);
    expect(() => ws.mutate('test.write', () => 1, () => ({}))).toThrow(/the import of big\.jsonl is writing to the workspace; try again when it finishes/);
    importer.exec('COMMIT');
    importer.close();
    release();
    expect(await run).toMatchObject({ status: 'succeeded', scored: 30 });
    expect(verifyChain(ws.db).ok).toBe(true);
    ws.close();
  });

  it('closes a run a stopped process left running as failed "interrupted", with an audit entry', async () => {
    const ws = await workspaceWithRecords();
    // What a crash mid-run leaves behind: a run row still marked running.
    ws.db.prepare("INSERT INTO analysis_runs (started_at, status, analyzers, kb_index, total) VALUES ('2026-01-01T00:00:00Z', 'running', '[]', NULL, 30)").run();
    const stale = listRuns(ws.db)[0]!.id;
    await runAnalysis(ws, { analyzerIds: ['grounding'], workers: 0 });
    expect(listRuns(ws.db).find((r) => r.id === stale)).toMatchObject({ status: 'failed', message: 'interrupted' });
    const entry = ws.db.prepare("SELECT payload FROM audit_log WHERE action = 'analysis.interrupted'").pluck().get() as string;
    expect(JSON.parse(entry)).toEqual({ runIds: [stale] });
    expect(verifyChain(ws.db).ok).toBe(true);
    ws.close();
  });

  it('is incremental: a second run scores nothing, new records only are scored after an import', async () => {
    const ws = await workspaceWithRecords();
    await runAnalysis(ws, { analyzerIds: ['grounding'], workers: 0 });
    expect((await runAnalysis(ws, { analyzerIds: ['grounding'], workers: 0 })).status).toBe('up-to-date');
    const more = path.join(tmp(), 'more.jsonl');
    writeFileSync(more, JSON.stringify({ id: 'new-1', input: 'q', output: 'The warranty is two years.', contexts: [context] }));
    await importJsonlRecords(ws, more, { name: 'more' });
    expect(await runAnalysis(ws, { analyzerIds: ['grounding'], workers: 0 })).toMatchObject({ status: 'succeeded', scored: 1 });
    ws.close();
  });

  it('cancels between batches, keeps what was committed, and resumes with the rest', async () => {
    const ws = await workspaceWithRecords();
    const abort = new AbortController();
    abort.abort();
    const cancelled = await runAnalysis(ws, { analyzerIds: ['grounding'], workers: 0, signal: abort.signal });
    expect(cancelled.status).toBe('cancelled');
    expect(listRuns(ws.db)[0]!.status).toBe('cancelled');
    const resumed = await runAnalysis(ws, { analyzerIds: ['grounding'], workers: 0 });
    expect(resumed).toMatchObject({ status: 'succeeded', scored: 30 - cancelled.scored });
    ws.close();
  });

  it('gives the same scores on worker threads as on the main thread', async () => {
    const a = await workspaceWithRecords();
    const b = await workspaceWithRecords();
    await runAnalysis(a, { analyzerIds: ['grounding'], workers: 0 });
    await runAnalysis(b, { analyzerIds: ['grounding'], workers: 2 });
    const scores = (ws: typeof a) => listRecords(ws.db, { sort: 'id', dir: 'asc', offset: 0, limit: 100 }).rows.map((r) => r.scores);
    expect(scores(b)).toEqual(scores(a));
    a.close();
    b.close();
  }, 60_000);
});
