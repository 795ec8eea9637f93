import { useEffect, useReducer, useState } from 'react';
import type { LogRecord, RecordQuery } from '../../shared/contract/schemas';
import { call } from '../api/client';
import { useWorkspaceRevision } from './use-events';
import { PagedRows } from './paged-rows';

export const RECORD_PAGE_SIZE = 200;

export type RecordFilter = Omit<RecordQuery, 'offset' | 'limit'>;

/** A PagedRows over records.list for one filter and sort; rebuilt when either, or the workspace, changes. */
export function usePagedRecords(filter: RecordFilter): PagedRows<LogRecord> {
  const key = JSON.stringify(filter);
  const revision = useWorkspaceRevision();
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [rows, setRows] = useState<PagedRows<LogRecord> | null>(null);

  useEffect(() => {
    const query = JSON.parse(key) as RecordFilter;
    const paged = new PagedRows<LogRecord>(
      (offset, limit) => call('records.list', { ...query, offset, limit }),
      rerender,
      { pageSize: RECORD_PAGE_SIZE },
    );
    setRows(paged);
    return () => paged.dispose();
  }, [key, revision]);

  // The first render after a filter change has no instance yet; an empty one keeps callers simple.
  return rows ?? EMPTY;
}

const EMPTY = new PagedRows<LogRecord>(() => new Promise(() => undefined), () => undefined, { pageSize: RECORD_PAGE_SIZE });
