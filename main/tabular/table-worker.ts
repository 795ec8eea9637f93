// Worker thread body of the table pool: runs one task per message and answers with its id, transferring
// in-memory column buffers.
import { parentPort } from 'node:worker_threads';
import { runTableTask, type TableTask } from './table-tasks';
import { TableReadError } from './table-reader';

export type TableReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; message: string; file: string | null; reason: string | null };

parentPort!.on('message', ({ id, task }: { id: number; task: TableTask }) => {
  try {
    const { value, transfer } = runTableTask(task);
    parentPort!.postMessage({ id, ok: true, value } satisfies TableReply, transfer);
  } catch (err) {
    const read = err instanceof TableReadError ? err : null;
    parentPort!.postMessage({ id, ok: false, message: err instanceof Error ? err.message : String(err), file: read?.file ?? null, reason: read?.reason ?? null } satisfies TableReply);
  }
});
