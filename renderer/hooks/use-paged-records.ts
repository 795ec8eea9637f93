import { useEffect, useReducer, useState } from 'react';
import type { RecordBrowseQuery, RecordBrowseRow } from '../../shared/contract/records-schemas';
import type { RecordCursor } from '../../shared/contract/schemas';
import { call } from '../api/client';
import { useWorkspaceRevision } from './use-events';
import { PagedRows } from './paged-rows';
import { takePrefetchedRecords } from './records-prefetch';

export const RECORD_PAGE_SIZE = 200;
/** A screenful and more, asked for first (and ahead of the page's code, records-prefetch.ts). */
export const RECORD_FIRST_ROWS = 50;

export type RecordFilter = Omit<RecordBrowseQuery, 'offset' | 'limit' | 'after'>;

/**
 * A PagedRows over records.browse for one filter, sort and masking choice; rebuilt when any of them, or the
 * workspace, changes. Pages after a loaded one continue its keyset cursor.
 */
export function usePagedRecords(filter: RecordFilter): PagedRows<RecordBrowseRow, RecordCursor> {
  const key = JSON.stringify(filter);
  const revision = useWorkspaceRevision();
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [rows, setRows] = useState<PagedRows<RecordBrowseRow, RecordCursor> | null>(null);

  useEffect(() => {
    const query = JSON.parse(key) as RecordFilter;
    const paged = new PagedRows<RecordBrowseRow, RecordCursor>(
      (offset, limit, after) => (offset === 0 ? takePrefetchedRecords(key, limit) : null) ?? call('records.browse', { ...query, offset, limit, after }),
      rerender,
      { pageSize: RECORD_PAGE_SIZE, firstRows: RECORD_FIRST_ROWS },
    );
    setRows(paged);
    return () => paged.dispose();
  }, [key, revision]);

  // The first render after a filter change has no instance yet; an empty one keeps callers simple.
  return rows ?? EMPTY;
}

const EMPTY = new PagedRows<RecordBrowseRow, RecordCursor>(() => new Promise(() => undefined), () => undefined, { pageSize: RECORD_PAGE_SIZE });
