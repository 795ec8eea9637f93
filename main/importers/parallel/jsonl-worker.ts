/**
 * Worker thread of the parallel JSONL import: reads and hashes the files, splits lines, parses, maps and
 * normalizes each record and computes its digest, and sends packed batches to the main thread, which only
 * inserts. Quarantine entries travel with the batches; at most a few batches are in flight (back-pressure).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { FieldMapping } from '../../../shared/contract/import-schemas';
import { nestsDeeperThan, tooDeepReason } from '../containers/json-depth';
import { DEFAULT_MAX_LINE_BYTES, LineSplitter } from '../containers/lines';
import { mappedRecordReader } from '../records/mapped-records';
import { FieldError } from '../records/record-draft';
import { ContentHasher, toNewRecord } from '../records/record-sink';
import { typeName } from '../records/field-values';
import { openSource } from '../source/byte-source';
import type { SourceEntry } from '../source/files';
import { BatchWriter, transferList, type BatchQuarantine } from './record-batch';

export interface WorkerInput {
  files: SourceEntry[];
  mapping: FieldMapping;
  maxItemBytes?: number;
}

export type WorkerMessage =
  | import('./record-batch').RecordBatch
  | { t: 'file'; file: number; path: string; bytes: number; sha256: string; tail: { decodedBytes: number; reason: string } | null; warning: string | null }
  | { t: 'done'; sha256: string; count: number }
  | { t: 'error'; message: string; badInput: boolean };

const BATCH_CHARS = 1 << 20;
const MAX_IN_FLIGHT = 3;

const port = parentPort!;
const input = workerData as WorkerInput;
let inFlight = 0;
let wake: (() => void) | null = null;
port.on('message', (m: { t: string }) => {
  if (m.t !== 'ack') return;
  inFlight--;
  wake?.();
  wake = null;
});

async function backPressure(): Promise<void> {
  while (inFlight >= MAX_IN_FLIGHT) await new Promise<void>((resolve) => { wake = resolve; });
}

async function run(): Promise<void> {
  const read = mappedRecordReader(input.mapping);
  const batch = new BatchWriter();
  const hasher = new ContentHasher();
  let rawBefore = 0;
  let items = 0;
  for (let f = 0; f < input.files.length; f++) {
    const entry = input.files[f]!;
    if (entry.bytes === 0) continue;
    const src = await openSource(entry);
    const q = (x: BatchQuarantine) => { batch.quarantine.push(x); items++; };
    const splitter = new LineSplitter((text, line) => {
      if (text.length === 0 || (text.charCodeAt(0) <= 32 && text.trim() === '')) return;
      items++;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (err) {
        const m = (err as Error).message;
        batch.quarantine.push({ line, byteOffset: null, field: null, reason: /end of JSON input|Unterminated string|Expected .* after/.test(m) ? `invalid JSON (truncated?): ${m}` : `invalid JSON: ${m}`, raw: text });
        return;
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        batch.quarantine.push({ line, byteOffset: null, field: null, reason: `expected a JSON object, got ${typeName(value)}`, raw: text });
        return;
      }
      if (nestsDeeperThan(value)) {
        batch.quarantine.push({ line, byteOffset: null, field: null, reason: tooDeepReason(), raw: text });
        return;
      }
      try {
        const d = read(value as Record<string, unknown>);
        // Without a backslash in the line no parsed string can need escaping, so contexts need no escape scan.
        const r = toNewRecord(d, text.indexOf('\\') === -1);
        hasher.add(r);
        batch.add(r, d.promptTemplate, line);
      } catch (err) {
        if (!(err instanceof FieldError)) throw err;
        batch.quarantine.push({ line, byteOffset: null, field: err.field, reason: err.reason, raw: text });
      }
    }, (p) => q({ line: p.line, byteOffset: p.byteOffset, field: null, reason: p.reason, raw: p.raw }), input.maxItemBytes ?? DEFAULT_MAX_LINE_BYTES);
    try {
      for await (const chunk of src.chunks()) {
        splitter.push(chunk);
        if (batch.size >= BATCH_CHARS || batch.full) {
          await backPressure();
          send(batch.take(f, rawBefore + src.bytesRead(), items));
        }
      }
      splitter.end();
      await backPressure();
      send(batch.take(f, rawBefore + src.bytesRead(), items));
      port.postMessage({ t: 'file', file: f, path: entry.path, bytes: src.bytesRead(), sha256: src.sha256(), tail: src.tail(), warning: src.warning() } satisfies WorkerMessage);
      rawBefore += entry.bytes;
    } finally {
      await src.close();
    }
  }
  port.postMessage({ t: 'done', count: hasher.count, sha256: hasher.digest() } satisfies WorkerMessage);
}

function send(b: import('./record-batch').RecordBatch): void {
  inFlight++;
  port.postMessage(b, transferList(b));
}

run().catch((err: unknown) => {
  const e = err as Error & { code?: string };
  port.postMessage({ t: 'error', message: e.message ?? String(err), badInput: e.name === 'ApiError' || e.code === 'bad_request' } satisfies WorkerMessage);
});
