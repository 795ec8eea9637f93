import { describe, expect, it } from 'vitest';
import { drawTileWeights } from '../../../../shared/stats/poisson-weights';
import { createRng } from '../../../../shared/stats/prng';
import { KERNEL_HEAP_START, resampleKernels } from '../../../../shared/stats/resample-kernels';
import { resampleSums, TILE } from '../../../../shared/stats/resample-sums';
import { addWeightedSum } from '../../../../shared/stats/weighted-sums';

// The SIMD kernels must give the JS reference's bits: the same weights from the same stream, the same sums in the
// same order. Every runtime Assay ships on (Node 20+, Electron) has wasm SIMD, so their absence is a failure here.
const kernels = resampleKernels()!;

describe('the bootstrap resampling kernels (WebAssembly SIMD)', () => {
  it('load on this runtime', () => {
    expect(kernels).not.toBeNull();
  });

  it('draw the same Poisson(1) weights and total as drawTileWeights, straddling bytes and partial tiles included', () => {
    const rng = createRng(12);
    const js = new Float64Array(TILE);
    let straddled = 0;
    for (const len of [1, 2, 3, 4, 5, 15, 16, 17, 31, 333, 2047, TILE]) {
      for (let trial = 0; trial < 20; trial++) {
        const state = Math.floor(rng() * 2 ** 32);
        js.fill(0);
        const total = drawTileWeights(js, len, state);
        const heap = new Float64Array(kernels.memory.buffer, KERNEL_HEAP_START, TILE + 16);
        heap.fill(-1);
        expect(kernels.tileWeights(state | 0, len, KERNEL_HEAP_START)).toBe(total);
        expect(Array.from(heap.subarray(0, len))).toEqual(Array.from(js.subarray(0, len)));
        // Items up to the next multiple of 16 weigh 0, so the sums kernels may read them.
        expect(Array.from(heap.subarray(len, Math.ceil(len / 16) * 16)).every((w) => w === 0)).toBe(true);
        straddled += js.subarray(0, len).filter((w) => w >= 4).length;
      }
    }
    // Weights of 4 and more come only from straddling bytes (255) settled on 24 more bits.
    expect(straddled).toBeGreaterThan(10);
  });

  it('add weighted sums of 1 to 4 columns in the order of addWeightedSum', () => {
    const rng = createRng(5);
    for (const columns of [1, 2, 3, 4]) {
      for (const len of [1, 3, 6, 64, 1001, TILE]) {
        const padded = Math.ceil(len / 16) * 16;
        const w = Float64Array.from({ length: padded }, (_, i) => (i < len ? Math.floor(rng() * 4) : 0));
        const cols = Array.from({ length: columns }, () => Float64Array.from({ length: padded }, (_, i) => (i < len ? (rng() - 0.3) * 1e3 : 0)));
        const expected = Float64Array.from({ length: columns }, () => rng());
        const start = Float64Array.from(expected);
        cols.forEach((c, j) => addWeightedSum(w, c, len, expected, j));
        const stride = padded * 8;
        kernels.reserve((columns + 2) * stride);
        const heap = new Float64Array(kernels.memory.buffer);
        const at = KERNEL_HEAP_START / 8;
        heap.set(w, at);
        cols.forEach((c, j) => heap.set(c, at + padded + (j * stride) / 8));
        const outAt = at + padded + (columns * stride) / 8;
        heap.set(start, outAt);
        kernels.sums[columns - 1]!(KERNEL_HEAP_START, KERNEL_HEAP_START + padded * 8, stride, len, outAt * 8);
        expect(Array.from(heap.subarray(outAt, outAt + columns))).toEqual(Array.from(expected));
      }
    }
  });

  it('resampleSums is bit-identical on the kernels and in JS, for any range of resamples', () => {
    const n = 5003;
    const rng = createRng(8);
    const cols = Array.from({ length: 6 }, (_, c) => Float64Array.from({ length: n }, () => (c === 5 ? Math.round(rng()) : rng() * 10 - 5)));
    const onKernels = resampleSums(cols, n, 99, 3, 60, kernels);
    expect(Array.from(onKernels)).toEqual(Array.from(resampleSums(cols, n, 99, 3, 60, null)));
    expect(Array.from(resampleSums(cols, n, 99, 40, 60, kernels))).toEqual(Array.from(onKernels.subarray(37 * 7)));
  });
});
