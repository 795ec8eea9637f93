import type { NewRecord } from '../../storage/record-writer';

/** String fields of a record in batch order; numbers follow separately. */
const STRINGS = 11;
const NUMBERS = 4;
const DIGEST = 32;

export interface BatchQuarantine {
  line: number | null;
  byteOffset: number | null;
  field: string | null;
  reason: string;
  raw: string | null;
}

/** Records normalized on the worker, packed so the main thread only slices strings and binds them. */
export interface RecordBatch {
  t: 'batch';
  file: number;
  count: number;
  lens: Int32Array;
  nums: Float64Array;
  lines: Int32Array;
  digests: Uint8Array;
  text: string;
  quarantine: BatchQuarantine[];
  /** Raw bytes read so far (all files) and items read, for progress. */
  bytes: number;
  items: number;
}

/** Accumulates records on the worker side; `take()` returns a batch and starts a new one. */
export class BatchWriter {
  private lens: number[] = [];
  private nums: number[] = [];
  private lines: number[] = [];
  private digests: Buffer[] = [];
  private parts: string[] = [];
  private chars = 0;
  quarantine: BatchQuarantine[] = [];
  count = 0;

  add(r: NewRecord, template: string | null, digest: Buffer, line: number): void {
    for (const s of [r.externalId, r.timestamp, r.model, r.modelVersion, r.promptId, r.promptVersion, r.input, r.output, r.contextsJson, r.metadataJson, template]) {
      if (s === null) this.lens.push(-1);
      else {
        this.lens.push(s.length);
        this.parts.push(s);
        this.chars += s.length;
      }
    }
    for (const n of [r.tokensIn, r.tokensOut, r.latencyMs, r.cost]) this.nums.push(n ?? Number.NaN);
    this.lines.push(line);
    this.digests.push(digest);
    this.count++;
  }

  get size(): number {
    return this.chars;
  }

  take(file: number, bytes: number, items: number): RecordBatch {
    const batch: RecordBatch = {
      t: 'batch', file, count: this.count, lens: Int32Array.from(this.lens), nums: Float64Array.from(this.nums), lines: Int32Array.from(this.lines),
      digests: new Uint8Array(Buffer.concat(this.digests)), text: this.parts.join(''), quarantine: this.quarantine, bytes, items,
    };
    this.lens = []; this.nums = []; this.lines = []; this.digests = []; this.parts = []; this.chars = 0; this.quarantine = []; this.count = 0;
    return batch;
  }
}

/** Unpacks a batch record by record; strings are substrings of one text (cheap slices, no copies). */
export function* readBatch(b: RecordBatch): Generator<{ r: NewRecord; template: string | null; digest: Buffer; line: number }> {
  let pos = 0;
  const digests = Buffer.from(b.digests.buffer, b.digests.byteOffset, b.digests.byteLength);
  const str = (i: number): string | null => {
    const len = b.lens[i]!;
    if (len < 0) return null;
    const s = b.text.substring(pos, pos + len);
    pos += len;
    return s;
  };
  const num = (i: number): number | null => {
    const n = b.nums[i]!;
    return Number.isNaN(n) ? null : n;
  };
  for (let k = 0; k < b.count; k++) {
    const s = k * STRINGS;
    const n = k * NUMBERS;
    const r: NewRecord = {
      externalId: str(s), timestamp: str(s + 1), model: str(s + 2), modelVersion: str(s + 3), promptId: str(s + 4), promptVersion: str(s + 5),
      input: str(s + 6) ?? '', output: str(s + 7) ?? '', contextsJson: str(s + 8) ?? '[]', metadataJson: str(s + 9) ?? '{}',
      tokensIn: num(n), tokensOut: num(n + 1), latencyMs: num(n + 2), cost: num(n + 3),
    };
    const template = str(s + 10);
    yield { r, template, digest: digests.subarray(k * DIGEST, (k + 1) * DIGEST), line: b.lines[k]! };
  }
}
