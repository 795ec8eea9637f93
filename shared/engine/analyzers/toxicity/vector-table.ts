/**
 * The GloVe table of word-vectors.ts decoded once into floats: rows by word and DIMS values per row. Shared by
 * the window vector features (dense-features.ts) and the concept similarities (concept-features.ts).
 */
import { WORD_VECTORS } from './word-vectors';

export const VECTOR_DIMS = WORD_VECTORS.dims;

export interface VectorTable {
  rows: ReadonlyMap<string, number>;
  /** rows.size x VECTOR_DIMS values, row-major. */
  values: Float32Array;
}

let table: VectorTable | null = null;

export function vectorTable(): VectorTable {
  if (table) return table;
  const words = WORD_VECTORS.words.split(' ');
  const rows = new Map<string, number>();
  words.forEach((w, i) => rows.set(w, i));
  const binary = atob(WORD_VECTORS.vectors);
  const values = new Float32Array(binary.length);
  for (let i = 0; i < binary.length; i++) values[i] = ((binary.charCodeAt(i) << 24) >> 24) * WORD_VECTORS.scales[i % VECTOR_DIMS]!;
  if (values.length !== words.length * VECTOR_DIMS) throw new Error(`word-vectors.ts holds ${values.length} values for ${words.length} words x ${VECTOR_DIMS} dims`);
  return (table = { rows, values });
}
