// Fast leave-one-source-out runs for toxicity experiments (about 20 minutes with --nested at load 13 on 2 cores,
// about 8 without): the training sources are featurized once per
// process (not once per fold), folds fit with fewer L-BFGS passes, and each test text's windows and lexicon
// score are computed once, so every combination of the fold's models is scored without re-tokenizing.
//   nice -n 10 npx tsx bench/eval/toxicity-loso.ts [--held toxigen,olid] [--iters 60] [--hidden 32] [--epochs 15] [--nested]
// (--nested adds stackers fitted on out-of-source scores of the training sources: 10 fits instead of 4.)
// Prints AUROC per left-out source for the linear model, the MLP, the lexicon and their combinations. Thresholds
// and any combination weights come from the training sources of each fold only.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadToxicitySources, TOXICITY_SOURCES, type ToxicityExample } from './toxicity-sources';
import { loadBenignChat } from './benign-chat-data';
import { auroc } from './binary-metrics';
import { normalizeText } from '../../shared/text/normalize';
import { matchLexicon } from '../../shared/engine/analyzers/toxicity/lexicon';
import { HASH_SIZE, WINDOW_WORDS, dotFeatures, modelTokens } from '../../shared/engine/analyzers/toxicity/features';
import { DENSE_DIM, denseFeatures } from '../../shared/engine/analyzers/toxicity/dense-features';
import { lexiconScore, scoreToxicity, type CategoryScores } from '../../shared/engine/analyzers/toxicity/score';
import { combineStacked, fitStacker, type StackRow } from '../../scripts/toxicity/stacker';
import { MLP_INPUTS, fitNetwork, mlpInputInto, mlpLogit } from '../../scripts/toxicity/network';
import { DEFAULT_TRAIN_OPTIONS, PRIOR_SHIFT, featurizeTraining, fitFeaturized, rowsOf, toScoringModel } from '../../scripts/toxicity/train-model';
import { DEFAULT_MLP_OPTIONS } from '../../scripts/toxicity/train-mlp';
import { chooseThreshold } from '../../scripts/toxicity/choose-threshold';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const evaldata = process.env.ASSAY_EVALDATA ?? path.resolve(repoRoot, '..', 'shared', 'evaldata');

function opt(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
}

/** A test text as the analyzer sees it: lexicon score and windows (side by side, then half-shifted). */
interface TestText {
  label: boolean;
  lexicon: number;
  /** Lexicon category scores (network inputs). */
  cats: CategoryScores;
  windows: (readonly string[])[];
  dense: Float32Array[];
  aligned: number;
}

function prepare(text: string, label: boolean): TestText {
  const norm = normalizeText(text);
  const words = modelTokens(norm);
  const windows: (readonly string[])[] = [];
  if (words.length <= WINDOW_WORDS) windows.push(words);
  else {
    for (let s = 0; s < words.length; s += WINDOW_WORDS) windows.push(words.slice(s, s + WINDOW_WORDS));
  }
  const aligned = windows.length;
  for (let i = 0; i + 1 < aligned; i++) windows.push(words.slice(i * WINDOW_WORDS + WINDOW_WORDS / 2, i * WINDOW_WORDS + WINDOW_WORDS / 2 + WINDOW_WORDS));
  const hits = matchLexicon(norm);
  return { label, lexicon: lexiconScore(hits), cats: scoreToxicity(text, false).categories, windows, dense: windows.map((w) => denseFeatures(w).slice()), aligned };
}

