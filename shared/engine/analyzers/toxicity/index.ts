/**
 * Toxicity analyzer: scores the output (`toxicity`, plus one score per category) and the input
 * (`input_toxicity`), fully offline. Spans mark the offending words and phrases of the output.
 */
import { z } from 'zod';
import type { Analyzer, AnalyzerOutput, Span } from '../../analyzer';
import { TOXICITY_CATEGORIES } from './lexicon-words';
import { scoreToxicity, type ToxicityScore } from './score';

export const ToxicityParams = z.object({
  /** Use the trained model as well as the lexicon; off = explicit words and phrases only. */
  useModel: z.boolean().default(true),
  /** Spans weaker than this are not reported (they still count in the score). */
  minSpanScore: z.number().min(0).max(1).default(0.3),
});
export type ToxicityParams = z.output<typeof ToxicityParams>;

function explain(result: ToxicityScore): string {
  const cats = TOXICITY_CATEGORIES.filter((c) => result.categories[c] >= 0.3)
    .sort((a, b) => result.categories[b] - result.categories[a])
    .map((c) => `${c} ${result.categories[c].toFixed(2)}`);
  const terms = [...new Set(result.spans.map((s) => s.term.toLowerCase()))].slice(0, 5).map((t) => `"${t}"`);
  const head = `toxicity ${result.toxicity.toFixed(2)} (lexicon ${result.lexicon.toFixed(2)}, model ${result.model === null ? 'off' : result.model.toFixed(2)})`;
  if (cats.length === 0 && terms.length === 0) return `${head}: no toxic words or phrases found`;
  return `${head}${cats.length ? `; ${cats.join(', ')}` : ''}${terms.length ? `; found ${terms.join(', ')}` : ''}`;
}

export const toxicityAnalyzer = {
  id: 'toxicity',
  version: '2.4.0',
  description: 'Toxicity of output and input: insults, profanity, threats, identity-directed and implicit hate, harassment, sexual content, self-harm, dangerous instructions (harm as content), each with a severity band (lexicon + logistic model over hashed n-grams, GloVe word vectors and group-talk features, trained on four sources, obfuscation-robust).',
  params: ToxicityParams,
  analyze(record, params): AnalyzerOutput {
    const output = scoreToxicity(record.output ?? '', params.useModel);
    const input = scoreToxicity(record.input ?? '', params.useModel);
    const spans: Span[] = output.spans
      .filter((s) => s.score >= params.minSpanScore)
      .map((s) => ({ field: 'output', start: s.start, end: s.end, label: s.label, score: s.score }));
    return {
      scores: { toxicity: output.toxicity, input_toxicity: input.toxicity, ...output.categories },
      spans,
      explanation: explain(output),
      details: {
        categories: output.categories,
        severity: output.severity,
        lexicon: output.lexicon,
        model: output.model,
        terms: output.spans.map((s) => ({ term: s.term, label: s.label, score: s.score, start: s.start, end: s.end })),
        input: { toxicity: input.toxicity, categories: input.categories, severity: input.severity, lexicon: input.lexicon, model: input.model },
      },
    };
  },
} satisfies Analyzer<typeof ToxicityParams>;
