import type { ScoredRow } from '../storage/findings-repo';
import type { ScoredJsonl } from './score-jsonl';

/** What the score pool's workers are started with. */
export interface ScoreWorkerConfig {
  analyzerIds: string[] | null;
  params: Record<string, unknown>;
  /** A KB folder or file to retrieve evidence from (assay score --kb). */
  kbPath: string | null;
  /**
   * Workspace KBs whose indexes are already built (workspace analysis, `assay score --kb`); each worker opens them
   * read-only. Which one a record may use is sent with its batch (`ScoreRequest.kbs`); without that, the first.
   */
  kbWorkspace?: { dir: string; assetIds: number[] } | null;
}

/**
 * 'lines': the worker returns finished `assay score` output lines; 'rows': ready-to-store findings. Both travel
 * as strings, which cost far less to pass between threads than the nested objects they encode.
 */
export type ScoreMode = 'lines' | 'rows';

export interface ScoreRequest {
  batchId: number;
  mode: ScoreMode;
  records: Record<string, unknown>[];
  /** Per record, the KB asset it may retrieve evidence from, or null for none (see ScoreWorkerConfig.kbWorkspace). */
  kbs?: (number | null)[];
}

// The stored shape of a scored record belongs to storage, which must not import analysis/.
export type { ScoredRow, StoredFindingRow } from '../storage/findings-repo';

export interface ScoredBatch {
  lines?: string[];
  rows?: ScoredRow[];
  /** Milliseconds per analyzer over the batch. */
  timings: Record<string, number>;
}

/**
 * `assay score`'s batches: input lines as read, parsed and scored on the worker (score-jsonl.ts). A string
 * crosses threads as one copy, where a parsed record is cloned field by field, and the reading thread is left
 * with nothing but splitting lines, so it takes little from the cores the workers score on.
 */
export interface JsonlRequest {
  batchId: number;
  jsonl: { lines: string[]; lineNos: number[] };
}

export type ScoreResponse = ({ batchId: number } & (ScoredBatch | ScoredJsonl)) | { batchId: number; error: string };
