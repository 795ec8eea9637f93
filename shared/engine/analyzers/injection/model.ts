import type { SparseVector } from './features';
import { FEATURE_BITS } from './features';
import { MODEL_WEIGHTS } from './model-weights';

// Trained weights (scripts/train-injection.ts) are shipped as int8 in base64; decoded once, on first use.
let weights: Int8Array | null = null;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeBase64Bytes(s: string): Uint8Array {
  const lookup = new Int16Array(128).fill(-1);
  for (let i = 0; i < B64.length; i++) lookup[B64.charCodeAt(i)] = i;
  const clean = s.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let acc = 0, bits = 0, n = 0;
  for (let i = 0; i < clean.length; i++) {
    acc = ((acc << 6) | (lookup[clean.charCodeAt(i)] ?? 0)) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

function loadWeights(): Int8Array {
  if (weights) return weights;
  if (MODEL_WEIGHTS.featureBits !== FEATURE_BITS) {
    throw new Error(`injection model was trained on ${MODEL_WEIGHTS.featureBits}-bit features but features.ts uses ${FEATURE_BITS}; rerun scripts/train-injection.ts`);
  }
  const bytes = decodeBase64Bytes(MODEL_WEIGHTS.int8Base64);
  weights = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  return weights;
}

/** Logit of the logistic model for one feature vector. */
export function modelLogit(v: SparseVector): number {
  const w = loadWeights();
  let s = 0;
  for (let t = 0; t < v.idx.length; t++) s += w[v.idx[t]!]! * v.val[t]!;
  return MODEL_WEIGHTS.bias + MODEL_WEIGHTS.scale * s;
}

export const combiner = MODEL_WEIGHTS.combiner;
