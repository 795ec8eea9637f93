// The bootstrap's item-by-item pass in WebAssembly SIMD (emitted by wasm-encoder.ts): Poisson(1) weights of a
// tile and the weighted sums of up to four columns over it. They compute exactly what the JS reference does
// (poisson-weights.ts drawTileWeights, weighted-sums.ts addWeightedSum): the same stream, the same weights, the
// same additions in the same order, so the results are bit-identical and the JS stays as the fallback where a
// runtime lacks wasm SIMD. test/unit/shared/stats/resample-kernels.test.ts holds them to it.
import { encodeModule, I32, op, V128, type Code, type FunctionDef } from './wasm-encoder';
import { MULBERRY32_STEP, POISSON_BOUNDS, STRADDLE_MIX } from './poisson-weights';

/** The most items tileWeights takes at once (its lists below have room for that many). */
export const MAX_TILE_ITEMS = 2048;
/** Byte offsets in the kernels' memory: the Poisson(1) bounds (i64), tileWeights' lists, then the caller's buffers. */
const BOUNDS = 0;
/** Per step with straddling items: its first item and the straddle bits (two i32). */
const STRADDLE_LIST = 256;
/** The tile's top bytes in item order. */
const TOP_BYTES = STRADDLE_LIST + 8 * (MAX_TILE_ITEMS / 16);
export const KERNEL_HEAP_START = TOP_BYTES + MAX_TILE_ITEMS;

/** Item bytes in draw order: item 4q + b takes byte 3 - b (high byte first) of draw q's little-endian lane. */
const ITEM_ORDER = [3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12];
const HIGH_HALF = [8, 9, 10, 11, 12, 13, 14, 15, 8, 9, 10, 11, 12, 13, 14, 15];
/**
 * The top bytes whose slice holds a Poisson(1) CDF step (the bound's top byte): such a byte is settled on 24 more
 * bits (STRADDLE_MIX); any other byte's weight is how many of the steps below 255 it is above (0..4).
 */
const STRADDLE_BYTES = [...new Set(Array.from(POISSON_BOUNDS).filter((b) => b < 2 ** 32).map((b) => Math.floor(b / 2 ** 24)))];
const STEP_BYTES = STRADDLE_BYTES.filter((b) => b < 255);

const i32x4 = (...lanes: number[]): Code => op.v128Const(new Uint8Array(Int32Array.from(lanes).buffer));
const i8x16Splat = (b: number): Code => op.v128Const(new Uint8Array(16).fill(b));

/** mulberry32's output mixing on the value on top of the stack (i32x4 lanes or one i32), through local `t`. */
function mix(t: number, lanes: boolean): Code {
  const [shr, mul, add, xor, or, c] = lanes
    ? [op.i32x4ShrU, op.i32x4Mul, op.i32x4Add, op.v128Xor, op.v128Or, (v: number) => [...op.i32(v), ...op.i32x4Splat]]
    : [op.i32ShrU, op.i32Mul, op.i32Add, op.i32Xor, op.i32Or, (v: number) => op.i32(v)];
  const g = op.get(t);
  return [
    ...op.set(t),
    // t = imul(t ^ (t >>> 15), t | 1)
    ...g, ...g, ...op.i32(15), ...shr, ...xor, ...g, ...c(1), ...or, ...mul, ...op.set(t),
    // t ^= t + imul(t ^ (t >>> 7), t | 61)
    ...g, ...g, ...g, ...g, ...op.i32(7), ...shr, ...xor, ...g, ...c(61), ...or, ...mul, ...add, ...xor, ...op.set(t),
    // t ^ (t >>> 14)
    ...g, ...g, ...op.i32(14), ...shr, ...xor,
  ];
}

/**
 * tileWeights(state, len, wPtr) -> total: the f64 weights of `len` (<= MAX_TILE_ITEMS) items at wPtr
 * (zeros after them up to a multiple of 16) from the stream state before the tile's first draw, 16 items (four draws, one per lane) per step. About a
 * quarter of the steps hold a straddling byte; branching on them there cost more than the vector work (mispredicted
 * branches, store-forwarding stalls), so each step just lists its straddling items and a second pass settles them.
 */
