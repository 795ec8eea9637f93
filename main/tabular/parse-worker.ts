// Worker thread body: parses one CSV file and sends the columns back, transferring in-memory buffers.
import { parentPort, workerData } from 'node:worker_threads';
import { readCsvTable, TableReadError, type ReadOptions, type StoredTable } from './table-reader';

export interface ParseRequest {
  file: string;
  options: ReadOptions;
}

export type ParseReply = { ok: true; table: StoredTable } | { ok: false; file: string; message: string; reason: string | null };

const request = workerData as ParseRequest;
try {
  const table = readCsvTable(request.file, request.options);
  const transfer: ArrayBuffer[] = [];
  for (const c of table.columns) {
    for (const s of [c.numbers, c.dates, c.codes]) if (s?.kind === 'memory') transfer.push(s.data.buffer as ArrayBuffer);
  }
  parentPort!.postMessage({ ok: true, table } satisfies ParseReply, transfer);
} catch (err) {
  const reason = err instanceof TableReadError ? err.reason : null;
  const message = err instanceof Error ? err.message : String(err);
  parentPort!.postMessage({ ok: false, file: request.file, message, reason } satisfies ParseReply);
}
