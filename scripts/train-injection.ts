// Trains the injection analyzer's logistic model and calibrates how its signals combine, and writes
// shared/engine/analyzers/injection/model-weights.ts. Run: npx tsx scripts/train-injection.ts
//
// Training data (read at run time from ../shared/evaldata, never copied):
//   positives: JailbreakHub 2023-05-07 release + the analyzer's own attack corpus (attack-corpus.ts)
//   negatives: the training half (hash split) of WildGuardTest benign and HaluEval/Alpaca user queries,
//              + the analyzer's own benign trigger-word prompts (benign-corpus.ts)
// Never trained on: NotInject, BIPIA, PINT rows of valid.json, the other halves, JailbreakHub prompts new in the
// 2023-12-25 release. Those are the held-out figures printed at the end and reported by `npm run eval`.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inTrainingHalf, loadInjectionData } from '../bench/eval/injection.eval';
import { auroc } from '../bench/eval/binary-metrics';
import { ATTACK_ENTRIES } from '../shared/engine/analyzers/injection/attack-corpus';
import { BENIGN_TRIGGER_PROMPTS } from '../shared/engine/analyzers/injection/benign-corpus';
import { combineSignals, type Combiner } from '../shared/engine/analyzers/injection/combine';
import { FEATURE_BITS, FEATURE_DIM, type SparseVector } from '../shared/engine/analyzers/injection/features';
import { extractSignals } from '../shared/engine/analyzers/injection/signals';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const evaldata = process.env.ASSAY_EVALDATA ?? path.resolve(repoRoot, '..', 'shared', 'evaldata');
const outFile = path.join(repoRoot, 'shared', 'engine', 'analyzers', 'injection', 'model-weights.ts');

const EPOCHS = 12;
const LEARNING_RATE = 0.2;
const L2 = 2e-6;
const FOLDS = 5;

/** `stack`: usable for calibration (attack-corpus entries are not: each is its own nearest neighbour). */
interface Example { text: string; label: boolean; source: string; stack: boolean }
interface Featurized extends Example { vector: SparseVector; heuristic: number; similarity: number }

/** Small deterministic PRNG so a retrain gives byte-identical weights. */
function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const dot = (w: Float32Array, v: SparseVector): number => {
  let s = 0;
  for (let t = 0; t < v.idx.length; t++) s += w[v.idx[t]!]! * v.val[t]!;
  return s;
};

/** Class-balanced logistic regression with AdaGrad on sparse vectors. */
function trainLogistic(data: Featurized[], seed: number): { w: Float32Array; bias: number } {
  const w = new Float32Array(FEATURE_DIM);
  const g2 = new Float32Array(FEATURE_DIM).fill(1e-8);
  let bias = 0, gb2 = 1e-8;
  const pos = data.filter((d) => d.label).length;
  const weightOf = (label: boolean): number => (label ? data.length / (2 * pos) : data.length / (2 * (data.length - pos)));
  const order = data.map((_, i) => i);
  const rand = mulberry32(seed);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const k of order) {
      const d = data[k]!;
      const p = 1 / (1 + Math.exp(-(bias + dot(w, d.vector))));
      const g = (p - (d.label ? 1 : 0)) * weightOf(d.label);
      for (let t = 0; t < d.vector.idx.length; t++) {
        const i = d.vector.idx[t]!;
        const gi = g * d.vector.val[t]! + L2 * w[i]!;
        g2[i]! += gi * gi;
        w[i]! -= (LEARNING_RATE * gi) / Math.sqrt(g2[i]!);
      }
      gb2 += g * g;
      bias -= (LEARNING_RATE * g) / Math.sqrt(gb2);
    }
  }
  return { w, bias };
}

/** Share of benign training texts one signal alone may flag; the curve centres sit at this quantile. */
const SIGNAL_FPR = 0.02;
const LONG_FROM = 300;
// Steep enough that typical benign values contribute almost nothing: with three signals in a noisy-OR,
// two half-confident ones would otherwise add up to a flag.
const SIMILARITY_SLOPE = 25; // cosine units: 0.1 below the centre gives 0.08
const MODEL_SLOPE = 2; // logit units: 1 below the centre gives 0.12

