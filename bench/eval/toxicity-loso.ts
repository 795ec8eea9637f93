// Fast leave-one-source-out runs for toxicity experiments (about 20 minutes with --nested at load 13 on 2 cores,
// about 8 without): the training sources are featurized once per
// process (not once per fold), folds fit with fewer L-BFGS passes, and each test text's windows and lexicon
// score are computed once, so every combination of the fold's models is scored without re-tokenizing.
//   nice -n 10 npx tsx bench/eval/toxicity-loso.ts [--held toxigen,olid] [--iters 60] [--hidden 32] [--epochs 15] [--nested]
//     [--no-mlp] [--variants base,conceptsDirect+claims,all] [--shapes]
// (--nested adds stackers fitted on out-of-source scores of the training sources: 10 fits instead of 4.
// --variants fits the linear model once per variant per fold, each with some optional dense blocks (OPTIONAL_BLOCKS),
// so feature blocks are compared in one run; --no-mlp skips the network experiment; --shapes adds a
// combination of lexicon and model chosen per record shape (names a group or not) by nested folds.)
// Prints AUROC per left-out source for the linear model, the MLP, the lexicon and their combinations. Thresholds
// and any combination weights come from the training sources of each fold only.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadToxicitySources, TOXICITY_SOURCES, type ToxicityExample } from './toxicity-sources';
import { loadBenignChat } from './benign-chat-data';
import { auroc } from './binary-metrics';
import { normalizeText } from '../../shared/text/normalize';
import { matchLexicon } from '../../shared/engine/analyzers/toxicity/lexicon';
import { IDENTITY_WORDS } from '../../shared/engine/analyzers/toxicity/group-terms';
import { HASH_SIZE, WINDOW_WORDS, dotFeatures, modelTokens } from '../../shared/engine/analyzers/toxicity/features';
import { DENSE_DIM, denseFeatures } from '../../shared/engine/analyzers/toxicity/dense-features';
import { EXPERIMENT_BLOCKS, EXPERIMENT_FEATURES, type ExperimentBlock } from '../../scripts/toxicity/experiment-features';
import { lexiconScore, scoreToxicity, type CategoryScores } from '../../shared/engine/analyzers/toxicity/score';
import { combineStacked, fitStacker, type StackRow } from '../../scripts/toxicity/stacker';
import { MLP_INPUTS, fitNetwork, mlpInputInto, mlpLogit } from '../../scripts/toxicity/network';
import { DEFAULT_TRAIN_OPTIONS, PRIOR_SHIFT, featurizeTraining, fitFeaturized, rowsOf, toScoringModel, type FeaturizedSet } from '../../scripts/toxicity/train-model';
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
  /** The text names a group of people (group-terms.ts): its shape for --shapes. */
  group: boolean;
}

/** Shipped dense features of a window, followed by the experiment features when a variant uses them. */
function denseOf(words: readonly string[]): Float32Array {
  const d = new Float32Array(denseDim);
  denseFeatures(words, d);
  extraDense?.into(words, d, DENSE_DIM);
  return d;
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
  return { label, lexicon: lexiconScore(hits), cats: scoreToxicity(text, false).categories, windows, dense: windows.map((w) => denseOf(w)), aligned, group: words.some((w) => IDENTITY_WORDS.has(w)) };
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

const withMlp = !process.argv.includes('--no-mlp');
/** Experimental dense blocks a variant may add to the shipped features ('base'); 'all' adds every one, 'a+b' adds a and b. */
const OPTIONAL_BLOCKS = Object.keys(EXPERIMENT_BLOCKS) as ExperimentBlock[];
function dropsOf(variant: string): readonly ExperimentBlock[] {
  if (variant === 'all') return [];
  const added = variant === 'base' ? [] : variant.split('+');
  for (const b of added) if (!OPTIONAL_BLOCKS.includes(b as ExperimentBlock)) throw new Error(`--variants: unknown block ${b} (known: ${OPTIONAL_BLOCKS.join(', ')}, or base, all)`);
  return OPTIONAL_BLOCKS.filter((b) => !added.includes(b));
}
const variantNames = opt('variants', 'base').split(',');
const VARIANT_DROPS = Object.fromEntries(variantNames.map((v) => [v, dropsOf(v)]));
// The experiment features are computed only when a variant uses one of them.
const extraDense = variantNames.some((v) => dropsOf(v).length < OPTIONAL_BLOCKS.length) ? EXPERIMENT_FEATURES : undefined;
const denseDim = DENSE_DIM + (extraDense?.dim ?? 0);

const trainExamples = examples.filter((e) => e.split === 'train');
const set = featurizeTraining(trainExamples, benignTrain, { ...DEFAULT_TRAIN_OPTIONS, extraDense });
const dropped = (k: number, blocks: readonly ExperimentBlock[]): boolean => blocks.some((b) => k >= HASH_SIZE + DENSE_DIM + EXPERIMENT_BLOCKS[b][0] && k < HASH_SIZE + DENSE_DIM + EXPERIMENT_BLOCKS[b][1]);
/** The training set without some dense blocks (their weights then stay 0: the penalty has no gradient there). */
function withoutBlocks(set: FeaturizedSet, blocks: readonly ExperimentBlock[]): FeaturizedSet {
  if (blocks.length === 0) return set;
  const vectors = set.vectors.map((v) => {
    const keep = v.indices.map((k) => !dropped(k, blocks));
    return { indices: v.indices.filter((_, i) => keep[i]), values: v.values.filter((_, i) => keep[i]) };
  });
  return { ...set, vectors };
}
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
  'lex+linear (shipped)': (t, l) => noisyOr(t.lexicon, maxLin(t, l)),
  // The lexicon at half weight: leans on the model where the lexicon fires on talk about slurs or groups.
  'half-lex+linear': (t, l) => noisyOr(0.5 * t.lexicon, maxLin(t, l)),
  ...(withMlp
    ? {
        mlp: maxMlp,
        'lex+mlp': (t: TestText, l: FoldLogits) => noisyOr(t.lexicon, maxMlp(t, l)),
        'lex+mixed': (t: TestText, l: FoldLogits) => noisyOr(t.lexicon, mixed(t, l)),
      }
    : {}),
};

