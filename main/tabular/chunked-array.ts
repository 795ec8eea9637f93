// Append-only typed array built in chunks. In memory mode the chunks are joined at the end; in spill mode each
// full chunk is appended to a file, so a column of any length costs one chunk of memory while parsing and is
// read back only when that column is analysed. Chunks start small and double up to 64K values, so a wide file
// with few rows does not reserve 512 KB per column; spill files are opened per append, so thousands of
// columns never exhaust file descriptors.
import { appendFileSync, closeSync, openSync, readSync, writeFileSync } from 'node:fs';

const FIRST_CHUNK = 1 << 10;
const MAX_CHUNK = 1 << 16;

export type StoredArray =
  | { kind: 'memory'; type: 'f64' | 'i32'; data: Float64Array | Int32Array }
  | { kind: 'file'; type: 'f64' | 'i32'; path: string; length: number };

export class ChunkedArray {
  private chunks: (Float64Array | Int32Array)[] = [];
  private current: Float64Array | Int32Array;
  private fill = 0;
  private capacity = FIRST_CHUNK;
  private written = false;
  length = 0;

  constructor(readonly type: 'f64' | 'i32', private readonly spillPath: string | null) {
    this.current = this.newChunk();
  }

  private newChunk(): Float64Array | Int32Array {
    return this.type === 'f64' ? new Float64Array(this.capacity) : new Int32Array(this.capacity);
  }

  push(v: number): void {
    this.current[this.fill++] = v;
    this.length++;
    if (this.fill === this.capacity) this.flush();
  }

  pushRepeated(v: number, n: number): void {
    let left = n;
    while (left > 0) {
      const k = Math.min(left, this.capacity - this.fill);
      this.current.fill(v, this.fill, this.fill + k);
      this.fill += k;
      this.length += k;
      left -= k;
      if (this.fill === this.capacity) this.flush();
    }
  }

  private flush(): void {
    if (this.spillPath === null) {
      this.chunks.push(this.current);
    } else {
      const bytes = new Uint8Array(this.current.buffer, 0, this.fill * this.current.BYTES_PER_ELEMENT);
      if (this.written) appendFileSync(this.spillPath, bytes);
      else writeFileSync(this.spillPath, bytes);
      this.written = true;
    }
    this.fill = 0;
    if (this.capacity < MAX_CHUNK) {
      this.capacity *= 2;
      this.current = this.newChunk();
    } else if (this.spillPath === null) this.current = this.newChunk();
  }

  /** Every value written so far, as one new array (does not end writing). */
  readAll(): Float64Array | Int32Array {
    const out = this.type === 'f64' ? new Float64Array(this.length) : new Int32Array(this.length);
    let at = 0;
    if (this.spillPath !== null && this.written) {
      const stored = loadStoredArray({ kind: 'file', type: this.type, path: this.spillPath, length: this.length - this.fill });
      out.set(stored);
      at = stored.length;
    }
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    out.set(this.current.subarray(0, this.fill), at);
    return out;
  }

  /** Replaces every value written so far by fn(value) (rare: a column of integer keys changing its scale). */
  rewrite(fn: (v: number) => number): void {
    if (this.spillPath !== null && this.written) {
      const stored = loadStoredArray({ kind: 'file', type: this.type, path: this.spillPath, length: this.length - this.fill });
      for (let i = 0; i < stored.length; i++) stored[i] = fn(stored[i]!);
      writeFileSync(this.spillPath, new Uint8Array(stored.buffer));
    }
    for (const c of this.chunks) for (let i = 0; i < c.length; i++) c[i] = fn(c[i]!);
    for (let i = 0; i < this.fill; i++) this.current[i] = fn(this.current[i]!);
  }

  /** In memory mode, the values as the chunks they were written in (no joined copy); null when spilling. Ends writing. */
  memoryChunks(): (Float64Array | Int32Array)[] | null {
    if (this.spillPath !== null) return null;
    const chunks = [...this.chunks, this.current.subarray(0, this.fill)];
    this.chunks = [];
    return chunks;
  }

  /** Ends writing; the result can cross a worker boundary (memory buffers are transferable). */
  finish(): StoredArray {
    if (this.spillPath === null) {
      const out = this.type === 'f64' ? new Float64Array(this.length) : new Int32Array(this.length);
      let at = 0;
      for (const c of this.chunks) {
        out.set(c, at);
        at += c.length;
      }
      out.set(this.current.subarray(0, this.fill), at);
      this.chunks = [];
      return { kind: 'memory', type: this.type, data: out };
    }
    if (this.fill > 0 || !this.written) this.flush();
    return { kind: 'file', type: this.type, path: this.spillPath, length: this.length };
  }
}

/** Materializes a stored array (reads a spilled column back from its file). */
export function loadStoredArray(stored: StoredArray): Float64Array | Int32Array {
  if (stored.kind === 'memory') return stored.data;
  const out = stored.type === 'f64' ? new Float64Array(stored.length) : new Int32Array(stored.length);
  const bytes = new Uint8Array(out.buffer);
  const fd = openSync(stored.path, 'r');
  try {
    let at = 0;
    while (at < bytes.length) {
      const n = readSync(fd, bytes, at, Math.min(bytes.length - at, 1 << 26), null);
      if (n === 0) break;
      at += n;
    }
  } finally {
    closeSync(fd);
  }
  return out;
}
