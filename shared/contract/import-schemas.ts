import { z } from 'zod';

/** Import contract: the spec both the UI wizard and `assay import` build, its preview, the result and quarantine. */

export const ImportKind = z.enum(['logs', 'dataset', 'kb']);
export type ImportKind = z.infer<typeof ImportKind>;

export const ImportFormat = z.enum(['auto', 'jsonl', 'json', 'csv', 'openai', 'otel', 'openinference', 'langfuse', 'parquet', 'docs']);
export type ImportFormat = z.infer<typeof ImportFormat>;

/** Fields of a log record that a mapping can fill (snake_case, as in Assay's native JSONL). */
export const RecordField = z.enum([
  'id', 'timestamp', 'model', 'model_version', 'prompt_id', 'prompt_version', 'prompt_template',
  'input', 'output', 'contexts', 'tokens_in', 'tokens_out', 'latency_ms', 'cost', 'metadata',
]);
export type RecordField = z.infer<typeof RecordField>;

/**
 * Where each record field comes from in a JSON object or CSV row: a column name or a dot path
 * ("usage.prompt_tokens", "messages.-1.content"; negative indexes count from the end).
 */
export const FieldMapping = z.object({
  fields: z.partialRecord(RecordField, z.string().min(1).max(500)).default({}),
  /** Fields not mapped: kept in metadata ('rest'), dropped ('none'), or only the listed ones kept. */
  metadata: z.union([z.literal('rest'), z.literal('none'), z.array(z.string().min(1))]).default('rest'),
  /** For CSV cells holding several contexts that are not a JSON array, e.g. "||". */
  contextsSeparator: z.string().min(1).max(20).optional(),
}).strict();
export type FieldMapping = z.infer<typeof FieldMapping>;

export const ColumnType = z.enum(['number', 'integer', 'boolean', 'datetime', 'categorical', 'text']);
export type ColumnType = z.infer<typeof ColumnType>;

export const ColumnRole = z.enum(['feature', 'prediction', 'score', 'target', 'timestamp', 'segment', 'id', 'ignore']);
export type ColumnRole = z.infer<typeof ColumnRole>;

export const DatasetColumn = z.object({ name: z.string().min(1), type: ColumnType, role: ColumnRole }).strict();
export type DatasetColumn = z.infer<typeof DatasetColumn>;

/** An edit to the inferred schema: only the columns named change. */
export const DatasetColumnEdit = z.object({ name: z.string().min(1), type: ColumnType.optional(), role: ColumnRole.optional() }).strict();
export type DatasetColumnEdit = z.infer<typeof DatasetColumnEdit>;

export const Chunking = z.object({
  size: z.number().int().min(100).max(50_000).default(1200),
  overlap: z.number().int().min(0).max(10_000).default(150),
}).strict().refine((c) => c.overlap < c.size, { message: 'overlap must be smaller than size' });
export type Chunking = z.infer<typeof Chunking>;

export const CsvOptions = z.object({
  delimiter: z.string().length(1).optional(),
  header: z.boolean().optional(),
}).strict();
export type CsvOptions = z.infer<typeof CsvOptions>;

/** Everything that decides how sources become stored rows; saved with the asset so an import can be repeated. */
export const ImportSpec = z.object({
  kind: ImportKind.optional(),
  format: ImportFormat.default('auto'),
  mapping: FieldMapping.optional(),
  csv: CsvOptions.optional(),
  columns: z.array(DatasetColumnEdit).optional(),
  chunking: Chunking.optional(),
}).strict();
export type ImportSpec = z.input<typeof ImportSpec>;
export type ParsedImportSpec = z.output<typeof ImportSpec>;

/** The spec as the import actually ran: every choice made explicit. */
export const ResolvedSpec = z.object({
  kind: ImportKind,
  format: ImportFormat,
  container: z.enum(['jsonl', 'json', 'csv', 'docs', 'parquet']),
  mapping: FieldMapping.nullable(),
  csv: z.object({ delimiter: z.string(), header: z.boolean() }).nullable(),
  columns: z.array(DatasetColumn).nullable(),
  chunking: z.object({ size: z.number().int(), overlap: z.number().int() }).nullable(),
});
export type ResolvedSpec = z.infer<typeof ResolvedSpec>;

