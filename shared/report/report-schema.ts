// report/v1: the signed governance report. This zod schema is the source; report-v1.schema.json (JSON Schema
// draft 2020-12, what outside checkers use) is generated from it by scripts/gen-report-schema.ts and a unit test
// keeps the two equal. Field names are snake_case because the file is read by people and by other tools.
import { z } from 'zod';
import { SECTION_IDS } from './section-ids';

export const REPORT_SCHEMA_ID = 'report/v1';
export const FRAMEWORKS = ['EU AI Act', 'NIST AI RMF', 'NIST AI 600-1', 'ISO/IEC 42001'] as const;

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const Rate = z.number().min(0).max(1);

export const Control = z.object({ framework: z.enum(FRAMEWORKS), ref: z.string().min(1), title: z.string() }).strict();
export type Control = z.infer<typeof Control>;

export const SectionStatus = z.enum(['ok', 'no_data']);

/** A count out of a denominator, with its 95% Wilson interval. */
export const RateStat = z.object({ count: z.number().int().min(0), of: z.number().int().min(0), rate: Rate.nullable(), ci95: z.tuple([Rate, Rate]).nullable() }).strict();
export type RateStat = z.infer<typeof RateStat>;

export const FlagRates = z.object({ hallucination: RateStat, toxic: RateStat, injection: RateStat, pii: RateStat, any: RateStat }).strict();
export type FlagRates = z.infer<typeof FlagRates>;

export const GroupMetrics = z.object({
  value: z.string().nullable(),
  records: z.number().int(),
  scored: z.number().int(),
  flags: FlagRates,
  grounding_mean: z.number().nullable(),
  tokens_in: z.number().int(),
  tokens_out: z.number().int(),
  cost: z.number().nullable(),
  latency_ms_mean: z.number().nullable(),
}).strict();
export type GroupMetrics = z.infer<typeof GroupMetrics>;

export const Verdict = z.object({ id: z.string(), label: z.string(), status: z.enum(['pass', 'attention', 'fail', 'no_data']), detail: z.string() }).strict();
export type Verdict = z.infer<typeof Verdict>;

const sectionBase = { status: SectionStatus, note: z.string().nullable(), controls: z.array(Control) };

export const MetricsSection = z.object({ ...sectionBase, by_model: z.array(GroupMetrics), by_prompt_version: z.array(GroupMetrics) }).strict();
export const DriftColumn = z.object({ name: z.string(), test: z.string(), statistic: z.number().nullable(), p_value: z.number().nullable(), drifted: z.boolean() }).strict();
export const DriftSection = z.object({
  ...sectionBase,
  reference: z.object({ asset_id: z.number().int(), name: z.string(), version: z.number().int() }).strict().nullable(),
  current: z.object({ asset_id: z.number().int(), name: z.string(), version: z.number().int() }).strict().nullable(),
  columns: z.array(DriftColumn),
  share_drifted: Rate.nullable(),
  dataset_drifted: z.boolean().nullable(),
}).strict();
export const QualitySection = z.object({
  ...sectionBase,
  asset: z.object({ asset_id: z.number().int(), name: z.string(), version: z.number().int() }).strict().nullable(),
  task: z.string().nullable(),
  rows: z.number().int().nullable(),
  metrics: z.record(z.string(), z.number().nullable()),
}).strict();
/** Review and comparison results come from their own summary functions; their shape is theirs, kept as JSON. */
export const ExternalSection = z.object({ ...sectionBase, data: z.unknown().nullable() }).strict();

export const Evidence = z.object({
  kind: z.enum(['metric', 'records', 'drift', 'audit', 'quality', 'review', 'comparison']),
  section: z.string(),
  summary: z.string(),
  record_ids: z.array(z.number().int()),
}).strict();

export const Finding = z.object({
  id: z.string().min(1),
  severity: z.enum(['high', 'medium', 'low', 'info']),
  title: z.string().min(1),
  detail: z.string(),
  evidence: Evidence,
  controls: z.array(Control).min(1),
}).strict();
export type Finding = z.infer<typeof Finding>;

export const EvidenceRecord = z.object({
  record_id: z.number().int(),
  external_id: z.string().nullable(),
  model: z.string().nullable(),
  prompt_version: z.string().nullable(),
  flags: z.array(z.enum(['hallucination', 'toxic', 'injection', 'pii'])),
  scores: z.record(z.string(), z.number().nullable()),
  input: z.string(),
  output: z.string(),
  pii_masked: z.boolean(),
}).strict();
export type EvidenceRecord = z.infer<typeof EvidenceRecord>;

