// Builds report/v1 from a workspace: one builder per source of numbers, then verdicts and findings derived from
// what the sections hold. The same function rebuilds a report for `assay verify --against`.
import { ApiError } from '../../shared/contract/bridge';
import { deriveFindings, deriveVerdicts } from '../../shared/report/findings';
import { REPORT_SCHEMA_ID, ReportV1, SECTION_IDS, type ReportScope, type SectionId } from '../../shared/report/report-schema';
import { listAssets } from '../storage/assets-repo';
import type { AuditTreeHead } from '../storage/audit-merkle';
import type { Workspace } from '../storage/workspace';
import { buildAudit } from './sections/audit-section';
import { buildComparisons } from './sections/comparisons-section';
import type { SectionContext, SectionHandlers } from './sections/context';
import { buildDrift } from './sections/drift-section';
import { buildEvidence } from './sections/evidence-section';
import { buildAnalyzers, buildInputs } from './sections/inputs-section';
import { buildMetrics, buildSummary } from './sections/metrics-section';
import { buildPopulation } from './sections/population-section';
import { buildModelQuality } from './sections/quality-section';
import { buildReview } from './sections/review-section';

export const GENERATOR_VERSION = '0.1.0';

export interface ReportRequest {
  assetIds?: number[];
  models?: string[];
  promptVersions?: string[];
  from?: string;
  to?: string;
  sections?: SectionId[];
  includePii?: boolean;
}

/** Turns a request into the explicit scope the report records: default is every asset present now. */
export function resolveScope(ws: Workspace, req: ReportRequest): ReportScope {
  const assets = listAssets(ws.db);
  const known = new Set(assets.map((a) => a.id));
  for (const id of req.assetIds ?? []) if (!known.has(id)) throw new ApiError('bad_request', `scope: asset ${id} does not exist in ${ws.dir}`);
  const assetIds = (req.assetIds?.length ? [...new Set(req.assetIds)] : assets.map((a) => a.id)).sort((a, b) => a - b);
  const list = (xs: string[] | undefined) => (xs?.length ? [...new Set(xs)].sort() : null);
  return {
    asset_ids: assetIds, models: list(req.models), prompt_versions: list(req.promptVersions), from: req.from ?? null, to: req.to ?? null,
    sections: req.sections?.length ? SECTION_IDS.filter((s) => req.sections!.includes(s)) : [...SECTION_IDS], include_pii: req.includePii ?? false,
  };
}

function contextFor(ws: Workspace, handlers: SectionHandlers, scope: ReportScope): SectionContext {
  const kinds = new Map(listAssets(ws.db).map((a) => [a.id, a.kind]));
  const ofKind = (kind: string) => scope.asset_ids.filter((id) => kinds.get(id) === kind);
  return {
    ws, handlers, scope, datasetIds: ofKind('dataset'),
    records: { assetIds: ofKind('logs'), models: scope.models, promptVersions: scope.prompt_versions, from: scope.from, to: scope.to },
  };
}

export interface BuiltReport {
  report: ReportV1;
  auditHead: AuditTreeHead;
}

export async function buildReport(ws: Workspace, handlers: SectionHandlers, scope: ReportScope, meta: { reportId: string; createdAt: string }): Promise<BuiltReport> {
  const ctx = contextFor(ws, handlers, scope);
  const name = (ws.db.prepare('SELECT name FROM workspace WHERE id = 1').pluck().get() as string | undefined) ?? ws.dir;
  const summary = buildSummary(ctx);
  const [drift, modelQuality, review, comparisons] = await Promise.all([buildDrift(ctx), buildModelQuality(ctx), buildReview(ctx), buildComparisons(ctx)]);
  const { audit, head } = buildAudit(ctx);
  const { analyzers, methods } = buildAnalyzers(ctx);
  const population = buildPopulation(ctx, meta.createdAt);
  const body = {
    schema: REPORT_SCHEMA_ID as typeof REPORT_SCHEMA_ID,
    report_id: meta.reportId,
    generator: { name: 'assay' as const, version: GENERATOR_VERSION },
    created_at: meta.createdAt,
    workspace: { name },
    scope,
    pii: {
      masked: !scope.include_pii,
      note: scope.include_pii ? 'Sample evidence shows records as stored, personal data included (opted in).' : 'Personal data in sample evidence is masked.',
    },
    inputs: buildInputs(ctx),
    analyzers,
    summary: { ...summary, verdicts: deriveVerdicts(summary, { drift, chainIntact: head.chainIntact, review, comparisons }) },
    metrics: buildMetrics(ctx),
    drift,
    model_quality: modelQuality,
    review,
    comparisons,
    methods,
    evidence: buildEvidence(ctx),
    audit,
    // Left out, not null, when no profile is imported: reports made before profiles existed stay byte-identical.
    ...(population ? { population } : {}),
  };
  const report = ReportV1.parse({ ...body, findings: deriveFindings(body) });
  return { report, auditHead: head };
}
