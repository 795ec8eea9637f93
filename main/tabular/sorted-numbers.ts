// Collects the finite numbers of one column when only their sorted order matters (drift, profiles): while every
// value so far has at most 9 decimals and fits, as 4-byte integer keys at one scale 10^d (the scale grows
// when a value with more decimals arrives), else as doubles. finish() sorts them in the parsing thread.
import { sortKeysToValues } from '../../shared/drift/sorted-keys';
import { sortFloat64InPlace } from '../../shared/stats/sort';
import { ChunkedArray, loadStoredArray, type StoredArray } from './chunked-array';

const MAX_DECIMALS = 9;
const POW10 = Array.from({ length: MAX_DECIMALS + 1 }, (_, d) => 10 ** d);
const KEY_LIMIT = 2 ** 31 - 1;

export class SortedNumbers {
  private keys: ChunkedArray | null;
  private floats: ChunkedArray | null = null;
  private decimals = 0;
  private scale = 1;
  private keyMin = 0;
  private keyMax = 0;

  /** `spillFile`: where the column's values go on disk (null keeps them in memory). */
  constructor(private readonly spillFile: string | null) {
    this.keys = new ChunkedArray('i32', spillFile === null ? null : `${spillFile}.key`);
  }

  get length(): number {
    return (this.keys ?? this.floats)!.length;
  }

  /** A finite value and its decimals as the parser saw them (-1: not a fixed-decimal number). */
  add(v: number, decimals: number): void {
    const keys = this.keys;
    if (keys !== null) {
      if (decimals >= 0 && decimals <= MAX_DECIMALS) {
        if (decimals > this.decimals && !this.rescale(decimals)) return this.addFloat(v);
        const k = Math.round(v * this.scale);
        if (k <= KEY_LIMIT && k >= -KEY_LIMIT) {
          if (k < this.keyMin) this.keyMin = k;
          else if (k > this.keyMax) this.keyMax = k;
          keys.push(k);
          return;
        }
      }
    }
    this.addFloat(v);
  }

  private addFloat(v: number): void {
    if (this.keys !== null) {
      // Switch to doubles for good: this value has no exact key at any scale kept so far.
      const all = this.keys.readAll();
      const floats = new ChunkedArray('f64', this.spillFile === null ? null : `${this.spillFile}.num`);
      for (let i = 0; i < all.length; i++) floats.push(all[i]! / this.scale);
      this.keys.finish();
      this.keys = null;
      this.floats = floats;
    }
    this.floats!.push(v);
  }

  /** Moves the keys to scale 10^decimals; false when some key would overflow. */
  private rescale(decimals: number): boolean {
    const factor = POW10[decimals - this.decimals]!;
    if (Math.max(-this.keyMin, this.keyMax) * factor > KEY_LIMIT) return false;
    if (this.keys!.length > 0) this.keys!.rewrite((k) => k * factor);
    this.keyMin *= factor;
    this.keyMax *= factor;
    this.decimals = decimals;
    this.scale = POW10[decimals]!;
    return true;
  }

  /** The values as collected (unsorted), for sortPieces to sort with other pieces of the same column. Ends writing. */
  finish(): NumberPiece {
    if (this.keys !== null) return { kind: 'keys', scale: this.scale, data: this.keys.finish() };
    return { kind: 'floats', data: this.floats!.finish() };
  }
}

/** The finite numbers of one part of a column (a byte range of a file), unsorted. */
export type NumberPiece = { kind: 'keys'; scale: number; data: StoredArray } | { kind: 'floats'; data: StoredArray };

export function pieceLength(piece: NumberPiece): number {
  return piece.data.kind === 'memory' ? piece.data.data.length : piece.data.length;
}

/** Buffers of a piece held in memory (to transfer to another thread). */
export function pieceBuffers(piece: NumberPiece | null): ArrayBuffer[] {
  return piece && piece.data.kind === 'memory' ? [piece.data.data.buffer as ArrayBuffer] : [];
}

/**
 * All values of the pieces, ascending. Pieces of integer keys at different scales are brought to the largest
 * scale (exact while the keys fit 32 bits); anything else is sorted as doubles.
 */
export function sortPieces(pieces: readonly NumberPiece[]): Float64Array {
  const n = pieces.reduce((s, p) => s + pieceLength(p), 0);
  const arrays = pieces.map((p) => loadStoredArray(p.data));
  if (pieces.every((p) => p.kind === 'keys')) {
    const scale = Math.max(1, ...pieces.map((p) => (p as { scale: number }).scale));
    const keys: Int32Array[] = [];
    let fits = true;
    pieces.forEach((p, i) => {
      const a = arrays[i] as Int32Array;
      const factor = scale / (p as { scale: number }).scale;
      if (factor === 1 || !fits) return void keys.push(a);
      const out = new Int32Array(a.length);
      for (let k = 0; k < a.length && fits; k++) {
        const v = a[k]! * factor;
        if (v > KEY_LIMIT || v < -KEY_LIMIT) fits = false;
        out[k] = v;
      }
      keys.push(out);
    });
    if (fits) return sortKeysToValues(keys, n, scale);
  }
  const out = new Float64Array(n);
  let at = 0;
  pieces.forEach((p, i) => {
    const a = arrays[i]!;
    if (p.kind === 'floats') out.set(a, at);
    else for (let k = 0; k < a.length; k++) out[at + k] = a[k]! / p.scale;
    at += a.length;
  });
  return sortFloat64InPlace(out);
}
