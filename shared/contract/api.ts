import { z } from 'zod';
import {
  Asset, AuditPage, AuditQuery, ChainStatus, LogRecord,
  RecordFacets, RecordPage, RecordQuery, WorkspaceInfo,
} from './schemas';
import { importApi } from './import-api';
import { compareApi } from './compare-api';
import { recordsApi } from './records-schemas';
import { reviewApi } from './review-schemas';
import { reportApi } from './report-schemas';
import { profileApi } from './profile-schemas';
import { RecordStats, RecordStatsQuery } from './record-stats-schemas';
import { AnalysisRun, AnalysisStartRequest, AnalyzerInfo, StoredFinding, analysisKbApi } from './analysis-schemas';
import {
  IndexBuildRequest, IndexBuildResult, IndexCheck, IndexInfo, IndexSource, IndexUpdateResult, RetrievalEvalReport,
  RetrievalEvalRequest, SearchQuery, SearchResult,
} from './retrieval-schemas';
import {
  DatasetDriftReport, DriftDatasetsRequest, DriftOverTimeReport, DriftOverTimeRequest, EmbeddingDriftReport, EmbeddingDriftRequest,
  MetricsDatasetRequest, ModelQualityReport, SkewReport, SkewRequest,
} from './drift-schemas';

const None = z.object({}).strict().default({});

/**
 * The one API contract. The renderer (over IPC or HTTP), the CLI and tests all call these methods;
 * main/api implements each once and every request is parsed with `input` where it enters main/.
 */
export const api = {
  'workspace.info': { input: None, output: WorkspaceInfo },
  'assets.list': { input: None, output: z.array(Asset) },
  'records.list': { input: RecordQuery.strict(), output: RecordPage },
  'records.get': { input: z.object({ id: z.number().int().positive() }).strict(), output: LogRecord },
  'records.facets': { input: None, output: RecordFacets },
  'records.stats': { input: RecordStatsQuery, output: RecordStats },
  'audit.list': { input: AuditQuery.strict(), output: AuditPage },
  'audit.verify': { input: None, output: ChainStatus },
  'analysis.analyzers': { input: None, output: z.array(AnalyzerInfo) },
  'analysis.start': { input: AnalysisStartRequest.strict(), output: z.object({ jobId: z.string() }) },
  'analysis.runs': { input: None, output: z.array(AnalysisRun) },
  'records.findings': { input: z.object({ id: z.number().int().positive() }).strict(), output: z.array(StoredFinding) },
  ...analysisKbApi,
  ...importApi,
  ...compareApi,
  ...recordsApi,
  ...reviewApi,
  ...reportApi,
  ...profileApi,
  'indexes.list': { input: None, output: z.array(IndexInfo) },
  'indexes.build': { input: IndexBuildRequest.strict(), output: IndexBuildResult },
  'indexes.cancel': { input: z.object({ jobId: z.string().min(1) }).strict(), output: z.object({ cancelled: z.boolean() }) },
  'indexes.update': { input: z.object({ source: IndexSource, assetId: z.number().int().positive().optional() }).strict(), output: IndexUpdateResult },
  'indexes.verify': { input: None, output: z.array(IndexCheck) },
  'indexes.drop': { input: z.object({ indexId: z.number().int().positive() }).strict(), output: z.object({ dropped: z.boolean() }) },
  'search.query': { input: SearchQuery, output: SearchResult },
  'retrieval.evaluate': { input: RetrievalEvalRequest, output: RetrievalEvalReport },
  'drift.datasets': { input: DriftDatasetsRequest, output: DatasetDriftReport },
  'drift.overTime': { input: DriftOverTimeRequest, output: DriftOverTimeReport },
  'drift.embeddings': { input: EmbeddingDriftRequest, output: EmbeddingDriftReport },
  'drift.skew': { input: SkewRequest, output: SkewReport },
  'metrics.dataset': { input: MetricsDatasetRequest, output: ModelQualityReport },
} as const;

export type Api = typeof api;
export type Method = keyof Api;
export type MethodInput<M extends Method> = z.input<Api[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Api[M]['input']>;
export type MethodOutput<M extends Method> = z.output<Api[M]['output']>;
export type Handlers = { [M in Method]: (input: ParsedInput<M>) => Promise<MethodOutput<M>> };

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(api, name);
}
