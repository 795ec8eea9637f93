import type { ProviderSpec } from '../../shared/text/embed/provider';
import type { IndexSource } from '../storage/indexes-repo';
import type { EmbedderChoice } from './embedder-choice';

/** Messages between a build job (main thread) and one shard worker. */

export interface CountRequest {
  type: 'count';
  dbPath: string;
  source: IndexSource;
  assetId: number | null;
  shard: number;
  shards: number;
  embedder: EmbedderChoice;
}

export interface BuildRequest {
  type: 'build';
  df: Uint32Array;
  docs: number;
  m: number;
  efConstruction: number;
  seed: number;
  file: string;
}

export type ToWorker = CountRequest | BuildRequest;

export interface CountReply {
  type: 'counted';
  /** Document frequencies for the built-in provider; empty for a model folder. */
  df: Uint32Array;
  docs: number;
  rows: number;
  /** A model folder's spec as the worker loaded it (model and tokenizer hashes, dimension). */
  spec?: ProviderSpec;
}

export interface ProgressReply {
  type: 'progress';
  phase: 'count' | 'insert';
  done: number;
}

export interface BuiltReply {
  type: 'built';
  sha256: string;
  bytes: number;
  /** Labels added to the graph, in insertion order. */
  added: Uint32Array;
  /** Rows with nothing to embed (no words): recorded, not indexed. */
  skipped: Uint32Array;
  maxElements: number;
}

export interface ErrorReply {
  type: 'error';
  message: string;
}

export type FromWorker = CountReply | ProgressReply | BuiltReply | ErrorReply;
