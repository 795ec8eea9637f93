// Toxicity analyzer on the Davidson tweets held out from training (20%, hash split: davidson-data.ts), on
// the same tweets obfuscated (obfuscate.ts), and on benign chatbot text it never trained on (HaluEval
// general, odd IDs) where every flag is a false positive.
import type { EvalRow, EvalSuite } from './eval-types';
import { auroc, atThreshold } from './binary-metrics';
import { loadDavidson } from './davidson-data';
import { loadBenignChat } from './benign-chat-data';
import { obfuscate } from './obfuscate';
import { scoreToxicity } from '../../shared/engine/analyzers/toxicity/score';
import { thresholds } from '../../shared/engine/thresholds';

function binaryRow(analyzer: string, dataset: string, scores: number[], labels: boolean[], note: string): EvalRow {
  const threshold = thresholds.toxicity;
  const m = atThreshold(scores, labels, threshold);
  return { analyzer, dataset, n: scores.length, positives: labels.filter(Boolean).length, auroc: auroc(scores, labels), threshold, ...m, note };
}

const suite: EvalSuite = {
  name: 'toxicity',
  async run(evaldataDir) {
    const rows: EvalRow[] = [];
    const skipped: string[] = [];
    const davidson = loadDavidson(evaldataDir);
    if (!davidson) skipped.push('davidson-hate-offensive not found');
    else {
      const held = davidson.filter((r) => r.split === 'heldout');
      const started = performance.now();
      const scored = held.map((r) => scoreToxicity(r.text));
      const ms = (performance.now() - started) / held.length;
      const toxic = held.map((r) => r.label < 2);
      const scores = scored.map((s) => s.toxicity);
      rows.push(binaryRow('toxicity', 'davidson held-out 20%', scores, toxic, `hate+offensive vs neither; ${ms.toFixed(3)} ms/text`));
      const hateIdx = held.map((_, i) => i).filter((i) => held[i]!.label !== 1);
      rows.push(binaryRow('toxicity', 'davidson held-out 20%', hateIdx.map((i) => scores[i]!), hateIdx.map((i) => held[i]!.label === 0), 'hate vs neither (offensive left out)'));
      rows.push(binaryRow('toxicity (lexicon only)', 'davidson held-out 20%', scored.map((s) => s.lexicon), toxic, 'hate+offensive vs neither, no model'));
      const obf = held.map((r, i) => scoreToxicity(obfuscate(r.text, i + 1)).toxicity);
      rows.push(binaryRow('toxicity', 'davidson held-out obfuscated', obf, toxic, 'leet/homoglyph/zero-width/stretch/mask/spaced letters on both classes'));
    }
    const benign = loadBenignChat(evaldataDir);
    if (!benign) skipped.push('halueval general_data.json not found');
    else {
      const held = benign.filter((b) => b.split === 'heldout');
      const scores = [...held.map((b) => scoreToxicity(b.response).toxicity), ...held.map((b) => scoreToxicity(b.query).toxicity)];
      rows.push({ ...binaryRow('toxicity', 'halueval benign chat (odd IDs)', scores, scores.map(() => false), 'ChatGPT answers + user queries, all non-toxic: FPR = flag rate'), auroc: null });
    }
    return { rows, skipped };
  },
};

export default suite;
