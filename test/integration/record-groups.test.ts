// The Records page's counts, totals and filter choices come from per-group sums (record_groups) kept by the
// importer in its transaction: they must equal what the records themselves give after imports, after records
// written outside an import, after deletes, and on a workspace created before the sums existed.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../main/importers/run-import';
import { insertAsset } from '../../main/storage/assets-repo';
import { openDatabase } from '../../main/storage/db';
import { loadMigrations, migrate } from '../../main/storage/migrations';
import { groupFacets, groupTotals } from '../../main/storage/records-groups';
import { recordInserter } from '../../main/storage/records-repo';
import { createWorkspace, type Workspace } from '../../main/storage/workspace';
import type { RecordFilterFields } from '../../main/storage/records-query';
import { useTempDir } from '../helpers/tmp';

const tmp = useTempDir('assay-record-groups-');

const MODELS = ['gpt-a', 'gpt-b', undefined, ''];
const PROMPTS = ['v1', undefined, 'v2'];

function rec(i: number) {
  return {
    id: `r${i}`, input: `question ${i}`, output: `answer ${i}`, model: MODELS[i % MODELS.length], prompt_version: PROMPTS[i % PROMPTS.length],
    tokens_in: i % 5 === 0 ? undefined : 100 + i, tokens_out: 10 + (i % 7),
    latency_ms: i % 6 === 0 ? undefined : 200 + i * 3.5, cost: i % 4 === 0 ? undefined : 0.0013 * (1 + (i % 9)),
  };
}

function importLines(ws: Workspace, name: string, from: number, to: number) {
  const file = path.join(ws.dir, `${name}.jsonl`);
  writeFileSync(file, Array.from({ length: to - from }, (_, k) => JSON.stringify(rec(from + k))).join('\n'));
  return runImport(ws, { paths: [file], name });
}

/** What the records table itself says for a filter. */
function direct(db: Database.Database, q: RecordFilterFields) {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (q.assetId !== undefined) { where.push('asset_id = ?'); args.push(q.assetId); }
  if (q.model !== undefined) { where.push('model = ?'); args.push(q.model); }
  if (q.promptVersion !== undefined) { where.push('prompt_version = ?'); args.push(q.promptVersion); }
  const row = db.prepare(`SELECT count(*) AS count, coalesce(sum(tokens_in), 0) AS tokensIn, coalesce(sum(tokens_out), 0) AS tokensOut,
    sum(cost) AS cost, avg(latency_ms) AS latencyMsMean FROM records ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`).get(...args) as
    { count: number; tokensIn: number; tokensOut: number; cost: number | null; latencyMsMean: number | null };
  return row;
}

function expectSameTotals(db: Database.Database, q: RecordFilterFields) {
  const want = direct(db, q);
  const got = groupTotals(db, q);
  expect({ ...got, cost: null, latencyMsMean: null }, JSON.stringify(q)).toEqual({ ...want, cost: null, latencyMsMean: null });
  if (want.cost === null) expect(got.cost).toBeNull(); else expect(got.cost).toBeCloseTo(want.cost, 9);
  if (want.latencyMsMean === null) expect(got.latencyMsMean).toBeNull(); else expect(got.latencyMsMean).toBeCloseTo(want.latencyMsMean, 9);
}

const FILTERS: RecordFilterFields[] = [
  {}, { assetId: 1 }, { assetId: 2 }, { assetId: 99 }, { model: 'gpt-a' }, { model: '' }, { promptVersion: 'v2' },
  { assetId: 2, model: 'gpt-b', promptVersion: 'v1' }, { model: 'nope' },
];

function expectAllMatch(db: Database.Database) {
  for (const q of FILTERS) expectSameTotals(db, q);
  const distinct = (col: string) => db.prepare(`SELECT DISTINCT ${col} FROM records WHERE ${col} IS NOT NULL ORDER BY ${col}`).pluck().all();
  expect(groupFacets(db)).toEqual({ models: distinct('model'), promptVersions: distinct('prompt_version') });
}

const watermark = (db: Database.Database) => db.prepare('SELECT counted_through FROM record_groups_state').pluck().get();
const maxId = (db: Database.Database) => db.prepare('SELECT max(id) FROM records').pluck().get();

describe('record groups', () => {
  it('an import counts its records in its own transaction; a duplicate import changes nothing', async () => {
    const ws = createWorkspace(path.join(tmp(), 'ws'), { actor: 'tester (test)' });
    await importLines(ws, 'a', 0, 700);
    await importLines(ws, 'b', 700, 1000);
    expect(watermark(ws.db)).toBe(maxId(ws.db));
    expect(ws.db.prepare('SELECT count(*) FROM record_groups').pluck().get())
      .toBe(ws.db.prepare('SELECT count(*) FROM (SELECT 1 FROM records GROUP BY asset_id, model, prompt_version)').pluck().get());
    expectAllMatch(ws.db);
    const again = await importLines(ws, 'b', 700, 1000);
    expect(again.duplicateOfAssetId).toBe(2);
    expectAllMatch(ws.db);
    ws.close();
  });

  it('adds records written outside an import until the next import counts them', async () => {
    const ws = createWorkspace(path.join(tmp(), 'ws'), { actor: 'tester (test)' });
    await importLines(ws, 'a', 0, 300);
    const counted = watermark(ws.db);
    ws.db.transaction(() => {
      const insert = recordInserter(ws.db, insertAsset(ws.db, { kind: 'logs', name: 'direct', version: 1, sha256: 'x', sourcePath: null }));
      for (let i = 300; i < 450; i++) insert({ contexts: [], metadata: {}, ...rec(i) });
    })();
    expect(watermark(ws.db)).toBe(counted);
    expectAllMatch(ws.db);
    await importLines(ws, 'c', 450, 500);
    expect(watermark(ws.db)).toBe(maxId(ws.db));
    expectAllMatch(ws.db);
    ws.close();
  });

  it('deleting an asset takes its records out of the sums, and ids handed out again are counted', async () => {
    const ws = createWorkspace(path.join(tmp(), 'ws'), { actor: 'tester (test)' });
    await importLines(ws, 'a', 0, 400);
    await importLines(ws, 'b', 400, 600);
    ws.db.prepare('DELETE FROM assets WHERE id = 2').run();
    expect(watermark(ws.db)).toBe(400);
    expectAllMatch(ws.db);
    await importLines(ws, 'c', 600, 650);
    expect(maxId(ws.db)).toBe(450);
    expectAllMatch(ws.db);
    ws.close();
  });

  it('a workspace created before the sums existed gets them filled by the migration', () => {
    const file = path.join(tmp(), 'old.db');
    const db = openDatabase(file, { create: true });
    const all = loadMigrations();
    migrate(db, file, all.filter((m) => m.version < 16));
    db.prepare(`INSERT INTO assets (kind, name, version, sha256, created_at) VALUES ('logs', 'old', 1, 'x', '2026-01-01')`).run();
    db.transaction(() => {
      const insert = recordInserter(db, 1);
      for (let i = 0; i < 500; i++) insert({ contexts: [], metadata: {}, ...rec(i) });
    })();
    migrate(db, file, all);
    expect(watermark(db)).toBe(500);
    expectAllMatch(db);
    db.close();
  });
});