const Paths = z.array(z.string().min(1).max(4096)).min(1).max(10_000);

/**
 * Sources are file handles (from an upload or the desktop app's file dialog), paths relative to the workspace
 * folder (browser mode), or plain paths (the CLI only, which runs as the user).
 */
export const ImportRequest = z.object({
  /** One or more files or folders (folders for knowledge bases, or every log file inside). */
  paths: Paths.optional(),
  /** Single-file form kept for callers of the first API version. */
  path: z.string().min(1).max(4096).optional(),
  name: z.string().min(1).max(200).optional(),
  spec: ImportSpec.optional(),
  /** Reuse the spec saved with this asset (the mapping, schema and chunking of an earlier import). */
  repeatOf: z.number().int().positive().optional(),
}).strict().refine((r) => (r.paths?.length ?? 0) > 0 || r.path !== undefined, { message: 'give paths (one or more files or folders)', path: ['paths'] });
export type ImportRequest = z.input<typeof ImportRequest>;

export const PreviewRequest = z.object({
  paths: Paths,
  spec: ImportSpec.optional(),
  repeatOf: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(200).default(20),
}).strict();
export type PreviewRequest = z.input<typeof PreviewRequest>;

export const QuarantineEntry = z.object({
  file: z.string(),
  line: z.number().int().nullable(),
  byteOffset: z.number().int().nullable().default(null),
  field: z.string().nullable(),
  reason: z.string(),
});
export type QuarantineEntry = z.infer<typeof QuarantineEntry>;

export const SourceFile = z.object({ path: z.string(), bytes: z.number().int(), sha256: z.string() });
export type SourceFile = z.infer<typeof SourceFile>;

export const PromptSeen = z.object({
  assetId: z.number().int(),
  promptId: z.string(),
  promptVersion: z.string().nullable(),
  created: z.boolean(),
});
export type PromptSeen = z.infer<typeof PromptSeen>;

/** A prompt asset created by an import: one version label of a prompt id (and its template, when logged). */
export const PromptAssetVersion = z.object({
  assetId: z.number().int(),
  /** The asset's own version number (1, 2, 3 in import order), not the label the logs use. */
  assetVersion: z.number().int(),
  promptVersion: z.string().nullable(),
  hasTemplate: z.boolean(),
});
export type PromptAssetVersion = z.infer<typeof PromptAssetVersion>;

/** Which prompt asset holds a record's prompt version; null when the logs named a version no import stored. */
export const PromptMatch = z.object({
  promptId: z.string(),
  promptVersion: z.string().nullable(),
  match: PromptAssetVersion.nullable(),
  /** Every prompt asset of this prompt id, oldest first. */
  versions: z.array(PromptAssetVersion),
});
export type PromptMatch = z.infer<typeof PromptMatch>;

export const KbChanges = z.object({
  previousAssetId: z.number().int().nullable(),
  added: z.number().int(),
  removed: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
});
export type KbChanges = z.infer<typeof KbChanges>;

/**
 * What every import reports. `inputCount` counts input units (log rows, spans or observations, dataset rows,
 * KB documents) and always equals imported + quarantined + duplicates; `stored` counts the rows written
 * (records, dataset rows, KB chunks), which differs for traces (spans merge into records) and KBs (chunks).
 */
