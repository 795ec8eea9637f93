import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { useTempDir } from '../helpers/tmp';
import { dropAuditTriggers } from '../helpers/audit-tamper';

const tmp = useTempDir();

const lines = [
  { id: 'c-1', timestamp: '2026-10-01T10:00:00Z', model: 'gpt-4o-mini', prompt_version: 'v1', input: 'How long is the warranty?', output: 'Two years.', contexts: ['The warranty lasts two years.'], tokens_in: 20, tokens_out: 3 },
  { id: 'c-2', input: 'Refund?', output: 'Within 30 days.', contexts: [] },
];

describe('assay CLI', () => {
  it('prints help and exits 0', () => {
    const r = runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('audit-log');
  });

  it('exits 2 on bad usage', () => {
    expect(runCli(['import']).code).toBe(2);
    expect(runCli(['no-such-command']).code).toBe(2);
  });

  it('inits a workspace, imports JSONL and verifies the chain', () => {
    const ws = path.join(tmp(), 'ws');
    expect(runCli(['init', ws]).code).toBe(0);
    const file = path.join(tmp(), 'logs.jsonl');
    writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n{"id":"c-3","input":"x","output":42}\n`);
    const r = runCli(['import', ws, file, '--json']);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ asset_id: 1, version: 1, imported: 2, quarantined: 1, duplicates: 0 });
    expect(summary.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(summary.quarantine[0]).toMatchObject({ line: 3, field: 'output' });
    const v = runCli(['audit-log', 'verify', ws]);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/audit log intact: 2 entries/);
  });

  it('exits 1 naming the entry after a row of audit_log is edited by hand', () => {
    const ws = path.join(tmp(), 'ws');
    runCli(['init', ws]);
    const file = path.join(tmp(), 'logs.jsonl');
    writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n'));
    runCli(['import', ws, file]);
    const db = new Database(path.join(ws, 'assay.db'));
    dropAuditTriggers(db);
    db.prepare("UPDATE audit_log SET actor = 'someone else' WHERE seq = 1").run();
    db.close();
    const v = runCli(['audit-log', 'verify', ws]);
    expect(v.code).toBe(1);
    expect(v.stdout).toMatch(/BROKEN at seq 1/);
  });

  it('gives a one-line error naming the path for a folder that is not a workspace', () => {
    const dir = tmp();
    const r = runCli(['audit-log', 'verify', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`assay: ${dir}: not an Assay workspace (no assay.db); create one with \`assay init\``);
  });

  it('refuses to re-import identical content and keeps the first asset', () => {
    const ws = path.join(tmp(), 'ws');
    runCli(['init', ws]);
    const file = path.join(tmp(), 'logs.jsonl');
    writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n'));
    runCli(['import', ws, file]);
    const again = JSON.parse(runCli(['import', ws, file, '--json']).stdout);
    expect(again).toMatchObject({ imported: 0, duplicate_of_asset_id: 1 });
  });

  it('builds the demo workspace deterministically and verifies its chain', () => {
    const out = path.join(tmp(), 'demo');
    const r = runCli(['demo', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(out);
    const db = new Database(path.join(out, 'assay.db'), { readonly: true });
    const n = db.prepare('SELECT count(*) FROM records').pluck().get() as number;
    const models = db.prepare('SELECT count(DISTINCT model) FROM records').pluck().get();
    const prompts = db.prepare('SELECT count(DISTINCT prompt_version) FROM records').pluck().get();
    db.close();
    expect(n).toBeGreaterThanOrEqual(1800);
    expect(n).toBeLessThanOrEqual(2200);
    expect(models).toBe(2);
    expect(prompts).toBe(3);
    expect(runCli(['audit-log', 'verify', out]).code).toBe(0);
    const source = readFileSync(path.join(out, 'demo-sources', 'logs.jsonl'));
    const out2 = path.join(tmp(), 'demo2');
    runCli(['demo', '--out', out2]);
    expect(readFileSync(path.join(out2, 'demo-sources', 'logs.jsonl')).equals(source)).toBe(true);
  }, 120_000);
});
