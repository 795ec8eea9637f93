import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { callApi } from '../../main/api/dispatch';
import { EventBus } from '../../main/api/event-bus';
import { createHandlers } from '../../main/api/handlers';
import { createKbSearch } from '../../main/indexes/kb-search';
import { openWorkspace, type Workspace } from '../../main/storage/workspace';
import { runCli } from '../helpers/cli';
import { writeWordModelFolder } from '../helpers/onnx-model';
import { useTempDir } from '../helpers/tmp';
import { addKb, addRecords, fixtureRecords, KB_DOCS, newWorkspace } from './search-fixtures';
import { apiError } from '../helpers/api-error';

const tmp = useTempDir('assay-onnx-');
const open: Workspace[] = [];
afterEach(() => {
  for (const ws of open.splice(0)) ws.close();
});

const KB_TEXTS = KB_DOCS.flatMap((d) => d.chunks);
const RECORD_TEXTS = fixtureRecords(12).flatMap((r) => [r.input, r.output]);

function setup() {
  const root = tmp();
  const ws = newWorkspace(root);
  open.push(ws);
  addKb(ws);
  const modelDir = writeWordModelFolder(path.join(root, 'model'), [...KB_TEXTS, ...RECORD_TEXTS]);
  return { ws, root, modelDir, h: createHandlers(ws, new EventBus()) };
}

/** A fresh handle on the workspace, as a new process would open it (nothing cached). */
function reopen(ws: Workspace) {
  const again = openWorkspace(ws.dir);
  open.push(again);
  return createHandlers(again, new EventBus());
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('KB search with an ONNX model folder', () => {
  it('builds the index with the model, records its hashes and folder, and answers searches', async () => {
    const { ws, h, modelDir } = setup();
    const r = await callApi(h, 'search.query', { text: 'swollen battery overnight', k: 3, embedder: { modelDir } });
    expect(r.built).toBe(true);
    expect(r.index.provider).toMatchObject({
      id: 'onnx-folder', version: '1', dimension: 64, location: modelDir,
      params: { model: sha256(path.join(modelDir, 'model.onnx')), modelFile: 'model.onnx', pooling: 'mean', maxLength: 128 },
    });
    expect(r.hits[0]).toMatchObject({ docId: 'battery-care', chunkIndex: 1 });
    // Without an embedder the index's own is used; asking for the same folder again does not rebuild.
    const again = await callApi(h, 'search.query', { text: 'firmware update blinks blue', k: 1 });
    expect(again).toMatchObject({ built: false, hits: [{ docId: 'camera-firmware', chunkIndex: 1 }] });
    expect((await callApi(h, 'search.query', { text: 'refund', embedder: { modelDir } })).built).toBe(false);
    // Another handle on the workspace loads the index again and queries through the synchronous provider.
    const fresh = await callApi(reopen(ws), 'search.query', { text: 'express shipping next business day', k: 1 });
    expect(fresh.hits[0]).toMatchObject({ docId: 'shipping-times', chunkIndex: 0 });
    // Analyzers' synchronous KB lookup (grounding evidence) uses the index's own provider.
    const kb = await createKbSearch(ws);
    expect(kb.source.provider.id).toBe('onnx-folder');
    expect(kb.searchKb('Replace a swollen battery', 1)[0]?.text).toMatch(/^Replace a swollen battery/);
  });

  it('refuses a query once the model file has changed, naming the folder and --rebuild; --rebuild re-embeds', async () => {
    const { ws, h, modelDir } = setup();
    await callApi(h, 'indexes.build', { source: 'kb', embedder: { modelDir } });
    writeWordModelFolder(modelDir, [...KB_TEXTS, ...RECORD_TEXTS], { seed: 99 });
    const h2 = reopen(ws);
    const err = await apiError(callApi(h2, 'search.query', { text: 'swollen battery' }));
    expect(err.code).toBe('workspace');
    expect(err.message).toContain(path.join(modelDir, 'model.onnx'));
    expect(err.message).toMatch(/has changed since the index was built.*--rebuild/);
    // The rebuild keeps the folder and embeds with the model now in it.
    const rebuilt = await callApi(h2, 'search.query', { text: 'swollen battery', k: 1, rebuild: true });
    expect(rebuilt.index.provider.params.model).toBe(sha256(path.join(modelDir, 'model.onnx')));
    expect(rebuilt.hits[0]!.docId).toBe('battery-care');
  });

  it('refuses a missing model folder with a way out, and switches back to the built-in provider on request', async () => {
    const { ws, h, modelDir } = setup();
    await callApi(h, 'indexes.build', { source: 'kb', embedder: { modelDir } });
    renameSync(modelDir, `${modelDir}-moved`);
    const h2 = reopen(ws);
    const err = await apiError(callApi(h2, 'search.query', { text: 'refund' }));
    expect(err.message).toMatch(new RegExp(`built with the ONNX model in ${modelDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, which cannot be used now: model folder .* does not exist`));
    expect(err.message).toMatch(/--model-dir <folder> or --builtin/);
    const builtin = await callApi(h2, 'search.query', { text: 'clearance items refunded', k: 1, embedder: {} });
    expect(builtin.index.provider.id).toBe('hashed-tfidf');
    expect(builtin.hits[0]!.docId).toBe('refund-policy');
  });

  it('refuses a model folder without a tokenizer before building, naming the missing file', async () => {
    const { h, modelDir } = setup();
    rmSync(path.join(modelDir, 'vocab.txt'));
    const err = await apiError(callApi(h, 'indexes.build', { source: 'kb', embedder: { modelDir } }));
    expect(err.code).toBe('bad_request');
    expect(err.message).toMatch(/has no tokenizer\.json or vocab\.txt/);
    expect(err.message).toContain(modelDir);
  });

  it('builds a two-shard records index with the model and keeps it up to date in place (rows embedded synchronously)', async () => {
    const { ws, h, modelDir } = setup();
    addRecords(ws, fixtureRecords(6));
    // Two shards: two workers each load the model and must report the same spec.
    const built = await callApi(h, 'indexes.build', { source: 'records', embedder: { modelDir }, hnsw: { shards: 2 } });
    expect(built.index!.shards).toHaveLength(2);
    addRecords(ws, fixtureRecords(12).slice(6));
    const updated = await callApi(h, 'indexes.update', { source: 'records' });
    expect(updated).toMatchObject({ added: 6, rebuilt: false, index: { itemCount: 12, provider: { id: 'onnx-folder' } } });
    const r = await callApi(h, 'search.query', { index: 'records', text: 'Can the hub use 5 GHz Wi-Fi? (ticket 10)', k: 1 });
    expect(r.hits[0]!.text).toMatch(/ticket 10\)/);
  });
});

