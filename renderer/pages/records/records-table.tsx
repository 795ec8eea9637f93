import { flexRender, getCoreRowModel, useReactTable, type Row, type SortingState, type Updater } from '@tanstack/react-table';
import { memo, useCallback, useEffect, useMemo, useRef, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react';
import type { RecordBrowseRow } from '../../../shared/contract/records-schemas';
import type { RecordCursor, RecordSortColumn } from '../../../shared/contract/schemas';
import { ErrorBanner } from '../../components/feedback';
import { icons } from '../../components/icons';
import type { PagedRows } from '../../hooks/paged-rows';
import { columnVisibility, isSortColumn, recordColumns, type ColumnSet } from './record-columns';
import { useRowWindow } from './use-row-window';

// Two lines of snippet text per row; records.css sets the same heights.
const ROW_HEIGHT = 50;
const HEADER_HEIGHT = 33;
// Rows rendered beyond each edge of the viewport, so a wheel step shows rows that are already laid out.
const OVERSCAN = 8;

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
 * Only the rows on screen exist in the DOM, and only their pages are fetched: useRowWindow picks the index range,
 * PagedRows loads it, and react-table renders headers and cells for the loaded rows in that range.
 *
 * Rows are fixed-height boxes placed absolutely, each with `contain: strict`, rather than table rows: a scroll step
 * then lays out and paints only the rows that came into view, where a table lays out every row and spacer again.
 * Columns line up through one CSS grid template shared by the header and every row.
 */
export function RecordsTable({ rows, sort, onSort, selectedId, onSelect, compact, columnSet, hidden }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const total = rows.total ?? 0;
  const view = useRowWindow(scrollRef, { total, rowHeight: ROW_HEIGHT, overscan: OVERSCAN, headerHeight: HEADER_HEIGHT });
  const { first, last } = view;

  // A new query starts at the top: the old scroll offset would land mid-way into different rows, and the range
  // computed from it would fetch pages nobody will look at.
  const shownRows = useRef(rows);
  useEffect(() => {
    if (shownRows.current !== rows) {
      // Before the first answer there was nothing to scroll, and scrolling would force a layout of the page (~50 ms
      // of CPU on its first load, measured).
      if (shownRows.current.total !== null) scrollRef.current?.scrollTo({ top: 0 });
      shownRows.current = rows;
      rows.want(0, Math.max(0, last - first));
    } else {
      rows.want(first, Math.max(first, last));
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
  const gridStyle = { '--record-columns': gridTemplate(columns.map((col) => col.columnDef.meta?.width)) } as CSSProperties;

  function move(step: number) {
    let current = selectedIndex.current;
    if (selectedId === null) current = -1;
    else if (rows.get(current)?.id !== selectedId) current = findIndex(rows, selectedId, first, last);
    const target = Math.min(Math.max(current + step, 0), total - 1);
    const record = rows.get(target);
    if (record) {
      select(record, target);
      view.scrollToIndex(target);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'ArrowDown' || event.key === 'j') { event.preventDefault(); move(1); }
    else if (event.key === 'ArrowUp' || event.key === 'k') { event.preventDefault(); move(-1); }
    else if (event.key === 'Escape') select(null, -1);
  }

  const items: ReactNode[] = [];
  for (let index = first; index <= last; index += 1) {
    const record = rows.get(index);
    const row = record ? rowsById[String(record.id)] : undefined;
    const top = (index - view.base) * ROW_HEIGHT;
    items.push(record && row
      ? <RecordRow key={record.id} row={row} index={index} top={top} selected={record.id === selectedId} columnsKey={columnsKey} onClick={onRowClick} />
      : <PendingRow key={`pending-${index}`} top={top} />);
  }

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
        <div className="records-grid" role="table" data-testid="records-table" aria-rowcount={total + 1} style={gridStyle}>
          <div className="records-head" role="rowgroup">
            {table.getHeaderGroups().map((group) => (
              <div className="records-head-row" role="row" aria-rowindex={1} key={group.id}>
                {group.headers.map((header) => {
                  const canSort = header.column.getCanSort();
                  const direction = header.column.getIsSorted();
                  return (
                    <div
                      key={header.id}
                      role="columnheader"
                      className={`records-th${header.column.columnDef.meta?.numeric ? ' num' : ''}`}
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
                    </div>
                  );
                })}
              </div>
            ))}
          </div>
          <div className="records-body" role="rowgroup" style={{ height: view.contentHeight }}>
            <div className="records-layer" ref={view.layerRef}>
              {items}
            </div>
          </div>
        </div>
      </div>
    </div>
  );
}

/** Fixed widths in px; the flexible (snippet) columns share what is left, and never push the grid wider. */
function gridTemplate(widths: ReadonlyArray<number | undefined>): string {
  return widths.map((width) => (width ? `${width}px` : 'minmax(0, 1fr)')).join(' ');
}

interface RowProps {
  row: Row<RecordBrowseRow>;
  index: number;
  /** Offset in the row layer. */
  top: number;
  selected: boolean;
  /** The visible columns' ids: a row renders again when they change. */
  columnsKey: string;
  onClick: (record: RecordBrowseRow, index: number, selected: boolean) => void;
}

/**
 * One record's row. Every scroll step moves the range and renders the table again, and the row model is rebuilt
 * for the new range; a row whose record, place, selection and columns are unchanged keeps what it rendered, so a
 * step costs the rows that came into view rather than all of them (cells read only the record).
 */
const RecordRow = memo(function RecordRow({ row, index, top, selected, onClick }: RowProps) {
  const record = row.original;
  return (
    <div
      role="row"
      className={`records-row clickable${selected ? ' row-selected' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => onClick(record, index, selected)}
      data-testid="records-row"
      data-record-id={record.id}
      data-index={index}
      aria-selected={selected}
      aria-rowindex={index + 2}
    >
      {row.getVisibleCells().map((cell) => (
        <div role="cell" key={cell.id} className={cellClass(cell.column.columnDef.meta)} data-col={cell.column.id}>
          {cell.column.columnDef.meta?.snippet
            ? <div className="cell-snippet-box">{flexRender(cell.column.columnDef.cell, cell.getContext())}</div>
            : flexRender(cell.column.columnDef.cell, cell.getContext())}
        </div>
      ))}
    </div>
  );
}, (a, b) => a.row.original === b.row.original && a.index === b.index && a.top === b.top && a.selected === b.selected
  && a.columnsKey === b.columnsKey && a.onClick === b.onClick);

/** A row whose page has not arrived yet: a still placeholder (an animated one would repaint on every frame). */
const PendingRow = memo(function PendingRow({ top }: { top: number }) {
  return (
    <div role="row" className="records-row row-pending" style={{ transform: `translateY(${top}px)` }} data-testid="records-row-pending">
      <div role="cell" className="records-pending-cell"><span className="skeleton" /></div>
    </div>
  );
});

function cellClass(meta: { numeric?: boolean; snippet?: boolean } | undefined): string {
  return `records-td ${meta?.numeric ? 'num' : meta?.snippet ? 'cell-snippet' : 'cell-truncate'}`;
}

function findIndex(rows: PagedRows<RecordBrowseRow, RecordCursor>, id: number, first: number, last: number): number {
  for (let index = first; index <= last; index += 1) if (rows.get(index)?.id === id) return index;
  return first - 1;
}
