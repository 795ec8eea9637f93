import { statSync } from 'node:fs';
import { describeProvider, providerKey, providerMismatch, type EmbeddingProvider } from '../../../shared/text/embed/provider';
import type { VectorIndexRow } from '../../storage/indexes-repo';
import { IndexError } from '../index-error';
import { ModelFolderError, readModelFolder } from './model-folder';
import { SyncOnnxProvider } from './sync-onnx-provider';

interface Cached {
  provider: SyncOnnxProvider;
  size: number;
  mtimeMs: number;
  tokenizerSha256: string;
}

/**
 * One loaded model per folder and spec for the whole process: the KB and records indexes (and every reload of
 * an index after an update) share its worker. An entry is reused only while the model file's size and mtime and
 * the tokenizer files' hash are unchanged; otherwise the folder is loaded (and its model hash checked) again.
 */
const loaded = new Map<string, Cached>();

function storedParams(row: VectorIndexRow, label: string): Record<string, unknown> {
  try {
    return JSON.parse(row.providerParams) as Record<string, unknown>;
  } catch {
    throw new IndexError('corrupt', `${label}: stored provider parameters are not valid JSON`);
  }
}

/**
 * The query-time provider of an index built from a model folder: the folder recorded with the index, loaded and
 * proven to be the same model and tokenizer (their sha256 are part of the provider key). A missing folder or a
 * changed file is refused, naming the folder, because vectors from another model would answer wrongly.
 */
export function onnxProviderForIndex(row: VectorIndexRow, label: string): EmbeddingProvider {
  const dir = row.providerSource;
  if (!dir) {
    const stored = describeProvider({ id: row.providerId, version: row.providerVersion, dimension: row.dimension });
    throw new IndexError('provider_unavailable', `${label} was built with ${stored}, which this build of Assay cannot run without the model folder, and none was recorded with the index`);
  }
  const params = storedParams(row, label);
  const maxLength = typeof params.maxLength === 'number' ? params.maxLength : undefined;
  const modelSha256 = typeof params.model === 'string' ? params.model : undefined;
  const unusable = (why: string) => new IndexError('provider_unavailable', `${label} was built with the ONNX model in ${dir}, which cannot be used now: ${why}. ` +
    'Restore that folder, or rebuild with another embedding (--rebuild with --model-dir <folder> or --builtin)');
  let tokenizerSha256: string;
  let stat: { size: number; mtimeMs: number };
  try {
    const folder = readModelFolder(dir, { maxLength });
    tokenizerSha256 = folder.tokenizerSha256;
    stat = statSync(folder.modelPath);
  } catch (err) {
    if (err instanceof ModelFolderError) throw unusable(err.message);
    throw err;
  }
  const cacheKey = `${dir}\0${row.providerKey}`;
  const cached = loaded.get(cacheKey);
  if (cached && cached.size === stat.size && cached.mtimeMs === stat.mtimeMs && cached.tokenizerSha256 === tokenizerSha256) return cached.provider;
  loaded.delete(cacheKey);
  let provider: SyncOnnxProvider;
  try {
    provider = SyncOnnxProvider.open(dir, { maxLength, expectModelSha256: modelSha256 });
  } catch (err) {
    if (!(err instanceof ModelFolderError)) throw err;
    throw new IndexError('provider_unavailable', `${label} cannot be queried: ${err.message}; it only answers queries embedded by the model that built it`);
  }
  if (providerKey(provider.spec) !== row.providerKey) {
    void provider.close();
    const stored = { id: row.providerId, version: row.providerVersion, dimension: row.dimension, params: params as Record<string, string | number | boolean> };
    const why = providerMismatch(stored, provider.spec) ?? 'the provider key differs';
    throw new IndexError('provider_unavailable', `${label} was built with the ONNX model in ${dir}, which now embeds differently (${why})`);
  }
  loaded.set(cacheKey, { provider, size: stat.size, mtimeMs: stat.mtimeMs, tokenizerSha256 });
  return provider;
}
