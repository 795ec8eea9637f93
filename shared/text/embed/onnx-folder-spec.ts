/**
 * The 'onnx-folder' provider's identity and its arithmetic that does not need the runtime: how token batches
 * are laid out for the model and how its output becomes one L2-normalized vector per text.
 */
import { normalizeInPlace } from './exact-knn';
import type { ProviderSpec } from './provider';

export const ONNX_FOLDER_ID = 'onnx-folder';
export const ONNX_FOLDER_VERSION = '1';

/**
 * 'mean': mean of the token vectors over the attention mask; 'cls': the first token's vector (bge, e5-style
 * models); 'max': the element-wise max over real tokens; 'model': the model's own pooled output.
 */
export type OnnxPooling = 'mean' | 'cls' | 'max' | 'model';
export type TokenPooling = Exclude<OnnxPooling, 'model'>;

/**
 * The pooling a sentence-transformers export declares in 1_Pooling/config.json, or null when the file says
 * nothing usable (mean pooling is then the default, as sentence-transformers' own).
 */
export function poolingFromConfig(config: unknown): TokenPooling | null {
  if (typeof config !== 'object' || config === null) return null;
  const c = config as Record<string, unknown>;
  if (c.pooling_mode_cls_token === true) return 'cls';
  if (c.pooling_mode_max_tokens === true) return 'max';
  if (c.pooling_mode_mean_tokens === true) return 'mean';
  return null;
}

export interface OnnxFolderIdentity {
  dimension: number;
  /** sha256 of the model file. */
  modelSha256: string;
  /** Path of the model file inside the folder (model.onnx or onnx/model.onnx). */
  modelFile: string;
  /** sha256 over the tokenizer files read (names and contents). */
  tokenizerSha256: string;
  maxLength: number;
  pooling: OnnxPooling;
  output: string;
}

/** The spec an index records: the folder's location is not part of it, only what changes the vectors. */
export function onnxFolderSpec(id: OnnxFolderIdentity): ProviderSpec {
  return {
    id: ONNX_FOLDER_ID, version: ONNX_FOLDER_VERSION, dimension: id.dimension,
    params: { model: id.modelSha256, modelFile: id.modelFile, tokenizer: id.tokenizerSha256, maxLength: id.maxLength, pooling: id.pooling, output: id.output },
  };
}

export interface TokenBatch {
  batch: number;
  seq: number;
  /** [batch, seq] row-major, padded with the pad id. */
  inputIds: BigInt64Array;
  /** [batch, seq]: 1 for real tokens, 0 for padding. */
  attentionMask: BigInt64Array;
  /** [batch, seq] zeros (one segment). */
  tokenTypeIds: BigInt64Array;
}

/** Pads token id lists to the longest one, as the int64 tensors BERT-style models take. */
export function padBatch(sequences: readonly (readonly number[])[], padId: number): TokenBatch {
  const batch = sequences.length;
  const seq = Math.max(1, ...sequences.map((s) => s.length));
  const inputIds = new BigInt64Array(batch * seq).fill(BigInt(padId));
  const attentionMask = new BigInt64Array(batch * seq);
  sequences.forEach((ids, b) => ids.forEach((id, t) => {
    inputIds[b * seq + t] = BigInt(id);
    attentionMask[b * seq + t] = 1n;
  }));
  return { batch, seq, inputIds, attentionMask, tokenTypeIds: new BigInt64Array(batch * seq) };
}

/** Unit length, or all zeros when there is no direction (a zero or non-finite vector). */
function normalized(v: Float32Array): Float32Array {
  return normalizeInPlace(v) ? v : v.fill(0);
}

/**
 * One vector per text from the model's output: [batch, seq, dim] is pooled over the attention mask (mean by
 * default, or the first token, or the element-wise max), [batch, dim] (already pooled) is taken as it is; all are
 * L2-normalized.
 */
export function poolOutput(data: Float32Array, dims: readonly number[], mask: BigInt64Array, seq: number, pooling: TokenPooling = 'mean'): Float32Array[] {
  if (dims.length === 2) {
    const [batch, dim] = dims as [number, number];
    return Array.from({ length: batch }, (_, b) => normalized(data.slice(b * dim, (b + 1) * dim)));
  }
  if (dims.length !== 3 || dims[1] !== seq) throw new Error(`model output has shape [${dims.join(', ')}]; expected [batch, ${seq}, dim] or [batch, dim]`);
  const [batch, , dim] = dims as [number, number, number];
  const out: Float32Array[] = [];
  for (let b = 0; b < batch; b++) {
    if (pooling === 'cls') {
      out.push(normalized(data.slice(b * seq * dim, b * seq * dim + dim)));
      continue;
    }
    if (pooling === 'max') {
      out.push(normalized(maxOverTokens(data, mask, b, seq, dim)));
      continue;
    }
    const v = new Float32Array(dim);
    let count = 0;
    for (let t = 0; t < seq; t++) {
      if (mask[b * seq + t] === 0n) continue;
      count++;
      const base = (b * seq + t) * dim;
      for (let d = 0; d < dim; d++) v[d]! += data[base + d]!;
    }
    if (count > 0) for (let d = 0; d < dim; d++) v[d]! /= count;
    out.push(normalized(v));
  }
  return out;
}

function maxOverTokens(data: Float32Array, mask: BigInt64Array, b: number, seq: number, dim: number): Float32Array {
  const v = new Float32Array(dim).fill(-Infinity);
  let any = false;
  for (let t = 0; t < seq; t++) {
    if (mask[b * seq + t] === 0n) continue;
    any = true;
    const base = (b * seq + t) * dim;
    for (let d = 0; d < dim; d++) if (data[base + d]! > v[d]!) v[d] = data[base + d]!;
  }
  return any ? v : v.fill(0);
}
