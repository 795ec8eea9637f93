import { createColumnHelper, type RowData } from '@tanstack/react-table';
import type { LogRecord, RecordSortColumn } from '../../../shared/contract/schemas';
import { formatCost, formatCount, formatLatency, formatTimestamp } from '../../format/format';

const column = createColumnHelper<LogRecord>();

/** Column ids equal the API's sort names where the server can sort by them. */
const SORTABLE: ReadonlySet<string> = new Set<RecordSortColumn>([
  'id', 'timestamp', 'model', 'promptVersion', 'tokensIn', 'tokensOut', 'latencyMs', 'cost',
]);

export function isSortColumn(id: string): id is RecordSortColumn {
  return SORTABLE.has(id);
}

export interface ColumnLayout {
  /** Fixed width in px; flexible columns share what is left. */
  width?: number;
  numeric?: boolean;
  /** Hidden while the detail panel takes half the screen. */
  hideWithDetail?: boolean;
}

declare module '@tanstack/react-table' {
  // The type parameters must match the library's declaration for the merge to apply.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars, @typescript-eslint/no-empty-object-type
  interface ColumnMeta<TData extends RowData, TValue> extends ColumnLayout {}
}

export const recordColumns = [
  column.accessor('id', { header: '#', meta: { width: 76, numeric: true }, cell: (c) => c.getValue() }),
  column.accessor('timestamp', { header: 'Time (UTC)', meta: { width: 176 }, cell: (c) => formatTimestamp(c.getValue()).replace(' UTC', '') }),
  column.accessor('model', { header: 'Model', meta: { width: 150 }, cell: (c) => c.getValue() ?? '—' }),
  column.accessor('promptVersion', { header: 'Prompt', meta: { width: 92 }, cell: (c) => c.getValue() ?? '—' }),
  column.accessor('input', { header: 'Input', enableSorting: false, meta: {}, cell: (c) => oneLine(c.getValue()) }),
  column.accessor('output', { header: 'Output', enableSorting: false, meta: { hideWithDetail: true }, cell: (c) => oneLine(c.getValue()) }),
  column.accessor('tokensIn', { header: 'Tok in', meta: { width: 86, numeric: true, hideWithDetail: true }, cell: (c) => formatCount(c.getValue()) }),
  column.accessor('tokensOut', { header: 'Tok out', meta: { width: 94, numeric: true, hideWithDetail: true }, cell: (c) => formatCount(c.getValue()) }),
  column.accessor('latencyMs', { header: 'Latency', meta: { width: 88, numeric: true }, cell: (c) => formatLatency(c.getValue()) }),
  column.accessor('cost', { header: 'Cost', meta: { width: 92, numeric: true, hideWithDetail: true }, cell: (c) => formatCost(c.getValue()) }),
];

/** Table cells are one line high; line breaks in logged text would otherwise be invisible joins. */
function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 400 ? `${flat.slice(0, 400)}…` : flat;
}
