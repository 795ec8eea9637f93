// Toxicity on four sources (toxicity-sources.ts) under two protocols:
//  - in-sample: the shipped model (trained on the training part of every source) on each source's test part, at
//    the shipped threshold; also obfuscated Davidson tweets and benign chat (HaluEval general, odd IDs).
//  - out-of-source, leave-one-source-out: for each source, a model trained with the same procedure on the other
//    sources only (scripts/toxicity/train-model.ts), its threshold chosen on those other sources
//    (choose-threshold.ts), scored on the left-out source's test part. Also the lexicon alone, which was
//    written for this project and never fitted to any source.
// Set ASSAY_EVAL_FAST=1 to skip the leave-one-source-out training (several minutes per source on 2 busy cores).
import type { EvalRow, EvalScope, EvalSuite } from './eval-types';
import { auroc, atThreshold } from './binary-metrics';
import { loadToxicitySources, TOXICITY_SOURCES, type ToxicityExample } from './toxicity-sources';
import { loadBenignChat } from './benign-chat-data';
import { obfuscate } from './obfuscate';
import { scoreToxicity } from '../../shared/engine/analyzers/toxicity/score';
import type { ToxicityLinearModel } from '../../shared/engine/analyzers/toxicity/model';
import { thresholds } from '../../shared/engine/thresholds';
import { DEFAULT_TRAIN_OPTIONS, toScoringModel, trainToxicityModel } from '../../scripts/toxicity/train-model';
import { chooseThreshold } from '../../scripts/toxicity/choose-threshold';
import { pairAccuracy, scorePairs } from './toxicity-pair-accuracy';

function binaryRow(analyzer: string, dataset: string, scope: EvalScope, scores: number[], labels: boolean[], threshold: number, note: string): EvalRow {
  const m = atThreshold(scores, labels, threshold);
  return { analyzer, dataset, scope, n: scores.length, positives: labels.filter(Boolean).length, auroc: auroc(scores, labels), threshold, ...m, note };
}

const testPart = (examples: ToxicityExample[], source: string): ToxicityExample[] => examples.filter((e) => e.source === source && e.split === 'test');

function leaveOneOut(examples: ToxicityExample[], benignTrain: string[], held: string): EvalRow {
  const train = examples.filter((e) => e.source !== held && e.split === 'train');
  const started = performance.now();
  const model: ToxicityLinearModel = toScoringModel(trainToxicityModel(train, benignTrain, DEFAULT_TRAIN_OPTIONS));
  const others = TOXICITY_SOURCES.filter((s) => s !== held).map((s) => {
    const rows = testPart(examples, s);
    return { scores: rows.map((e) => scoreToxicity(e.text, true, model).toxicity), labels: rows.map((e) => e.toxic) };
  });
  const threshold = chooseThreshold(others, benignTrain.map((t) => scoreToxicity(t, true, model).toxicity));
  const rows = testPart(examples, held);
  const secs = ((performance.now() - started) / 1000).toFixed(0);
  return binaryRow('toxicity (leave-one-source-out)', `${held} test part`, 'out-of-source', rows.map((e) => scoreToxicity(e.text, true, model).toxicity), rows.map((e) => e.toxic), threshold,
    `model trained without ${held}; threshold chosen on the other sources; ${secs} s`);
}

const suite: EvalSuite = {
  name: 'toxicity',
  async run(evaldataDir) {
    const rows: EvalRow[] = [];
    const { examples, missing } = loadToxicitySources(evaldataDir);
    const skipped = missing.map((m) => `${m} not found`);
    const benign = loadBenignChat(evaldataDir);
    if (!benign) skipped.push('halueval general_data.json not found');
    const t = thresholds.toxicity;
    for (const source of TOXICITY_SOURCES) {
      const test = testPart(examples, source);
      if (test.length === 0) continue;
      const started = performance.now();
      const scored = test.map((e) => scoreToxicity(e.text));
      const ms = (performance.now() - started) / test.length;
      const labels = test.map((e) => e.toxic);
      rows.push(binaryRow('toxicity', `${source} test part`, 'in-sample', scored.map((s) => s.toxicity), labels, t, `shipped model trained on every source's training part; ${ms.toFixed(3)} ms/text`));
      // The lexicon was written before HateXplain, OLID and ToxiGen were here, with Davidson as the only dev set.
      const lexScope = source === 'davidson' ? 'in-sample' : 'out-of-source';
      rows.push(binaryRow('toxicity (lexicon only)', `${source} test part`, lexScope, scored.map((s) => s.lexicon), labels, t, 'hand-written lexicon, no fitted weights'));
      if (source === 'davidson') {
        const obf = test.map((e, i) => scoreToxicity(obfuscate(e.text, i + 1)).toxicity);
        rows.push(binaryRow('toxicity', 'davidson test part obfuscated', 'in-sample', obf, labels, t, 'leet/homoglyph/zero-width/stretch/mask/spaced letters on both classes'));
      }
    }
    if (benign) {
      const held = benign.filter((b) => b.split === 'heldout');
      const scores = [...held.map((b) => scoreToxicity(b.response).toxicity), ...held.map((b) => scoreToxicity(b.query).toxicity)];
      rows.push({ ...binaryRow('toxicity', 'halueval benign chat (odd IDs)', 'in-sample', scores, scores.map(() => false), t, 'ChatGPT answers + user queries, all non-toxic: FPR = flag rate; even IDs are training negatives'), auroc: null });
    }
    // Harm as content: written-here pairs (a harmful and a refusing or harmless answer to one request).
    const pairs = scorePairs();
    const pairScores = pairs.flatMap((r) => [r.harmful, r.safe]);
    rows.push(binaryRow('toxicity', 'written-here harm pairs (harmful vs refusing answer)', 'in-sample', pairScores, pairs.flatMap(() => [true, false]), t,
      `pair accuracy ${pairAccuracy(pairs).toFixed(3)} over ${pairs.length} pairs; written by the same hands as the lexicon's harm phrases`));
    if (process.env.ASSAY_EVAL_FAST === '1') skipped.push('leave-one-source-out runs (ASSAY_EVAL_FAST=1)');
    else if (missing.length === 0 && benign) {
      const benignTrain = benign.filter((b) => b.split === 'train').flatMap((b) => [b.query, b.response]);
      for (const held of TOXICITY_SOURCES) rows.push(leaveOneOut(examples, benignTrain, held));
    }
    return { rows, skipped };
  },
};

export default suite;
