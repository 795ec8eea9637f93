import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callApi } from '../../main/api/dispatch';
import { EventBus } from '../../main/api/event-bus';
import { createHandlers } from '../../main/api/handlers';
import { importJsonlRecords } from '../../main/importers/jsonl-records';
import { insertAsset } from '../../main/storage/assets-repo';
import { catchUpFts, catchUpFtsBatch, ftsBacklog } from '../../main/storage/records-fts';
import { recordInserter } from '../../main/storage/records-repo';
import { createWorkspace, type Workspace } from '../../main/storage/workspace';
import type { RecordCursor, RecordSortColumn } from '../../shared/contract/schemas';
import { useTempDir } from '../helpers/tmp';

const tmp = useTempDir('assay-records-');

const TOPICS = [
  ['How long is the return window?', 'The return window is 30 days from delivery.', 'Returns are accepted within 30 days of delivery.'],
  ['Can I get a refund on clearance items?', 'Clearance items are exchanged for store credit, not refunded.', 'Items bought on clearance cannot be refunded.'],
  ['Where is my parcel?', 'Your parcel is with the carrier; tracking updates every few hours.', 'Tracking numbers are emailed when the parcel ships.'],
  ['How do I reset my router?', 'Hold the reset button for ten seconds until the light blinks.', 'A factory reset clears the Wi-Fi settings of the router.'],
] as const;

function record(i: number) {
  const [input, output, context] = TOPICS[i % TOPICS.length]!;
  return {
    id: `r-${i}`,
    timestamp: i % 7 === 0 ? undefined : new Date(Date.UTC(2026, 9, 1 + (i % 30), i % 24)).toISOString(),
    model: ['gpt-a', 'gpt-b', 'gpt-c'][i % 3],
    prompt_version: i % 2 ? 'v1' : 'v2',
    input: `${input} (ticket ${i})`,
    output: i % 10 === 3 ? `${output} Write to jane.roe@example.com or call +1 415 555 0134.` : output,
    contexts: [context, `Ticket ${i} was opened by the support desk.`],
    tokens_in: 100 + (i % 13),
    tokens_out: 20 + (i % 5),
    latency_ms: i % 11 === 0 ? undefined : 300 + ((i * 37) % 900),
    cost: i % 4 === 0 ? undefined : 0.001 * (1 + (i % 9)),
    metadata: { customer: i % 10 === 3 ? 'jane.roe@example.com' : 'anon' },
  };
}

async function workspaceWith(n: number, name = 'logs'): Promise<{ ws: Workspace; handlers: ReturnType<typeof createHandlers>; file: string }> {
  const ws = createWorkspace(path.join(tmp(), 'ws'));
  const file = path.join(tmp(), `${name}.jsonl`);
  writeFileSync(file, Array.from({ length: n }, (_, i) => JSON.stringify(record(i))).join('\n'));
  await importJsonlRecords(ws, file, { name });
  return { ws, handlers: createHandlers(ws, new EventBus()), file };
}

/** Every id of a filter and sort, walked page by page through the API's keyset cursors. */
async function walk(handlers: ReturnType<typeof createHandlers>, query: { sort: RecordSortColumn; dir: 'asc' | 'desc'; search?: string; flag?: 'pii' }, limit = 37) {
  const ids: number[] = [];
  let after: RecordCursor | undefined;
  for (;;) {
    const page = await callApi(handlers, 'records.list', { ...query, limit, after });
    ids.push(...page.rows.map((r) => r.id));
    if (!page.next) return ids;
    after = page.next;
  }
}

const SORTS: RecordSortColumn[] = ['id', 'timestamp', 'model', 'promptVersion', 'tokensIn', 'latencyMs', 'cost'];

