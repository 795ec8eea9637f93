import { createHash } from 'node:crypto';
import type { SourceFile } from '../../shared/contract/import-schemas';
import { CsvRows } from './containers/csv-rows';
import { nestsDeeperThan, tooDeepReason } from './containers/json-depth';
import { JsonElementScanner } from './containers/json-elements';
import { DEFAULT_MAX_LINE_BYTES, LineSplitter, formatBytes } from './containers/lines';
import type { Detection } from './detect';
import { StopReading } from './import-error';
import { KB_TEXT_EXTENSIONS, kbExtension } from './kb/kb-pipeline';
import type { Accounting, Loc } from './pipeline/accounting';
import type { Pipeline } from './pipeline/pipeline';
import { readParquetSource } from './parquet/read-parquet';
import { openSource } from './source/byte-source';
import type { SourceEntry } from './source/files';
import { JobCancelledError } from '../jobs/job-runner';

export interface ReadProgress {
  bytes: number;
  totalBytes: number;
  items: number;
}

export interface ReadOptions {
  signal?: AbortSignal;
  onProgress?: (p: ReadProgress) => void;
  /** Previews stop after this many items. */
  stopAfterItems?: number;
  maxItemBytes?: number;
}

/** Whole-file KB documents above this size are reported instead of read into memory. */
const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;
const EMPTY_SHA256 = createHash('sha256').digest('hex');

/**
 * Streams every source through its container (JSONL lines, JSON elements, CSV rows or whole documents) into
 * the pipeline, with progress after each chunk and a cancellation check between chunks. Returns each file's
 * size and sha256 as read.
 */
export async function readSources(files: readonly SourceEntry[], detection: Detection, pipeline: Pipeline, acc: Accounting,
  warn: (m: string) => void, options: ReadOptions = {}): Promise<SourceFile[]> {
  const totalBytes = files.reduce((n, f) => n + f.bytes, 0);
  const sources: SourceFile[] = [];
  let doneBytes = 0;
  let items = 0;
  const maxItemBytes = options.maxItemBytes ?? DEFAULT_MAX_LINE_BYTES;
  const count = () => {
    items++;
    if (options.stopAfterItems !== undefined && items >= options.stopAfterItems) throw new StopReading();
  };
  for (const entry of files) {
    if (options.signal?.aborted) throw new JobCancelledError();
    if (entry.bytes === 0) {
      warn(`${entry.path}: empty file (0 bytes), nothing in it to import`);
      sources.push({ path: entry.path, bytes: 0, sha256: EMPTY_SHA256 });
      continue;
    }
    if (detection.spec.container === 'parquet') {
      try {
        sources.push(await readParquetSource(entry, pipeline, { signal: options.signal, count, onProgress: (b) => options.onProgress?.({ bytes: doneBytes + b, totalBytes, items }) }));
      } catch (err) {
        if (!(err instanceof StopReading)) throw err;
        if (pipeline.drain) await pipeline.drain();
        return sources;
      }
      doneBytes += entry.bytes;
      continue;
    }
    const src = await openSource(entry, options.signal);
    try {
      const sink = containerFor(entry, detection, pipeline, acc, count, maxItemBytes);
      // A preview stops at its item count, which may be reached mid-chunk or, for whole documents, at the end.
      try {
        for await (const chunk of src.chunks()) {
          sink.push(chunk);
          if (pipeline.drain) await pipeline.drain();
          options.onProgress?.({ bytes: doneBytes + src.bytesRead(), totalBytes, items });
          if (options.signal?.aborted) throw new JobCancelledError();
        }
        if (options.signal?.aborted) throw new JobCancelledError();
        sink.end();
        if (pipeline.drain) await pipeline.drain();
      } catch (err) {
        if (!(err instanceof StopReading)) throw err;
        if (pipeline.drain) await pipeline.drain();
        return sources;
      }
      const tail = src.tail();
      if (tail) acc.reject({ file: entry.path, line: null, byteOffset: tail.decodedBytes }, null, tail.reason, null);
      const w = src.warning();
      if (w) warn(w);
      sources.push({ path: entry.path, bytes: src.bytesRead(), sha256: src.sha256() });
      doneBytes += entry.bytes;
    } finally {
      await src.close();
    }
  }
  return sources;
}

interface Container {
  push(chunk: Buffer): void;
  end(): void;
}