describe('assay search / eval-retrieval --model-dir', () => {
  it('builds and selects the KB index with the model; a changed model asks for --rebuild', () => {
    const root = tmp();
    const ws = newWorkspace(root);
    addKb(ws);
    const dir = ws.dir;
    ws.close();
    const modelDir = writeWordModelFolder(path.join(root, 'model'), KB_TEXTS);
    const first = runCli(['search', dir, 'swollen battery', '-k', '1', '--model-dir', modelDir]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`onnx-folder v1 from ${modelDir}, 64 dims`);
    expect(first.stdout).toMatch(/ 1\. \d\.\d{3} {2}battery-care#1/);
    const questions = path.join(root, 'q.jsonl');
    writeFileSync(questions, [
      { question: 'How long is a password reset link valid?', gold_doc_ids: ['password-reset'] },
      { question: 'Which Wi-Fi band does the hub support?', gold_doc_ids: ['wifi-setup'] },
    ].map((q) => JSON.stringify(q)).join('\n'));
    const ev = runCli(['eval-retrieval', dir, questions, '--model-dir', modelDir, '--json']);
    expect(ev.code).toBe(0);
    const report = JSON.parse(ev.stdout) as { hitAtK: number; index: { provider: { id: string } } };
    expect(report.index.provider.id).toBe('onnx-folder');
    expect(report.hitAtK).toBe(1);
    writeWordModelFolder(modelDir, KB_TEXTS, { seed: 3 });
    const stale = runCli(['search', dir, 'swollen battery']);
    expect(stale.code).toBe(2);
    expect(stale.stderr).toMatch(/model\.onnx has changed since the index was built.*--rebuild/);
    expect(runCli(['search', dir, 'swollen battery', '--rebuild']).code).toBe(0);
    expect(runCli(['search', dir, 'x', '--model-dir', modelDir, '--builtin'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/give one/) });
  });
});
