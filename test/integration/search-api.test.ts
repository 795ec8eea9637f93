import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AssayEvent } from '../../shared/contract/events';
import { callApi } from '../../main/api/dispatch';
import { EventBus } from '../../main/api/event-bus';
import { createHandlers } from '../../main/api/handlers';
import { createKbSearch } from '../../main/indexes/kb-search';
import type { Workspace } from '../../main/storage/workspace';
import { useTempDir } from '../helpers/tmp';
import { apiError } from '../helpers/api-error';
import { addKb, addRecords, diverseRecords, fixtureRecords, newWorkspace } from './search-fixtures';

const tmp = useTempDir();
const open: Workspace[] = [];
afterEach(() => {
  for (const ws of open.splice(0)) ws.close();
});

function setup(records = 60) {
  const ws = newWorkspace(tmp());
  open.push(ws);
  const kbId = addKb(ws);
  const logsId = records ? addRecords(ws, fixtureRecords(records)) : null;
  const events = new EventBus();
  const seen: AssayEvent[] = [];
  events.subscribe((e) => seen.push(e));
  return { ws, kbId, logsId, events, seen, h: createHandlers(ws, events) };
}

describe('search.query over a KB', () => {
  it('builds the index on first use (with progress events), then answers from it', async () => {
    const { h, seen, kbId } = setup(0);
    const first = await callApi(h, 'search.query', { text: 'password reset link expired', k: 3 });
    expect(first.built).toBe(true);
    expect(first.index).toMatchObject({ source: 'kb', assetId: kbId, itemCount: 13, provider: { id: 'hashed-tfidf', dimension: 768 } });
    expect(first.hits[0]).toMatchObject({ docId: 'password-reset', chunkIndex: 1, title: 'Resetting your password' });
    expect(first.hits.map((x) => x.score)).toEqual([...first.hits.map((x) => x.score)].sort((a, b) => b - a));
    const progress = seen.filter((e) => e.type === 'progress');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({ done: 13, total: 13 });
    expect(seen).toContainEqual(expect.objectContaining({ type: 'job.finished', status: 'succeeded' }));
    const again = await callApi(h, 'search.query', { text: 'express shipping next business day', k: 2 });
    expect(again.built).toBe(false);
    expect(again.hits[0]!.docId).toBe('shipping-times');
  });

  it('finds the right document for paraphrased questions', async () => {
    const { h } = setup(0);
    const cases: [string, string][] = [
      ['which wifi band works with the hub', 'wifi-setup'],
      ['swollen lithium battery', 'battery-care'],
      ['is accidental damage covered', 'warranty'],
      ['download a zip of my account data', 'data-export'],
      ['clearance items refund', 'refund-policy'],
      ['how to update firmware', 'camera-firmware'],
    ];
    for (const [q, doc] of cases) expect((await callApi(h, 'search.query', { text: q, k: 1 })).hits[0]?.docId, q).toBe(doc);
  });

  it('searches the chosen KB version only', async () => {
    const { ws, h } = setup(0);
    const v2 = addKb(ws, 'other-kb', [{ docId: 'moon', title: 'Moon', chunks: ['The Moon orbits the Earth every 27 days.'] }]);
    const latest = await callApi(h, 'search.query', { text: 'password reset', k: 3 });
    expect(latest.index.assetId).toBe(v2);
    expect(latest.hits.map((x) => x.docId)).toEqual(['moon']);
    const first = await callApi(h, 'search.query', { text: 'password reset', k: 1, assetId: v2 - 1 });
    expect(first.hits[0]!.docId).toBe('password-reset');
  });

  it('keeps querying an index built at 384 dimensions with its own settings, and a rebuild moves it to 768', async () => {
    const { h } = setup(0);
    const old = await callApi(h, 'indexes.build', { source: 'kb', embedder: { dimension: 384 } });
    expect(old.index!.provider.dimension).toBe(384);
    const r = await callApi(h, 'search.query', { text: 'swollen lithium battery', k: 1 });
    expect(r.built).toBe(false);
    expect(r.index).toMatchObject({ id: old.index!.id, provider: { dimension: 384 } });
    expect(r.hits[0]?.docId).toBe('battery-care');
    const vector = await apiError(callApi(h, 'search.query', { vector: new Array<number>(768).fill(0.1) }));
    expect(vector.message).toMatch(/query vector has 768 dimensions; the KB index .* has 384/);
    const rebuilt = await callApi(h, 'search.query', { text: 'swollen lithium battery', k: 1, rebuild: true });
    expect(rebuilt.index.provider.dimension).toBe(768);
    expect(rebuilt.hits[0]?.docId).toBe('battery-care');
  });

  it('gives the analyzers a synchronous evidence search', async () => {
    const { ws, kbId } = setup(0);
    const kb = await createKbSearch(ws);
    expect(kb.source).toMatchObject({ assetId: kbId, provider: { id: 'hashed-tfidf', dimension: 768 } });
    const evidence = kb.searchKb('The hub only supports 2.4 GHz Wi-Fi.', 2);
    expect(evidence).toHaveLength(2);
    expect(evidence[0]).toMatchObject({ source: 'kb', text: expect.stringContaining('2.4 GHz') });
    expect(Number(evidence[0]!.ref)).toBeGreaterThan(0);
    expect(kb.searchKb('', 3)).toEqual([]);
  });
});

