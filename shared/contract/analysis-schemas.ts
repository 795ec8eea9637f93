import { z } from 'zod';

export const AnalyzerStamp = z.object({ id: z.string(), version: z.string(), params: z.unknown(), paramsHash: z.string() });
export type AnalyzerStamp = z.infer<typeof AnalyzerStamp>;

export const AnalysisRun = z.object({
  id: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  status: z.enum(['running', 'succeeded', 'failed', 'cancelled']),
  analyzers: z.array(AnalyzerStamp),
  kbIndex: z.unknown(),
  total: z.number().int(),
  scored: z.number().int(),
  message: z.string().nullable(),
});
export type AnalysisRun = z.infer<typeof AnalysisRun>;

export const AnalysisStartRequest = z.object({
  analyzers: z.array(z.string().min(1).max(64)).max(32).optional(),
  assetId: z.number().int().positive().optional(),
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

export const RecordFlag = z.enum(['hallucination', 'toxic', 'injection', 'pii', 'any', 'unscored']);
export type RecordFlag = z.infer<typeof RecordFlag>;
