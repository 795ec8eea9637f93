// Fits the toxicity network (network.ts; an experiment of bench/eval/toxicity-loso.ts) on dense feature rows: cross-entropy with
// soft targets, weight decay, Adam on minibatches drawn in proportion to each row's weight (a small source's
// rows weigh far more than a large one's; sampling by weight keeps every minibatch's gradient unbiased
// without a few rows dominating it). Seeded, so the same data gives the same network.
import { createRng, type Rng } from '../../shared/stats/prng';
import type { ToxicityMlp } from './network';

export interface DenseRows {
  /** n x dim, row-major. */
  x: Float32Array;
  dim: number;
  targets: Float64Array;
  weights: Float64Array;
}

export interface MlpOptions {
  hidden: number;
  epochs: number;
  batch: number;
  learningRate: number;
  weightDecay: number;
  seed: number;
  log?: (msg: string) => void;
}

export const DEFAULT_MLP_OPTIONS: MlpOptions = { hidden: 32, epochs: 15, batch: 128, learningRate: 0.003, weightDecay: 1e-4, seed: 14 };

function gaussian(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

/** Draws row indices with probability proportional to weight (inverse CDF on the running sums). */
function weightedSampler(weights: Float64Array, rng: Rng): () => number {
  const cum = new Float64Array(weights.length);
  let s = 0;
  for (let i = 0; i < weights.length; i++) cum[i] = s += weights[i]!;
  return () => {
    const u = rng() * s;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

class Adam {
  private readonly m: Float64Array;
  private readonly v: Float64Array;
  private t = 0;
  constructor(size: number, private readonly lr: number) {
    this.m = new Float64Array(size);
    this.v = new Float64Array(size);
  }
  step(params: Float32Array | Float64Array, grad: Float64Array): void {
    this.t++;
    const c1 = 1 - 0.9 ** this.t;
    const c2 = 1 - 0.999 ** this.t;
    for (let i = 0; i < params.length; i++) {
      const g = grad[i]!;
      this.m[i] = 0.9 * this.m[i]! + 0.1 * g;
      this.v[i] = 0.999 * this.v[i]! + 0.001 * g * g;
      params[i]! -= (this.lr * this.m[i]!) / c1 / (Math.sqrt(this.v[i]! / c2) + 1e-8);
    }
  }
}

export function trainMlp(rows: DenseRows, opts: MlpOptions): ToxicityMlp {
  const { dim } = rows;
  const n = rows.targets.length;
  const H = opts.hidden;
  const rng = createRng(opts.seed);
  const w1 = new Float32Array(H * dim);
  const scale = Math.sqrt(1 / dim);
  for (let i = 0; i < w1.length; i++) w1[i] = gaussian(rng) * scale;
  const b1 = new Float32Array(H);
  const w2 = new Float32Array(H);
  for (let h = 0; h < H; h++) w2[h] = gaussian(rng) * Math.sqrt(1 / H);
  const b2 = new Float64Array(1);
  const g1 = new Float64Array(w1.length);
  const gb1 = new Float64Array(H);
  const g2 = new Float64Array(H);
  const gb2 = new Float64Array(1);
  const opt1 = new Adam(w1.length, opts.learningRate);
  const optb1 = new Adam(H, opts.learningRate);
  const opt2 = new Adam(H, opts.learningRate);
  const optb2 = new Adam(1, opts.learningRate);
  const draw = weightedSampler(rows.weights, rng);
  const act = new Float64Array(H);
  const steps = Math.ceil(n / opts.batch);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    let lossSum = 0;
    for (let s = 0; s < steps; s++) {
      g1.fill(0);
      gb1.fill(0);
      g2.fill(0);
      gb2[0] = 0;
      for (let b = 0; b < opts.batch; b++) {
        const r = draw();
        const base = r * dim;
        let z = b2[0]!;
        for (let h = 0; h < H; h++) {
          let a = b1[h]!;
          const wb = h * dim;
          for (let i = 0; i < dim; i++) a += w1[wb + i]! * rows.x[base + i]!;
          act[h] = Math.tanh(a);
          z += w2[h]! * act[h]!;
        }
        const t = rows.targets[r]!;
        const p = 1 / (1 + Math.exp(-z));
        lossSum += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - t * z;
        const dz = (p - t) / opts.batch;
        gb2[0]! += dz;
        for (let h = 0; h < H; h++) {
          g2[h]! += dz * act[h]!;
          const da = dz * w2[h]! * (1 - act[h]! * act[h]!);
          gb1[h]! += da;
          const wb = h * dim;
          for (let i = 0; i < dim; i++) g1[wb + i]! += da * rows.x[base + i]!;
        }
      }
      for (let i = 0; i < w1.length; i++) g1[i]! += opts.weightDecay * w1[i]!;
      for (let h = 0; h < H; h++) g2[h]! += opts.weightDecay * w2[h]!;
      opt1.step(w1, g1);
      optb1.step(b1, gb1);
      opt2.step(w2, g2);
      optb2.step(b2, gb2);
    }
    if (epoch % 10 === 0 || epoch === opts.epochs - 1) opts.log?.(`  mlp epoch ${epoch} loss ${(lossSum / (steps * opts.batch)).toFixed(4)}`);
  }
  return { inputs: dim, hidden: H, w1, b1, w2, b2: b2[0]! };
}