describe('search.query over records', () => {
  it('filters by model, time range and asset', async () => {
    const { ws, h, logsId } = setup(120);
    const other = addRecords(ws, fixtureRecords(12), 'other-logs');
    const byModel = await callApi(h, 'search.query', { index: 'records', text: 'camera firmware update stuck', k: 10, model: 'model-b' });
    expect(byModel.hits.length).toBe(10);
    expect(byModel.hits.every((x) => x.model === 'model-b')).toBe(true);
    expect(byModel.hits[0]!.text).toMatch(/firmware/);
    const inRange = await callApi(h, 'search.query', { index: 'records', text: 'refund', k: 50, from: '2024-02-01', to: '2024-02-29T23:59:59Z' });
    expect(inRange.hits.length).toBeGreaterThan(0);
    expect(inRange.hits.every((x) => x.timestamp! >= '2024-02-01' && x.timestamp! <= '2024-02-29T23:59:59Z')).toBe(true);
    const onlyOther = await callApi(h, 'search.query', { index: 'records', text: 'refund', k: 50, assetId: other });
    expect(onlyOther.hits.length).toBe(12);
    expect(onlyOther.hits.every((x) => x.assetId === other)).toBe(true);
    expect(logsId).not.toBe(other);
  });

  it('uses the HNSW filter when many rows pass and still returns only matching rows', async () => {
    const { h } = setup(2600);
    const r = await callApi(h, 'search.query', { index: 'records', text: 'express shipping', k: 20, model: 'model-a' });
    expect(r.hits).toHaveLength(20);
    expect(r.hits.every((x) => x.model === 'model-a' && /shipping/.test(x.text))).toBe(true);
  });

  it('adds new records and drops deleted ones without a rebuild, with audit entries', async () => {
    const { ws, h } = setup(30);
    const before = await callApi(h, 'search.query', { index: 'records', text: 'battery', k: 5 });
    expect(before.hits.some((x) => /swollen battery/.test(x.text))).toBe(false);
    const added = addRecords(ws, [{ input: 'My battery is swollen, what now?', output: 'Replace a swollen battery immediately.', model: 'model-c', timestamp: '2025-01-01T00:00:00Z' }], 'late');
    const after = await callApi(h, 'search.query', { index: 'records', text: 'swollen battery', k: 1 });
    expect(after.built).toBe(false);
    expect(after.hits[0]).toMatchObject({ assetId: added, model: 'model-c' });
    expect(after.index.itemCount).toBe(31);
    ws.mutate('test.delete', (db) => db.prepare('DELETE FROM assets WHERE id = ?').run(added), () => ({ assetId: added }));
    const gone = await callApi(h, 'search.query', { index: 'records', text: 'swollen battery', k: 3 });
    expect(gone.hits.every((x) => x.assetId !== added)).toBe(true);
    expect(gone.index).toMatchObject({ itemCount: 30, deletedCount: 1 });
    const audit = await callApi(h, 'audit.list', { limit: 50 });
    expect(audit.rows.filter((e) => e.action === 'index.updated')).toHaveLength(2);
    expect((await callApi(h, 'audit.verify', {})).ok).toBe(true);
  });

  it('builds two shards in parallel and merges them at query time with the same answers as one shard', async () => {
    const { ws, h } = setup(0);
    addRecords(ws, diverseRecords(2400));
    const queries = ['password reset email', 'refund invoice payment', 'camera firmware update', 'thermostat schedule night', 'router wifi signal'];
    await callApi(h, 'indexes.build', { source: 'records', hnsw: { shards: 1 } });
    const one = await Promise.all(queries.map((text) => callApi(h, 'search.query', { index: 'records', text, k: 5 })));
    const two = await callApi(h, 'indexes.build', { source: 'records', rebuild: true, hnsw: { shards: 2 } });
    expect(two.index!.shards).toHaveLength(2);
    expect(two.index!.shards.reduce((a, s) => a + s.itemCount, 0)).toBe(2400);
    const merged = await Promise.all(queries.map((text) => callApi(h, 'search.query', { index: 'records', text, k: 5 })));
    merged.forEach((r, i) => expect(r.hits.map((x) => x.score.toFixed(5))).toEqual(one[i]!.hits.map((x) => x.score.toFixed(5))));
  });
});

