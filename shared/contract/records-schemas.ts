// The Records page and exports: table rows with search snippets (PII masked unless revealed), totals for the
// current filter, saved views and chunked CSV/JSONL export. records.list and records.get (schemas.ts) keep
// serving whole stored records to the rest of the app.
import { z } from 'zod';
import { LogRecord, RecordCursor, RecordQuery, RecordSortColumn } from './schemas';

export const RecordFilterSpec = RecordQuery.pick({ assetId: true, model: true, promptVersion: true, search: true, flag: true });
export type RecordFilterSpec = z.infer<typeof RecordFilterSpec>;

const Range = z.object({ start: z.number().int(), end: z.number().int() });

/** A readable window of one text: where it was cut, and where the search terms occur in it. */
export const Snippet = z.object({
  text: z.string(),
  cutStart: z.boolean(),
  cutEnd: z.boolean(),
  matches: z.array(Range),
});
export type Snippet = z.infer<typeof Snippet>;

export const RecordBrowseRow = LogRecord.pick({
  id: true, assetId: true, externalId: true, timestamp: true, model: true, modelVersion: true, promptVersion: true,
  tokensIn: true, tokensOut: true, latencyMs: true, cost: true, scores: true,
}).extend({
  input: Snippet,
  output: Snippet,
  /** The first retrieved context the search matched (its position among the record's contexts), if any. */
  context: Snippet.extend({ index: z.number().int() }).nullable(),
  contextCount: z.number().int(),
});
export type RecordBrowseRow = z.infer<typeof RecordBrowseRow>;

export const RecordBrowseQuery = RecordQuery.extend({
  /** Show personal data as stored; by default it is masked ("[EMAIL]"). */
  revealPii: z.boolean().default(false),
  snippetChars: z.number().int().min(40).max(2000).default(220),
});
export type RecordBrowseQuery = z.input<typeof RecordBrowseQuery>;

export const RecordBrowsePage = z.object({
  total: z.number().int(),
  offset: z.number().int(),
  rows: z.array(RecordBrowseRow),
  next: RecordCursor.nullable(),
  piiMasked: z.boolean(),
});
export type RecordBrowsePage = z.infer<typeof RecordBrowsePage>;

export const RecordTotals = z.object({
  count: z.number().int(),
  tokensIn: z.number(),
  tokensOut: z.number(),
  /** Sum over records that have a cost; null when none has. */
  cost: z.number().nullable(),
  latencyMsMean: z.number().nullable(),
});
export type RecordTotals = z.infer<typeof RecordTotals>;

export const RecordColumnSet = z.enum(['scores', 'usage']);

/** What a saved view restores: the filter, the sort and the columns. */
export const RecordViewSpec = z.object({
  filter: RecordFilterSpec.strict(),
  sort: RecordSortColumn,
  dir: z.enum(['asc', 'desc']),
  columns: z.object({ set: RecordColumnSet, hidden: z.array(z.string().max(64)).max(64).default([]) }).strict(),
}).strict();
export type RecordViewSpec = z.infer<typeof RecordViewSpec>;

const ViewName = z.string().trim().min(1, 'a view needs a name').max(120);

export const RecordView = RecordViewSpec.extend({
  id: z.number().int(),
  name: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RecordView = z.infer<typeof RecordView>;

export const RecordExportFormat = z.enum(['csv', 'jsonl']);
export type RecordExportFormat = z.infer<typeof RecordExportFormat>;

export const RecordExportQuery = RecordFilterSpec.extend({
  sort: RecordSortColumn.default('id'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  after: RecordCursor.optional(),
  limit: z.number().int().min(1).max(5000).default(1000),
  format: RecordExportFormat,
  revealPii: z.boolean().default(false),
});
export type RecordExportQuery = z.input<typeof RecordExportQuery>;

export const RecordExportChunk = z.object({
  /** Lines to append to the file; the first chunk of a CSV export starts with the header row. */
  text: z.string(),
  rows: z.number().int(),
  next: RecordCursor.nullable(),
});
export type RecordExportChunk = z.infer<typeof RecordExportChunk>;

export const recordsApi = {
  'records.browse': { input: RecordBrowseQuery.strict(), output: RecordBrowsePage },
  'records.totals': { input: RecordFilterSpec.strict(), output: RecordTotals },
  'records.views.list': { input: z.object({}).strict().default({}), output: z.array(RecordView) },
  'records.views.save': { input: RecordViewSpec.extend({ name: ViewName }).strict(), output: RecordView },
  'records.views.delete': { input: z.object({ name: ViewName }).strict(), output: z.object({ deleted: z.boolean() }) },
  'records.exportChunk': { input: RecordExportQuery.strict(), output: RecordExportChunk },
} as const;
