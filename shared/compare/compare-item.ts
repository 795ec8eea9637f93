/** One record as a comparison sees it: what pairs it, and the values its metrics read. */
export interface CompareItem {
  recordId: number;
  input: string;
  /** metadata.pair_key or metadata.item_id when the logs carry one. */
  pairKey: string | null;
  itemId: string | null;
  /** Flags of the latest analysis; null when the record has not been analyzed. */
  flags: { hallucination: boolean; toxic: boolean; injection: boolean; pii: boolean } | null;
  grounding: number | null;
  answerRelevance: number | null;
  contextRelevance: number | null;
  /** Majority human verdict (unsure ignored); null without verdicts. */
  reviewPass: boolean | null;
  tokensIn: number | null;
  tokensOut: number | null;
  latencyMs: number | null;
  cost: number | null;
  /** True when tokens or cost were estimated rather than logged or counted exactly. */
  estimated: boolean;
}
