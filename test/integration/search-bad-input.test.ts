import { readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { callApi } from '../../main/api/dispatch';
import { EventBus } from '../../main/api/event-bus';
import { createHandlers } from '../../main/api/handlers';
import type { Workspace } from '../../main/storage/workspace';
import { useTempDir } from '../helpers/tmp';
import { addKb, addRecords, fixtureRecords, newWorkspace } from './search-fixtures';
import { apiError } from '../helpers/api-error';

const tmp = useTempDir();
const open: Workspace[] = [];
afterEach(() => {
  for (const ws of open.splice(0)) ws.close();
});

async function withKbIndex() {
  const ws = newWorkspace(tmp());
  open.push(ws);
  addKb(ws);
  const h = createHandlers(ws, new EventBus());
  const built = await callApi(h, 'indexes.build', { source: 'kb' });
  const file = path.join(ws.indexesDir, built.index!.shards[0]!.file);
  return { ws, h, file, index: built.index! };
}

describe('search refuses what it cannot answer correctly', () => {
  it('a query that expects another provider or dimension', async () => {
    const { h } = await withKbIndex();
    const other = await apiError(callApi(h, 'search.query', { text: 'password', provider: { id: 'onnx-folder' } }));
    expect(other.code).toBe('bad_request');
    expect(other.message).toMatch(/was built with hashed-tfidf v1, 768 dims; the query expects onnx-folder \(provider differs\)/);
    const dims = await apiError(callApi(h, 'search.query', { text: 'password', provider: { id: 'hashed-tfidf', dimension: 384 } }));
    expect(dims.message).toMatch(/dimension differs/);
    const key = await apiError(callApi(h, 'search.query', { text: 'password', provider: { id: 'hashed-tfidf', key: 'abc' } }));
    expect(key.message).toMatch(/provider parameters differs/);
    const vector = await apiError(callApi(h, 'search.query', { vector: [0.1, 0.2, 0.3] }));
    expect(vector.message).toMatch(/query vector has 3 dimensions; the KB index .* has 768/);
  });

  it('answers a vector query of the right dimension', async () => {
    const { h } = await withKbIndex();
    const v = Array.from({ length: 768 }, (_, i) => (i === 5 ? 1 : 0));
    const r = await callApi(h, 'search.query', { vector: v, k: 2 });
    expect(r.hits).toHaveLength(2);
    const zero = await callApi(h, 'search.query', { vector: new Array<number>(768).fill(0), k: 2 });
    expect(zero.hits).toEqual([]);
  });

  it('an index file changed after it was built, until it is rebuilt', async () => {
    const { h, file } = await withKbIndex();
    const buf = readFileSync(file);
    buf[buf.length - 10] = buf[buf.length - 10]! ^ 0xff;
    writeFileSync(file, buf);
    const err = await apiError(callApi(h, 'search.query', { text: 'password reset' }));
    expect(err.code).toBe('workspace');
    expect(err.message).toMatch(/index file .* was changed after it was built .*; rebuild it with `assay search <workspace> "<text>" --rebuild`/);
    const rebuilt = await callApi(h, 'search.query', { text: 'password reset', rebuild: true });
    expect(rebuilt.built).toBe(true);
    expect(rebuilt.hits[0]!.docId).toBe('password-reset');
  });

  it('a truncated index file, even when its recorded hash was made to match', async () => {
    const { ws, h, file } = await withKbIndex();
    truncateSync(file, 3000);
    expect((await apiError(callApi(h, 'search.query', { text: 'password' }))).message).toMatch(/changed after it was built/);
    const sha = createHash('sha256').update(readFileSync(file)).digest('hex');
    ws.db.prepare('UPDATE vector_index_shards SET sha256 = ?').run(sha);
    const err = await apiError(callApi(h, 'search.query', { text: 'password' }));
    expect(err.message).toMatch(/is corrupt: file is truncated: 3000 bytes.*rebuild it/);
    expect((await callApi(h, 'indexes.verify', {}))[0]).toMatchObject({ ok: false, problem: expect.stringMatching(/truncated/) });
  });

  it('a missing index file', async () => {
    const { h, file } = await withKbIndex();
    rmSync(file);
    expect((await apiError(callApi(h, 'search.query', { text: 'password' }))).message).toMatch(/index file .* is missing; rebuild it/);
  });

  it('an index built by a provider this build cannot run, or whose stored parameters were altered', async () => {
    const { ws, h } = await withKbIndex();
    ws.db.prepare("UPDATE vector_indexes SET provider_id = 'neural-x'").run();
    const unknown = await apiError(callApi(h, 'search.query', { text: 'password' }));
    expect(unknown.message).toMatch(/was built with neural-x v1, 768 dims, which this build of Assay cannot run .*rebuild it/);
    ws.db.prepare("UPDATE vector_indexes SET provider_id = 'hashed-tfidf', provider_params = replace(provider_params, '\"charWeight\":1', '\"charWeight\":2')").run();
    expect((await apiError(callApi(h, 'search.query', { text: 'password' }))).message).toMatch(/no longer match the index \(provider key differs\)/);
  });

  it('an empty corpus, with what to do about it', async () => {
    const ws = newWorkspace(tmp());
    open.push(ws);
    const h = createHandlers(ws, new EventBus());
    const noRecords = await apiError(callApi(h, 'search.query', { index: 'records', text: 'x' }));
    expect(noRecords).toMatchObject({ code: 'bad_request', message: expect.stringMatching(/the records index cannot be built: the workspace has no records \(import logs first\)/) });
    expect((await apiError(callApi(h, 'search.query', { text: 'x' }))).message).toMatch(/the workspace has no knowledge base; import one first/);
    const empty = addKb(ws, 'empty', []);
    expect((await apiError(callApi(h, 'search.query', { text: 'x', assetId: empty }))).message).toMatch(/the knowledge base has no chunks/);
    expect((await apiError(callApi(h, 'search.query', { text: 'x', assetId: 999 }))).code).toBe('not_found');
    expect(await callApi(h, 'indexes.list', {})).toEqual([]);
  });

  it('malformed requests and filters that do not apply', async () => {
    const { ws, h } = await withKbIndex();
    addRecords(ws, fixtureRecords(5));
    expect((await apiError(callApi(h, 'search.query', {}))).message).toMatch(/give exactly one of text or vector/);
    expect((await apiError(callApi(h, 'search.query', { text: 'a', vector: [1] }))).message).toMatch(/give exactly one of text or vector/);
    expect((await apiError(callApi(h, 'search.query', { text: 'a', k: 0 }))).code).toBe('bad_request');
    expect((await apiError(callApi(h, 'search.query', { index: 'records', text: 'a', from: 'last tuesday' }))).message).toMatch(/from: expected an ISO-8601 date/);
    expect((await apiError(callApi(h, 'search.query', { text: 'a', model: 'model-a' }))).message).toMatch(/apply to the records index/);
    expect((await apiError(callApi(h, 'search.query', { index: 'records', text: 'a', autoBuild: false }))).message).toMatch(/the records index has not been built/);
    const nothing = await callApi(h, 'search.query', { text: '?!' });
    expect(nothing).toMatchObject({ hits: [], note: 'the query has no searchable words' });
    const bad = await apiError(callApi(h, 'indexes.build', { source: 'kb', rebuild: true, embedder: { dimension: 2 } }));
    expect(bad.message).toMatch(/dimension/);
  });
});

describe('retrieval.evaluate refuses misleading inputs', () => {
  it('gold ids that name no document of the KB, and malformed question files', async () => {
    const { h } = await withKbIndex();
    const dir = tmp();
    const wrong = path.join(dir, 'wrong.jsonl');
    writeFileSync(wrong, '{"question": "How do I reset my password?", "gold_doc_ids": ["doc-17"]}\n');
    expect((await apiError(callApi(h, 'retrieval.evaluate', { path: wrong }))).message).toMatch(/none of the 1 gold document ids .* is a document of KB asset \d+ \(e\.g\. "doc-17"\); check the KB version/);
    const broken = path.join(dir, 'broken.jsonl');
    writeFileSync(broken, '{"question": "ok", "gold_doc_ids": ["warranty"]}\n{"question": 5}\n');
    expect((await apiError(callApi(h, 'retrieval.evaluate', { path: broken }))).message).toMatch(/broken\.jsonl: 1 bad line\(s\): line 2: "question" must be a non-empty string/);
  });
});