describe('records at scale: keyset pages', () => {
  it('walks every record exactly once, in the sort order with missing values last, for every sort and direction', async () => {
    const { ws, handlers } = await workspaceWith(300);
    for (const sort of SORTS) {
      for (const dir of ['asc', 'desc'] as const) {
        const ids = await walk(handlers, { sort, dir });
        expect(new Set(ids).size, `${sort} ${dir}`).toBe(300);
        const column = { id: 'id', timestamp: 'timestamp', model: 'model', promptVersion: 'prompt_version', tokensIn: 'tokens_in', latencyMs: 'latency_ms', cost: 'cost' }[sort as string]!;
        const expected = ws.db.prepare(`SELECT id FROM records ORDER BY ${column} IS NULL, ${column} ${dir}, id ${dir}`).pluck().all() as number[];
        expect(ids, `${sort} ${dir}`).toEqual(expected);
      }
    }
    ws.close();
  });

  it('walks score sorts with unscored records last, from the scores index', async () => {
    const { ws, handlers } = await workspaceWith(260);
    ws.db.prepare("INSERT INTO analysis_runs (id, started_at, status, analyzers, total) VALUES (1, 'now', 'succeeded', '[]', 0)").run();
    const insert = ws.db.prepare('INSERT INTO record_scores (record_id, run_id, grounding, toxicity, injection, context_injection, pii) VALUES (?, 1, ?, ?, ?, ?, ?)');
    // Two thirds scored, with ties and missing values; the rest not analyzed.
    for (let id = 1; id <= 260; id += 1) {
      if (id % 3 !== 0) insert.run(id, id % 5 === 0 ? null : (id % 17) / 17, (id % 7) / 7, (id % 4) / 4, id % 6 === 0 ? null : (id % 9) / 9, id % 3);
    }
    const orderOf: Record<string, string> = {
      grounding: 's.grounding', toxicity: 's.toxicity', pii: 's.pii',
      injection: 'CASE WHEN s.record_id IS NULL THEN NULL ELSE max(coalesce(s.injection, 0), coalesce(s.context_injection, 0)) END',
    };
    for (const sort of ['grounding', 'toxicity', 'injection', 'pii'] as const) {
      for (const dir of ['asc', 'desc'] as const) {
        const expected = ws.db.prepare(`SELECT r.id FROM records r LEFT JOIN record_scores s ON s.record_id = r.id
          ORDER BY (${orderOf[sort]}) IS NULL, ${orderOf[sort]} ${dir}, r.id ${dir}`).pluck().all() as number[];
        expect(await walk(handlers, { sort, dir }, 29), `${sort} ${dir}`).toEqual(expected);
      }
    }
    ws.close();
  });

  it('seeks any offset to the same rows the walk gives there, without scanning to it', async () => {
    const { ws, handlers } = await workspaceWith(1200);
    const all = await walk(handlers, { sort: 'latencyMs', dir: 'desc' }, 200);
    for (const offset of [0, 255, 256, 257, 700, 1100, 1199]) {
      const page = await callApi(handlers, 'records.list', { sort: 'latencyMs', dir: 'desc', offset, limit: 50 });
      expect(page.rows.map((r) => r.id), `offset ${offset}`).toEqual(all.slice(offset, offset + 50));
      expect(page.total).toBe(1200);
    }
    expect((await callApi(handlers, 'records.list', { offset: 5000, limit: 10 })).rows).toEqual([]);
    ws.close();
  });

  it('keeps pages complete and stable while records are added between them', async () => {
    const { ws, handlers } = await workspaceWith(200);
    const before = ws.db.prepare('SELECT id FROM records ORDER BY timestamp IS NULL, timestamp, id').pluck().all() as number[];
    const first = await callApi(handlers, 'records.list', { sort: 'timestamp', dir: 'asc', limit: 80 });
    // New records whose timestamps fall before and inside the pages still to come.
    ws.mutate('test.insert', (db) => {
      const asset = insertAsset(db, { kind: 'logs', name: 'late', version: 1, sha256: 'late', sourcePath: null });
      const insert = recordInserter(db, asset);
      for (let i = 0; i < 40; i += 1) insert({ ...record(i), id: `late-${i}`, contexts: [], metadata: {} });
    }, () => ({}));
    const rest: number[] = [];
    let after = first.next ?? undefined;
    while (after) {
      const page = await callApi(handlers, 'records.list', { sort: 'timestamp', dir: 'asc', limit: 80, after });
      rest.push(...page.rows.map((r) => r.id));
      after = page.next ?? undefined;
    }
    const seen = [...first.rows.map((r) => r.id), ...rest];
    // Nothing the first page showed comes again, and every original record is on some page, in order.
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => before.includes(id))).toEqual(before);
    ws.close();
  });
});

