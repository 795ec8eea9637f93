import path from 'node:path';
import type { EmbedderSettings } from '../../shared/contract/retrieval-schemas';
import { HASHED_TFIDF_ID, type HashedTfidfParams } from '../../shared/text/embed/hashed-tfidf';
import { ONNX_FOLDER_ID } from '../../shared/text/embed/onnx-folder-spec';
import type { VectorIndexRow } from '../storage/indexes-repo';
import { IndexError } from './index-error';
import { ModelFolderError, readModelFolder } from './onnx/model-folder';
import { builtinParams } from './providers';

/** The embedding a build uses, resolved and validated. */
export type EmbedderChoice =
  | { kind: 'builtin'; params: HashedTfidfParams }
  | { kind: 'onnx'; dir: string; maxLength?: number };

/** What a caller may ask for: API settings (a model folder or built-in settings) or built-in params. */
export type EmbedderRequest = EmbedderSettings | Partial<HashedTfidfParams>;

function isModelFolder(req: EmbedderRequest): req is { modelDir: string; maxLength?: number } {
  return typeof (req as { modelDir?: unknown }).modelDir === 'string';
}

function storedMaxLength(row: VectorIndexRow): number | undefined {
  try {
    const n = (JSON.parse(row.providerParams) as Record<string, unknown>).maxLength;
    return typeof n === 'number' ? n : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The embedding for a new build of a scope: what the caller asked for; else, when the index being replaced was
 * built from a model folder, that folder again (a rebuild must not quietly switch embeddings); else built-in.
 */
export function resolveEmbedder(req: EmbedderRequest | undefined, replacing: VectorIndexRow | undefined): EmbedderChoice {
  if (req && isModelFolder(req)) return { kind: 'onnx', dir: path.resolve(req.modelDir), maxLength: req.maxLength };
  if (!req && replacing?.providerId === ONNX_FOLDER_ID && replacing.providerSource) {
    return { kind: 'onnx', dir: replacing.providerSource, maxLength: storedMaxLength(replacing) };
  }
  return { kind: 'builtin', params: builtinParams(req) };
}

/** Refuses a model folder that cannot be used before any worker starts: the message names the missing file. */
export function checkEmbedderChoice(choice: EmbedderChoice): void {
  if (choice.kind !== 'onnx') return;
  try {
    readModelFolder(choice.dir, { maxLength: choice.maxLength });
  } catch (err) {
    if (err instanceof ModelFolderError) throw new IndexError('bad_query', err.message);
    throw err;
  }
}

/**
 * Whether an existing index already uses the embedding a caller asks for (so a search can use it as it is).
 * A model folder matches by location; a changed model file in that folder is caught when the index loads.
 */
export function indexMatchesRequest(row: VectorIndexRow, req: EmbedderRequest | undefined): boolean {
  if (!req) return true;
  if (isModelFolder(req)) {
    return row.providerId === ONNX_FOLDER_ID && row.providerSource === path.resolve(req.modelDir)
      && (req.maxLength === undefined || storedMaxLength(row) === req.maxLength);
  }
  if (row.providerId !== HASHED_TFIDF_ID) return false;
  let stored: Record<string, unknown> = {};
  try {
    stored = JSON.parse(row.providerParams) as Record<string, unknown>;
  } catch {
    return false;
  }
  return Object.entries(req).every(([key, value]) => value === undefined || (key === 'dimension' ? row.dimension === value : stored[key] === value));
}