/** Window logits of one fold's models for every window of a text. */
interface FoldLogits {
  lin: Float64Array;
  mlp: Float64Array;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** The analyzer's window rule (model.ts): most toxic aligned window, straddles where a neighbour reaches 0.1. */
function maxWindow(t: TestText, p: (k: number) => number): number {
  if (t.windows[0]!.length === 0) return 0;
  const probs = Array.from({ length: t.aligned }, (_, k) => p(k));
  let best = Math.max(...probs);
  for (let i = 0; i + 1 < t.aligned; i++) if (Math.max(probs[i]!, probs[i + 1]!) >= 0.1) best = Math.max(best, p(t.aligned + i));
  return best;
}

function mlpInput(t: TestText, k: number): Float32Array {
  return mlpInputInto(t.dense[k]!, t.cats, new Float32Array(MLP_INPUTS));
}

const started = performance.now();
const secs = (): string => ((performance.now() - started) / 1000).toFixed(0);
const { examples, missing } = loadToxicitySources(evaldata);
const benign = loadBenignChat(evaldata);
if (missing.length > 0 || !benign) {
  console.log(`skipped: missing under ${evaldata}: ${[...missing, ...(benign ? [] : ['halueval'])].join(', ')}`);
  process.exit(0);
}
const benignTrain = benign.filter((b) => b.split === 'train').flatMap((b) => [b.query, b.response]);
const held = opt('held', TOXICITY_SOURCES.join(',')).split(',');
const iters = Number(opt('iters', '60'));
const mlpOpts = { ...DEFAULT_MLP_OPTIONS, hidden: Number(opt('hidden', String(DEFAULT_MLP_OPTIONS.hidden))), epochs: Number(opt('epochs', String(DEFAULT_MLP_OPTIONS.epochs))) };

const trainExamples = examples.filter((e) => e.split === 'train');
const set = featurizeTraining(trainExamples, benignTrain, DEFAULT_TRAIN_OPTIONS);
const tests = new Map<string, TestText[]>();
for (const s of TOXICITY_SOURCES) tests.set(s, examples.filter((e: ToxicityExample) => e.source === s && e.split === 'test').map((e) => prepare(e.text, e.toxic)));
const benignTexts = benignTrain.map((t) => prepare(t, false));
console.log(`featurized ${set.vectors.length} training rows and ${[...tests.values()].reduce((s, t) => s + t.length, 0) + benignTexts.length} scored texts in ${secs()} s`);

type Scorer = (t: TestText, l: FoldLogits) => number;
const noisyOr = (a: number, b: number): number => 1 - (1 - a) * (1 - b);
const maxLin = (t: TestText, l: FoldLogits): number => maxWindow(t, (k) => sigmoid(l.lin[k]!));
const maxMlp = (t: TestText, l: FoldLogits): number => maxWindow(t, (k) => sigmoid(l.mlp[k]!));
// The network's and the linear model's logits weigh alike (no mix was chosen on data).
const mix = { linear: 0.5, mlp: 0.5 };
/** Most toxic window of the mixed linear and network logits. */
const mixed = (t: TestText, l: FoldLogits): number => maxWindow(t, (k) => sigmoid(mix.linear * l.lin[k]! + mix.mlp * l.mlp[k]!));
const FIXED: Record<string, Scorer> = {
  lexicon: (t) => t.lexicon,
  linear: maxLin,
  mlp: maxMlp,
  'lex+linear (shipped)': (t, l) => noisyOr(t.lexicon, maxLin(t, l)),
  'lex+mlp': (t, l) => noisyOr(t.lexicon, maxMlp(t, l)),
  'lex+mixed': (t, l) => noisyOr(t.lexicon, mixed(t, l)),
};

/** A fold's two models, trained without the listed sources. */
interface FoldModels {
  logits: (t: TestText) => FoldLogits;
  secs: number;
}

const foldCache = new Map<string, FoldModels>();
function modelsWithout(excluded: readonly string[]): FoldModels {
  const key = [...excluded].sort().join('+');
  const cached = foldCache.get(key);
  if (cached) return cached;
  const t0 = performance.now();
  const rows = rowsOf(set, (s) => !excluded.includes(s));
  const linear = toScoringModel(fitFeaturized(set, rows, { ...DEFAULT_TRAIN_OPTIONS, maxIter: iters }));
  const net = fitNetwork(set, rows, mlpOpts);
  const mlp = { ...net, b2: net.b2 - PRIOR_SHIFT };
  const logits = (t: TestText): FoldLogits => {
    const lin = new Float64Array(t.windows.length);
    const m = new Float64Array(t.windows.length);
    t.windows.forEach((w, k) => {
      let z = linear.bias + dotFeatures(w, linear.weights);
      const d = t.dense[k]!;
      for (let j = 0; j < DENSE_DIM; j++) z += linear.weights[HASH_SIZE + j]! * d[j]!;
      lin[k] = z;
      m[k] = mlpLogit(mlp, mlpInput(t, k));
    });
    return { lin, mlp: m };
  };
  const models = { logits, secs: (performance.now() - t0) / 1000 };
  console.log(`  models without ${key}: ${models.secs.toFixed(0)} s`);
  foldCache.set(key, models);
  return models;
}

const table: string[] = [];
for (const h of held) {
  const others = TOXICITY_SOURCES.filter((s) => s !== h);
  const models = modelsWithout([h]);
  const variants: Record<string, Scorer> = { ...FIXED };
  if (process.argv.includes('--nested')) {
    // Stacker over [logit(mixed model), lexicon] fitted on scores of each training source by models trained
    // without it (nested leave-one-source-out).
    const rows: StackRow[] = [];
    for (const s of others) {
      const inner = modelsWithout([h, s]);
      for (const t of tests.get(s)!) rows.push({ source: s, model: mixed(t, inner.logits(t)), lexicon: t.lexicon, toxic: t.label });
    }
    const stacker = fitStacker(rows);
    console.log(`  stacker without ${h}: bias ${stacker.bias.toFixed(3)} model ${stacker.model.toFixed(3)} lexicon ${stacker.lexicon.toFixed(3)}`);
    variants['stack(mixed,lex)'] = (t, l) => combineStacked(t.lexicon, mixed(t, l), stacker);
  }
  const scored = new Map<string, { t: TestText; l: FoldLogits }[]>();
  for (const [s, texts] of tests) scored.set(s, texts.map((t) => ({ t, l: models.logits(t) })));
  const benignScored = benignTexts.map((t) => ({ t, l: models.logits(t) }));
  const cells: string[] = [];
  for (const [name, f] of Object.entries(variants)) {
    const otherParts = others.map((s) => ({ scores: scored.get(s)!.map((x) => f(x.t, x.l)), labels: scored.get(s)!.map((x) => x.t.label) }));
    const threshold = chooseThreshold(otherParts, benignScored.map((x) => f(x.t, x.l)));
    const test = scored.get(h)!;
    const scores = test.map((x) => f(x.t, x.l));
    const labels = test.map((x) => x.t.label);
    let tp = 0;
    scores.forEach((v, i) => {
      if (labels[i] && v >= threshold) tp++;
    });
    cells.push(`${h}\t${name}\tAUROC ${auroc(scores, labels)!.toFixed(3)}\trecall@${threshold} ${(tp / labels.filter(Boolean).length).toFixed(3)}`);
  }
  console.log(cells.join('\n'));
  console.log(`${h}: done at ${secs()} s`);
  table.push(...cells);
}
console.log(`\n${table.join('\n')}`);