describe('records at scale: full-text search', () => {
  it('finds words by prefix, quoted phrases exactly, in input, output, contexts and external ids', async () => {
    const { ws, handlers } = await workspaceWith(40);
    const count = async (search: string) => (await callApi(handlers, 'records.list', { search, limit: 1000 })).total;
    expect(await count('refund')).toBe(10); // "refunded" in the output, "refunded" in the context: prefix
    expect(await count('"return window"')).toBe(10);
    expect(await count('"window return"')).toBe(0);
    expect(await count('"30 days from delivery"')).toBe(10);
    expect(await count('"30 days of delivery"')).toBe(10); // only in the context
    expect(await count('ROUTER "ten seconds"')).toBe(10);
    expect(await count('router clearance')).toBe(0);
    expect(await count('r-17')).toBe(1);
    expect(await count('"ticket 17"')).toBe(1);
    expect(await count('Wi-Fi')).toBe(10);
    expect(await count('!!!')).toBe(0);
    ws.close();
  });

  it('indexes after the import, in batches whose watermark moves with them, so a stopped catch-up resumes cleanly', async () => {
    const { ws, handlers } = await workspaceWith(50);
    expect(ftsBacklog(ws.db)).toEqual({ indexedThrough: 0, maxId: 50 });
    expect(catchUpFtsBatch(ws.db, 20)).toBe(20);
    expect(ftsBacklog(ws.db).indexedThrough).toBe(20);
    // A catch-up killed inside a batch rolls the batch back with its watermark.
    expect(() => ws.db.transaction(() => { catchUpFtsBatch(ws.db, 20); throw new Error('killed'); })()).toThrow('killed');
    expect(ftsBacklog(ws.db).indexedThrough).toBe(20);
    expect(ws.db.prepare("SELECT count(*) FROM records_fts WHERE records_fts MATCH 'ticket'").pluck().get()).toBe(20);
    // The API catches up before it searches.
    expect((await callApi(handlers, 'records.list', { search: 'ticket', limit: 1 })).total).toBe(50);
    expect(ftsBacklog(ws.db)).toEqual({ indexedThrough: 50, maxId: 50 });
    ws.close();
  });

  it('drops deleted records from the index and indexes reused ids again', async () => {
    const { ws } = await workspaceWith(30);
    catchUpFts(ws.db);
    ws.db.prepare('DELETE FROM records WHERE id > 20').run();
    expect(ftsBacklog(ws.db)).toEqual({ indexedThrough: 20, maxId: 20 });
    const asset = insertAsset(ws.db, { kind: 'logs', name: 'again', version: 1, sha256: 'again', sourcePath: null });
    recordInserter(ws.db, asset)({ input: 'brand new question about zeppelins', output: 'answer', contexts: [], metadata: {} });
    catchUpFts(ws.db);
    const hits = ws.db.prepare("SELECT rowid FROM records_fts WHERE records_fts MATCH 'zeppelins'").pluck().all();
    expect(hits).toEqual([21]);
    expect(ws.db.prepare("SELECT count(*) FROM records_fts WHERE records_fts MATCH 'ticket'").pluck().get()).toBe(20);
    ws.close();
  });
});

