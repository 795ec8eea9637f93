// Worker thread body: parses one CSV file and sends the columns back, transferring in-memory buffers.
import { parentPort, workerData } from 'node:worker_threads';
import { readCsvTable, TableReadError, type ReadOptions } from './table-reader';

export interface ParseRequest {
  file: string;
  options: ReadOptions;
}

export type ParseReply = { ok: true; table: import('./table-reader').StoredTable } | { ok: false; file: string; message: string; readError: boolean };

const request = workerData as ParseRequest;
try {
  const table = readCsvTable(request.file, request.options);
  const transfer: ArrayBuffer[] = [];
  for (const c of table.columns) {
    for (const s of [c.numbers, c.dates, c.codes]) if (s?.kind === 'memory') transfer.push(s.data.buffer as ArrayBuffer);
  }
  parentPort!.postMessage({ ok: true, table } satisfies ParseReply, transfer);
} catch (err) {
  const readError = err instanceof TableReadError;
  const message = readError ? err.message : err instanceof Error ? err.message : String(err);
  parentPort!.postMessage({ ok: false, file: request.file, message, readError } satisfies ParseReply);
}
