import { catchUpFtsBatch, ftsIsCurrent } from '../storage/records-fts';
import type { Workspace } from '../storage/workspace';

// Each batch is one short transaction on the server's event loop; its size adapts so that a batch takes about
// this long, whether records are one-line chats or carry kilobytes of retrieved context.
const TARGET_BATCH_MS = 40;

export interface FtsCatchUp {
  /** Starts (or joins) a catch-up in the background; resolves when the index holds every committed record. */
  run(): Promise<void>;
  /**
   * Before a full-text query: catches up unless an import is writing right now, in which case the query reads
   * the index as it is (the import's records are not visible until it commits, and a catch-up follows it).
   */
  ready(): Promise<void>;
}

export function createFtsCatchUp(ws: Workspace): FtsCatchUp {
  let running: Promise<void> | null = null;
  let batch = 500;

  async function loop(): Promise<void> {
    for (;;) {
      await ws.writes.idle();
      if (!ws.db.open || ws.db.readonly) return;
      const t0 = performance.now();
      const n = catchUpFtsBatch(ws.db, batch);
      if (n === 0) return;
      const ms = Math.max(1, performance.now() - t0);
      batch = Math.round(Math.min(20_000, Math.max(50, batch * (TARGET_BATCH_MS / ms))));
      // Let requests that queued behind this batch run before the next one.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  function run(): Promise<void> {
    running ??= loop().finally(() => { running = null; });
    return running;
  }

  return {
    run,
    async ready() {
      if (ws.writes.busy || ws.db.readonly || ftsIsCurrent(ws.db)) return;
      await run();
    },
  };
}
