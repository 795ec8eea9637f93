import { z } from 'zod';
import { costApi } from './cost-schemas';
import { AxisValue, CompareAxis, CompareRequest, ComparisonResult, GateRun, GatesRunRequest, KbValidationStoreRequest, PromptDiff } from './compare-schemas';

const None = z.object({}).strict().default({});

/** Version comparison, gates, prices and budgets; spread into the API contract in api.ts. */
export const compareApi = {
  /** Compares two versions along one axis (stored and audit-logged with `store: true`). */
  'compare.run': { input: CompareRequest, output: ComparisonResult },
  /** The values an axis takes in this workspace, with record counts. */
  'compare.values': { input: z.object({ by: CompareAxis }).strict(), output: z.array(AxisValue) },
  /** Template diffs of the prompt assets behind two prompt versions. */
  'compare.promptDiff': { input: z.object({ a: z.string().min(1), b: z.string().min(1) }).strict(), output: z.array(PromptDiff) },
  'compare.stored': {
    input: None,
    output: z.array(z.object({ id: z.number().int(), createdAt: z.string(), by: CompareAxis, a: z.string(), b: z.string(), resultSha256: z.string() })),
  },
  /** Runs a gate policy (YAML or JSON); the run is stored and audit-logged. A bad policy is a bad_request naming the line. */
  'gates.run': { input: GatesRunRequest, output: GateRun },
  'gates.latest': { input: None, output: GateRun.nullable() },
  /** Keeps the retrieval outcome of `assay kb validate` (audit-logged), which the retrieval_hit_at_5 gate reads. */
  'kb.storeValidation': { input: KbValidationStoreRequest, output: z.object({ id: z.number().int() }) },
  ...costApi,
} as const;
