import { flexRender, getCoreRowModel, useReactTable, type Row, type SortingState, type Updater } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import type { RecordBrowseRow } from '../../../shared/contract/records-schemas';
import type { RecordCursor, RecordSortColumn } from '../../../shared/contract/schemas';
import { ErrorBanner } from '../../components/feedback';
import { icons } from '../../components/icons';
import type { PagedRows } from '../../hooks/paged-rows';
import { columnVisibility, isSortColumn, recordColumns, type ColumnSet } from './record-columns';

// Two lines of snippet text per row.
const ROW_HEIGHT = 50;

export interface SortState { sort: RecordSortColumn; dir: 'asc' | 'desc' }

interface Props {
  rows: PagedRows<RecordBrowseRow, RecordCursor>;
  sort: SortState;
  onSort: (sort: SortState) => void;
  selectedId: number | null;
  onSelect: (record: RecordBrowseRow | null) => void;
  compact: boolean;
  columnSet: ColumnSet;
  /** Columns a saved view hides. */
  hidden: readonly string[];
}

/**
 * Only the rows on screen exist in the DOM, and only their pages are fetched: react-virtual picks the index
 * range, PagedRows loads it, and react-table renders headers and cells for the loaded rows in that range.
 */
export function RecordsTable({ rows, sort, onSort, selectedId, onSelect, compact, columnSet, hidden }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const total = rows.total ?? 0;
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // Render after the scroll event rather than inside it: when the page falls behind a fast scroll, React folds
    // the steps that queued up into one render instead of rendering each of them in turn.
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  // A new query starts at the top: the old scroll offset would land mid-way into different rows, and the range
  // computed from it would fetch pages nobody will look at.
  const shownRows = useRef(rows);
  useEffect(() => {
    if (shownRows.current !== rows) {
      shownRows.current = rows;
      scrollRef.current?.scrollTo({ top: 0 });
      rows.want(0, last - first);
    } else {
      rows.want(first, last);
    }
  }, [rows, first, last]);

  const visible = useMemo(() => {
    const loaded: RecordBrowseRow[] = [];
    for (let index = first; index <= last && index < total; index += 1) {
      const record = rows.get(index);
      if (record) loaded.push(record);
    }
    return loaded;
    // rows mutates in place as pages arrive; its version moves when they do.
  }, [rows, first, last, total, rows.version]);

  const sorting: SortingState = [{ id: sort.sort, desc: sort.dir === 'desc' }];
  const table = useReactTable({
    data: visible,
    columns: recordColumns,
    getRowId: (record) => String(record.id),
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    state: {
      sorting,
      columnVisibility: columnVisibility(columnSet, compact, sort.sort, hidden),
    },
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = (typeof updater === 'function' ? updater(sorting) : updater)[0];
      if (next && isSortColumn(next.id)) onSort({ sort: next.id, dir: next.desc ? 'desc' : 'asc' });
    },
  });
  const columns = table.getVisibleLeafColumns();
  const rowsById = table.getRowModel().rowsById;
  const selectedIndex = useRef(-1);

  function select(record: RecordBrowseRow | null, index: number) {
    selectedIndex.current = record ? index : -1;
    onSelect(record);
  }
  // Rows are memoized, so they get one click handler for the table's life that calls the latest select.
  const latestSelect = useRef(select);
  latestSelect.current = select;
  const onRowClick = useCallback((record: RecordBrowseRow, index: number, selected: boolean) => latestSelect.current(selected ? null : record, index), []);
  const columnsKey = columns.map((col) => col.id).join(' ');

  function move(step: number) {
    let current = selectedIndex.current;
    if (selectedId === null) current = -1;
    else if (rows.get(current)?.id !== selectedId) current = findIndex(rows, selectedId, first, last);
    const target = Math.min(Math.max(current + step, 0), total - 1);
    const record = rows.get(target);
    if (record) {
      select(record, target);
      virtualizer.scrollToIndex(target, { align: 'auto' });
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'ArrowDown' || event.key === 'j') { event.preventDefault(); move(1); }
    else if (event.key === 'ArrowUp' || event.key === 'k') { event.preventDefault(); move(-1); }
    else if (event.key === 'Escape') select(null, -1);
  }

  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;

  return (
    <div className="records-table-wrap">
      {rows.error ? <ErrorBanner error={rows.error} onRetry={() => rows.retry()} /> : null}
      <div
        className="table-viewport"
        ref={scrollRef}
        tabIndex={0}
        onKeyDown={onKeyDown}
        data-testid="records-scroll"
        aria-label="Records; arrow keys move the selection"
      >
        <table className="data-table records-table" data-testid="records-table" aria-rowcount={total}>
          <colgroup>
            {columns.map((col) => <col key={col.id} style={col.columnDef.meta?.width ? { width: col.columnDef.meta.width } : undefined} />)}
          </colgroup>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const canSort = header.column.getCanSort();
                  const direction = header.column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      className={header.column.columnDef.meta?.numeric ? 'num' : undefined}
                      aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : undefined}
                    >
                      {canSort ? (
                        <button
                          type="button"
                          className={`sort-button${direction ? ' sorted' : ''}`}
                          onClick={header.column.getToggleSortingHandler()}
                          data-testid={`sort-${header.id}`}
                        >
                          {flexRender(header.column.columnDef.header, header.getContext())}
                          <span className="sort-icon">{direction === 'desc' ? icons.sortDesc : icons.sortAsc}</span>
                        </button>
                      ) : flexRender(header.column.columnDef.header, header.getContext())}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {paddingTop > 0 ? <tr className="spacer" style={{ height: paddingTop }} aria-hidden="true"><td colSpan={columns.length} /></tr> : null}
            {items.map((item) => {
              const record = rows.get(item.index);
              const row = record ? rowsById[String(record.id)] : undefined;
              if (!record || !row) {
                return (
                  <tr key={`pending-${item.index}`} className="row-pending" style={{ height: ROW_HEIGHT }} data-testid="records-row-pending">
                    <td colSpan={columns.length}><span className="skeleton" /></td>
                  </tr>
                );
              }
              return (
                <RecordRow key={record.id} row={row} index={item.index} selected={record.id === selectedId} columnsKey={columnsKey} onClick={onRowClick} />
              );
            })}
            {paddingBottom > 0 ? <tr className="spacer" style={{ height: paddingBottom }} aria-hidden="true"><td colSpan={columns.length} /></tr> : null}
          </tbody>
        </table>
      </div>
    </div>
  );
}

