import path from 'node:path';
import { ApiError } from '../../shared/contract/bridge';
import type { Handlers } from '../../shared/contract/api';
import { listAudit, verifyChain } from '../storage/audit-chain';
import { listAssets } from '../storage/assets-repo';
import { countRecords, getRecord, recordFacets } from '../storage/records-repo';
import { cachedRecordStats } from '../storage/record-stats-repo';
import { schemaVersion } from '../storage/migrations';
import { workspaceName, type Workspace } from '../storage/workspace';
import { createImportHandlers } from './import-handlers';
import type { ApiHost } from './import-sources';
import type { EventBus } from './event-bus';
import { createRetrievalHandlers } from './retrieval-handlers';
import { createAnalysisHandlers } from './analysis-handlers';
import { createDriftHandlers } from './drift-handlers';
import { createCompareHandlers } from './compare-handlers';
import { createRecordsHandlers } from './records-handlers';
import { createReviewHandlers } from './review-handlers';
import { createReportHandlers } from './report-handlers';
import { createProfileHandlers } from './profile-handlers';

/**
 * The one implementation of the API contract; every host (IPC, HTTP, CLI, tests) calls these. `host` is fixed
 * here and decides which file paths a request may name (the default is the browser's, the strictest with paths).
 */
export function createHandlers(ws: Workspace, events: EventBus, host: ApiHost = { kind: 'browser' }): Handlers {
  const db = ws.db;
  const recordStats = cachedRecordStats(db);
  return {
    ...createRetrievalHandlers(ws, events),
    ...createAnalysisHandlers(ws, events),
    ...createImportHandlers(ws, events, host),
    ...createDriftHandlers(ws, events),
    ...createCompareHandlers(ws, events),
    ...createRecordsHandlers(ws, events),
    ...createReviewHandlers(ws, events),
    ...createReportHandlers(ws, events),
    ...createProfileHandlers(ws),
    async 'workspace.info'() {
      return {
        path: ws.dir,
        name: workspaceName(db) ?? path.basename(ws.dir),
        schemaVersion: schemaVersion(db),
        assetCount: listAssets(db).length,
        recordCount: countRecords(db),
      };
    },
    async 'assets.list'() {
      return listAssets(db);
    },
    async 'records.get'({ id }) {
      const record = getRecord(db, id);
      if (!record) throw new ApiError('not_found', `record ${id} does not exist`);
      return record;
    },
    async 'records.facets'() {
      return recordFacets(db);
    },
    async 'records.stats'(q) {
      return recordStats(q);
    },
    async 'audit.list'({ offset, limit }) {
      return listAudit(db, offset, limit);
    },
    async 'audit.verify'() {
      return verifyChain(db);
    },
  };
}
