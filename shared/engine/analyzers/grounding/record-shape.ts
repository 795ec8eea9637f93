import type { AnalyzerRecord } from '../../analyzer';
import { TextCache } from '../../../util/text-cache';

/**
 * What kind of task a record holds, read from its shape alone (no data-set name): a question answered from a
 * short source (a passage or a few facts), a question answered from long sources (retrieved documents), a turn
 * in a conversation (the last turn asks nothing), or a condensation that was asked for. Claim support is
 * distributed differently on each (an answer from a short passage either matches it or not; a summary
 * paraphrases a long text), so the flag cut-off is chosen per shape (shapeCuts in weights.ts,
 * scripts/train-grounding.ts). The answer's own length is left out on purpose: on some benchmarks it
 * separates right from made-up answers, and a cut-off keyed to it would learn that quirk.
 */
export const RECORD_SHAPES = ['question-short-source', 'question-long-source', 'conversation', 'summary'] as const;
export type RecordShape = (typeof RECORD_SHAPES)[number];

const ASKS_TO_SUMMARIZE = /\b(?:summar(?:y|ies|ise|ize|ising|izing)|tl;?dr|condense|recap|key (?:points|takeaways)|in (?:a )?(?:few|one|two|three) (?:sentences?|lines?|words))\b/i;
const QUESTION_START = /^\s*(?:who|whom|whose|what|which|when|where|why|how|is|are|was|were|do|does|did|can|could|should|would|will|has|have|had)\b/i;

// A passage a reader takes in at once; retrieved document sets run to several hundred words.
const SHORT_SOURCE_WORDS = 150;

const wordCount = (text: string): number => (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
// Contexts recur across records (retrieved chunks); their word counts are read once.
const contextWords = new TextCache<number>(4096, 2_000_000);

// The head counts only when the input does not end in a question: a pasted "Executive summary: ..." followed by
// "What was the revenue?" asks a question.
const asksToSummarize = (input: string, endsInQuestion: boolean): boolean =>
  ASKS_TO_SUMMARIZE.test(input.slice(-2000)) || (!endsInQuestion && input.length > 2000 && ASKS_TO_SUMMARIZE.test(input.slice(0, 500)));

/** The last line of the input: in a transcript it is the user's latest turn. */
function lastTurn(input: string): string {
  const lines = input.trim().split('\n').filter((l) => l.trim().length > 0);
  return lines[lines.length - 1] ?? '';
}

export function recordShape(record: Pick<AnalyzerRecord, 'input' | 'output' | 'contexts'>): RecordShape {
  const input = typeof record.input === 'string' ? record.input : '';
  const output = typeof record.output === 'string' ? record.output : '';
  const contexts = Array.isArray(record.contexts) ? record.contexts.filter((c): c is string => typeof c === 'string') : [];
  const outWords = wordCount(output);
  const sourceWords = contexts.reduce((n, c) => n + contextWords.get(c, wordCount), 0);
  const turn = lastTurn(input);
  const question = /\?\s*$/.test(turn) || QUESTION_START.test(turn);
  // A condensation is asked for ("summarize", "TL;DR", "key points") and made from a source longer than itself.
  // Length alone does not tell a summary from a long reply to a statement ("my plug keeps dropping off").
  // The request sits before or after the text it is about ("Summarize the following article: ..." with the article
  // pasted in, or the article and then "TL;DR"): read both ends, not the middle of a pasted document.
  if (asksToSummarize(input, question) && sourceWords > outWords) return 'summary';
  if (question) return sourceWords <= SHORT_SOURCE_WORDS ? 'question-short-source' : 'question-long-source';
  return 'conversation';
}
