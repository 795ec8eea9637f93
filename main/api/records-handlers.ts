import type { Handlers } from '../../shared/contract/api';
import { listRecords } from '../storage/records-repo';
import { recordTotals } from '../storage/records-totals';
import { deleteRecordView, listRecordViews, saveRecordView } from '../storage/record-views-repo';
import type { Workspace } from '../storage/workspace';
import type { EventBus } from './event-bus';
import { browseRecords } from './records-browse';
import { exportChunk } from './records-export';
import { createFtsCatchUp } from './records-fts-catchup';

type RecordsHandlers = Pick<Handlers, 'records.list' | 'records.browse' | 'records.totals' | 'records.views.list' | 'records.views.save'
  | 'records.views.delete' | 'records.exportChunk'>;

const CATCH_UP_DELAY_MS = 300;

/** The Records table, its totals, saved views and exports; the full-text index catches up after every import. */
export function createRecordsHandlers(ws: Workspace, events: EventBus): RecordsHandlers {
  const db = ws.db;
  const fts = createFtsCatchUp(ws);
  events.subscribe((event) => {
    if (event.type !== 'workspace.changed' && event.type !== 'job.finished') return;
    // In the background and a moment later, so neither the import's reply nor the next page waits for it (a search
    // will). The timer does not keep a process alive: a CLI command that imported exits without indexing, and its
    // next full-text query catches up.
    setTimeout(() => void fts.run().catch(() => undefined), CATCH_UP_DELAY_MS).unref();
  });
  const searchReady = async (q: { search?: string }) => {
    if (q.search?.trim()) await fts.ready();
  };
  return {
    async 'records.list'(q) {
      await searchReady(q);
      return listRecords(db, q);
    },
    async 'records.browse'(q) {
      await searchReady(q);
      return browseRecords(db, q);
    },
    async 'records.totals'(q) {
      await searchReady(q);
      return recordTotals(db, q);
    },
    async 'records.views.list'() {
      return listRecordViews(db);
    },
    async 'records.views.save'({ name, ...spec }) {
      return ws.mutate('records.view.saved', (d) => saveRecordView(d, name, spec), (view) => ({ name: view.name, view: spec }));
    },
    async 'records.views.delete'({ name }) {
      const deleted = ws.mutate('records.view.deleted', (d) => deleteRecordView(d, name), (ok) => ({ name, deleted: ok }));
      return { deleted };
    },
    async 'records.exportChunk'(q) {
      await searchReady(q);
      return exportChunk(db, q);
    },
  };
}
