import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { InferenceSession, Tensor } from 'onnxruntime-web';
import { onnxFolderSpec, padBatch, poolOutput, type OnnxPooling } from '../../../shared/text/embed/onnx-folder-spec';
import type { ProviderSpec } from '../../../shared/text/embed/provider';
import { ModelFolderError, readModelFolder, type ModelFolder } from './model-folder';
import { loadOrt, type Ort } from './onnx-runtime';

/** Texts per model run during builds: enough to amortize the call, small enough to pad little. */
export const ONNX_BATCH = 16;

const KNOWN_INPUTS = new Set(['input_ids', 'attention_mask', 'token_type_ids']);

export interface OnnxOpenOptions {
  /** Truncate inputs to this many tokens (default: what the folder says, at most 512). */
  maxLength?: number;
  /** Refuse the folder unless its model file has this sha256 (an index recorded it at build time). */
  expectModelSha256?: string;
}

/** Picks the output that holds token or sentence vectors. */
function chooseOutput(names: readonly string[]): string {
  for (const preferred of ['last_hidden_state', 'sentence_embedding', 'token_embeddings']) if (names.includes(preferred)) return preferred;
  if (!names[0]) throw new Error('the model has no outputs');
  return names[0];
}

/**
 * A sentence-embedding model from a local folder, run by onnxruntime-web: WordPiece tokens in, one
 * L2-normalized vector per text out. Asynchronous; the synchronous EmbeddingProvider wraps it in a worker.
 */
export class OnnxEmbedder {
  private constructor(
    private readonly ort: Ort,
    private readonly session: InferenceSession,
    readonly folder: ModelFolder,
    readonly spec: ProviderSpec,
    private readonly output: string,
  ) {}

  /** Loads and checks a model folder; the model bytes that are hashed are exactly the bytes that run. */
  static async open(dir: string, options: OnnxOpenOptions = {}): Promise<OnnxEmbedder> {
    const folder = readModelFolder(dir, { maxLength: options.maxLength });
    const bytes = readFileSync(folder.modelPath);
    const modelSha256 = createHash('sha256').update(bytes).digest('hex');
    if (options.expectModelSha256 !== undefined && options.expectModelSha256 !== modelSha256) {
      throw new ModelFolderError(`the model file ${folder.modelPath} has changed since the index was built ` +
        `(sha256 ${options.expectModelSha256.slice(0, 12)}… then, ${modelSha256.slice(0, 12)}… now)`);
    }
    const ort = await loadOrt();
    let session: InferenceSession;
    try {
      session = await ort.InferenceSession.create(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    } catch (err) {
      throw new ModelFolderError(`${folder.modelPath} could not be loaded as an ONNX model (${(err as Error).message})`);
    }
    const unknown = session.inputNames.filter((n) => !KNOWN_INPUTS.has(n));
    if (unknown.length || !session.inputNames.includes('input_ids')) {
      throw new ModelFolderError(`${folder.modelPath} takes inputs ${session.inputNames.join(', ')}; a BERT-style sentence-embedding model takes input_ids (with attention_mask, token_type_ids)`);
    }
    const output = chooseOutput(session.outputNames);
    const draft = new OnnxEmbedder(ort, session, folder, { id: '', version: '', dimension: 0, params: {} }, output);
    // One probe run tells the dimension and whether the model pools for itself.
    const probe = await draft.run([[...folder.tokenizer.encode('dimension probe').ids]]);
    const dims = probe.dims;
    const pooling: OnnxPooling = dims.length === 2 ? 'model' : folder.pooling;
    const dimension = dims[dims.length - 1]!;
    if ((dims.length !== 2 && dims.length !== 3) || !(dimension > 0 && dimension <= 4096)) {
      throw new ModelFolderError(`${folder.modelPath}: output ${output} has shape [${dims.join(', ')}]; expected [batch, sequence, dim] or [batch, dim] with dim up to 4096`);
    }
    const spec = onnxFolderSpec({
      dimension, modelSha256, modelFile: folder.modelFile, tokenizerSha256: folder.tokenizerSha256,
      maxLength: folder.tokenizer.options.maxLength, pooling, output,
    });
    return new OnnxEmbedder(ort, session, folder, spec, output);
  }

  private async run(sequences: number[][]): Promise<{ data: Float32Array; dims: readonly number[]; mask: BigInt64Array; seq: number }> {
    const b = padBatch(sequences, this.folder.tokenizer.padId);
    const shape = [b.batch, b.seq];
    const all: Record<string, BigInt64Array> = { input_ids: b.inputIds, attention_mask: b.attentionMask, token_type_ids: b.tokenTypeIds };
    const feeds: Record<string, Tensor> = {};
    for (const name of this.session.inputNames) feeds[name] = new this.ort.Tensor('int64', all[name]!, shape);
    const result = await this.session.run(feeds);
    const out = result[this.output];
    if (!out || out.type !== 'float32') throw new Error(`model output ${this.output} is ${out ? out.type : 'missing'}, expected float32`);
    return { data: out.data as Float32Array, dims: out.dims, mask: b.attentionMask, seq: b.seq };
  }

  /** One vector per text, in order; a text with no tokens gets all zeros (nothing to embed). */
  async embedMany(texts: readonly string[]): Promise<Float32Array[]> {
    const out = texts.map(() => new Float32Array(this.spec.dimension));
    const todo: { index: number; ids: number[] }[] = [];
    texts.forEach((text, index) => {
      const enc = this.folder.tokenizer.encode(text);
      if (enc.textTokens > 0) todo.push({ index, ids: enc.ids });
    });
    for (let start = 0; start < todo.length; start += ONNX_BATCH) {
      const part = todo.slice(start, start + ONNX_BATCH);
      const r = await this.run(part.map((p) => p.ids));
      poolOutput(r.data, r.dims, r.mask, r.seq, this.folder.pooling).forEach((v, i) => out[part[i]!.index]!.set(v));
    }
    return out;
  }

  async release(): Promise<void> {
    await this.session.release();
  }
}
