import { z } from 'zod';

/** Schemas for vector indexes, search and retrieval evaluation. A schema and its type share a name. */

export const IndexSource = z.enum(['kb', 'records']);
export type IndexSource = z.infer<typeof IndexSource>;

export const ProviderInfo = z.object({
  id: z.string(),
  version: z.string(),
  dimension: z.number().int(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  key: z.string(),
  /** Where the provider's files are (a model folder); not part of the key. */
  location: z.string().nullable().optional(),
});
export type ProviderInfo = z.infer<typeof ProviderInfo>;

export const IndexShardInfo = z.object({
  shard: z.number().int(),
  file: z.string(),
  sha256: z.string(),
  bytes: z.number().int(),
  itemCount: z.number().int(),
});
export type IndexShardInfo = z.infer<typeof IndexShardInfo>;

export const IndexInfo = z.object({
  id: z.number().int(),
  source: IndexSource,
  assetId: z.number().int().nullable(),
  assetSha256: z.string().nullable(),
  provider: ProviderInfo,
  space: z.string(),
  m: z.number().int(),
  efConstruction: z.number().int(),
  efSearch: z.number().int(),
  itemCount: z.number().int(),
  deletedCount: z.number().int(),
  skippedCount: z.number().int(),
  shards: z.array(IndexShardInfo),
  totalBytes: z.number().int(),
  buildMs: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type IndexInfo = z.infer<typeof IndexInfo>;

/** Embedding parameters for a new index with the built-in provider; omitted values take the defaults. */
export const BuiltinEmbedderSettings = z.object({
  dimension: z.number().int().min(8).max(4096).optional(),
  wordWeight: z.number().min(0).max(10).optional(),
  bigramWeight: z.number().min(0).max(10).optional(),
  charWeight: z.number().min(0).max(10).optional(),
}).strict();
export type BuiltinEmbedderSettings = z.infer<typeof BuiltinEmbedderSettings>;

/** A local sentence-embedding model: a folder with model.onnx (or onnx/model.onnx) and tokenizer.json or vocab.txt. */
export const ModelFolderEmbedder = z.object({
  /** Absolute path, or relative to the process's working directory. */
  modelDir: z.string().min(1).max(4096),
  /** Truncate texts to this many tokens (default: the folder's setting, at most 512). */
  maxLength: z.number().int().min(8).max(512).optional(),
}).strict();
export type ModelFolderEmbedder = z.infer<typeof ModelFolderEmbedder>;

/**
 * Which embedding a new index uses: a model folder, or the built-in provider (settings, possibly {}). Omitted,
 * a rebuild keeps the model folder of the index it replaces and otherwise uses the built-in provider.
 */
export const EmbedderSettings = z.union([ModelFolderEmbedder, BuiltinEmbedderSettings]);
export type EmbedderSettings = z.infer<typeof EmbedderSettings>;

export const HnswSettings = z.object({
  m: z.number().int().min(4).max(96).optional(),
  efConstruction: z.number().int().min(16).max(2000).optional(),
  efSearch: z.number().int().min(8).max(4000).optional(),
  shards: z.number().int().min(1).max(8).optional(),
}).strict();
export type HnswSettings = z.infer<typeof HnswSettings>;

export const IndexBuildRequest = z.object({
  source: IndexSource,
  /** KB index: which KB asset version (default: the latest KB). Not used for the records index. */
  assetId: z.number().int().positive().optional(),
  /** Build even when a current index exists. */
  rebuild: z.boolean().default(false),
  /** Reply when the build is done (CLI) or at once with the job id (UI; follow progress events). */
  wait: z.boolean().default(true),
  embedder: EmbedderSettings.optional(),
  hnsw: HnswSettings.optional(),
});
export type IndexBuildRequest = z.input<typeof IndexBuildRequest>;

export const IndexBuildResult = z.object({
  jobId: z.string().nullable(),
  /** The index once built (null while a build started with wait: false is still running). */
  index: IndexInfo.nullable(),
  /** True when an existing index was kept (no rebuild asked) or an already running build was joined. */
  reused: z.boolean(),
});
export type IndexBuildResult = z.infer<typeof IndexBuildResult>;

export const IndexUpdateResult = z.object({
  added: z.number().int(),
  deleted: z.number().int(),
  rebuilt: z.boolean(),
  index: IndexInfo,
});
export type IndexUpdateResult = z.infer<typeof IndexUpdateResult>;

export const IndexCheck = z.object({
  indexId: z.number().int(),
  source: IndexSource,
  assetId: z.number().int().nullable(),
  ok: z.boolean(),
  problem: z.string().nullable(),
});
export type IndexCheck = z.infer<typeof IndexCheck>;

const IsoTime = z.string().regex(/^\d{4}-\d{2}-\d{2}(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/, 'expected an ISO-8601 date or time');

export const SearchQuery = z.object({
  index: IndexSource.default('kb'),
  text: z.string().max(20_000).optional(),
  /** Search by a vector instead of text; it must come from the index's provider (checked by dimension and `provider`). */
  vector: z.array(z.number()).min(1).max(4096).optional(),
  k: z.number().int().min(1).max(100).default(5),
  /** KB index: the KB asset version to search (default: the latest). Records index: only records of this asset. */
  assetId: z.number().int().positive().optional(),
  model: z.string().min(1).max(200).optional(),
  from: IsoTime.optional(),
  to: IsoTime.optional(),
  /** The embedding the caller expects; a query is refused when the index was built with another one. */
  provider: z.object({ id: z.string().min(1), version: z.string().optional(), dimension: z.number().int().positive().optional(), key: z.string().optional() }).strict().optional(),
  /** Build the index when it does not exist yet (progress arrives as events). */
  autoBuild: z.boolean().default(true),
  rebuild: z.boolean().default(false),
  /** Search an index built with this embedding; one built with another is rebuilt first (when autoBuild). */
  embedder: EmbedderSettings.optional(),
}).strict().refine((q) => (q.text === undefined) !== (q.vector === undefined), { message: 'give exactly one of text or vector' });
export type SearchQuery = z.input<typeof SearchQuery>;

export const SearchHit = z.object({
  /** kb_chunks.id or records.id. */
  id: z.number().int(),
  score: z.number(),
  assetId: z.number().int(),
  text: z.string(),
  docId: z.string().nullable(),
  title: z.string().nullable(),
  chunkIndex: z.number().int().nullable(),
  externalId: z.string().nullable(),
  model: z.string().nullable(),
  timestamp: z.string().nullable(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResult = z.object({
  index: IndexInfo,
  hits: z.array(SearchHit),
  tookMs: z.number(),
  /** True when this query built (or rebuilt) the index first. */
  built: z.boolean(),
  /** Something the user should know about the answer (e.g. the query had no searchable words). */
  note: z.string().nullable(),
});
export type SearchResult = z.infer<typeof SearchResult>;

export const RetrievalEvalRequest = z.object({
  /** JSONL file, one {question, gold_doc_ids: [...]} per line. */
  path: z.string().min(1),
  k: z.number().int().min(1).max(100).default(5),
  /** The KB asset version whose index is evaluated (default: the latest KB). */
  assetId: z.number().int().positive().optional(),
  rebuild: z.boolean().default(false),
  /** Evaluate an index built with this embedding (built first when the current one uses another). */
  embedder: EmbedderSettings.optional(),
}).strict();
export type RetrievalEvalRequest = z.input<typeof RetrievalEvalRequest>;

export const RetrievalQuestionResult = z.object({
  line: z.number().int(),
  question: z.string(),
  gold: z.array(z.string()),
  retrieved: z.array(z.string()),
  /** 1-based rank of the first gold document among the top k, or null. */
  rank: z.number().int().nullable(),
  ndcg: z.number(),
});
export type RetrievalQuestionResult = z.infer<typeof RetrievalQuestionResult>;

export const RetrievalEvalReport = z.object({
  k: z.number().int(),
  questions: z.number().int(),
  hitAtK: z.number(),
  mrrAtK: z.number(),
  ndcgAtK: z.number(),
  recallAtK: z.number(),
  /** Gold ids that name no document of the evaluated KB: usually a mismatched KB version or id scheme. */
  unknownGoldIds: z.number().int(),
  unknownGoldSample: z.array(z.string()),
  index: IndexInfo,
  perQuestion: z.array(RetrievalQuestionResult),
});
export type RetrievalEvalReport = z.infer<typeof RetrievalEvalReport>;
