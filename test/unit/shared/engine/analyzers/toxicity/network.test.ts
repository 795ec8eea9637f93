// The leave-one-source-out experiments (bench/eval/toxicity-loso.ts) rest on these two fitters: a network that
// can learn what a linear model cannot, and a stacker that weighs each signal by how well it did out-of-source.
import { describe, it, expect } from 'vitest';
import { MLP_CATEGORIES, MLP_INPUTS, mlpInputInto, mlpLogit } from '../../../../../../scripts/toxicity/network';
import { DENSE_DIM } from '../../../../../../shared/engine/analyzers/toxicity/dense-features';
import { trainMlp } from '../../../../../../scripts/toxicity/train-mlp';
import { combineStacked, fitStacker, type StackRow } from '../../../../../../scripts/toxicity/stacker';
import { createRng } from '../../../../../../shared/stats/prng';

describe('toxicity network experiment', () => {
  it('learns an interaction a linear model cannot (XOR of two inputs), deterministically from its seed', () => {
    const n = 400;
    const x = new Float32Array(n * 2);
    const targets = new Float64Array(n);
    const rng = createRng(3);
    for (let i = 0; i < n; i++) {
      const a = rng() < 0.5 ? 1 : -1;
      const b = rng() < 0.5 ? 1 : -1;
      x[2 * i] = a;
      x[2 * i + 1] = b;
      targets[i] = a * b > 0 ? 1 : 0;
    }
    const rows = { x, dim: 2, targets, weights: new Float64Array(n).fill(1) };
    const opts = { hidden: 8, epochs: 60, batch: 32, learningRate: 0.02, weightDecay: 1e-5, seed: 7 };
    const mlp = trainMlp(rows, opts);
    expect(mlpLogit(mlp, [1, 1])).toBeGreaterThan(1);
    expect(mlpLogit(mlp, [-1, -1])).toBeGreaterThan(1);
    expect(mlpLogit(mlp, [1, -1])).toBeLessThan(-1);
    expect(mlpLogit(mlp, [-1, 1])).toBeLessThan(-1);
    expect(trainMlp(rows, opts).w1).toEqual(mlp.w1);
  });

  it('reads the dense features, then the lexicon scores of every category but dangerous', () => {
    expect(MLP_CATEGORIES).not.toContain('dangerous');
    expect(MLP_INPUTS).toBe(DENSE_DIM + MLP_CATEGORIES.length);
    const cats = { insult: 0.9, profanity: 0, threat: 0.2, identity_attack: 0, harassment: 0, sexual: 0, self_harm: 0, dangerous: 1 };
    const input = mlpInputInto(new Float32Array(DENSE_DIM).fill(0.5), cats, new Float32Array(MLP_INPUTS));
    expect(input[0]).toBe(0.5);
    expect(input[DENSE_DIM + MLP_CATEGORIES.indexOf('insult')]).toBeCloseTo(0.9);
    expect(input[DENSE_DIM + MLP_CATEGORIES.indexOf('threat')]).toBeCloseTo(0.2);
  });
});

describe('toxicity stacker experiment', () => {
  it('learns how much to trust each signal from out-of-source scores, each source weighing alike', () => {
    const rows: StackRow[] = [];
    const rng = createRng(11);
    // Two sources (one 10x larger): the lexicon separates the classes, the model score is noise.
    for (const [source, n] of [['a', 100], ['b', 1000]] as const) {
      for (let i = 0; i < n; i++) {
        const toxic = i % 2 === 0;
        rows.push({ source, toxic, lexicon: toxic ? 0.6 + 0.3 * rng() : 0.3 * rng(), model: 0.05 + 0.9 * rng() });
      }
    }
    const s = fitStacker(rows);
    expect(s.lexicon).toBeGreaterThan(3);
    expect(Math.abs(s.model)).toBeLessThan(0.5);
    expect(combineStacked(0.9, 0.5, s)).toBeGreaterThan(combineStacked(0.1, 0.5, s));
  });
});