interface RowProps {
  row: Row<RecordBrowseRow>;
  index: number;
  selected: boolean;
  /** The visible columns' ids: a row renders again when they change. */
  columnsKey: string;
  onClick: (record: RecordBrowseRow, index: number, selected: boolean) => void;
}

/**
 * One record's row. Every scroll step moves the virtual range and renders the table again, and the row model is
 * rebuilt for the new range; a row whose record, place, selection and columns are unchanged keeps what it
 * rendered, so a step costs the rows that came into view rather than all of them (cells read only the record).
 */
const RecordRow = memo(function RecordRow({ row, index, selected, onClick }: RowProps) {
  const record = row.original;
  return (
    <tr
      className={`clickable${selected ? ' row-selected' : ''}`}
      style={{ height: ROW_HEIGHT }}
      onClick={() => onClick(record, index, selected)}
      data-testid="records-row"
      data-record-id={record.id}
      data-index={index}
      aria-selected={selected}
      aria-rowindex={index + 2}
    >
      {row.getVisibleCells().map((cell) => (
        <td key={cell.id} className={cellClass(cell.column.columnDef.meta)} data-col={cell.column.id}>
          {cell.column.columnDef.meta?.snippet
            ? <div className="cell-snippet-box">{flexRender(cell.column.columnDef.cell, cell.getContext())}</div>
            : flexRender(cell.column.columnDef.cell, cell.getContext())}
        </td>
      ))}
    </tr>
  );
}, (a, b) => a.row.original === b.row.original && a.index === b.index && a.selected === b.selected && a.columnsKey === b.columnsKey && a.onClick === b.onClick);

function cellClass(meta: { numeric?: boolean; snippet?: boolean } | undefined): string {
  return meta?.numeric ? 'num' : meta?.snippet ? 'cell-snippet' : 'cell-truncate';
}

function findIndex(rows: PagedRows<RecordBrowseRow, RecordCursor>, id: number, first: number, last: number): number {
  for (let index = first; index <= last; index += 1) if (rows.get(index)?.id === id) return index;
  return first - 1;
}