describe('indexes.*', () => {
  it('lists, verifies and drops indexes; a rebuild replaces the files atomically and reproducibly', async () => {
    const { ws, h } = setup(20);
    const built = await callApi(h, 'indexes.build', { source: 'kb' });
    expect(built).toMatchObject({ reused: false, index: { source: 'kb', itemCount: 13 } });
    expect(await callApi(h, 'indexes.build', { source: 'kb' })).toMatchObject({ reused: true, jobId: null });
    const rebuilt = await callApi(h, 'indexes.build', { source: 'kb', rebuild: true });
    expect(rebuilt.index!.shards[0]!.sha256).toBe(built.index!.shards[0]!.sha256);
    expect(rebuilt.index!.shards[0]!.file).not.toBe(built.index!.shards[0]!.file);
    expect(existsSync(path.join(ws.indexesDir, built.index!.shards[0]!.file))).toBe(false);
    await callApi(h, 'indexes.build', { source: 'records' });
    const list = await callApi(h, 'indexes.list', {});
    expect(list.map((i) => i.source).sort()).toEqual(['kb', 'records']);
    expect(await callApi(h, 'indexes.verify', {})).toEqual([
      expect.objectContaining({ ok: true, problem: null }), expect.objectContaining({ ok: true, problem: null }),
    ]);
    const kb = list.find((i) => i.source === 'kb')!;
    expect(await callApi(h, 'indexes.drop', { indexId: kb.id })).toEqual({ dropped: true });
    expect(await callApi(h, 'indexes.drop', { indexId: kb.id })).toEqual({ dropped: false });
    expect(readdirSync(ws.indexesDir)).toEqual(list.find((i) => i.source === 'records')!.shards.map((s) => s.file));
    const actions = (await callApi(h, 'audit.list', { limit: 50 })).rows.map((e) => e.action);
    expect(actions.filter((a) => a === 'index.built')).toHaveLength(3);
    expect(actions).toContain('index.dropped');
  });

  it('cancels a running build and leaves no index and no files behind', async () => {
    const { ws, h, seen } = setup(3000);
    const started = await callApi(h, 'indexes.build', { source: 'records', wait: false });
    expect(started.index).toBeNull();
    expect(await callApi(h, 'indexes.cancel', { jobId: started.jobId! })).toEqual({ cancelled: true });
    await expect.poll(() => seen.some((e) => e.type === 'job.finished' && e.jobId === started.jobId)).toBe(true);
    expect(seen).toContainEqual(expect.objectContaining({ type: 'job.finished', jobId: started.jobId, status: 'cancelled' }));
    expect(await callApi(h, 'indexes.list', {})).toEqual([]);
    await expect.poll(() => readdirSync(ws.indexesDir)).toEqual([]);
    expect(await callApi(h, 'indexes.cancel', { jobId: started.jobId! })).toEqual({ cancelled: false });
  });

  it('reports a job id at once for a background build and joins it from a search', async () => {
    const { h, seen } = setup(500);
    const bg = await callApi(h, 'indexes.build', { source: 'records', wait: false });
    const r = await callApi(h, 'search.query', { index: 'records', text: 'refund', k: 1 });
    expect(r.built).toBe(false);
    expect(r.hits).toHaveLength(1);
    expect(seen.filter((e) => e.type === 'job.finished')).toEqual([expect.objectContaining({ jobId: bg.jobId, status: 'succeeded' })]);
  });
});