export const ImportSummary = z.object({
  importId: z.number().int().nullable(),
  assetId: z.number().int().nullable(),
  kind: ImportKind,
  format: ImportFormat,
  name: z.string(),
  version: z.number().int().nullable(),
  sha256: z.string(),
  contentSha256: z.string(),
  inputCount: z.number().int(),
  imported: z.number().int(),
  quarantined: z.number().int(),
  duplicates: z.number().int(),
  stored: z.number().int(),
  duplicateOfAssetId: z.number().int().nullable(),
  sources: z.array(SourceFile),
  prompts: z.array(PromptSeen),
  kbChanges: KbChanges.nullable(),
  warnings: z.array(z.string()),
  /** The first quarantined rows; all of them are stored and exported with import.quarantine. */
  quarantine: z.array(QuarantineEntry),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

export const PreviewColumn = z.object({ name: z.string(), type: ColumnType, role: ColumnRole, sample: z.array(z.string()) });

export const ImportPreview = z.object({
  spec: ResolvedSpec,
  reason: z.string(),
  compressed: z.boolean(),
  fieldsSeen: z.array(z.string()),
  columns: z.array(PreviewColumn).nullable(),
  /** The first rows exactly as they would be stored (records, dataset rows or KB chunks). */
  rows: z.array(z.record(z.string(), z.unknown())),
  quarantine: z.array(QuarantineEntry),
  warnings: z.array(z.string()),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportRun = z.object({
  importId: z.number().int(),
  assetId: z.number().int().nullable(),
  kind: ImportKind,
  format: z.string(),
  name: z.string(),
  version: z.number().int().nullable(),
  sha256: z.string(),
  contentSha256: z.string(),
  inputCount: z.number().int(),
  imported: z.number().int(),
  quarantined: z.number().int(),
  duplicates: z.number().int(),
  stored: z.number().int(),
  sources: z.array(SourceFile),
  spec: ResolvedSpec,
  finishedAt: z.string(),
  actor: z.string(),
});
export type ImportRun = z.infer<typeof ImportRun>;

export const QuarantineQuery = z.object({
  importId: z.number().int().positive().optional(),
  assetId: z.number().int().positive().optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
}).strict().refine((q) => q.importId !== undefined || q.assetId !== undefined, { message: 'give importId or assetId', path: ['importId'] });

export const QuarantineRow = QuarantineEntry.extend({ id: z.number().int(), importId: z.number().int(), raw: z.string().nullable() });
export type QuarantineRow = z.infer<typeof QuarantineRow>;

export const QuarantinePage = z.object({ total: z.number().int(), rows: z.array(QuarantineRow) });
export type QuarantinePage = z.infer<typeof QuarantinePage>;

export const QuarantineExportRequest = z.object({
  importId: z.number().int().positive().optional(),
  assetId: z.number().int().positive().optional(),
  /** CLI: a plain path; desktop app: a handle from import.pickExportTarget; browser mode: absent (the rows come back as `jsonl`). */
  path: z.string().min(1).max(4096).optional(),
}).strict().refine((q) => q.importId !== undefined || q.assetId !== undefined, { message: 'give importId or assetId', path: ['importId'] });

export const UploadChunk = z.object({
  uploadId: z.string().regex(/^[a-z0-9-]{8,64}$/).optional(),
  fileName: z.string().min(1).max(255),
  offset: z.number().int().min(0),
  /** Base64; the browser server takes bodies up to 1 MB, so send at most 512 KiB of bytes per call. */
  data: z.string().max(720_000),
  done: z.boolean().default(false),
}).strict();
/** `handle` names the uploaded file in import.preview/import.start of this session (the page never sees a server path). */
export const UploadReply = z.object({ uploadId: z.string(), handle: z.string(), bytes: z.number().int() });
export const QuarantineExportReply = z.object({
  written: z.number().int(),
  /** Where the rows were written (CLI and desktop app). */
  path: z.string().nullable(),
  /** The rows themselves, for the browser to offer as a download (browser mode). */
  jsonl: z.string().nullable(),
});
export const PickedFile = z.object({ handle: z.string(), name: z.string() });

export const JobState = z.object({
  jobId: z.string(),
  kind: z.string(),
  label: z.string(),
  status: z.enum(['running', 'succeeded', 'failed', 'cancelled']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  bytes: z.number(),
  totalBytes: z.number().nullable(),
  rows: z.number(),
  ratePerSec: z.number().nullable(),
  etaSec: z.number().nullable(),
  error: z.string().nullable(),
  result: z.unknown().nullable(),
});
export type JobState = z.infer<typeof JobState>;

export const JobRef = z.object({ jobId: z.string() });

export const DatasetSchema = z.object({ assetId: z.number().int(), rowCount: z.number().int(), columns: z.array(DatasetColumn) });
export type DatasetSchema = z.infer<typeof DatasetSchema>;

export const KbChange = z.object({ docId: z.string(), change: z.enum(['added', 'removed', 'changed']) });
