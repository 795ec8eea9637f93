// A minimal WebAssembly binary encoder: enough to emit the bootstrap's SIMD kernels (resample-kernels.ts) from
// TypeScript at load time. No wasm assembler (wabt, binaryen) is installed offline and a build step would have to
// ship bytes nobody can read; generated here, the kernels are source code that reads like the text format and
// loops in TypeScript unroll them per column count. Opcodes follow the WebAssembly 2.0 spec (SIMD: 0xfd prefix).

export type Code = number[];

/** Value types. */
export const I32 = 0x7f;
export const V128 = 0x7b;

export function uleb(value: number): Code {
  const out: Code = [];
  let v = value >>> 0;
  do {
    const byte = v & 0x7f;
    v >>>= 7;
    out.push(v ? byte | 0x80 : byte);
  } while (v);
  return out;
}

export function sleb(value: number): Code {
  const out: Code = [];
  let v = value | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    const done = (v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

const simd = (opcode: number, ...immediates: number[]): Code => [0xfd, ...uleb(opcode), ...immediates];
/** Memory immediates: log2 alignment and a byte offset. */
const mem = (opcode: number, align: number) => (offset = 0): Code => [opcode, align, ...uleb(offset)];
const simdMem = (opcode: number) => (offset = 0): Code => simd(opcode, 4, ...uleb(offset));

/** Instructions used by the kernels, by their text-format names. */
export const op = {
  block: [0x02, 0x40], loop: [0x03, 0x40], if: [0x04, 0x40], end: [0x0b],
  br: (depth: number): Code => [0x0c, ...uleb(depth)],
  brIf: (depth: number): Code => [0x0d, ...uleb(depth)],
  select: [0x1b],
  get: (local: number): Code => [0x20, ...uleb(local)],
  set: (local: number): Code => [0x21, ...uleb(local)],
  tee: (local: number): Code => [0x22, ...uleb(local)],
  i32Load: mem(0x28, 2), i32Load8U: mem(0x2d, 0), i32Store: mem(0x36, 2), i64Load: mem(0x29, 3), f64Load: mem(0x2b, 3), f64Store: mem(0x39, 3), i32Store8: mem(0x3a, 0),
  i32: (value: number): Code => [0x41, ...sleb(value)],
  f64: (value: number): Code => [0x44, ...new Uint8Array(Float64Array.of(value).buffer)],
  i32Eqz: [0x45], i32Ne: [0x47], i32LtU: [0x49], i64GeU: [0x5a],
  i32Ctz: [0x68], i32Add: [0x6a], i32Sub: [0x6b], i32Mul: [0x6c], i32And: [0x71], i32Or: [0x72], i32Xor: [0x73],
  i32Shl: [0x74], i32ShrU: [0x76],
  f64Add: [0xa0],
  i32TruncF64S: [0xaa], i64ExtendI32U: [0xad], f64ConvertI32S: [0xb7],
  v128Load: simdMem(0x00), v128Store: simdMem(0x0b),
  v128Const: (bytes: ArrayLike<number>): Code => simd(0x0c, ...Array.from(bytes)),
  i8x16Shuffle: (lanes: readonly number[]): Code => simd(0x0d, ...lanes),
  i8x16Splat: simd(0x0f), i32x4Splat: simd(0x11), f64x2Splat: simd(0x14),
  i32x4ExtractLane: (lane: number): Code => simd(0x1b, lane),
  f64x2ExtractLane: (lane: number): Code => simd(0x21, lane),
  i8x16Eq: simd(0x23), i8x16LtU: simd(0x26), i8x16GtU: simd(0x28),
  v128And: simd(0x4e), v128Or: simd(0x50), v128Xor: simd(0x51),
  i8x16Bitmask: simd(0x64), i8x16Add: simd(0x6e), i8x16Sub: simd(0x71),
  i16x8ExtaddPairwiseI8x16U: simd(0x7d), i32x4ExtaddPairwiseI16x8U: simd(0x7f),
  i16x8ExtendLowI8x16U: simd(0x89), i16x8ExtendHighI8x16U: simd(0x8a),
  i32x4ExtendLowI16x8U: simd(0xa9), i32x4ExtendHighI16x8U: simd(0xaa),
  i32x4ShrU: simd(0xad), i32x4Add: simd(0xae), i32x4Mul: simd(0xb5),
  f64x2Add: simd(0xf0), f64x2Mul: simd(0xf2),
  f64x2ConvertLowI32x4S: simd(0xfe),
} as const;

export interface FunctionDef {
  name: string;
  params: number[];
  results: number[];
  /** Types of the locals after the parameters. */
  locals: number[];
  body: Code;
}

const vec = (items: Code[]): Code => [...uleb(items.length), ...items.flat()];
const section = (id: number, content: Code): Code => [id, ...uleb(content.length), ...content];
const name = (s: string): Code => vec(Array.from(s, (c) => [c.charCodeAt(0)]));

/** A module importing its memory as env.memory (at least `minPages` pages) and exporting every function by name. */
export function encodeModule(functions: readonly FunctionDef[], minPages: number): Uint8Array<ArrayBuffer> {
  const types = section(1, vec(functions.map((f) => [0x60, ...vec(f.params.map((t) => [t])), ...vec(f.results.map((t) => [t]))])));
  const imports = section(2, vec([[...name('env'), ...name('memory'), 0x02, 0x00, ...uleb(minPages)]]));
  const declared = section(3, vec(functions.map((_, i) => uleb(i))));
  const exports = section(7, vec(functions.map((f, i) => [...name(f.name), 0x00, ...uleb(i)])));
  const code = section(10, vec(functions.map((f) => {
    const body = [...vec(f.locals.map((t) => [1, t])), ...f.body, ...op.end];
    return [...uleb(body.length), ...body];
  })));
  return Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...types, ...imports, ...declared, ...exports, ...code]);
}
