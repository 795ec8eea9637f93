/**
 * Structural check of an hnswlib index file before the native loader sees it. hnswlib trusts the header: a
 * damaged one can make it allocate absurd amounts of memory, and damaged link lists can make a later search
 * read outside its arrays and crash the process. Checking here turns both into a clear error.
 *
 * Layout (hnswlib 0.8, little-endian, size_t = 8 bytes): offsetLevel0, maxElements, count, sizeDataPerElement,
 * labelOffset, offsetData (u64 each), maxLevel (i32), entryPoint (u32), maxM, maxM0, M (u64), mult (f64),
 * efConstruction (u64); then count level-0 records; then per element a u32 byte size and its upper-level links.
 * An element's vector part is dim float32 in the 'cosine' space, and [f32 scale][dim int8][dim float32] in
 * 'cosine-int8' (scripts/hnswlib-tuned-patch.mjs): the file does not name its space, but for a given dimension
 * the two sizes differ (4d vs 5d + 4), so the dimension the index's metadata records decides it.
 */

import type { HnswSpace } from './hnswlib';

const HEADER_BYTES = 96;

export interface HnswFileInfo {
  /** Bytes of each element's vector part (see fileSpace). */
  vectorBytes: number;
  count: number;
  maxElements: number;
  m: number;
  efConstruction: number;
}

/** Returns the file's parameters, or a sentence saying what is wrong with it. */
export function checkHnswFile(buf: Uint8Array): { ok: true; info: HnswFileInfo } | { ok: false; problem: string } {
  const fail = (problem: string) => ({ ok: false as const, problem });
  if (buf.length < HEADER_BYTES) return fail(`file is ${buf.length} bytes, shorter than the ${HEADER_BYTES}-byte header`);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const u64 = (at: number): number => {
    const v = view.getBigUint64(at, true);
    return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
  };
  const offsetLevel0 = u64(0);
  const maxElements = u64(8);
  const count = u64(16);
  const sizePerElement = u64(24);
  const labelOffset = u64(32);
  const offsetData = u64(40);
  const maxLevel = view.getInt32(48, true);
  const entryPoint = view.getUint32(52, true);
  const maxM = u64(56);
  const maxM0 = u64(64);
  const m = u64(72);
  const mult = view.getFloat64(80, true);
  const efConstruction = u64(88);

  if (offsetLevel0 !== 0) return fail('header is damaged (level-0 offset is not 0)');
  if (m < 2 || m > 1024 || maxM !== m || maxM0 !== 2 * m) return fail(`header is damaged (M=${m}, maxM=${maxM}, maxM0=${maxM0})`);
  const linksLevel0 = maxM0 * 4 + 4;
  if (offsetData !== linksLevel0) return fail('header is damaged (data offset does not follow the level-0 links)');
  const dataBytes = labelOffset - offsetData;
  if (labelOffset <= offsetData || dataBytes > 5 * 65536 + 4 || (dataBytes % 4 !== 0 && (dataBytes - 4) % 5 !== 0)) return fail('header is damaged (vector size)');
  if (sizePerElement !== labelOffset + 8) return fail('header is damaged (element size)');
  if (count > maxElements) return fail(`header is damaged (${count} elements in a capacity of ${maxElements})`);
  if (!(mult > 0 && mult < 10)) return fail('header is damaged (level multiplier)');
  if (count > 0 && (entryPoint >= count || maxLevel < 0 || maxLevel > 64)) return fail('header is damaged (entry point)');

  const level0End = HEADER_BYTES + count * sizePerElement;
  if (level0End > buf.length) return fail(`file is truncated: ${buf.length} bytes, the ${count} vectors alone need ${level0End}`);
  for (let i = 0; i < count; i++) {
    const at = HEADER_BYTES + i * sizePerElement;
    const links = view.getUint16(at, true);
    if (links > maxM0) return fail(`element ${i} has ${links} links (at most ${maxM0})`);
    for (let j = 0; j < links; j++) {
      if (view.getUint32(at + 4 + j * 4, true) >= count) return fail(`element ${i} links to a non-existent element`);
    }
  }
  const linksPerLevel = maxM * 4 + 4;
  let pos = level0End;
  for (let i = 0; i < count; i++) {
    if (pos + 4 > buf.length) return fail(`file is truncated in the upper-level links (element ${i} of ${count})`);
    const size = view.getUint32(pos, true);
    pos += 4;
    if (size % linksPerLevel !== 0 || size / linksPerLevel > 64) return fail(`element ${i} has a damaged upper-level link list`);
    if (pos + size > buf.length) return fail(`file is truncated in the upper-level links (element ${i} of ${count})`);
    for (let level = 0; level < size / linksPerLevel; level++) {
      const at = pos + level * linksPerLevel;
      const links = view.getUint16(at, true);
      if (links > maxM) return fail(`element ${i} has ${links} links on level ${level + 1} (at most ${maxM})`);
      for (let j = 0; j < links; j++) {
        if (view.getUint32(at + 4 + j * 4, true) >= count) return fail(`element ${i} links to a non-existent element`);
      }
    }
    pos += size;
  }
  if (pos !== buf.length) return fail(`file has ${buf.length - pos} unexpected trailing bytes`);
  return { ok: true, info: { vectorBytes: dataBytes, count, maxElements, m, efConstruction } };
}

