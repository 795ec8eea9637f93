// Aggregates over LLM log records for the Overview tiles and breakdowns (and version comparisons): counts, flags
// of the latest analysis, tokens, cost and latency, overall and per model and per prompt version.
import { z } from 'zod';

export const RecordStatsQuery = z.object({
  assetId: z.number().int().positive().optional(),
  model: z.string().max(200).optional(),
  promptVersion: z.string().max(200).optional(),
}).strict();

const nullableNumber = z.number().nullable();

export const RecordGroupStats = z.object({
  count: z.number().int(),
  /** Records the latest analysis has not scored yet. */
  unscored: z.number().int(),
  flags: z.object({
    hallucination: z.number().int(), toxic: z.number().int(), injection: z.number().int(), pii: z.number().int(), any: z.number().int(),
  }),
  tokensIn: z.number(),
  tokensOut: z.number(),
  /** Sum over records that have a cost; null when none has. */
  cost: nullableNumber,
  latencyMsMean: nullableNumber,
  groundingMean: nullableNumber,
});
export type RecordGroupStats = z.infer<typeof RecordGroupStats>;

const Group = RecordGroupStats.extend({ value: z.string().nullable() });

export const RecordStats = RecordGroupStats.extend({
  byModel: z.array(Group),
  byPromptVersion: z.array(Group),
});
export type RecordStats = z.infer<typeof RecordStats>;
