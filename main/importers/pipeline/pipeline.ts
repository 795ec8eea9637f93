import type { DatasetColumnEdit, ResolvedSpec } from '../../../shared/contract/import-schemas';
import type { Db } from '../../storage/db';
import type { SourceEntry } from '../source/files';
import type { Accounting, Loc } from './accounting';

/** What every pipeline gets: the import's connection, the asset being written, the ledger and a warning list. */
export interface PipelineContext {
  db: Db;
  assetId: number;
  importId: number;
  assetName: string;
  spec: ResolvedSpec;
  /** Dataset schema edits (type or role per column name), applied after inference. */
  columnEdits?: DatasetColumnEdit[];
  acc: Accounting;
  warn(message: string): void;
  /** The import's cancellation: pipelines that wait on other threads stop waiting when it fires. */
  signal?: AbortSignal;
}

/**
 * Turns the items a container yields into stored rows. Calls are synchronous (SQLite writes are), so a
 * pipeline sees items in file order and needs no locking.
 */
export interface Pipeline {
  json?(value: unknown, loc: Loc, raw: string, key: string | null, element: boolean): void;
  csvHeader?(names: string[]): void;
  csvRow?(fields: string[], loc: Loc, raw: string): void;
  document?(entry: SourceEntry, bytes: Buffer): void;
  /**
   * Resolves when the items handed over so far are stored. Pipelines that do part of their work on another
   * thread (KB chunking) queue items and are drained after every chunk of input, which keeps memory bounded.
   */
  drain?(): Promise<void>;
  /** Releases threads the pipeline started; called once, whether the import succeeded or not. */
  close?(): void;
  /** After the last file: staged work (traces, last dataset chunk, KB diff) is written here. */
  finish(): void;
  stored(): number;
  contentSha256(): string;
  /** The spec as finally applied (a dataset's inferred schema is only known after its first rows). */
  resolvedSpec(): ResolvedSpec;
}
