import type { EncodedRecord, NewRecord } from '../../storage/record-writer';

/** Short string fields of a record in batch order (cloned as strings); the long ones travel as UTF-8 bytes. */
const STRINGS = 7;
/** Long text fields (input, output, contexts JSON, metadata JSON), UTF-8 encoded into one transferable buffer. */
const TEXTS = 4;
const NUMBERS = 4;

export interface BatchQuarantine {
  line: number | null;
  byteOffset: number | null;
  field: string | null;
  reason: string;
  raw: string | null;
}

/**
 * Records normalized on the worker, packed for the main thread. The long text fields (nearly all the bytes of a
 * RAG record) are UTF-8 encoded into one buffer that is transferred, not cloned: the main thread neither
 * deserializes nor re-encodes them, it hands byte ranges straight to SQLite. Short strings go as a list (non-null
 * ones in field order, nulls in a bit mask); numbers and line numbers in transferable arrays.
 */
export interface RecordBatch {
  t: 'batch';
  file: number;
  count: number;
  strings: string[];
  /** Bit i*7+k set when short string field k of record i is null. */
  nulls: Uint8Array;
  nums: Float64Array;
  lines: Int32Array;
  /** The long text fields back to back; `ends[i*4+k]` is where field k of record i ends. */
  text: Uint8Array;
  ends: Uint32Array;
  quarantine: BatchQuarantine[];
  /** Raw bytes read so far (all files) and items read, for progress. */
  bytes: number;
  items: number;
}

/** The buffers a batch transfers to the main thread (they become unusable on the worker). */
export function transferList(b: RecordBatch): ArrayBuffer[] {
  return [b.nulls.buffer, b.nums.buffer, b.lines.buffer, b.text.buffer, b.ends.buffer] as ArrayBuffer[];
}

/** Accumulates up to `capacity` records on the worker side; `take()` returns a batch and starts a new one. */
export class BatchWriter {
  private strings: string[] = [];
  private nulls!: Uint8Array;
  private nums!: Float64Array;
  private lines!: Int32Array;
  private ends!: Uint32Array;
  private text: Uint8Array;
  private textUsed = 0;
  private chars = 0;
  quarantine: BatchQuarantine[] = [];
  count = 0;
  private capacity: number;

  constructor(private readonly initialCapacity = 2048, private readonly initialTextBytes = 1 << 21) {
    this.capacity = initialCapacity;
    this.allocate(initialCapacity);
    this.text = new Uint8Array(initialTextBytes);
  }

  private allocate(cap: number): void {
    const { nulls, nums, lines, ends } = this;
    this.nulls = new Uint8Array(Math.ceil((cap * STRINGS) / 8));
    this.nums = new Float64Array(cap * NUMBERS);
    this.lines = new Int32Array(cap);
    this.ends = new Uint32Array(cap * TEXTS);
    if (nulls && this.count > 0) {
      this.nulls.set(nulls);
      this.nums.set(nums);
      this.lines.set(lines);
      this.ends.set(ends);
    }
    this.capacity = cap;
  }

  private str(slot: number, s: string | null): void {
    if (s === null) this.nulls[slot >> 3]! |= 1 << (slot & 7);
    else {
      this.strings.push(s);
      this.chars += s.length;
    }
  }

  private put(slot: number, s: string): void {
    // UTF-8 needs at most 3 bytes per UTF-16 code unit.
    const need = this.textUsed + s.length * 3;
    if (need > this.text.length) {
      const grown = new Uint8Array(Math.max(need, this.text.length * 2));
      grown.set(this.text.subarray(0, this.textUsed));
      this.text = grown;
    }
    this.textUsed += ENCODER.encodeInto(s, this.text.subarray(this.textUsed)).written;
    this.ends[slot] = this.textUsed;
    this.chars += s.length;
  }

  add(r: NewRecord, template: string | null, line: number): void {
    // A chunk of many small records can overfill a batch before the reader gets to send it.
    if (this.count === this.capacity) this.allocate(this.capacity * 2);
    const k = this.count;
    const s = k * STRINGS;
    this.str(s, r.externalId); this.str(s + 1, r.timestamp); this.str(s + 2, r.model); this.str(s + 3, r.modelVersion);
    this.str(s + 4, r.promptId); this.str(s + 5, r.promptVersion); this.str(s + 6, template);
    const t = k * TEXTS;
    this.put(t, r.input); this.put(t + 1, r.output); this.put(t + 2, r.contextsJson); this.put(t + 3, r.metadataJson);
    const n = k * NUMBERS;
    this.nums[n] = r.tokensIn ?? Number.NaN;
    this.nums[n + 1] = r.tokensOut ?? Number.NaN;
    this.nums[n + 2] = r.latencyMs ?? Number.NaN;
    this.nums[n + 3] = r.cost ?? Number.NaN;
    this.lines[k] = line;
    this.count++;
  }

  /** UTF-16 code units held, to size batches. */
  get size(): number {
    return this.chars;
  }

  get full(): boolean {
    return this.count >= this.initialCapacity;
  }

  take(file: number, bytes: number, items: number): RecordBatch {
    const batch: RecordBatch = {
      t: 'batch', file, count: this.count, strings: this.strings, nulls: this.nulls, nums: this.nums, lines: this.lines,
      text: this.text, ends: this.ends, quarantine: this.quarantine, bytes, items,
    };
    this.strings = [];
    this.count = 0;
    this.allocate(this.initialCapacity);
    this.text = new Uint8Array(this.initialTextBytes);
    this.textUsed = 0;
    this.chars = 0;
    this.quarantine = [];
    return batch;
  }
}

const ENCODER = new TextEncoder();

/** Unpacks a batch record by record; the long fields are views into the batch's text buffer (no copy, no decoding). */
export function* readBatch(b: RecordBatch): Generator<{ r: EncodedRecord; template: string | null; line: number }> {
  let pos = 0;
  const str = (slot: number): string | null => ((b.nulls[slot >> 3]! >> (slot & 7)) & 1 ? null : b.strings[pos++]!);
  const num = (i: number): number | null => {
    const n = b.nums[i]!;
    return Number.isNaN(n) ? null : n;
  };
  const buf = Buffer.from(b.text.buffer, b.text.byteOffset, b.text.byteLength);
  let start = 0;
  const bytes = (slot: number): Buffer => {
    const end = b.ends[slot]!;
    const view = buf.subarray(start, end);
    start = end;
    return view;
  };
  for (let k = 0; k < b.count; k++) {
    const s = k * STRINGS;
    const t = k * TEXTS;
    const n = k * NUMBERS;
    const r: EncodedRecord = {
      externalId: str(s), timestamp: str(s + 1), model: str(s + 2), modelVersion: str(s + 3), promptId: str(s + 4), promptVersion: str(s + 5),
      input: bytes(t), output: bytes(t + 1), contextsJson: bytes(t + 2), metadataJson: bytes(t + 3),
      tokensIn: num(n), tokensOut: num(n + 1), latencyMs: num(n + 2), cost: num(n + 3),
    };
    yield { r, template: str(s + 6), line: b.lines[k]! };
  }
}
