/** Compact storage of the model's weights: one signed byte per hash bucket, base64 inside a .ts module. */

export interface EncodedModel {
  hashBits: number;
  bias: number;
  /** Largest absolute weight; codes are signed square roots of |w| / maxAbs, times 127. */
  maxAbs: number;
  /** 2^hashBits signed bytes, base64. */
  weights: string;
}

/** Square-root int8 quantization keeps small weights distinguishable from zero. */
export function encodeWeights(weights: ArrayLike<number>, bias: number, hashBits: number): EncodedModel {
  let maxAbs = 0;
  for (let i = 0; i < weights.length; i++) maxAbs = Math.max(maxAbs, Math.abs(weights[i]!));
  const bytes = new Uint8Array(weights.length);
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    const code = maxAbs === 0 ? 0 : Math.round(Math.sign(w) * Math.sqrt(Math.abs(w) / maxAbs) * 127);
    bytes[i] = code & 0xff;
  }
  let binary = '';
  for (let i = 0; i < bytes.length; i += 8192) binary += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return { hashBits, bias, maxAbs, weights: btoa(binary) };
}

export function decodeWeights(model: EncodedModel): Float32Array {
  const binary = atob(model.weights);
  const out = new Float32Array(binary.length);
  for (let i = 0; i < binary.length; i++) {
    const code = (binary.charCodeAt(i) << 24) >> 24; // sign-extend the byte
    const r = code / 127;
    out[i] = Math.sign(r) * r * r * model.maxAbs;
  }
  return out;
}
