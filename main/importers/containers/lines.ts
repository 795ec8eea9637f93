import { isUtf8 } from 'node:buffer';

export interface LineProblem {
  line: number;
  byteOffset: number;
  reason: string;
  raw: string | null;
}

/** Lines longer than this are reported and skipped without being held in memory. */
export const DEFAULT_MAX_LINE_BYTES = 128 * 1024 * 1024;

const NL = 0x0a;
/** Largest piece of a read chunk decoded into one string (see emitDecoded). */
const DECODE_PIECE_BYTES = 64 * 1024;
const CR = 0x0d;

/**
 * Splits a byte stream into lines (LF or CRLF) for JSONL. The fast path decodes all complete lines of a chunk
 * with one UTF-8 check and one toString; only a chunk with invalid UTF-8 is re-walked line by line so the bad
 * lines are reported and the good ones kept. A UTF-8 BOM at the start is dropped.
 */
export class LineSplitter {
  private carry: Buffer[] = [];
  private carryBytes = 0;
  private skipping = false;
  private line = 0;
  private offset = 0;
  private carryStart = 0;
  private first = true;

  constructor(
    private readonly onLine: (text: string, line: number) => void,
    private readonly onProblem: (p: LineProblem) => void,
    private readonly maxLineBytes = DEFAULT_MAX_LINE_BYTES,
  ) {}

  push(input: Buffer): void {
    let chunk = input;
    if (this.first) {
      this.first = false;
      if (chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
        chunk = chunk.subarray(3);
        this.offset = 3;
      }
    }
    let start = 0;
    if (this.carryBytes > 0 || this.skipping) {
      const nl = chunk.indexOf(NL);
      if (nl === -1) {
        this.hold(chunk);
        this.offset += chunk.length;
        return;
      }
      this.hold(chunk.subarray(0, nl));
      this.flushCarry();
      start = nl + 1;
    }
    const last = chunk.lastIndexOf(NL);
    if (last >= start) {
      const block = chunk.subarray(start, last);
      if (isUtf8(block)) this.emitDecoded(block);
      else this.emitSlow(block, this.offset + start);
      start = last + 1;
    }
    if (start < chunk.length) {
      this.carryStart = this.offset + start;
      this.hold(chunk.subarray(start));
    }
    this.offset += chunk.length;
  }

  /** The last line may lack a newline (and is often the truncated one). */
  end(): void {
    if (this.carryBytes > 0 || this.skipping) this.flushCarry();
  }

  lines(): number {
    return this.line;
  }

  private hold(part: Buffer): void {
    if (this.skipping) {
      this.carryBytes += part.length;
      return;
    }
    if (this.carryBytes + part.length > this.maxLineBytes) {
      this.skipping = true;
      this.carry = [];
      this.carryBytes += part.length;
      return;
    }
    // Copy: the stream may reuse its buffers after the chunk is handed on.
    this.carry.push(Buffer.from(part));
    this.carryBytes += part.length;
  }

  private flushCarry(): void {
    this.line++;
    if (this.skipping) {
      this.onProblem({
        line: this.line, byteOffset: this.carryStart, raw: null,
        reason: `line is ${formatBytes(this.carryBytes)}, longer than the ${formatBytes(this.maxLineBytes)} limit; skipped`,
      });
    } else {
      const buf = this.carry.length === 1 ? this.carry[0]! : Buffer.concat(this.carry, this.carryBytes);
      this.emitOne(buf, this.carryStart);
    }
    this.carry = [];
    this.carryBytes = 0;
    this.skipping = false;
  }

  /**
   * Decodes a block of whole, valid UTF-8 lines a piece of at most DECODE_PIECE_BYTES (or one longer line) at a
   * time. Strings over V8's regular object size go to its large-object space, and decoding 1 MiB read chunks
   * whole cost ~25x more CPU than 64 KiB pieces (about 0.8 s against 0.035 s for 170 MB of JSONL).
   */
  private emitDecoded(block: Buffer): void {
    for (let s = 0; ; ) {
      let e = block.length;
      if (e - s > DECODE_PIECE_BYTES) {
        let cut = block.lastIndexOf(NL, s + DECODE_PIECE_BYTES);
        if (cut < s) cut = block.indexOf(NL, s + DECODE_PIECE_BYTES);
        if (cut !== -1) e = cut;
      }
      this.emitBlock(block.toString('utf8', s, e));
      if (e === block.length) return;
      s = e + 1;
    }
  }

  private emitBlock(text: string): void {
    const parts = text.split('\n');
    for (let i = 0; i < parts.length; i++) {
      let t = parts[i]!;
      if (t.length > 0 && t.charCodeAt(t.length - 1) === 13) t = t.slice(0, -1);
      this.onLine(t, ++this.line);
    }
  }

  private emitSlow(block: Buffer, byteOffset: number): void {
    let s = 0;
    while (s <= block.length) {
      let e = block.indexOf(NL, s);
      if (e === -1) e = block.length;
      this.emitOne(block.subarray(s, e), byteOffset + s, true);
      s = e + 1;
    }
  }

  private emitOne(buf: Buffer, byteOffset: number, counted = false): void {
    if (counted) this.line++;
    let b = buf;
    if (b.length > 0 && b[b.length - 1] === CR) b = b.subarray(0, b.length - 1);
    if (!isUtf8(b)) {
      const bad = firstInvalidUtf8(b);
      this.onProblem({
        line: this.line, byteOffset: byteOffset + bad, raw: b.toString('utf8'),
        reason: `invalid UTF-8 at byte ${bad} of the line (byte offset ${byteOffset + bad} in the file)`,
      });
      return;
    }
    this.onLine(b.toString('utf8'), this.line);
  }
}

/** Index of the first byte that breaks UTF-8 (only called on the slow path). */
export function firstInvalidUtf8(b: Buffer): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const n = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (n === 0 || i + n > b.length) return i;
    if (!isUtf8(b.subarray(i, i + n))) return i;
    i += n;
  }
  return b.length;
}

export function formatBytes(n: number): string {
  if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(n >= 10 << 20 ? 0 : 1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(0)} KiB`;
  return `${n} bytes`;
}
