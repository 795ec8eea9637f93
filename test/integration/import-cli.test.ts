import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../main/storage/audit-chain';
import { openWorkspace } from '../../main/storage/workspace';
import { assayBin, runCli, runCliAsync } from '../helpers/cli';
import { useTempDir } from '../helpers/tmp';
import { fixtures, writeLines } from './import-helpers';

const tmp = useTempDir('assay-import-cli-');

function workspace(): string {
  const ws = path.join(tmp(), 'ws');
  expect(runCli(['init', ws]).code).toBe(0);
  return ws;
}

describe('assay import', () => {
  it('prints a JSON summary with asset id, version, hashes and the counts that add up', () => {
    const ws = workspace();
    const r = runCli(['import', ws, path.join(fixtures, 'openai-chat.jsonl'), '--name', 'prod', '--json']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(s).toMatchObject({ asset_id: 1, version: 1, kind: 'logs', format: 'openai', name: 'prod', input_count: 8, imported: 7, quarantined: 1, duplicates: 0 });
    expect(s.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(s.content_sha256).toMatch(/^[0-9a-f]{64}$/);
    const again = JSON.parse(runCli(['import', ws, path.join(fixtures, 'openai-chat.jsonl'), '--json']).stdout) as Record<string, unknown>;
    expect(again).toMatchObject({ duplicate_of_asset_id: 1, imported: 0, duplicates: 7, quarantined: 1 });
  });

  it('prints the ledger after every import and writes the quarantine with --quarantine-out', () => {
    const ws = workspace();
    const out = path.join(tmp(), 'q.jsonl');
    const r = runCli(['import', ws, path.join(fixtures, 'credit-applications.csv'), '--quarantine-out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('8 rows = 6 imported + 2 quarantined + 0 duplicates; 6 rows stored');
    expect(r.stdout).toMatch(/quarantined .*credit-applications\.csv:7 \[income\]: expected a number, got "forty thousand"/);
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines.map((l) => l.line).sort()).toEqual([7, 8]);
    const q = runCli(['quarantine', ws, '--asset', '1']);
    expect(q.code).toBe(0);
    expect(q.stdout.trim().split('\n')).toHaveLength(2);
  });

  it('imports a knowledge-base folder with chunking options and a dataset with --as', () => {
    const ws = workspace();
    const kb = runCli(['import', ws, path.join(fixtures, 'kb'), '--chunk-size', '300', '--chunk-overlap', '40', '--json']);
    expect(kb.code).toBe(0);
    expect(JSON.parse(kb.stdout)).toMatchObject({ kind: 'kb', imported: 5, quarantined: 2, duplicates: 1 });
    const rows = path.join(tmp(), 'rows.jsonl');
    writeLines(rows, [{ input: 'a', output: 'b', score: 1 }, { input: 'c', output: 'd', score: 2 }]);
    expect(JSON.parse(runCli(['import', ws, rows, '--as', 'dataset', '--json']).stdout)).toMatchObject({ kind: 'dataset', imported: 2 });
  });

  it('previews without importing', () => {
    const ws = workspace();
    const r = runCli(['import', ws, path.join(fixtures, 'langfuse-trace.json'), '--preview', '--json']);
    expect(r.code).toBe(0);
    const p = JSON.parse(r.stdout) as { spec: { format: string }; rows: { input: string }[] };
    expect(p.spec.format).toBe('langfuse');
    expect(p.rows[0]!.input).toBe('My Lumo Cam shows a red light, what does it mean?');
    expect(JSON.parse(runCli(['import', ws, path.join(fixtures, 'langfuse-trace.json'), '--json']).stdout)).toMatchObject({ asset_id: 1 });
  });

  it('exits 2 with a message naming the problem for bad usage and unreadable input', () => {
    const ws = workspace();
    expect(runCli(['import', ws, path.join(fixtures, 'kb'), '--as', 'table'])).toMatchObject({ code: 2, stderr: 'assay: --as: expected one of logs, dataset, kb, got "table"\n' });
    const missing = path.join(tmp(), 'nope.jsonl');
    expect(runCli(['import', ws, missing])).toMatchObject({ code: 2, stderr: `assay: ${missing}: no such file or folder\n` });
    const mapping = path.join(tmp(), 'm.json');
    writeLines(mapping, []);
    expect(runCli(['import', ws, path.join(fixtures, 'openai-chat.jsonl'), '--mapping', mapping]).code).toBe(2);
    expect(runCli(['quarantine', ws]).stderr).toMatch(/give --import <id> or --asset <id>/);
  });

  it('leaves no partial asset when the import process is killed mid-way', async () => {
    const ws = workspace();
    const file = path.join(tmp(), 'big.jsonl');
    writeLines(file, Array.from({ length: 150_000 }, (_, i) => ({ id: i, input: `question ${i} ${'q'.repeat(80)}`, output: `answer ${i} ${'a'.repeat(200)}`, contexts: ['c'.repeat(300)] })));
    const child = spawn(process.execPath, [assayBin, 'import', ws, file], { stdio: 'ignore', env: { ...process.env, ASSAY_IMPORT_WORKER: '0' } });
    const db = path.join(ws, 'assay.db');
    const journal = `${db}-journal`;
    const before = statSync(db).size;
    const started = Date.now();
    // Kill once the import's transaction is visibly writing, well before it can commit. No other process has the
    // workspace open, so the import runs under a rollback journal and writes its pages into assay.db itself.
    const writing = () => existsSync(journal) && statSync(db).size > before + (4 << 20);
    while (Date.now() - started < 60_000 && !writing() && child.exitCode === null) await new Promise((r) => setTimeout(r, 20));
    const exitedEarly = child.exitCode !== null;
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(exitedEarly).toBe(false);
    // Half an import sits in the database file; the hot journal left behind is what undoes it at the next open.
    expect(existsSync(journal)).toBe(true);
    expect(statSync(db).size).toBeGreaterThan(before + (4 << 20));
    const w = openWorkspace(ws);
    try {
      expect(w.db.prepare('SELECT (SELECT count(*) FROM assets) + (SELECT count(*) FROM records) + (SELECT count(*) FROM imports)').pluck().get()).toBe(0);
      expect(verifyChain(w.db)).toMatchObject({ ok: true, length: 1 });
      expect(w.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(w.db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      w.close();
    }
    const retry = await runCliAsync(['import', ws, file, '--json']);
    expect(JSON.parse(retry.stdout)).toMatchObject({ asset_id: 1, imported: 150_000 });
  }, 120_000);

  it('imports beside another process that has the workspace open, which keeps reading (WAL), and leaves it in WAL', async () => {
    const ws = workspace();
    const app = openWorkspace(ws);
    try {
      const file = path.join(tmp(), 'rows.jsonl');
      writeLines(file, Array.from({ length: 2000 }, (_, i) => ({ id: i, input: `question ${i}`, output: `answer ${i}` })));
      const r = await runCliAsync(['import', ws, file, '--json']);
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout)).toMatchObject({ asset_id: 1, imported: 2000 });
      expect(app.db.prepare('SELECT count(*) FROM records').pluck().get()).toBe(2000);
      expect(existsSync(path.join(ws, 'assay.db-journal'))).toBe(false);
    } finally {
      app.close();
    }
    const again = new Database(path.join(ws, 'assay.db'), { readonly: true });
    expect(again.pragma('journal_mode', { simple: true })).toBe('wal');
    again.close();
  });
});