function quantileAbove(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => b - a);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
}

/**
 * Centres each signal's curve where it alone flags SIGNAL_FPR of the benign rows (out-of-fold for the model),
 * taking the strictest centre over the benign sources: long role-play prompts (WildGuard), short Alpaca
 * queries and short trigger-word requests (benign corpus) sit at different levels, and each must stay low.
 */
function calibrate(rows: StackRow[]): Combiner {
  const centre = (subset: StackRow[], pick: (r: StackRow) => number): number => {
    const neg = subset.filter((r) => !r.y);
    const sources = [...new Set(neg.map((r) => r.source))].filter((src) => neg.filter((r) => r.source === src).length >= 50);
    return Math.max(...sources.map((src) => quantileAbove(neg.filter((r) => r.source === src).map(pick), SIGNAL_FPR)));
  };
  return {
    similarity: { center: centre(rows, (r) => r.s), slope: SIMILARITY_SLOPE },
    modelShort: { center: centre(rows.filter((r) => r.len < LONG_FROM), (r) => r.z), slope: MODEL_SLOPE },
    modelLong: { center: centre(rows.filter((r) => r.len >= LONG_FROM), (r) => r.z), slope: MODEL_SLOPE },
    longFrom: LONG_FROM,
  };
}

interface StackRow { h: number; s: number; z: number; y: boolean; source: string; len: number }

function featurize(examples: Example[]): Featurized[] {
  return examples.map((e) => {
    const sig = extractSignals(e.text, 'input');
    return { ...e, vector: sig.vector!, heuristic: sig.heuristic, similarity: sig.similarity.score };
  });
}

function quantize(w: Float32Array): { scale: number; base64: string; nonZero: number } {
  let max = 0;
  for (const x of w) max = Math.max(max, Math.abs(x));
  const scale = max / 127 || 1;
  const q = new Int8Array(w.length);
  for (let i = 0; i < w.length; i++) q[i] = Math.max(-127, Math.min(127, Math.round(w[i]! / scale)));
  return { scale, base64: Buffer.from(q.buffer).toString('base64'), nonZero: q.filter((x) => x !== 0).length };
}

