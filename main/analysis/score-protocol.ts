import type { ScoreLine } from '../../shared/engine/score-record';

/** What the score pool's workers are started with. */
export interface ScoreWorkerConfig {
  analyzerIds: string[] | null;
  params: Record<string, unknown>;
  /** A KB folder or file to retrieve evidence from (assay score --kb). */
  kbPath: string | null;
  /** A workspace KB whose index is already built (workspace analysis); opened read-only by each worker. */
  kbWorkspace?: { dir: string; assetId: number } | null;
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
}

export interface StoredFindingRow {
  analyzerId: string;
  analyzerVersion: string;
  paramsHash: string;
  scores: string;
  spans: string;
  explanation: string;
  details: string | null;
}

export interface ScoredRow {
  scores: ScoreLine['scores'];
  flags: ScoreLine['flags'];
  findings: StoredFindingRow[];
}

export interface ScoredBatch {
  lines?: string[];
  rows?: ScoredRow[];
  /** Milliseconds per analyzer over the batch. */
  timings: Record<string, number>;
}

export type ScoreResponse = ({ batchId: number } & ScoredBatch) | { batchId: number; error: string };
