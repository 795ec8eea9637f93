import { z } from 'zod';
import {
  DatasetSchema, ImportPreview, ImportRequest, ImportRun, ImportSummary, JobRef, JobState, KbChange, PreviewRequest,
  PickedFile, PromptMatch, QuarantineExportReply, QuarantineExportRequest, QuarantinePage, QuarantineQuery, UploadChunk, UploadReply,
} from './import-schemas';

const None = z.object({}).strict().default({});
const AssetRef = z.object({ assetId: z.number().int().positive() }).strict();
const JobId = z.object({ jobId: z.string().min(1).max(200) }).strict();

/** Import, quarantine, job and dataset/KB read methods; spread into the API contract in api.ts. */
export const importApi = {
  /** Runs an import to the end (progress events name its job) and returns the summary. */
  'import.file': { input: ImportRequest, output: ImportSummary },
  /** Starts an import as a job and returns at once; poll jobs.get for progress and the summary. */
  'import.start': { input: ImportRequest, output: JobRef },
  /** Detected format, resolved spec and the first rows exactly as they would be stored; writes nothing. */
  'import.preview': { input: PreviewRequest, output: ImportPreview },
  'import.history': { input: None, output: z.array(ImportRun) },
  'import.quarantine': { input: QuarantineQuery, output: QuarantinePage },
  'import.quarantineExport': { input: QuarantineExportRequest, output: QuarantineExportReply },
  /** Desktop app only: the main process shows an open dialog; the page gets handles for what the user picked. */
  'import.pickSources': { input: z.object({ folders: z.boolean().default(false) }).strict(), output: z.array(PickedFile) },
  /** Desktop app only: a save dialog for a quarantine export; null when the user cancels. */
  'import.pickExportTarget': { input: z.object({ defaultName: z.string().min(1).max(255) }).strict(), output: PickedFile.nullable() },
  /** Browser-mode file upload in chunks (the page cannot hand the server a local path); returns a handle to import. */
  'import.upload': { input: UploadChunk, output: UploadReply },
  'jobs.list': { input: None, output: z.array(JobState) },
  'jobs.get': { input: JobId, output: JobState },
  'jobs.cancel': { input: JobId, output: JobState },
  'datasets.schema': { input: AssetRef, output: DatasetSchema },
  'kb.changes': { input: AssetRef, output: z.object({ previousAssetId: z.number().int().nullable(), changes: z.array(KbChange) }) },
  /** The prompt asset behind a record's prompt id and version label (the record view names it). */
  'prompts.match': { input: z.object({ promptId: z.string().min(1).max(2000), promptVersion: z.string().max(2000).nullable() }).strict(), output: PromptMatch },
} as const;

export type ImportApi = typeof importApi;
