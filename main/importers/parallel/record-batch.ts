import type { NewRecord } from '../../storage/record-writer';

/** String fields of a record in batch order; numbers follow separately. */
const STRINGS = 11;
const NUMBERS = 4;

export interface BatchQuarantine {
  line: number | null;
  byteOffset: number | null;
  field: string | null;
  reason: string;
  raw: string | null;
}

/**
 * Records normalized on the worker, packed for the main thread: the non-null strings in field order (cloned as
 * they are; joining them would move work onto the worker, the busier thread), a null mask and numbers in
 * transferable arrays.
 */
export interface RecordBatch {
  t: 'batch';
  file: number;
  count: number;
  strings: string[];
  /** Bit i*11+k set when string field k of record i is null. */
  nulls: Uint8Array;
  nums: Float64Array;
  lines: Int32Array;
  quarantine: BatchQuarantine[];
  /** Raw bytes read so far (all files) and items read, for progress. */
  bytes: number;
  items: number;
}

/** Accumulates up to `capacity` records on the worker side; `take()` returns a batch and starts a new one. */
export class BatchWriter {
  private strings: string[] = [];
  private nulls: Uint8Array;
  private nums: Float64Array;
  private lines: Int32Array;
  private chars = 0;
  quarantine: BatchQuarantine[] = [];
  count = 0;
  private readonly initialCapacity: number;

  constructor(private capacity = 2048) {
    this.initialCapacity = capacity;
    this.nulls = new Uint8Array(Math.ceil((capacity * STRINGS) / 8));
    this.nums = new Float64Array(capacity * NUMBERS);
    this.lines = new Int32Array(capacity);
  }

  private str(slot: number, s: string | null): void {
    if (s === null) this.nulls[slot >> 3]! |= 1 << (slot & 7);
    else {
      this.strings.push(s);
      this.chars += s.length;
    }
  }

  add(r: NewRecord, template: string | null, line: number): void {
    // A chunk of many small records can overfill a batch before the reader gets to send it.
    if (this.count === this.capacity) this.grow();
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
    this.count++;
  }

  private grow(): void {
    const cap = this.capacity * 2;
    const nulls = new Uint8Array(Math.ceil((cap * STRINGS) / 8));
    nulls.set(this.nulls);
    const nums = new Float64Array(cap * NUMBERS);
    nums.set(this.nums);
    const lines = new Int32Array(cap);
    lines.set(this.lines);
    this.nulls = nulls;
    this.nums = nums;
    this.lines = lines;
    this.capacity = cap;
  }

  get size(): number {
    return this.chars;
  }

  get full(): boolean {
    return this.count >= this.initialCapacity;
  }

  take(file: number, bytes: number, items: number): RecordBatch {
    const n = this.count;
    const batch: RecordBatch = {
      t: 'batch', file, count: n, strings: this.strings, nulls: this.nulls, nums: this.nums, lines: this.lines,
      quarantine: this.quarantine, bytes, items,
    };
    this.strings = [];
    this.capacity = this.initialCapacity;
    this.nulls = new Uint8Array(Math.ceil((this.capacity * STRINGS) / 8));
    this.nums = new Float64Array(this.capacity * NUMBERS);
    this.lines = new Int32Array(this.capacity);
    this.chars = 0;
    this.quarantine = [];
    this.count = 0;
    return batch;
  }
}

/** Unpacks a batch record by record. */
export function* readBatch(b: RecordBatch): Generator<{ r: NewRecord; template: string | null; line: number }> {
  let pos = 0;
  const str = (slot: number): string | null => ((b.nulls[slot >> 3]! >> (slot & 7)) & 1 ? null : b.strings[pos++]!);
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
    yield { r, template, line: b.lines[k]! };
  }
}
