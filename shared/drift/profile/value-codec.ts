// Compact, exact encoding of value counts (ascending distinct values and their counts) for profile files.
// Values that are all k / 10^d for integers k (d <= 9; columns read from text usually are) are stored as the
// first k and then the gaps between consecutive k, as variable-length integers (a byte or two per value);
// anything else as raw float64. Counts are variable-length integers. Decoding gives back the same doubles
// (each k / 10^d was checked to equal its value when encoding).
import type { ValueCounts } from './column-summary';

const MAX_DECIMALS = 9;

export type ValueEncoding = { kind: 'decimal'; decimals: number } | { kind: 'f64' };

class ByteWriter {
  private buf = new Uint8Array(1 << 16);
  length = 0;

  private reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  /** A non-negative integer below 2^53. */
  varint(v: number): void {
    this.reserve(8);
    let x = v;
    while (x >= 128) {
      this.buf[this.length++] = (x % 128) | 128;
      x = Math.floor(x / 128);
    }
    this.buf[this.length++] = x;
  }

  f64(values: Float64Array): void {
    this.reserve(values.length * 8);
    const view = new DataView(this.buf.buffer, this.buf.byteOffset);
    for (let i = 0; i < values.length; i++) view.setFloat64(this.length + i * 8, values[i]!, true);
    this.length += values.length * 8;
  }

  bytes(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}

class ByteReader {
  private readonly view: DataView;
  constructor(private readonly buf: Uint8Array, public at: number) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }

  varint(): number {
    let v = 0;
    let scale = 1;
    for (;;) {
      if (this.at >= this.buf.length) throw new Error('truncated data');
      const b = this.buf[this.at++]!;
      v += (b & 127) * scale;
      if (b < 128) return v;
      scale *= 128;
    }
  }

  f64(): number {
    if (this.at + 8 > this.buf.length) throw new Error('truncated data');
    const v = this.view.getFloat64(this.at, true);
    this.at += 8;
    return v;
  }
}

function decimalsOf(values: Float64Array): number {
  for (let d = 0; d <= MAX_DECIMALS; d++) {
    const p = 10 ** d;
    let ok = true;
    for (let i = 0; i < values.length && ok; i++) {
      const k = Math.round(values[i]! * p);
      ok = Math.abs(k) < 2 ** 52 && k / p === values[i];
    }
    if (ok) return d;
  }
  return -1;
}

export function encodeValueCounts(vc: ValueCounts): { encoding: ValueEncoding; count: number; bytes: Uint8Array } {
  const w = new ByteWriter();
  const d = decimalsOf(vc.values);
  let encoding: ValueEncoding;
  if (d >= 0) {
    encoding = { kind: 'decimal', decimals: d };
    const p = 10 ** d;
    let prev = 0;
    for (let i = 0; i < vc.values.length; i++) {
      const k = Math.round(vc.values[i]! * p);
      if (i === 0) w.varint(k >= 0 ? 2 * k : -2 * k - 1);
      else w.varint(k - prev);
      prev = k;
    }
  } else {
    encoding = { kind: 'f64' };
    w.f64(vc.values);
  }
  for (let i = 0; i < vc.counts.length; i++) w.varint(vc.counts[i]!);
  return { encoding, count: vc.values.length, bytes: w.bytes() };
}

export function decodeValueCounts(bytes: Uint8Array, encoding: ValueEncoding, count: number): ValueCounts {
  const r = new ByteReader(bytes, 0);
  const values = new Float64Array(count);
  if (encoding.kind === 'decimal') {
    const p = 10 ** encoding.decimals;
    let k = 0;
    for (let i = 0; i < count; i++) {
      if (i === 0) {
        const z = r.varint();
        k = z % 2 === 0 ? z / 2 : -(z + 1) / 2;
      } else k += r.varint();
      values[i] = k / p;
    }
  } else for (let i = 0; i < count; i++) values[i] = r.f64();
  const counts = new Float64Array(count);
  for (let i = 0; i < count; i++) counts[i] = r.varint();
  if (r.at !== bytes.length) throw new Error('unexpected bytes after the values');
  return { values, counts };
}