/** The space whose element layout has `info.vectorBytes` for `dimension`, or null when neither does. */
export function fileSpace(info: HnswFileInfo, dimension: number): HnswSpace | null {
  if (info.vectorBytes === 4 * dimension) return 'cosine';
  if (info.vectorBytes === 5 * dimension + 4) return 'cosine-int8';
  return null;
}

/** What a vector part of `vectorBytes` can hold, for messages: "16-dimensional float32 vectors", ... */
export function describeVectorBytes(vectorBytes: number): string {
  const fits: string[] = [];
  if (vectorBytes % 4 === 0) fits.push(`${vectorBytes / 4}-dimensional float32 vectors`);
  if (vectorBytes > 4 && (vectorBytes - 4) % 5 === 0) fits.push(`${(vectorBytes - 4) / 5}-dimensional int8 + float32 vectors`);
  return fits.join(' or ');
}

/**
 * The int8 layout's per-vector scales (maxabs / 127 of a unit vector, so within [0, 1/127]): a damaged one would
 * not crash a search, but would silently misorder its walk.
 */
export function checkInt8Scales(buf: Uint8Array, info: HnswFileInfo): string | null {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const sizePerElement = Number(view.getBigUint64(24, true));
  const offsetData = Number(view.getBigUint64(40, true));
  for (let i = 0; i < info.count; i++) {
    const scale = view.getFloat32(HEADER_BYTES + i * sizePerElement + offsetData, true);
    if (!(scale >= 0 && scale <= 1.0001 / 127)) return `element ${i} has a damaged int8 scale (${scale})`;
  }
  return null;
}

export interface StoredVectors {
  /** Live (not deleted) vectors, row-major, as stored (normalized for the cosine space). */
  matrix: Float32Array;
  labels: Uint32Array;
}

/**
 * Reads the level-0 float vectors and labels of a file that passed checkHnswFile, skipping deleted elements
 * (in the int8 space, the float part after the scale and the codes).
 */
export function readStoredVectors(buf: Uint8Array, info: HnswFileInfo, space: HnswSpace, dim: number): StoredVectors {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const sizePerElement = Number(view.getBigUint64(24, true));
  const labelOffset = Number(view.getBigUint64(32, true));
  const offsetData = Number(view.getBigUint64(40, true));
  const floatsAt = offsetData + (space === 'cosine-int8' ? 4 + dim : 0);
  const live: number[] = [];
  for (let i = 0; i < info.count; i++) {
    // hnswlib keeps the delete mark in the third byte of each element's level-0 link header.
    if ((buf[HEADER_BYTES + i * sizePerElement + 2]! & 1) === 0) live.push(i);
  }
  const matrix = new Float32Array(live.length * dim);
  const labels = new Uint32Array(live.length);
  live.forEach((i, row) => {
    const at = HEADER_BYTES + i * sizePerElement;
    for (let d = 0; d < dim; d++) matrix[row * dim + d] = view.getFloat32(at + floatsAt + d * 4, true);
    labels[row] = Number(view.getBigUint64(at + labelOffset, true));
  });
  return { matrix, labels };
}