function containerFor(entry: SourceEntry, d: Detection, p: Pipeline, acc: Accounting, count: () => void, maxItemBytes: number): Container {
  const file = entry.path;
  const reject = (loc: Loc, reason: string, raw: string | null) => acc.reject(loc, null, reason, raw);
  if (d.spec.kind === 'kb') {
    const ext = kbExtension(entry.rel);
    if (KB_TEXT_EXTENSIONS.includes(ext) || !['.jsonl', '.ndjson', '.json'].includes(ext)) return wholeDocument(entry, p, acc, count);
    if (ext === '.json') return jsonElements(file, { streamKeys: ['documents', 'docs', 'data', 'items', 'records'], whole: false }, p, reject, count, maxItemBytes, false);
    return jsonLines(file, p, reject, count, maxItemBytes);
  }
  if (d.spec.container === 'jsonl') return jsonLines(file, p, reject, count, maxItemBytes);
  if (d.spec.container === 'json') return jsonElements(file, d.json, p, reject, count, maxItemBytes, d.spec.format === 'langfuse');
  return csvRows(file, d, p, reject, count, maxItemBytes);
}

function parseError(err: unknown): string {
  const m = (err as Error).message ?? String(err);
  return /end of JSON input|Unterminated string|Expected .* after/.test(m) ? `invalid JSON (truncated?): ${m}` : `invalid JSON: ${m}`;
}

function jsonLines(file: string, p: Pipeline, reject: (loc: Loc, reason: string, raw: string | null) => void, count: () => void, maxItemBytes: number): Container {
  return new LineSplitter((text, line) => {
    if (text.length === 0 || (text.charCodeAt(0) <= 32 && text.trim() === '')) return;
    const loc: Loc = { file, line, byteOffset: null };
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      reject(loc, parseError(err), text);
      count();
      return;
    }
    if (nestsDeeperThan(value)) {
      reject(loc, tooDeepReason(), text);
      count();
      return;
    }
    p.json!(value, loc, text, null, false);
    count();
  }, (prob) => {
    reject({ file, line: prob.line, byteOffset: prob.byteOffset }, prob.reason, prob.raw);
    count();
  }, maxItemBytes);
}

function jsonElements(file: string, mode: { streamKeys: string[]; whole: boolean }, p: Pipeline, reject: (loc: Loc, reason: string, raw: string | null) => void,
  count: () => void, maxItemBytes: number, keyedValues: boolean): Container {
  return new JsonElementScanner((item) => {
    // Values beside the collection ({"meta": ...} next to {"data": [...]}) describe the export, they are not rows.
    if (item.key !== null && !item.element && !keyedValues) return;
    const loc: Loc = { file, line: item.line, byteOffset: item.byteOffset };
    let value: unknown;
    try {
      value = JSON.parse(item.text);
    } catch (err) {
      reject(loc, parseError(err), item.text);
      count();
      return;
    }
    if (nestsDeeperThan(value)) {
      reject(loc, tooDeepReason(), item.text);
      count();
      return;
    }
    p.json!(value, loc, item.text, item.key, item.element);
    count();
  }, (prob) => {
    reject({ file, line: prob.line, byteOffset: prob.byteOffset }, prob.reason, prob.raw);
    count();
  }, { streamKeys: new Set(mode.streamKeys), whole: mode.whole, maxItemBytes });
}

function csvRows(file: string, d: Detection, p: Pipeline, reject: (loc: Loc, reason: string, raw: string | null) => void, count: () => void, maxItemBytes: number): Container {
  const header = d.spec.csv?.header ?? true;
  let seenHeader = false;
  return new CsvRows((row) => {
    if (!seenHeader) {
      seenHeader = true;
      if (header) {
        p.csvHeader!(row.fields);
        return;
      }
      p.csvHeader!(row.fields.map((_, i) => `column_${i + 1}`));
    }
    p.csvRow!(row.fields, { file, line: row.line, byteOffset: null }, row.raw);
    count();
  }, (prob) => {
    reject({ file, line: prob.line, byteOffset: null }, prob.reason, prob.raw);
    count();
  }, d.spec.csv?.delimiter ?? ',', maxItemBytes);
}

function wholeDocument(entry: SourceEntry, p: Pipeline, acc: Accounting, count: () => void): Container {
  const parts: Buffer[] = [];
  let bytes = 0;
  const readable = KB_TEXT_EXTENSIONS.includes(kbExtension(entry.rel));
  return {
    push(chunk) {
      bytes += chunk.length;
      if (readable && bytes <= MAX_DOCUMENT_BYTES) parts.push(chunk);
    },
    end() {
      if (readable && bytes > MAX_DOCUMENT_BYTES) {
        acc.reject({ file: entry.path, line: null, byteOffset: null }, null, `document is ${formatBytes(bytes)}, larger than the ${formatBytes(MAX_DOCUMENT_BYTES)} limit for one document`, null);
      } else {
        p.document!(entry, Buffer.concat(parts, readable ? bytes : 0));
      }
      count();
    },
  };
}

