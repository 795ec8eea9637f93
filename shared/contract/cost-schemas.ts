// Cost governance: the price table, usage and cost per model / prompt version / day, token efficiency, budgets
// and their alerts.
import { z } from 'zod';
import { PriceEntry } from '../cost/price-table';

export const Budget = z.object({
  id: z.number().int(),
  scope: z.enum(['model', 'prompt_version']),
  value: z.string().min(1).max(200),
  period: z.enum(['day', 'month', 'total']),
  limitUsd: z.number().positive(),
  createdAt: z.string(),
});
export type Budget = z.infer<typeof Budget>;

export const BudgetAlert = z.object({
  budgetId: z.number().int(),
  scope: Budget.shape.scope,
  value: z.string(),
  period: Budget.shape.period,
  /** The day (YYYY-MM-DD), month (YYYY-MM) or 'total' that went over. */
  when: z.string(),
  spentUsd: z.number(),
  limitUsd: z.number(),
  estimate: z.boolean(),
});
export type BudgetAlert = z.infer<typeof BudgetAlert>;

const Usage = z.object({
  records: z.number().int(),
  tokensIn: z.number(),
  tokensOut: z.number(),
  costUsd: z.number(),
  costPerRecord: z.number().nullable(),
  /** Records with neither a logged cost nor a price for their model (left out of cost). */
  unpriced: z.number().int(),
  /** Some costs were computed from a price table rather than logged. */
  computed: z.boolean(),
});

export const CostSummary = z.object({
  total: Usage,
  byModel: z.array(Usage.extend({ value: z.string().nullable() })),
  byPromptVersion: z.array(Usage.extend({ value: z.string().nullable() })),
  byDay: z.array(z.object({ day: z.string().nullable(), costUsd: z.number(), records: z.number().int() })),
  efficiency: z.object({
    /** Shares of tokens: output, and the input split into prompt and retrieved context by character share (an estimate). */
    outputShare: z.number().nullable(),
    promptShare: z.number().nullable(),
    contextShare: z.number().nullable(),
    outputPerInput: z.number().nullable(),
    /** Records above Q3 + 3 IQR of total tokens. */
    outliers: z.object({ limit: z.number().nullable(), count: z.number().int(), top: z.array(z.object({ id: z.number().int(), model: z.string().nullable(), promptVersion: z.string().nullable(), tokens: z.number() })) }),
  }),
  budgets: z.array(Budget),
  alerts: z.array(BudgetAlert),
  priceTable: z.object({ edited: z.boolean(), entries: z.number().int() }),
});
export type CostSummary = z.infer<typeof CostSummary>;

const None = z.object({}).strict().default({});
const StoredPrice = PriceEntry.extend({ id: z.number().int() });

export const costApi = {
  'cost.summary': { input: None, output: CostSummary },
  /** The price table in force: the workspace's edited one, or the table pinned in the repo. */
  'prices.list': { input: None, output: z.object({ edited: z.boolean(), entries: z.array(PriceEntry) }) },
  /** Adds a price (or replaces `replaces`, which is retired); the first edit copies the pinned table in. Audit-logged. */
  'prices.set': { input: z.object({ entry: PriceEntry.omit({ id: true }), replaces: z.number().int().positive().optional() }).strict(), output: StoredPrice },
  'prices.retire': { input: z.object({ id: z.number().int().positive() }).strict(), output: z.object({ retired: z.boolean() }) },
  'budgets.set': { input: Budget.omit({ id: true, createdAt: true }).strict(), output: Budget },
  'budgets.delete': { input: z.object({ id: z.number().int().positive() }).strict(), output: z.object({ deleted: z.boolean() }) },
} as const;
