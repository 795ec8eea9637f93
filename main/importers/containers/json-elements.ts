import { isUtf8 } from 'node:buffer';
import { formatBytes } from './lines';

/** One JSON value found in the stream: an element of the top-level array, or of an array under a top-level key. */
export interface JsonItem {
  /** The top-level key the value sits under (for `{"data": [...]}`), or null for a top-level array or whole document. */
  key: string | null;
  /** Whether the value is an element of an array (as opposed to the whole value of a key). */
  element: boolean;
  index: number;
  text: string;
  line: number;
  byteOffset: number;
}

export interface JsonProblem {
  line: number;
  byteOffset: number;
  reason: string;
  raw: string | null;
}

export interface JsonScanOptions {
  /** Top-level object keys whose array value is streamed element by element; other keys come whole. */
  streamKeys: ReadonlySet<string>;
  /** Read the whole top-level value as one item (a single JSON object that is not a collection). */
  whole: boolean;
  maxItemBytes: number;
}

type State = 'start' | 'arr-first' | 'arr-value' | 'arr-after' | 'obj-first' | 'obj-key' | 'obj-colon' | 'obj-value' | 'obj-after' | 'end' | 'dead';
type Target = 'element' | 'key' | 'value' | 'whole';

interface Capture {
  target: Target;
  parts: Buffer[];
  bytes: number;
  startOffset: number;
  startLine: number;
  depth: number;
  inString: boolean;
  escape: boolean;
  overflow: boolean;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NL = 0x0a;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/**
 * A streaming scanner that finds value boundaries in a JSON document without parsing it: memory holds one
 * element at a time, whatever the file size. Each element is then parsed on its own, so one bad element is
 * quarantined and the rest still import; a truncated file keeps every element before the cut.
 */
export class JsonElementScanner {
  private state: State = 'start';
  private cap: Capture | null = null;
  private offset = 0;
  private line = 1;
  private arrayKey: string | null = null;
  private nested = false;
  private index = 0;
  private key = '';
  private bomChecked = false;
  private at = 0;

  constructor(
    private readonly onItem: (item: JsonItem) => void,
    private readonly onProblem: (p: JsonProblem) => void,
    private readonly options: JsonScanOptions,
  ) {}

  push(input: Buffer): void {
    let chunk = input;
    if (!this.bomChecked) {
      this.bomChecked = true;
      if (chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
        chunk = chunk.subarray(3);
        this.offset += 3;
      }
    }
    const n = chunk.length;
    let i = 0;
    while (i < n && this.state !== 'dead') {
      if (this.cap) {
        i = this.scan(chunk, i);
        continue;
      }
      const c = chunk[i]!;
      if (isSpace(c)) {
        if (c === NL) this.line++;
        i++;
        continue;
      }
      this.at = this.offset + i;
      i = this.step(chunk, i, c);
    }
    this.offset += n;
  }

  end(): void {
    if (this.state === 'dead') return;
    if (this.cap) {
      const what = this.cap.target === 'element' ? `element ${this.index + 1}` : this.cap.target === 'whole' ? 'the document' : 'a value';
      this.problem(this.cap.startLine, this.cap.startOffset, `truncated JSON: the file ends inside ${what}`, this.captured(this.cap));
      this.cap = null;
      return;
    }
    if (this.state === 'start') return;
    if (this.state !== 'end') {
      this.problem(this.line, this.offset, `truncated JSON: the file ends before the ${this.state.startsWith('arr') ? 'array' : 'object'} is closed; ${this.index} element(s) before the cut were read`, null);
    }
  }

  private step(chunk: Buffer, i: number, c: number): number {
    const ch = String.fromCharCode(c);
    switch (this.state) {
      case 'start':
        if (this.options.whole && (ch === '{' || ch === '[')) return this.begin('whole', chunk, i);
        if (ch === '[') { this.state = 'arr-first'; this.arrayKey = null; this.nested = false; return i + 1; }
        if (ch === '{') { this.state = 'obj-first'; return i + 1; }
        return this.fatal(`expected a JSON array or object at the start of the file, found "${ch}"`);
      case 'arr-first':
      case 'arr-value':
        if (ch === ']') return this.closeArray(i);
        return this.begin('element', chunk, i);
      case 'arr-after':
        if (ch === ',') { this.state = 'arr-value'; return i + 1; }
        if (ch === ']') return this.closeArray(i);
        return this.fatal(`JSON syntax error: expected "," or "]" after element ${this.index}, found "${ch}"`);
      case 'obj-first':
      case 'obj-key':
        if (ch === '}' ) { this.state = 'end'; return i + 1; }
        if (ch === '"') return this.begin('key', chunk, i);
        return this.fatal(`JSON syntax error: expected a key, found "${ch}"`);
      case 'obj-colon':
        if (ch === ':') { this.state = 'obj-value'; return i + 1; }
        return this.fatal(`JSON syntax error: expected ":" after key "${this.key}", found "${ch}"`);
      case 'obj-value':
        if (ch === '[' && this.options.streamKeys.has(this.key)) {
          this.state = 'arr-first'; this.arrayKey = this.key; this.nested = true; this.index = 0;
          return i + 1;
        }
        return this.begin('value', chunk, i);
      case 'obj-after':
        if (ch === ',') { this.state = 'obj-key'; return i + 1; }
        if (ch === '}') { this.state = 'end'; return i + 1; }
        return this.fatal(`JSON syntax error: expected "," or "}" after the value of "${this.key}", found "${ch}"`);
      case 'end':
        return this.fatal(`unexpected data after the end of the JSON document ("${ch}"); use JSONL for several documents`);
      case 'dead':
        return chunk.length;
    }
  }