function tileWeights(): FunctionDef {
  const [state, len, wPtr] = [0, 1, 2];
  const [i, s, t, bytes, w8, strad, acc, q] = [3, 4, 5, 6, 7, 8, 9, 10];
  const [bm, j, m, k, rem, out, listEnd, e, total, at] = [11, 12, 13, 14, 15, 16, 17, 18, 19, 20];
  const v = op.get;
  /** Per byte: how many of `values` it is above (negated: a comparison gives -1), or whether it equals one (-1). */
  const compareAll = (values: number[], compare: Code, combine: Code): Code =>
    values.flatMap((b, n) => [...v(bytes), ...i8x16Splat(b), ...compare, ...(n ? combine : [])]);
  const widen: Code = [0, 1, 2, 3].flatMap((n) => [
    ...v(w8), ...(n < 2 ? op.i16x8ExtendLowI8x16U : op.i16x8ExtendHighI8x16U), ...(n % 2 ? op.i32x4ExtendHighI16x8U : op.i32x4ExtendLowI16x8U), ...op.set(q),
    ...v(out), ...v(q), ...op.f64x2ConvertLowI32x4S, ...op.v128Store(32 * n),
    ...v(out), ...v(q), ...v(q), ...op.i8x16Shuffle(HIGH_HALF), ...op.f64x2ConvertLowI32x4S, ...op.v128Store(32 * n + 16),
  ]);
  const vectorPass: Code = [
    ...v(state), ...op.i32x4Splat, ...i32x4(MULBERRY32_STEP, 2 * MULBERRY32_STEP, 3 * MULBERRY32_STEP, 4 * MULBERRY32_STEP), ...op.i32x4Add, ...op.set(s),
    ...v(wPtr), ...op.set(out), ...op.i32(STRADDLE_LIST), ...op.set(listEnd),
    ...op.block, ...op.loop,
    ...v(i), ...v(len), ...op.i32LtU, ...op.i32Eqz, ...op.brIf(1),
    ...v(s), ...mix(t, true), ...op.set(t),
    ...v(t), ...v(t), ...op.i8x16Shuffle(ITEM_ORDER), ...op.set(bytes),
    ...v(i), ...v(bytes), ...op.v128Store(TOP_BYTES),
    // Weight = how many step bytes the byte is above (each comparison gives -1 per lane).
    ...i8x16Splat(0), ...compareAll(STEP_BYTES, op.i8x16GtU, op.i8x16Add), ...op.i8x16Sub, ...op.set(w8),
    ...compareAll(STRADDLE_BYTES, op.i8x16Eq, op.v128Or), ...op.set(strad),
    // The tile's last step: items past len weigh nothing and are not settled.
    ...v(len), ...v(i), ...op.i32Sub, ...op.tee(rem), ...op.i32(16), ...op.i32LtU,
    ...op.if,
    ...op.v128Const(Uint8Array.from({ length: 16 }, (_, n) => n)), ...v(rem), ...op.i8x16Splat, ...op.i8x16LtU, ...op.set(t),
    ...v(w8), ...v(t), ...op.v128And, ...op.set(w8), ...v(strad), ...v(t), ...op.v128And, ...op.set(strad),
    ...op.end,
    // List (first item, straddle bits) without a branch: the cursor moves on only when a bit is set.
    ...v(listEnd), ...v(i), ...op.i32Store(), ...v(listEnd), ...v(strad), ...op.i8x16Bitmask, ...op.tee(bm), ...op.i32Store(4),
    ...v(listEnd), ...v(bm), ...op.i32(0), ...op.i32Ne, ...op.i32(3), ...op.i32Shl, ...op.i32Add, ...op.set(listEnd),
    ...v(acc), ...v(w8), ...op.i16x8ExtaddPairwiseI8x16U, ...op.i32x4ExtaddPairwiseI16x8U, ...op.i32x4Add, ...op.set(acc),
    ...widen,
    ...v(out), ...op.i32(128), ...op.i32Add, ...op.set(out),
    ...v(i), ...op.i32(16), ...op.i32Add, ...op.set(i),
    ...v(s), ...op.i32(4 * MULBERRY32_STEP), ...op.i32x4Splat, ...op.i32x4Add, ...op.set(s),
    ...op.br(0),
    ...op.end, ...op.end,
    ...[0, 1, 2, 3].flatMap((lane) => [...v(acc), ...op.i32x4ExtractLane(lane), ...(lane ? op.i32Add : [])]), ...op.set(total),
  ];
  // Item j (draw j >> 2, byte j & 3 from the top) settles on 24 bits from mixing its draw's state ^ (b + 1) *
  // STRADDLE_MIX: its weight is how many Poisson(1) CDF bounds top * 2^24 + those bits reaches, counted on from
  // the weight its byte alone gave (every bound below that is below the slice).
  const settle: Code = [
    ...op.i32(STRADDLE_LIST), ...op.set(e),
    ...op.block, ...op.loop,
    ...v(e), ...v(listEnd), ...op.i32LtU, ...op.i32Eqz, ...op.brIf(1),
    ...v(e), ...op.i32Load(4), ...op.set(bm),
    ...op.loop,
    ...v(e), ...op.i32Load(), ...v(bm), ...op.i32Ctz, ...op.i32Add, ...op.set(j),
    ...v(state), ...v(j), ...op.i32(2), ...op.i32ShrU, ...op.i32(1), ...op.i32Add, ...op.i32(MULBERRY32_STEP), ...op.i32Mul, ...op.i32Add,
    ...v(j), ...op.i32(3), ...op.i32And, ...op.i32(1), ...op.i32Add, ...op.i32(STRADDLE_MIX), ...op.i32Mul, ...op.i32Xor,
    ...mix(m, false), ...op.i32(8), ...op.i32ShrU,
    ...v(j), ...op.i32Load8U(TOP_BYTES), ...op.i32(24), ...op.i32Shl, ...op.i32Or, ...op.set(m),
    ...v(total), ...v(wPtr), ...v(j), ...op.i32(3), ...op.i32Shl, ...op.i32Add, ...op.tee(at), ...op.f64Load(), ...op.i32TruncF64S, ...op.tee(k),
    ...op.i32Sub, ...op.set(total),
    ...op.block, ...op.loop,
    ...v(m), ...op.i64ExtendI32U, ...v(k), ...op.i32(3), ...op.i32Shl, ...op.i64Load(BOUNDS), ...op.i64GeU, ...op.i32Eqz, ...op.brIf(1),
    ...v(k), ...op.i32(1), ...op.i32Add, ...op.set(k), ...op.br(0),
    ...op.end, ...op.end,
    ...v(at), ...v(k), ...op.f64ConvertI32S, ...op.f64Store(), ...v(total), ...v(k), ...op.i32Add, ...op.set(total),
    ...v(bm), ...v(bm), ...op.i32(1), ...op.i32Sub, ...op.i32And, ...op.tee(bm), ...op.brIf(0),
    ...op.end,
    ...v(e), ...op.i32(8), ...op.i32Add, ...op.set(e), ...op.br(0),
    ...op.end, ...op.end,
  ];
  const body: Code = [...vectorPass, ...settle, ...v(total)];
  const locals = [I32, V128, V128, V128, V128, V128, V128, V128, I32, I32, I32, I32, I32, I32, I32, I32, I32, I32];
  return { name: 'tileWeights', params: [I32, I32, I32], results: [I32], locals, body };
}