export const MethodInfo = z.object({
  analyzer_id: z.string(),
  version: z.string(),
  params_hash: Hex64,
  description: z.string(),
  accuracy: z.array(z.object({ dataset: z.string(), metric: z.string(), value: z.number() }).strict()),
  accuracy_note: z.string(),
}).strict();

export const AuditAnchor = z.object({
  length: z.number().int().min(0),
  head_hash: Hex64,
  merkle_root: Hex64,
  tree_hashing: z.literal('RFC 9162 SHA-256 (leaf 0x00 || entry hash, node 0x01 || left || right)'),
  chain_intact: z.boolean(),
  /** The newest earlier report from this workspace; `consistent` false means the log it anchored was rewritten since. */
  previous: z.object({
    report_id: z.string(), length: z.number().int().min(0), merkle_root: Hex64, consistency_proof: z.array(Hex64), consistent: z.boolean(),
  }).strict().nullable(),
}).strict();
export type AuditAnchor = z.infer<typeof AuditAnchor>;

/** Flag rates of a population profile: a profile keeps per-flag counts only, so there is no "any flag" rate. */
export const PopulationFlagRates = z.object({ hallucination: RateStat, toxic: RateStat, injection: RateStat, pii: RateStat }).strict();
export type PopulationFlagRates = z.infer<typeof PopulationFlagRates>;

/**
 * An imported population profile (exact counts from a cluster run over every record), kept apart from the figures
 * computed from the records in this workspace. Absent when no profile had been imported when the report was made.
 */
export const PopulationSection = z.object({
  label: z.string(),
  /** Which imported profile this is: the newest imported at or before the report's created_at. */
  basis: z.string(),
  profiles_imported: z.number().int().min(1),
  profile: z.object({
    import_id: z.number().int(),
    sha256: Hex64,
    imported_at: z.string(),
    records: z.number().int().min(0),
    error_lines: z.number().int().min(0),
    partitions: z.number().int().min(1),
    by: z.array(z.string()),
    thresholds_hash: z.string(),
    analyzers: z.array(z.object({ id: z.string(), version: z.string(), params_hash: z.string() }).strict()),
  }).strict(),
  flags: PopulationFlagRates,
  groups: z.array(z.object({ dimension: z.string(), value: z.string().nullable(), records: z.number().int().min(0), flags: PopulationFlagRates }).strict()),
}).strict();
export type PopulationSection = z.infer<typeof PopulationSection>;

export { SECTION_IDS } from './section-ids';
export const SectionId = z.enum(SECTION_IDS);
export type SectionId = z.infer<typeof SectionId>;

export const ReportScope = z.object({
  asset_ids: z.array(z.number().int()),
  models: z.array(z.string()).nullable(),
  prompt_versions: z.array(z.string()).nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  sections: z.array(SectionId),
  include_pii: z.boolean(),
}).strict();
export type ReportScope = z.infer<typeof ReportScope>;

export const ReportV1 = z.object({
  schema: z.literal(REPORT_SCHEMA_ID),
  report_id: z.string().min(1),
  generator: z.object({ name: z.literal('assay'), version: z.string() }).strict(),
  created_at: z.string(),
  workspace: z.object({ name: z.string() }).strict(),
  scope: ReportScope,
  pii: z.object({ masked: z.boolean(), note: z.string() }).strict(),
  inputs: z.object({
    assets: z.array(z.object({ id: z.number().int(), kind: z.string(), name: z.string(), version: z.number().int(), sha256: z.string(), rows: z.number().int() }).strict()),
    indexes: z.array(z.object({ id: z.number().int(), source: z.string(), asset_id: z.number().int().nullable(), asset_sha256: z.string().nullable(), provider: z.string(), items: z.number().int() }).strict()),
  }).strict(),
  analyzers: z.array(z.object({ id: z.string(), version: z.string(), params_hash: Hex64, run_ids: z.array(z.number().int()) }).strict()),
  summary: z.object({
    records: z.number().int().min(0),
    scored: z.number().int().min(0),
    flags: FlagRates,
    tokens_in: z.number().int(),
    tokens_out: z.number().int(),
    cost: z.number().nullable(),
    verdicts: z.array(Verdict),
    controls: z.array(Control),
  }).strict(),
  metrics: MetricsSection,
  drift: DriftSection,
  model_quality: QualitySection,
  review: ExternalSection,
  comparisons: ExternalSection,
  methods: z.array(MethodInfo),
  findings: z.array(Finding),
  evidence: z.object({ ...sectionBase, records: z.array(EvidenceRecord) }).strict(),
  population: PopulationSection.optional(),
  audit: AuditAnchor.extend({ controls: z.array(Control) }).strict(),
}).strict();
export type ReportV1 = z.infer<typeof ReportV1>;
