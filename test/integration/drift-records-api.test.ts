import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callApi, dispatch } from '../../main/api/dispatch';
import type { Method } from '../../shared/contract/api';
import { useTempDir } from '../helpers/tmp';
import { importFiles, session, writeLines, type Session } from './import-helpers';

const tmp = useTempDir('assay-drift-records-api-');

const TOPICS = ['refund for a broken kettle', 'reset my account password', 'delivery to a new address', 'cancel my subscription plan', 'invoice with the wrong tax'];
const NEW_TOPICS = ['the quantum router firmware panics', 'zeppelin docking fees in Reykjavik', 'llama grooming appointment tomorrow'];

/**
 * v1 asks about five everyday topics; v2 asks about the same ones, except every third record is about something
 * no v1 record mentions. Metadata carries a channel and a basket value that grows under v2.
 */
function logLines(): object[] {
  const lines: object[] = [];
  for (let i = 0; i < 240; i++) {
    const v2 = i >= 120;
    const novel = v2 && i % 3 === 0;
    const topic = novel ? NEW_TOPICS[i % NEW_TOPICS.length]! : TOPICS[i % TOPICS.length]!;
    lines.push({
      id: `r${i}`,
      timestamp: new Date(Date.UTC(2024, 4, 1) + i * 3_600_000).toISOString(),
      model: 'bot', prompt_version: v2 ? 'v2' : 'v1',
      input: `Hello, question ${i % 7}: ${topic}?`, output: `Here is how to handle ${topic}.`,
      metadata: { channel: i % 2 ? 'web' : 'app', basket: (v2 ? 80 : 40) + (i % 20), nested: { tier: i % 4 ? 'free' : 'pro' } },
    });
  }
  return lines;
}

async function logs(s: Session): Promise<number> {
  return (await importFiles(s, [writeLines(path.join(s.dir, 'logs.jsonl'), logLines())], { name: 'bot-logs' })).assetId!;
}

async function failure(s: Session, method: Method, input: unknown): Promise<string> {
  const reply = await dispatch(s.handlers, method, input);
  expect(reply.ok).toBe(false);
  return reply.ok ? '' : `${reply.error.code}: ${reply.error.message}`;
}