/**
 * sums{C}(wPtr, xPtr, stride, len, outPtr): for the C columns at xPtr + c * stride, out[c] += their weighted sum
 * over the tile, each in four running sums by item index mod 4 (two f64x2 lanes pairs), combined as
 * (s0 + s1) + (s2 + s3): addWeightedSum's order. Items past len have weight 0 (tileWeights) and add +0.
 */
function weightedSums(columns: number): FunctionDef {
  const [wPtr, xPtr, stride, len, outPtr] = [0, 1, 2, 3, 4];
  const [i, end, wp, wa, wb] = [5, 6, 7, 8, 9];
  const ptr = (c: number) => 10 + c;
  const a = (c: number) => 10 + columns + 2 * c;
  const b = (c: number) => 11 + columns + 2 * c;
  const v = op.get;
  const cols = Array.from({ length: columns }, (_, c) => c);
  const body: Code = [
    ...cols.flatMap((c) => [...v(xPtr), ...v(stride), ...op.i32(c), ...op.i32Mul, ...op.i32Add, ...op.set(ptr(c))]),
    ...v(len), ...op.i32(3), ...op.i32Add, ...op.i32(-4), ...op.i32And, ...op.i32(3), ...op.i32Shl, ...op.set(end),
    ...op.block, ...op.loop,
    ...v(i), ...v(end), ...op.i32LtU, ...op.i32Eqz, ...op.brIf(1),
    ...v(wPtr), ...v(i), ...op.i32Add, ...op.tee(wp), ...op.v128Load(), ...op.set(wa), ...v(wp), ...op.v128Load(16), ...op.set(wb),
    ...cols.flatMap((c) => [
      ...v(a(c)), ...v(wa), ...v(ptr(c)), ...v(i), ...op.i32Add, ...op.v128Load(), ...op.f64x2Mul, ...op.f64x2Add, ...op.set(a(c)),
      ...v(b(c)), ...v(wb), ...v(ptr(c)), ...v(i), ...op.i32Add, ...op.v128Load(16), ...op.f64x2Mul, ...op.f64x2Add, ...op.set(b(c)),
    ]),
    ...v(i), ...op.i32(32), ...op.i32Add, ...op.set(i),
    ...op.br(0),
    ...op.end, ...op.end,
    ...cols.flatMap((c) => [
      ...v(outPtr), ...v(outPtr), ...op.f64Load(8 * c),
      ...v(a(c)), ...op.f64x2ExtractLane(0), ...v(a(c)), ...op.f64x2ExtractLane(1), ...op.f64Add,
      ...v(b(c)), ...op.f64x2ExtractLane(0), ...v(b(c)), ...op.f64x2ExtractLane(1), ...op.f64Add,
      ...op.f64Add, ...op.f64Add, ...op.f64Store(8 * c),
    ]),
  ];
  const locals = [I32, I32, I32, V128, V128, ...cols.map(() => I32), ...cols.flatMap(() => [V128, V128])];
  return { name: `sums${columns}`, params: [I32, I32, I32, I32, I32], results: [], locals, body };
}