/** Combinations of the lexicon and the linear model that --shapes chooses from, per record shape. */
const SHAPE_COMBOS: Record<string, Scorer> = {
  or: (t, l) => noisyOr(t.lexicon, maxLin(t, l)),
  model: maxLin,
  lexicon: (t) => t.lexicon,
  'half-lexicon': (t, l) => noisyOr(0.5 * t.lexicon, maxLin(t, l)),
};
const byShape = (group: string, other: string): Scorer => (t, l) => (t.group ? SHAPE_COMBOS[group]! : SHAPE_COMBOS[other]!)(t, l);

/** A fold's two models, trained without the listed sources. */
interface FoldModels {
  logits: (t: TestText) => FoldLogits;
  secs: number;
}

const foldCache = new Map<string, FoldModels>();
function modelsWithout(excluded: readonly string[], variant = 'all'): FoldModels {
  const key = `${[...excluded].sort().join('+')}${variant === 'all' ? '' : ` (${variant})`}`;
  const cached = foldCache.get(key);
  if (cached) return cached;
  const t0 = performance.now();
  const rows = rowsOf(set, (s) => !excluded.includes(s));
  const linear = toScoringModel(fitFeaturized(withoutBlocks(set, VARIANT_DROPS[variant] ?? dropsOf(variant)), rows, { ...DEFAULT_TRAIN_OPTIONS, maxIter: iters }));
  const net = withMlp ? fitNetwork(set, rows, mlpOpts) : null;
  const mlp = net ? { ...net, b2: net.b2 - PRIOR_SHIFT } : null;
  const logits = (t: TestText): FoldLogits => {
    const lin = new Float64Array(t.windows.length);
    const m = new Float64Array(t.windows.length);
    t.windows.forEach((w, k) => {
      let z = linear.bias + dotFeatures(w, linear.weights);
      const d = t.dense[k]!;
      for (let j = 0; j < denseDim; j++) z += linear.weights[HASH_SIZE + j]! * d[j]!;
      lin[k] = z;
      m[k] = mlp ? mlpLogit(mlp, mlpInput(t, k)) : 0;
    });
    return { lin, mlp: m };
  };
  const models = { logits, secs: (performance.now() - t0) / 1000 };
  console.log(`  models without ${key}: ${models.secs.toFixed(0)} s`);
  foldCache.set(key, models);
  return models;
}

const table: string[] = [];
for (const [h, variant] of held.flatMap((h) => variantNames.map((v) => [h, v] as const))) {
  const others = TOXICITY_SOURCES.filter((s) => s !== h);
  const models = modelsWithout([h], variant);
  const variants: Record<string, Scorer> = { ...FIXED };
  if (process.argv.includes('--nested')) {
    // Stacker over [logit(mixed model), lexicon] fitted on scores of each training source by models trained
    // without it (nested leave-one-source-out).
    const rows: StackRow[] = [];
    for (const s of others) {
      const inner = modelsWithout([h, s], variant);
      for (const t of tests.get(s)!) rows.push({ source: s, model: mixed(t, inner.logits(t)), lexicon: t.lexicon, toxic: t.label });
    }
    const stacker = fitStacker(rows);
    console.log(`  stacker without ${h}: bias ${stacker.bias.toFixed(3)} model ${stacker.model.toFixed(3)} lexicon ${stacker.lexicon.toFixed(3)}`);
    variants['stack(mixed,lex)'] = (t, l) => combineStacked(t.lexicon, mixed(t, l), stacker);
  }
  if (process.argv.includes('--shapes')) {
    // One combination for texts naming a group and one for the rest, the pair with the best mean AUROC on the
    // training sources: with --nested each scored by models trained without it and without h (nested
    // leave-one-source-out); without, by the fold's own model (in-sample for those sources, never h).
    const inner = others.map((s) => {
      const m = process.argv.includes('--nested') ? modelsWithout([h, s], variant) : models;
      return tests.get(s)!.map((t) => ({ t, l: m.logits(t) }));
    });
    let best = { score: -Infinity, group: '', other: '' };
    for (const g of Object.keys(SHAPE_COMBOS)) {
      for (const o of Object.keys(SHAPE_COMBOS)) {
        const f = byShape(g, o);
        const mean = inner.reduce((sum, xs) => sum + auroc(xs.map((x) => f(x.t, x.l)), xs.map((x) => x.t.label))!, 0) / inner.length;
        if (mean > best.score) best = { score: mean, group: g, other: o };
      }
    }
    console.log(`  shapes without ${h}: group texts ${best.group}, others ${best.other} (inner mean AUROC ${best.score.toFixed(3)})`);
    variants[`shapes(${best.group}|${best.other})`] = byShape(best.group, best.other);
    for (const g of Object.keys(SHAPE_COMBOS)) if (g !== 'or') variants[`shapes(${g}|or)`] = byShape(g, 'or');
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
    cells.push(`${h}\t${variantNames.length > 1 ? `${variant} ` : ''}${name}\tAUROC ${auroc(scores, labels)!.toFixed(3)}\trecall@${threshold} ${(tp / labels.filter(Boolean).length).toFixed(3)}`);
  }
  console.log(cells.join('\n'));
  console.log(`${h}: done at ${secs()} s`);
  table.push(...cells);
}
console.log(`\n${table.join('\n')}`);
