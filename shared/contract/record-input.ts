import { z } from 'zod';

/**
 * One line of Assay's native JSONL log format (snake_case, as logs are usually written). Every field but
 * input/output is optional; `id` is the producer's own id and becomes the record's external id.
 */
export const RecordInput = z.object({
  id: z.union([z.string().min(1), z.number()]).optional(),
  timestamp: z.string().optional(),
  model: z.string().optional(),
  model_version: z.string().optional(),
  prompt_id: z.string().optional(),
  prompt_version: z.string().optional(),
  input: z.string(),
  output: z.string(),
  contexts: z.array(z.string()).default([]),
  tokens_in: z.number().int().nonnegative().optional(),
  tokens_out: z.number().int().nonnegative().optional(),
  latency_ms: z.number().nonnegative().optional(),
  cost: z.number().nonnegative().optional(),
  metadata: z.record(z.string(), z.unknown()).default({}),
});
export type RecordInput = z.input<typeof RecordInput>;
export type ParsedRecordInput = z.output<typeof RecordInput>;
