import { z } from 'zod';
import { RecordFlag, RecordScores } from './analysis-schemas';
import { RECORD_SORT_COLUMNS } from './enum-values';

/** Domain schemas shared by every host. A schema and its type share a name. */

export const AssetKind = z.enum(['logs', 'dataset', 'kb', 'prompt']);
export type AssetKind = z.infer<typeof AssetKind>;

export const Asset = z.object({
  id: z.number().int(),
  kind: AssetKind,
  name: z.string(),
  version: z.number().int(),
  sha256: z.string(),
  sourcePath: z.string().nullable(),
  createdAt: z.string(),
  rowCount: z.number().int(),
});
export type Asset = z.infer<typeof Asset>;

export const LogRecord = z.object({
  id: z.number().int(),
  assetId: z.number().int(),
  externalId: z.string().nullable(),
  timestamp: z.string().nullable(),
  model: z.string().nullable(),
  modelVersion: z.string().nullable(),
  promptId: z.string().nullable(),
  promptVersion: z.string().nullable(),
  input: z.string(),
  output: z.string(),
  contexts: z.array(z.string()),
  tokensIn: z.number().nullable(),
  tokensOut: z.number().nullable(),
  latencyMs: z.number().nullable(),
  cost: z.number().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  /** Headline scores from the latest analysis; null until the record is analyzed. */
  scores: RecordScores.nullable(),
});
export type LogRecord = z.infer<typeof LogRecord>;

export const RecordSortColumn = z.enum(RECORD_SORT_COLUMNS);
export type RecordSortColumn = z.infer<typeof RecordSortColumn>;

/**
 * Where a keyset page ends: the sort key and id of its last row. The next page starts after it, so pages stay
 * complete and stable while records are added. `v` is null once the walk reaches the rows without a sort key.
 */
export const RecordCursor = z.object({ v: z.union([z.string().max(10_000), z.number(), z.null()]), id: z.number().int() }).strict();
export type RecordCursor = z.infer<typeof RecordCursor>;

export const RecordQuery = z.object({
  assetId: z.number().int().positive().optional(),
  model: z.string().max(200).optional(),
  promptVersion: z.string().max(200).optional(),
  search: z.string().max(500).optional(),
  /** Only records the latest analysis flagged this way ('any': any flag; 'unscored': not analyzed yet). */
  flag: RecordFlag.optional(),
  sort: RecordSortColumn.default('id'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  /** Continue after this row (keyset); otherwise start at `offset`, which the server seeks without scanning. */
  after: RecordCursor.optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
});
export type RecordQuery = z.input<typeof RecordQuery>;

export const RecordPage = z.object({
  total: z.number().int(),
  offset: z.number().int(),
  rows: z.array(LogRecord),
  /** The cursor for the next page; null after the last row. */
  next: RecordCursor.nullable().optional(),
});
export type RecordPage = z.infer<typeof RecordPage>;

export const RecordFacets = z.object({
  models: z.array(z.string()),
  promptVersions: z.array(z.string()),
});
export type RecordFacets = z.infer<typeof RecordFacets>;

export const AuditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  payload: z.unknown(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.object({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(200),
});
export type AuditQuery = z.input<typeof AuditQuery>;

export const AuditPage = z.object({ total: z.number().int(), rows: z.array(AuditEntry) });
export type AuditPage = z.infer<typeof AuditPage>;

export const ChainStatus = z.object({
  ok: z.boolean(),
  length: z.number().int(),
  headHash: z.string().nullable(),
  firstBadSeq: z.number().int().nullable(),
  reason: z.string().nullable(),
});
export type ChainStatus = z.infer<typeof ChainStatus>;

export const WorkspaceInfo = z.object({
  path: z.string(),
  name: z.string(),
  schemaVersion: z.number().int(),
  assetCount: z.number().int(),
  recordCount: z.number().int(),
});
export type WorkspaceInfo = z.infer<typeof WorkspaceInfo>;

// Import request, summary and quarantine schemas live with the rest of the import contract.
export { ImportRequest, ImportSummary, QuarantineEntry } from './import-schemas';