describe('drift.embeddings', () => {
  it('finds text drift between prompt versions and lists the novel records with their text', async () => {
    const s = session(tmp);
    const assetId = await logs(s);
    const r = await callApi(s.handlers, 'drift.embeddings', { reference: { assetId, promptVersion: 'v1' }, current: { assetId, promptVersion: 'v2' }, top: 5 });
    expect(r.field).toBe('input');
    expect(r.reference).toMatchObject({ matched: 120, embedded: 120 });
    expect(r.current).toMatchObject({ matched: 120, embedded: 120, label: 'bot-logs, prompt v2' });
    expect(r.provider).toMatch(/hashed-tfidf/);
    expect(r.mmd!.p_value).toBeLessThan(0.05);
    expect(r.classifier).not.toBeNull();
    expect(r.novelty!.search).toBe('hnsw');
    // 40 of 120 v2 records are about new topics: about a third is novel.
    expect(r.novelty!.share_novel).toBeGreaterThan(0.25);
    expect(r.novelty!.drifted).toBe(true);
    expect(r.drifted).toBe(true);
    expect(r.novelty!.most_novel).toHaveLength(5);
    for (const n of r.novelty!.most_novel) {
      expect(NEW_TOPICS.some((t) => n.excerpt.includes(t))).toBe(true);
      expect(n.prompt_version).toBe('v2');
      expect(n.nearest_reference_excerpt).toMatch(/question/);
    }
    const distances = r.novelty!.most_novel.map((n) => n.distance);
    expect(distances).toEqual([...distances].sort((a, b) => b - a));
  });

  it('sees no drift between two halves of the same prompt version, chosen by time range', async () => {
    const s = session(tmp);
    await logs(s);
    // v1 runs from 2024-05-01 00:00 for 120 hours: the first 60 hours against the next 60.
    const r = await callApi(s.handlers, 'drift.embeddings', {
      reference: { promptVersion: 'v1', to: '2024-05-03T11:59:59Z' }, current: { promptVersion: 'v1', from: '2024-05-03T12:00:00Z' }, field: 'output',
    });
    expect(r.reference.matched).toBe(60);
    expect(r.current.matched).toBe(60);
    expect(r.centroid.drifted).toBe(false);
    expect(r.mmd!.drifted).toBe(false);
    expect(r.drifted).toBe(false);
  });

  it('computes off the main thread: the event loop keeps turning while it runs', async () => {
    const s = session(tmp);
    await logs(s);
    // A computation on the main thread would hold the event loop for its whole length, so no tick would fire.
    let ticks = 0;
    const timer = setInterval(() => { ticks++; }, 1);
    try {
      await callApi(s.handlers, 'drift.embeddings', { reference: { promptVersion: 'v1' }, current: { promptVersion: 'v2' } });
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThanOrEqual(3);
  });

  it('samples large sets down to maxRecords with a note', async () => {
    const s = session(tmp);
    await logs(s);
    const r = await callApi(s.handlers, 'drift.embeddings', { reference: { promptVersion: 'v1' }, current: { promptVersion: 'v2' }, maxRecords: 50 });
    expect(r.reference).toMatchObject({ matched: 120, embedded: 50 });
    expect(r.notes.join(' ')).toMatch(/seeded sample of 50 of 120/);
  });

  it('refuses empty sets, unknown or non-log assets and bad dates with clear errors', async () => {
    const s = session(tmp);
    const assetId = await logs(s);
    const csv = path.join(s.dir, 'd.csv');
    writeLines(csv, ['a,b', '1,x', '2,y']);
    const dataset = (await importFiles(s, [csv], { name: 'table' })).assetId!;
    const ok = { promptVersion: 'v1' };
    expect(await failure(s, 'drift.embeddings', { reference: ok, current: { promptVersion: 'v9' } })).toMatch(/bad_request: the current set \(prompt v9\) matches no records/);
    expect(await failure(s, 'drift.embeddings', { reference: { assetId: 999 }, current: ok })).toMatch(/not_found: reference set: asset 999 does not exist/);
    expect(await failure(s, 'drift.embeddings', { reference: { assetId: dataset }, current: ok })).toMatch(/asset \d+ \(table\) is a dataset asset, not a logs asset/);
    expect(await failure(s, 'drift.embeddings', { reference: ok, current: { assetId, from: 'yesterday' } })).toMatch(/current set: "from" is not an ISO date/);
    expect(await failure(s, 'drift.embeddings', { reference: { from: '2024-06-01', to: '2024-05-01' }, current: ok })).toMatch(/"from" \(2024-06-01\) is after "to"/);
    expect(await failure(s, 'drift.embeddings', { reference: ok, current: ok, field: 'contexts' })).toMatch(/invalid request: field/);
  });
});

describe('drift.skew', () => {
  it('compares training features with the same-named metadata of serving records', async () => {
    const s = session(tmp);
    await logs(s);
    const train = path.join(s.dir, 'train.csv');
    const rows = Array.from({ length: 300 }, (_, i) => `${i},${i % 2 ? 'web' : 'app'},${40 + (i % 20)},${i % 4 ? 'free' : 'pro'},${i % 5},${i % 2}`);
    writeLines(train, ['row_id,channel,basket,nested.tier,unlogged,label', ...rows]);
    const trainingAssetId = (await importFiles(s, [train], { name: 'train' })).assetId!;
    const r = await callApi(s.handlers, 'drift.skew', { trainingAssetId, serving: { kind: 'records', filter: { promptVersion: 'v2' } } });
    expect(r.training).toMatchObject({ name: 'train', rows: 300 });
    expect(r.serving).toEqual({ kind: 'records', name: 'prompt v2', rows: 120 });
    const by = Object.fromEntries(r.columns.map((c) => [c.name, c]));
    expect(Object.keys(by).sort()).toEqual(['basket', 'channel', 'nested.tier']);
    expect(by.basket).toMatchObject({ type: 'numeric', drifted: true });
    expect(by.channel!.drifted).toBe(false);
    expect(by['nested.tier']!.drifted).toBe(false);
    expect(r.unmatched).toEqual(['unlogged']);
    expect(by.basket!.distribution?.kind).toBe('numeric');
  });

  it('compares with a serving dataset, and refuses when no feature is found in the serving data', async () => {
    const s = session(tmp);
    await logs(s);
    const a = path.join(s.dir, 'a.csv');
    const b = path.join(s.dir, 'b.csv');
    writeLines(a, ['x,w', ...Array.from({ length: 200 }, (_, i) => `${i % 10},${i % 3}`)]);
    writeLines(b, ['x,z', ...Array.from({ length: 200 }, (_, i) => `${(i % 10) + 5},${i % 3}`)]);
    const ta = (await importFiles(s, [a], { name: 'a' })).assetId!;
    const tb = (await importFiles(s, [b], { name: 'b' })).assetId!;
    const r = await callApi(s.handlers, 'drift.skew', { trainingAssetId: ta, serving: { kind: 'dataset', assetId: tb }, tests: { x: 'ks' } });
    expect(r.columns.map((c) => [c.name, c.test, c.drifted])).toEqual([['x', 'ks', true]]);
    expect(r.unmatched).toEqual(['w']);
    expect(await failure(s, 'drift.skew', { trainingAssetId: ta, serving: { kind: 'records', filter: {} } })).toMatch(/none of a's features \(x, w\) are metadata keys or fields of the serving records/);
    expect(await failure(s, 'drift.skew', { trainingAssetId: ta, serving: { kind: 'records', filter: { model: 'nope' } } })).toMatch(/serving set \(model nope\) matches no records/);
    expect(await failure(s, 'drift.skew', { trainingAssetId: 999, serving: { kind: 'dataset', assetId: tb } })).toMatch(/not_found: training asset 999/);
    expect(await failure(s, 'drift.skew', { trainingAssetId: ta, serving: { kind: 'dataset', assetId: tb }, thresholds: { x: -1 } })).toMatch(/invalid request: thresholds.x/);
  });
});

describe('drift.datasets thresholds', () => {
  it('applies a per-column threshold and reports it', async () => {
    const s = session(tmp);
    const a = path.join(s.dir, 'a.csv');
    const b = path.join(s.dir, 'b.csv');
    writeLines(a, ['x', ...Array.from({ length: 200 }, (_, i) => String(i % 10))]);
    writeLines(b, ['x', ...Array.from({ length: 200 }, (_, i) => String((i % 10) + 1))]);
    const ref = (await importFiles(s, [a], { name: 'a' })).assetId!;
    const cur = (await importFiles(s, [b], { name: 'b' })).assetId!;
    const base = await callApi(s.handlers, 'drift.datasets', { referenceAssetId: ref, currentAssetId: cur, tests: { x: 'wasserstein' } });
    expect(base.columns[0]).toMatchObject({ test: 'wasserstein', threshold: 0.1, drifted: true });
    const loose = await callApi(s.handlers, 'drift.datasets', { referenceAssetId: ref, currentAssetId: cur, tests: { x: 'wasserstein' }, thresholds: { x: 5 } });
    expect(loose.columns[0]).toMatchObject({ test: 'wasserstein', threshold: 5, drifted: false });
  });
});
