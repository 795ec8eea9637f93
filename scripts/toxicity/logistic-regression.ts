// L2-regularized logistic regression on sparse rows, fitted by L-BFGS. Targets may be soft (annotator vote
// shares) and rows weighted (class balance). Used only by scripts/train-toxicity.ts.

export interface SparseRows {
  /** CSR layout: row r owns indices/values[offsets[r] .. offsets[r+1]). */
  offsets: Int32Array;
  indices: Int32Array;
  values: Float32Array;
  dim: number;
}

export interface FitOptions {
  lambda: number;
  maxIter: number;
  history?: number;
  log?: (msg: string) => void;
}

export interface LinearModel {
  weights: Float64Array;
  bias: number;
}

export function buildRows(vectors: { indices: number[]; values: number[] }[], dim: number): SparseRows {
  const total = vectors.reduce((s, v) => s + v.indices.length, 0);
  const offsets = new Int32Array(vectors.length + 1);
  const indices = new Int32Array(total);
  const values = new Float32Array(total);
  let p = 0;
  vectors.forEach((v, r) => {
    offsets[r] = p;
    for (let k = 0; k < v.indices.length; k++) {
      indices[p] = v.indices[k]!;
      values[p] = v.values[k]!;
      p++;
    }
  });
  offsets[vectors.length] = p;
  return { offsets, indices, values, dim };
}

function margin(rows: SparseRows, r: number, w: Float64Array, bias: number): number {
  let z = bias;
  for (let p = rows.offsets[r]!; p < rows.offsets[r + 1]!; p++) z += w[rows.indices[p]!]! * rows.values[p]!;
  return z;
}

export function predict(rows: SparseRows, model: LinearModel): Float64Array {
  const n = rows.offsets.length - 1;
  const out = new Float64Array(n);
  for (let r = 0; r < n; r++) out[r] = 1 / (1 + Math.exp(-margin(rows, r, model.weights, model.bias)));
  return out;
}

/** Loss and gradient; params holds the weights followed by the bias. */
function lossAndGrad(rows: SparseRows, targets: Float64Array, sampleW: Float64Array, lambda: number, params: Float64Array, grad: Float64Array): number {
  const dim = rows.dim;
  const n = targets.length;
  grad.fill(0);
  let totalW = 0;
  for (let r = 0; r < n; r++) totalW += sampleW[r]!;
  let loss = 0;
  const bias = params[dim]!;
  for (let r = 0; r < n; r++) {
    const z = margin(rows, r, params, bias);
    const t = targets[r]!;
    // log(1 + e^z) computed stably.
    const softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    loss += sampleW[r]! * (softplus - t * z);
    const g = (sampleW[r]! * (1 / (1 + Math.exp(-z)) - t)) / totalW;
    for (let p = rows.offsets[r]!; p < rows.offsets[r + 1]!; p++) grad[rows.indices[p]!]! += g * rows.values[p]!;
    grad[dim]! += g;
  }
  loss /= totalW;
  let reg = 0;
  for (let j = 0; j < dim; j++) {
    reg += params[j]! * params[j]!;
    grad[j]! += lambda * params[j]!;
  }
  return loss + 0.5 * lambda * reg;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

export function fitLogistic(rows: SparseRows, targets: Float64Array, sampleW: Float64Array, opts: FitOptions): LinearModel {
  const size = rows.dim + 1;
  const m = opts.history ?? 10;
  let x = new Float64Array(size);
  let g = new Float64Array(size);
  let f = lossAndGrad(rows, targets, sampleW, opts.lambda, x, g);
  const sList: Float64Array[] = [];
  const yList: Float64Array[] = [];
  const dir = new Float64Array(size);
  const alpha = new Float64Array(m);
  for (let iter = 0; iter < opts.maxIter; iter++) {
    // Two-loop recursion: dir = -H g.
    dir.set(g);
    for (let k = sList.length - 1; k >= 0; k--) {
      alpha[k] = dot(sList[k]!, dir) / dot(yList[k]!, sList[k]!);
      const y = yList[k]!;
      for (let i = 0; i < size; i++) dir[i]! -= alpha[k]! * y[i]!;
    }
    if (sList.length > 0) {
      const last = sList.length - 1;
      const gamma = dot(sList[last]!, yList[last]!) / dot(yList[last]!, yList[last]!);
      for (let i = 0; i < size; i++) dir[i]! *= gamma;
    } else {
      const norm = Math.sqrt(dot(g, g));
      for (let i = 0; i < size; i++) dir[i]! /= norm || 1;
    }
    for (let k = 0; k < sList.length; k++) {
      const beta = dot(yList[k]!, dir) / dot(yList[k]!, sList[k]!);
      const s = sList[k]!;
      for (let i = 0; i < size; i++) dir[i]! += s[i]! * (alpha[k]! - beta);
    }
    for (let i = 0; i < size; i++) dir[i] = -dir[i]!;
    const slope = dot(g, dir);
    if (slope >= 0) break;
    // Backtracking line search (Armijo).
    let step = 1;
    const xNew = new Float64Array(size);
    const gNew = new Float64Array(size);
    let fNew = Infinity;
    for (let tries = 0; tries < 30; tries++) {
      for (let i = 0; i < size; i++) xNew[i] = x[i]! + step * dir[i]!;
      fNew = lossAndGrad(rows, targets, sampleW, opts.lambda, xNew, gNew);
      if (fNew <= f + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    const s = new Float64Array(size);
    const y = new Float64Array(size);
    for (let i = 0; i < size; i++) {
      s[i] = xNew[i]! - x[i]!;
      y[i] = gNew[i]! - g[i]!;
    }
    if (dot(s, y) > 1e-12) {
      sList.push(s);
      yList.push(y);
      if (sList.length > m) {
        sList.shift();
        yList.shift();
      }
    }
    const improvement = f - fNew;
    x = xNew;
    g = gNew;
    f = fNew;
    if (iter % 20 === 0) opts.log?.(`  iter ${iter} loss ${f.toFixed(5)} step ${step}`);
    if (improvement < 1e-7 * Math.max(1, Math.abs(f))) break;
  }
  return { weights: x.subarray(0, rows.dim), bias: x[rows.dim]! };
}