/** The most columns one sums kernel adds up in a pass over the weights. */
export const MAX_KERNEL_COLUMNS = 4;

export function kernelModuleBytes(): Uint8Array<ArrayBuffer> {
  return encodeModule([tileWeights(), ...[1, 2, 3, 4].map(weightedSums)], 1);
}

export interface ResampleKernels {
  memory: WebAssembly.Memory;
  /** len <= MAX_TILE_ITEMS. */
  tileWeights(state: number, len: number, wPtr: number): number;
  /** sums[C - 1] adds the weighted sums of C columns. */
  sums: ((wPtr: number, xPtr: number, stride: number, len: number, outPtr: number) => void)[];
  /** Grows the memory to hold `bytes` past KERNEL_HEAP_START (views of memory.buffer must be made after). */
  reserve(bytes: number): void;
}

let loaded: ResampleKernels | null | undefined;

/** The kernels, instantiated once per thread; null where WebAssembly or its SIMD is unavailable. */
export function resampleKernels(): ResampleKernels | null {
  if (loaded !== undefined) return loaded;
  loaded = null;
  if (typeof WebAssembly !== 'object') return loaded;
  const bytes = kernelModuleBytes();
  if (!WebAssembly.validate(bytes)) return loaded;
  const memory = new WebAssembly.Memory({ initial: 1 });
  const exports = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } }).exports as Record<string, CallableFunction>;
  new BigInt64Array(memory.buffer, BOUNDS, POISSON_BOUNDS.length).set(Array.from(POISSON_BOUNDS, (b) => BigInt(b)));
  loaded = {
    memory,
    tileWeights: exports.tileWeights as ResampleKernels['tileWeights'],
    sums: [1, 2, 3, 4].map((c) => exports[`sums${c}`] as ResampleKernels['sums'][number]),
    reserve(size: number) {
      const need = Math.ceil((KERNEL_HEAP_START + size) / 65536) - memory.buffer.byteLength / 65536;
      if (need > 0) memory.grow(need);
    },
  };
  return loaded;
}