  private closeArray(i: number): number {
    this.state = this.nested ? 'obj-after' : 'end';
    this.nested = false;
    return i + 1;
  }

  private begin(target: Target, _chunk: Buffer, i: number): number {
    this.cap = {
      target, parts: [], bytes: 0, startOffset: this.offset + i, startLine: this.line, depth: 0,
      inString: false, escape: false, overflow: false,
    };
    return i;
  }

  /** Advances through the current value; returns where scanning stopped (chunk end, or just past the value). */
  private scan(chunk: Buffer, from: number): number {
    const cap = this.cap!;
    const n = chunk.length;
    let j = from;
    let done = -1;
    while (j < n) {
      if (cap.escape) { cap.escape = false; j++; continue; }
      if (cap.inString) {
        const q = chunk.indexOf(QUOTE, j);
        const b = chunk.indexOf(BACKSLASH, j);
        if (b !== -1 && (q === -1 || b < q)) {
          if (b + 1 >= n) { cap.escape = true; j = n; } else j = b + 2;
          continue;
        }
        if (q === -1) { j = n; continue; }
        cap.inString = false;
        j = q + 1;
        if (cap.depth === 0) { done = j; break; }
        continue;
      }
      const c = chunk[j]!;
      if (c === QUOTE) { cap.inString = true; j++; continue; }
      if (c === 0x7b || c === 0x5b) { cap.depth++; j++; continue; }
      if (c === 0x7d || c === 0x5d) {
        if (cap.depth === 0) { done = j; break; }
        cap.depth--;
        j++;
        if (cap.depth === 0) { done = j; break; }
        continue;
      }
      if (cap.depth === 0 && (c === 0x2c || isSpace(c))) { done = j; break; }
      if (c === NL) this.line++;
      j++;
    }
    const end = done === -1 ? n : done;
    this.append(cap, chunk.subarray(from, end));
    if (done !== -1) this.complete(cap);
    return end;
  }

  private append(cap: Capture, part: Buffer): void {
    if (part.length === 0) return;
    cap.bytes += part.length;
    if (cap.overflow) return;
    if (cap.bytes > this.options.maxItemBytes) {
      cap.overflow = true;
      cap.parts = [];
      return;
    }
    cap.parts.push(part);
  }

  private captured(cap: Capture): string | null {
    if (cap.overflow || cap.parts.length === 0) return null;
    return Buffer.concat(cap.parts).subarray(0, 4096).toString('utf8');
  }

  private complete(cap: Capture): void {
    this.cap = null;
    if (cap.target === 'key') {
      const text = Buffer.concat(cap.parts).toString('utf8');
      try {
        this.key = JSON.parse(text) as string;
      } catch {
        this.key = text.slice(1, -1);
      }
      this.state = 'obj-colon';
      return;
    }
    const element = cap.target === 'element';
    const index = element ? this.index++ : 0;
    if (cap.target === 'element') this.state = 'arr-after';
    else if (cap.target === 'value') this.state = 'obj-after';
    else this.state = 'end';
    const key = element ? this.arrayKey : cap.target === 'value' ? this.key : null;
    if (cap.overflow) {
      this.problem(cap.startLine, cap.startOffset, `${element ? `element ${index + 1}` : 'value'} is ${formatBytes(cap.bytes)}, larger than the ${formatBytes(this.options.maxItemBytes)} limit; skipped`, null);
      return;
    }
    const buf = cap.parts.length === 1 ? cap.parts[0]! : Buffer.concat(cap.parts, cap.bytes);
    if (!isUtf8(buf)) {
      this.problem(cap.startLine, cap.startOffset, 'invalid UTF-8 inside this value', buf.subarray(0, 4096).toString('utf8'));
      return;
    }
    this.onItem({ key, element, index, text: buf.toString('utf8'), line: cap.startLine, byteOffset: cap.startOffset });
  }

  private problem(line: number, byteOffset: number, reason: string, raw: string | null): void {
    this.onProblem({ line, byteOffset, reason, raw });
  }

  private fatal(reason: string): number {
    this.problem(this.line, this.at, `${reason} (line ${this.line}, byte ${this.at}); the rest of the file was not read`, null);
    this.state = 'dead';
    return Number.MAX_SAFE_INTEGER;
  }
}
