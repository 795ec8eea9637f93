import { z } from 'zod';
import { RECORD_FLAGS } from './enum-values';

export const AnalyzerStamp = z.object({ id: z.string(), version: z.string(), params: z.unknown(), paramsHash: z.string() });
export type AnalyzerStamp = z.infer<typeof AnalyzerStamp>;

/** A KB asset version as runs, findings and the Analysis card's picker name it. */
export const KbRef = z.object({ assetId: z.number().int(), name: z.string(), version: z.number().int() });
export type KbRef = z.infer<typeof KbRef>;

export const AnalysisRun = z.object({
  id: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  status: z.enum(['running', 'succeeded', 'failed', 'cancelled']),
  analyzers: z.array(AnalyzerStamp),
  kbIndex: z.unknown(),
  /** The KB the run retrieved evidence from for records with contexts; null for none. */
  kb: KbRef.nullable(),
  total: z.number().int(),
  scored: z.number().int(),
  message: z.string().nullable(),
});
export type AnalysisRun = z.infer<typeof AnalysisRun>;

export const AnalysisStartRequest = z.object({
  analyzers: z.array(z.string().min(1).max(64)).max(32).optional(),
  assetId: z.number().int().positive().optional(),
  /** The KB asset version used as evidence; null for none; absent: the one the previous run used. */
  kbAssetId: z.number().int().positive().nullable().optional(),
});

export const KbBinding = z.object({ assetId: z.number().int(), kb: KbRef, boundAt: z.string() });
export type KbBinding = z.infer<typeof KbBinding>;

/** What the Analysis card's KB picker offers and preselects. */
export const AnalysisKbOptions = z.object({
  kbs: z.array(KbRef),
  /** What a run started without a choice would use (the previous run's KB; the newest for a first run). */
  defaultKb: KbRef.nullable(),
  bindings: z.array(KbBinding),
});
export type AnalysisKbOptions = z.infer<typeof AnalysisKbOptions>;

export const KbBindRequest = z.object({
  /** A logs asset. */
  assetId: z.number().int().positive(),
  /** The KB its records are grounded against (with or without contexts); null removes the binding. */
  kbAssetId: z.number().int().positive().nullable(),
});

export const AnalyzerInfo = z.object({ id: z.string(), version: z.string(), description: z.string() });

export const StoredFinding = z.object({
  analyzerId: z.string(),
  analyzerVersion: z.string(),
  paramsHash: z.string(),
  runId: z.number().int(),
  scores: z.record(z.string(), z.number().nullable()),
  spans: z.array(z.unknown()),
  explanation: z.string(),
  details: z.record(z.string(), z.unknown()).nullable(),
  /** The KB this finding's evidence could come from (grounding); null when the record had none. */
  kb: KbRef.nullable().optional(),
});
export type StoredFinding = z.infer<typeof StoredFinding>;

/** The headline scores of one record from its latest analysis, as the records table shows them. */
export const RecordScores = z.object({
  grounding: z.number().nullable(),
  answerRelevance: z.number().nullable(),
  contextRelevance: z.number().nullable(),
  toxicity: z.number().nullable(),
  inputToxicity: z.number().nullable(),
  injection: z.number().nullable(),
  contextInjection: z.number().nullable(),
  pii: z.number().nullable(),
  flags: z.array(z.enum(['hallucination', 'toxic', 'injection', 'pii'])),
});
export type RecordScores = z.infer<typeof RecordScores>;

export const RecordFlag = z.enum(RECORD_FLAGS);
export type RecordFlag = z.infer<typeof RecordFlag>;

/** The KB behind grounding: the picker's options and per-asset bindings; spread into the API contract in api.ts. */
export const analysisKbApi = {
  'analysis.kbOptions': { input: z.object({}).strict().default({}), output: AnalysisKbOptions },
  'analysis.bindKb': { input: KbBindRequest.strict(), output: z.object({ binding: KbBinding.nullable(), findingsDropped: z.number().int() }) },
};
