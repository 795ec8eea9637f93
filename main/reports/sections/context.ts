import type { Handlers } from '../../../shared/contract/api';
import type { ReportScope } from '../../../shared/report/report-schema';
import type { RecordScopeFilter } from '../../storage/reports-repo';
import type { Workspace } from '../../storage/workspace';

/** The API methods sections reuse (the same implementation the Drift page calls). */
export type SectionHandlers = Pick<Handlers, 'drift.datasets' | 'metrics.dataset'>;

/** What every section builder reads from: the workspace, the API methods it reuses, and the resolved scope. */
export interface SectionContext {
  ws: Workspace;
  handlers: SectionHandlers;
  scope: ReportScope;
  /** Records in scope: the log assets among scope.asset_ids, narrowed by model, prompt version and period. */
  records: RecordScopeFilter;
  /** Dataset assets among scope.asset_ids, oldest first (drift compares the first with the last). */
  datasetIds: number[];
}

export const wants = (ctx: SectionContext, section: ReportScope['sections'][number]): boolean => ctx.scope.sections.includes(section);
