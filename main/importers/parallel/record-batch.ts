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

/**
 * Records normalized on the worker, packed for the main thread: every string field concatenated into one text
 * (one copy to clone, and the main thread takes substrings) with their lengths (-1 for null), numbers and
 * per-record digests in transferable arrays.
 */
export interface RecordBatch {
  t: 'batch';
  file: number;
  count: number;
  text: string;
  lens: Int32Array;
  nums: Float64Array;
  lines: Int32Array;
  digests: Uint8Array;
  quarantine: BatchQuarantine[];
  /** Raw bytes read so far (all files) and items read, for progress. */
  bytes: number;
  items: number;
}

/** Accumulates up to `capacity` records on the worker side; `take()` returns a batch and starts a new one. */
export class BatchWriter {
  private strings: string[] = [];
  private lens: Int32Array;
  private nums: Float64Array;
  private lines: Int32Array;
  private digests: Uint8Array;
  private chars = 0;
  quarantine: BatchQuarantine[] = [];
  count = 0;

  constructor(readonly capacity = 2048) {
    this.lens = new Int32Array(capacity * STRINGS);
    this.nums = new Float64Array(capacity * NUMBERS);
    this.lines = new Int32Array(capacity);
    this.digests = new Uint8Array(capacity * DIGEST);
  }

  private str(slot: number, s: string | null): void {
    if (s === null) this.lens[slot] = -1;
    else {
      this.lens[slot] = s.length;
      this.strings.push(s);
      this.chars += s.length;
    }
  }

  add(r: NewRecord, template: string | null, digest: Buffer, line: number): void {
    const k = this.count;
    const s = k * STRINGS;
    this.str(s, r.externalId); this.str(s + 1, r.timestamp); this.str(s + 2, r.model); this.str(s + 3, r.modelVersion);
    this.str(s + 4, r.promptId); this.str(s + 5, r.promptVersion); this.str(s + 6, r.input); this.str(s + 7, r.output);
    this.str(s + 8, r.contextsJson); this.str(s + 9, r.metadataJson); this.str(s + 10, template);
    const n = k * NUMBERS;
    this.nums[n] = r.tokensIn ?? Number.NaN;
    this.nums[n + 1] = r.tokensOut ?? Number.NaN;
    this.nums[n + 2] = r.latencyMs ?? Number.NaN;
    this.nums[n + 3] = r.cost ?? Number.NaN;
    this.lines[k] = line;
    this.digests.set(digest, k * DIGEST);
    this.count++;
  }

  get size(): number {
    return this.chars;
  }

  get full(): boolean {
    return this.count >= this.capacity;
  }

  take(file: number, bytes: number, items: number): RecordBatch {
    const n = this.count;
    const batch: RecordBatch = {
      t: 'batch', file, count: n, text: this.strings.join(''), lens: this.lens, nums: this.nums, lines: this.lines, digests: this.digests,
      quarantine: this.quarantine, bytes, items,
    };
    this.strings = [];
    this.lens = new Int32Array(this.capacity * STRINGS);
    this.nums = new Float64Array(this.capacity * NUMBERS);
    this.lines = new Int32Array(this.capacity);
    this.digests = new Uint8Array(this.capacity * DIGEST);
    this.chars = 0;
    this.quarantine = [];
    this.count = 0;
    return batch;
  }
}

/** Unpacks a batch record by record. */
export function* readBatch(b: RecordBatch): Generator<{ r: NewRecord; template: string | null; digest: Buffer; line: number }> {
  let pos = 0;
  const digests = Buffer.from(b.digests.buffer, b.digests.byteOffset, b.digests.byteLength);
  const str = (slot: number): string | null => {
    const len = b.lens[slot]!;
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
