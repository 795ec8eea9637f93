// The sums of the bootstrap's item-by-item pass (bootstrap.ts denseMeans): per resample, each column's sum weighted
// by the resample's Poisson(1) weights, and the weights' total. Tiles of items stay in cache while every resample of
// the range passes over them; each resample's weights come from its own stretch of the seeded stream (streamStart),
// and its sums are added up tile by tile in item order whatever the range, so any split of the resamples over
// threads gives the same numbers. The WebAssembly SIMD kernels (resample-kernels.ts) and the JS reference give the
// same bits; the kernels run some 5x faster.
import { drawTileWeights, MULBERRY32_STEP, streamStart } from './poisson-weights';
import { KERNEL_HEAP_START, MAX_KERNEL_COLUMNS, MAX_TILE_ITEMS, resampleKernels, type ResampleKernels } from './resample-kernels';
import { addWeightedSum } from './weighted-sums';

/** Items per tile: 16 KB of weights plus 16 KB per column, within a core's L1/L2 cache. A multiple of 16. */
export const TILE = MAX_TILE_ITEMS;

/**
 * sums[(r - from) * (k + 1) + c] for resamples [from, to): column c's weighted sum (c < k, columns of n items),
 * then at c = k the total weight. `kernels` null runs the JS reference. (With n / 4 * resamples beyond 2^32, the
 * generator's period, later resamples reuse shifted stretches of the stream.)
 */
export function resampleSums(columns: readonly Float64Array[], n: number, seed: number, from: number, to: number,
  kernels: ResampleKernels | null = resampleKernels()): Float64Array {
  return kernels ? sumsOnKernels(kernels, columns, n, seed, from, to) : sumsInJs(columns, n, seed, from, to);
}

/** The state before the first draw of resample r's tile at item `off` (a multiple of 4). */
function tileState(seed: number, draws: number, r: number, off: number): number {
  return (streamStart(seed, draws, r) + Math.imul(off / 4, MULBERRY32_STEP)) | 0;
}

function sumsInJs(columns: readonly Float64Array[], n: number, seed: number, from: number, to: number): Float64Array {
  const k = columns.length;
  const width = k + 1;
  const draws = Math.ceil(n / 4);
  const sums = new Float64Array((to - from) * width);
  const w = new Float64Array(TILE);
  for (let off = 0; off < n; off += TILE) {
    const len = Math.min(TILE, n - off);
    const tile = columns.map((col) => col.subarray(off, off + len));
    for (let r = from; r < to; r++) {
      const at = (r - from) * width;
      sums[at + k] = sums[at + k]! + drawTileWeights(w, len, tileState(seed, draws, r, off) >>> 0);
      for (let c = 0; c < k; c++) addWeightedSum(w, tile[c]!, len, sums, at + c);
    }
  }
  return sums;
}

function sumsOnKernels(kernels: ResampleKernels, columns: readonly Float64Array[], n: number, seed: number, from: number, to: number): Float64Array {
  const k = columns.length;
  const width = k + 1;
  const draws = Math.ceil(n / 4);
  // Memory: the tile's weights, the columns (zero-padded to a multiple of 16 items: the kernels' last steps read
  // them with weight 0), the sums.
  const stride = Math.ceil(n / 16) * 16 * 8;
  const wPtr = KERNEL_HEAP_START;
  const colPtr = wPtr + TILE * 8;
  const sumsPtr = colPtr + k * stride;
  const sumsLength = (to - from) * width;
  kernels.reserve(TILE * 8 + k * stride + sumsLength * 8);
  const heap = new Float64Array(kernels.memory.buffer);
  columns.forEach((col, c) => {
    heap.set(col.subarray(0, n), (colPtr + c * stride) / 8);
    heap.fill(0, (colPtr + c * stride) / 8 + n, (colPtr + (c + 1) * stride) / 8);
  });
  heap.fill(0, sumsPtr / 8, sumsPtr / 8 + sumsLength);
  const { tileWeights, sums } = kernels;
  for (let off = 0; off < n; off += TILE) {
    const len = Math.min(TILE, n - off);
    for (let r = from; r < to; r++) {
      const at = sumsPtr / 8 + (r - from) * width;
      heap[at + k] = heap[at + k]! + tileWeights(tileState(seed, draws, r, off), len, wPtr);
      for (let c = 0; c < k; c += MAX_KERNEL_COLUMNS) {
        const group = Math.min(MAX_KERNEL_COLUMNS, k - c);
        sums[group - 1]!(wPtr, colPtr + c * stride + off * 8, stride, len, (at + c) * 8);
      }
    }
  }
  return heap.slice(sumsPtr / 8, sumsPtr / 8 + sumsLength);
}