describe('records at scale: totals, masking, views, export', () => {
  it('totals records, tokens, cost and mean latency for exactly the records the filter shows', async () => {
    const { ws, handlers } = await workspaceWith(120);
    for (const filter of [{}, { model: 'gpt-b' }, { search: 'router' }, { search: 'parcel', promptVersion: 'v2' }, { search: 'parcel', promptVersion: 'v1' }]) {
      const totals = await callApi(handlers, 'records.totals', filter);
      const rows = (await callApi(handlers, 'records.list', { ...filter, limit: 1000 })).rows;
      expect(totals.count).toBe(rows.length);
      expect(totals.tokensIn).toBe(rows.reduce((n, r) => n + (r.tokensIn ?? 0), 0));
      const costs = rows.filter((r) => r.cost !== null).map((r) => r.cost!);
      if (costs.length) expect(totals.cost).toBeCloseTo(costs.reduce((a, b) => a + b, 0), 9);
      const lat = rows.filter((r) => r.latencyMs !== null).map((r) => r.latencyMs!);
      if (lat.length === 0) expect(totals).toEqual({ count: 0, tokensIn: 0, tokensOut: 0, cost: null, latencyMsMean: null });
      else expect(totals.latencyMsMean).toBeCloseTo(lat.reduce((a, b) => a + b, 0) / lat.length, 9);
    }
    ws.close();
  });

  it('masks personal data in table rows unless revealed, and snippets show the search terms', async () => {
    const { ws, handlers } = await workspaceWith(20);
    const masked = await callApi(handlers, 'records.browse', { search: 'jane', limit: 50 });
    expect(masked.piiMasked).toBe(true);
    expect(masked.rows.map((r) => r.id)).toEqual([4, 14]);
    for (const row of masked.rows) {
      expect(row.output.text).not.toContain('jane.roe@example.com');
      expect(row.output.text).toContain('[EMAIL]');
      expect(row.output.text).not.toContain('555 0134');
    }
    const revealed = await callApi(handlers, 'records.browse', { search: 'jane', limit: 50, revealPii: true });
    const out = revealed.rows[0]!.output;
    expect(out.text).toContain('jane.roe@example.com');
    expect(out.matches.map((m) => out.text.slice(m.start, m.end))).toEqual(['jane']);
    const phrase = await callApi(handlers, 'records.browse', { search: '"ticket 5"', limit: 5 });
    const input = phrase.rows[0]!.input;
    expect(input.matches.map((m) => input.text.slice(m.start, m.end))).toEqual(['ticket 5']);
    expect(phrase.rows[0]!.context).toMatchObject({ index: 1, text: 'Ticket 5 was opened by the support desk.' });
    ws.close();
  });

  it('exports the current view as CSV and JSONL, masked unless the user opts in', async () => {
    const { ws, handlers } = await workspaceWith(30);
    const chunks = async (format: 'csv' | 'jsonl', revealPii: boolean) => {
      let text = '';
      let after: RecordCursor | undefined;
      for (;;) {
        const chunk = await callApi(handlers, 'records.exportChunk', { format, revealPii, model: 'gpt-a', sort: 'latencyMs', dir: 'desc', limit: 4, after });
        text += chunk.text;
        if (!chunk.next) return text;
        after = chunk.next;
      }
    };
    const jsonl = (await chunks('jsonl', false)).trim().split('\n').map((l) => JSON.parse(l) as { record_id: number; output: string; metadata: { customer: string } });
    const expected = (await walk(handlers, { sort: 'latencyMs', dir: 'desc' })).filter((id) => (id - 1) % 3 === 0);
    expect(jsonl.map((r) => r.record_id)).toEqual(expected);
    const leaking = jsonl.filter((r) => JSON.stringify(r).includes('jane.roe'));
    expect(leaking).toEqual([]);
    expect(jsonl.find((r) => r.record_id === 4)!.metadata.customer).toBe('[EMAIL]');
    expect(await chunks('jsonl', true)).toContain('jane.roe@example.com');
    const csv = (await chunks('csv', false)).split('\r\n');
    expect(csv[0]).toBe('record_id,asset_id,id,timestamp,model,model_version,prompt_id,prompt_version,input,output,contexts,tokens_in,tokens_out,latency_ms,cost,metadata,grounding,toxicity,injection,pii,flags');
    expect(csv.filter(Boolean)).toHaveLength(1 + expected.length);
    expect(csv.join('\n')).not.toContain('jane.roe');
    ws.close();
  });

  it('saves, lists, replaces and deletes views, each change on the audit trail', async () => {
    const { ws, handlers } = await workspaceWith(5);
    const spec = { filter: { model: 'gpt-a', search: '"return window"' }, sort: 'latencyMs' as const, dir: 'desc' as const, columns: { set: 'usage' as const, hidden: ['promptVersion'] } };
    await callApi(handlers, 'records.views.save', { name: 'Slow returns', ...spec });
    await callApi(handlers, 'records.views.save', { name: 'Slow returns', ...spec, dir: 'asc' });
    const views = await callApi(handlers, 'records.views.list', {});
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({ name: 'Slow returns', ...spec, dir: 'asc' });
    expect(await callApi(handlers, 'records.views.delete', { name: 'Slow returns' })).toEqual({ deleted: true });
    expect(await callApi(handlers, 'records.views.list', {})).toEqual([]);
    const actions = ws.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'records.view.%' ORDER BY seq").pluck().all();
    expect(actions).toEqual(['records.view.saved', 'records.view.saved', 'records.view.deleted']);
    await expect(callApi(handlers, 'records.views.save', { name: ' ', ...spec })).rejects.toThrow(/name: a view needs a name/);
    await expect(callApi(handlers, 'records.views.save', { name: 'x', ...spec, sort: 'nope' as 'id' })).rejects.toThrow(/sort/);
    ws.close();
  });
});