function main(): void {
  const data = loadInjectionData(evaldata);
  if (data.jailbreakOld.length === 0 || data.wildguard.length === 0) {
    console.log(`skipped: training data missing under ${evaldata} (${data.skipped.join('; ')})`);
    return;
  }
  const examples: Example[] = [
    ...data.jailbreakOld.map((text) => ({ text, label: true, source: 'jailbreak-2023-05-07', stack: true })),
    ...ATTACK_ENTRIES.map((e) => ({ text: e.text, label: true, source: 'attack-corpus', stack: false })),
    ...data.wildguard.filter(inTrainingHalf).map((text) => ({ text, label: false, source: 'wildguard-half', stack: true })),
    ...data.alpaca.filter(inTrainingHalf).map((text) => ({ text, label: false, source: 'alpaca-half', stack: true })),
    ...BENIGN_TRIGGER_PROMPTS.map((text) => ({ text, label: false, source: 'benign-corpus', stack: true })),
  ];
  console.log(`training examples: ${examples.length} (${examples.filter((e) => e.label).length} positive)`);
  const feats = featurize(examples);

  // Out-of-fold model logits: the calibration and the in-distribution figure only ever see unseen predictions.
  const oof = new Float64Array(feats.length);
  for (let fold = 0; fold < FOLDS; fold++) {
    const train = feats.filter((_, i) => i % FOLDS !== fold);
    const m = trainLogistic(train, 17 + fold);
    feats.forEach((f, i) => { if (i % FOLDS === fold) oof[i] = m.bias + dot(m.w, f.vector); });
  }
  const stackRows: StackRow[] = feats
    .map((f, i) => ({ h: f.heuristic, s: f.similarity, z: oof[i]!, y: f.label, source: f.source, len: f.text.length, stack: f.stack }))
    .filter((r) => r.stack);
  const combiner = calibrate(stackRows);
  const oofScores = stackRows.map((r) => combineSignals(r.h, r.s, r.z, r.len, combiner));
  for (const t of [0.3, 0.4, 0.5, 0.6]) {
    const perSource = [...new Set(stackRows.map((r) => r.source))].map((src) => {
      const idx = stackRows.map((r, i) => (r.source === src ? i : -1)).filter((i) => i >= 0);
      const flagged = idx.filter((i) => oofScores[i]! >= t).length / idx.length;
      return `${src} ${(flagged * 100).toFixed(1)}%`;
    });
    console.log(`out-of-fold flagged at ${t}: ${perSource.join(', ')}`);
  }
  console.log(`in-distribution (${FOLDS}-fold out-of-fold) AUROC: model ${auroc(stackRows.map((r) => r.z), stackRows.map((r) => r.y))?.toFixed(3)}, ` +
    `heuristics ${auroc(stackRows.map((r) => r.h), stackRows.map((r) => r.y))?.toFixed(3)}, similarity ${auroc(stackRows.map((r) => r.s), stackRows.map((r) => r.y))?.toFixed(3)}, ` +
    `combined ${auroc(oofScores, stackRows.map((r) => r.y))?.toFixed(3)}`);
  console.log(`combiner: ${JSON.stringify(combiner)}`);

  const final = trainLogistic(feats, 7);
  const { scale, base64, nonZero } = quantize(final.w);
  writeFileSync(outFile, `// Generated by scripts/train-injection.ts; do not edit. Provenance and licences: README.md in this folder.
// Logistic regression over ${FEATURE_DIM} hashed features (features.ts), int8-quantized (weight = int8 * scale).
export const MODEL_WEIGHTS = {
  featureBits: ${FEATURE_BITS},
  trainedOn: ${JSON.stringify(`${examples.length} texts: JailbreakHub 2023-05-07 (${data.jailbreakOld.length}), attack corpus (${ATTACK_ENTRIES.length}), WildGuardTest benign half, HaluEval/Alpaca query half, benign corpus (${BENIGN_TRIGGER_PROMPTS.length})`)},
  bias: ${final.bias},
  scale: ${scale},
  combiner: ${JSON.stringify(combiner)},
  int8Base64:
    '${base64}',
} as const;
`);
  console.log(`wrote ${path.relative(repoRoot, outFile)} (${(base64.length / 1024).toFixed(0)} KB base64, ${nonZero} non-zero weights)`);

  // Held-out figures with the final model (none of these texts was trained on).
  const score = (text: string): number => {
    const sig = extractSignals(text, 'input');
    return combineSignals(sig.heuristic, sig.similarity.score, final.bias + dot(final.w, sig.vector!), text.length, combiner);
  };
  const benign = [...data.notInject, ...data.wildguard.filter((t) => !inTrainingHalf(t)), ...data.alpaca.filter((t) => !inTrainingHalf(t))];
  const benignScores = benign.map(score);
  const report = (name: string, positives: string[]): void => {
    const ps = positives.map(score);
    console.log(`held-out AUROC ${name} vs held-out benign: ${auroc([...ps, ...benignScores], [...ps.map(() => true), ...benignScores.map(() => false)])?.toFixed(3)} (n=${ps.length})`);
  };
  report('JailbreakHub new in 2023-12-25', data.jailbreak.filter((j) => !j.inOldRelease).map((j) => j.text));
  report('BIPIA (as input)', data.bipia);
  report('PINT injections', data.pint.filter((p) => p.label).map((p) => p.text));
  const sorted = [...benignScores].sort((a, b) => b - a);
  for (const fpr of [0.01, 0.02, 0.05]) console.log(`score at ${fpr * 100}% held-out benign FPR: ${sorted[Math.floor(fpr * sorted.length)]!.toFixed(3)}`);
}

main();
