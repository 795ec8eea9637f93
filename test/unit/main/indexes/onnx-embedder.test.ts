import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readModelFolder } from '../../../../main/indexes/onnx/model-folder';
import { OnnxEmbedder } from '../../../../main/indexes/onnx/onnx-embedder';
import { loadOrt } from '../../../../main/indexes/onnx/onnx-runtime';
import { SyncOnnxProvider } from '../../../../main/indexes/onnx/sync-onnx-provider';
import { ONNX_FOLDER_ID } from '../../../../shared/text/embed/onnx-folder-spec';
import { expectedEmbedding, tinyIds, tinyTable, writeTinyModelFolder } from '../../../helpers/onnx-model';
import { useTempDir } from '../../../helpers/tmp';

const tmp = useTempDir('assay-onnx-');

function close(actual: Float32Array, expected: number[]): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((x, i) => expect(Math.abs(actual[i]! - x)).toBeLessThan(1e-5));
}

describe('ONNX model folder embedder', () => {
  // Nothing may be fetched: the runtime's wasm comes from node_modules.
  const fetchSpy = vi.fn(() => Promise.reject(new Error('network access attempted')));
  beforeAll(() => vi.stubGlobal('fetch', fetchSpy));
  afterAll(() => vi.unstubAllGlobals());

  it('configures the runtime to run from node_modules: local loader and wasm, one thread, no proxy worker', async () => {
    const ort = await loadOrt();
    expect(ort.env.wasm.proxy).toBe(false);
    expect(ort.env.wasm.numThreads).toBe(1);
    const paths = ort.env.wasm.wasmPaths as { mjs: string };
    expect(paths.mjs).toMatch(/^file:\/\/.*\/node_modules\/onnxruntime-web\/dist\/ort-wasm-simd-threaded\.mjs$/);
    expect(ort.env.wasm.wasmBinary).toBeInstanceOf(Uint8Array);
  });

  it('mean-pools the token vectors over the attention mask ([CLS] and [SEP] included) and normalizes', async () => {
    const dir = writeTinyModelFolder(tmp());
    const e = await OnnxEmbedder.open(dir);
    expect(e.spec.id).toBe(ONNX_FOLDER_ID);
    expect(e.spec.dimension).toBe(4);
    expect(e.spec.params.pooling).toBe('mean');
    // Texts of different lengths in one batch: padding must not count.
    const [a, b, empty] = await e.embedMany(['The cat sat on the mat.', 'Hello!', '  ']);
    close(a!, expectedEmbedding(tinyIds('the', 'cat', 'sat', 'on', 'the', 'mat', '.')));
    close(b!, expectedEmbedding(tinyIds('hello', '!')));
    expect([...empty!].every((x) => x === 0)).toBe(true);
    expect(fetchSpy).not.toHaveBeenCalled();
    await e.release();
  });

  it('pools as 1_Pooling/config.json declares: the [CLS] vector for CLS-pooled models, the element-wise max for max pooling', async () => {
    const table = tinyTable();
    const unit = (v: number[]) => v.map((x) => x / Math.hypot(...v));
    const ids = tinyIds('the', 'cat', 'sat');
    const clsDir = writeTinyModelFolder(tmp());
    mkdirSync(path.join(clsDir, '1_Pooling'));
    writeFileSync(path.join(clsDir, '1_Pooling', 'config.json'), JSON.stringify({ word_embedding_dimension: 4, pooling_mode_cls_token: true, pooling_mode_mean_tokens: false }));
    const cls = await OnnxEmbedder.open(clsDir);
    expect(cls.spec.params.pooling).toBe('cls');
    close((await cls.embedMany(['The cat sat']))[0]!, unit(table[2]!));
    await cls.release();

    const maxDir = writeTinyModelFolder(tmp());
    mkdirSync(path.join(maxDir, '1_Pooling'));
    writeFileSync(path.join(maxDir, '1_Pooling', 'config.json'), JSON.stringify({ pooling_mode_max_tokens: true }));
    const max = await OnnxEmbedder.open(maxDir);
    expect(max.spec.params.pooling).toBe('max');
    close((await max.embedMany(['The cat sat']))[0]!, unit([0, 1, 2, 3].map((d) => Math.max(...ids.map((id) => table[id]![d]!)))));
    await max.release();

    const bad = writeTinyModelFolder(tmp());
    mkdirSync(path.join(bad, '1_Pooling'));
    writeFileSync(path.join(bad, '1_Pooling', 'config.json'), '{ not json');
    await expect(OnnxEmbedder.open(bad)).rejects.toThrow(/1_Pooling\/config\.json is not valid JSON/);
  });

  it('uses a 2-D pooled output as it is, feeds token_type_ids when declared, and finds onnx/model.onnx', async () => {
    const dir = writeTinyModelFolder(tmp(), { pooled: true, tokenTypeIds: true, nested: true, tokenizer: 'vocab' });
    const e = await OnnxEmbedder.open(dir);
    expect(e.spec.params.pooling).toBe('model');
    expect(e.spec.params.modelFile).toBe('onnx/model.onnx');
    const [v] = await e.embedMany(['cats within 30 days']);
    close(v!, expectedEmbedding(tinyIds('cat', '##s', 'within', '30', 'days')));
    await e.release();
  });

  it('records the model and tokenizer hashes, so a changed file gives another spec', async () => {
    const dir = writeTinyModelFolder(tmp());
    const first = await OnnxEmbedder.open(dir);
    writeFileSync(path.join(dir, 'tokenizer_config.json'), JSON.stringify({ do_lower_case: true, model_max_length: 8 }));
    const second = await OnnxEmbedder.open(dir);
    expect(second.spec.params.model).toBe(first.spec.params.model);
    expect(second.spec.params.tokenizer).not.toBe(first.spec.params.tokenizer);
    expect(second.spec.params.maxLength).toBe(8);
    await expect(OnnxEmbedder.open(dir, { expectModelSha256: '0'.repeat(64) })).rejects.toThrow(/model\.onnx has changed since the index was built/);
  });

  it('names the missing file of an incomplete folder', () => {
    const noModel = writeTinyModelFolder(tmp());
    rmSync(path.join(noModel, 'model.onnx'));
    expect(() => readModelFolder(noModel)).toThrow(/has no model\.onnx or onnx\/model\.onnx/);
    const noTokenizer = writeTinyModelFolder(tmp());
    rmSync(path.join(noTokenizer, 'tokenizer.json'));
    expect(() => readModelFolder(noTokenizer)).toThrow(/has no tokenizer\.json or vocab\.txt/);
    expect(() => readModelFolder(path.join(tmp(), 'nope'))).toThrow(/model folder .*nope does not exist/);
  });

  it('refuses a file that is not an ONNX model, naming it', async () => {
    const dir = writeTinyModelFolder(tmp());
    writeFileSync(path.join(dir, 'model.onnx'), 'not a model');
    await expect(OnnxEmbedder.open(dir)).rejects.toThrow(/model\.onnx could not be loaded as an ONNX model/);
  });
});

describe('synchronous ONNX provider (worker + Atomics.wait)', () => {
  it('embeds synchronously with the same vectors as the model', () => {
    const dir = writeTinyModelFolder(tmp());
    const p = SyncOnnxProvider.open(dir);
    try {
      expect(p.spec.dimension).toBe(4);
      close(p.embed('Refund policy: return within 30 days'), expectedEmbedding(tinyIds('refund', 'policy', '[UNK]', 'return', 'within', '30', 'days')));
      const many = p.embedMany(['dog ran fast', '中文']);
      close(many[0]!, expectedEmbedding(tinyIds('dog', 'ran', 'fast')));
      close(many[1]!, expectedEmbedding(tinyIds('中', '文')));
    } finally {
      void p.close();
    }
  });

  it('reports a folder it cannot load as an error, not a hang', () => {
    const dir = writeTinyModelFolder(tmp());
    expect(() => SyncOnnxProvider.open(dir, { expectModelSha256: 'f'.repeat(64) })).toThrow(/has changed since the index was built/);
  });
});
