import { createColumnHelper, type RowData } from '@tanstack/react-table';
import type { RecordBrowseRow } from '../../../shared/contract/records-schemas';
import type { RecordSortColumn } from '../../../shared/contract/schemas';
import { FlagChips, ScorePill } from '../../components/score-badges';
import { formatCost, formatCount, formatLatency, formatTimestamp } from '../../format/format';
import { formatScore, injectionOf } from '../../format/scores';
import { SnippetText } from './snippet-text';

const column = createColumnHelper<RecordBrowseRow>();

export { isSortColumn } from './records-params';

export interface ColumnLayout {
  /** Fixed width in px; flexible columns share what is left. */
  width?: number;
  numeric?: boolean;
  /** Hidden while the detail panel takes half the screen. */
  hideWithDetail?: boolean;
  /** Shown only in this column set; columns without a group are always shown. */
  group?: ColumnSet;
  /** Holds a text snippet that may wrap to two lines. */
  snippet?: boolean;
}

/** The table shows either the analyzers' scores or tokens, latency and cost beside the always-shown columns. */
export type ColumnSet = 'scores' | 'usage';

declare module '@tanstack/react-table' {
  // The type parameters must match the library's declaration for the merge to apply.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars, @typescript-eslint/no-empty-object-type
  interface ColumnMeta<TData extends RowData, TValue> extends ColumnLayout {}
}

export const recordColumns = [
  column.accessor('id', { header: '#', meta: { width: 62, numeric: true }, cell: (c) => c.getValue() }),
  column.accessor('timestamp', { header: 'Time (UTC)', meta: { width: 170, hideWithDetail: true, group: 'usage' }, cell: (c) => formatTimestamp(c.getValue()).replace(' UTC', '') }),
  column.accessor('model', { header: 'Model', meta: { width: 140 }, cell: (c) => c.getValue() ?? '—' }),
  column.accessor('promptVersion', { header: 'Prompt', meta: { width: 82, hideWithDetail: true }, cell: (c) => c.getValue() ?? '—' }),
  column.accessor('input', { header: 'Input', enableSorting: false, meta: { snippet: true }, cell: (c) => <SnippetText snippet={c.getValue()} testId="snippet-input" /> }),
  column.accessor('output', {
    header: 'Output', enableSorting: false, meta: { hideWithDetail: true, snippet: true },
    cell: (c) => <OutputCell row={c.row.original} />,
  }),
  // Grounding is "higher is better", so its first click lists the least grounded answers first.
  column.accessor((r) => r.scores?.grounding ?? null, {
    id: 'grounding', header: 'Grounding', sortDescFirst: false, meta: { width: 118, numeric: true, hideWithDetail: true, group: 'scores' },
    cell: (c) => <ScorePill kind="grounding" value={c.getValue()} />,
  }),
  column.accessor((r) => r.scores?.toxicity ?? null, {
    id: 'toxicity', header: 'Toxicity', sortDescFirst: true, meta: { width: 104, numeric: true, hideWithDetail: true, group: 'scores' },
    cell: (c) => <ScorePill kind="toxicity" value={c.getValue()} />,
  }),
  column.accessor((r) => injectionOf(r.scores), {
    id: 'injection', header: 'Injection', sortDescFirst: true, meta: { width: 112, numeric: true, hideWithDetail: true, group: 'scores' },
    cell: (c) => <ScorePill kind="injection" value={c.getValue()} title={injectionTitle(c.row.original)} />,
  }),
  column.accessor((r) => r.scores?.pii ?? null, {
    id: 'pii', header: 'PII', sortDescFirst: true, meta: { width: 64, numeric: true, hideWithDetail: true, group: 'scores' },
    cell: (c) => <ScorePill kind="pii" value={c.getValue()} title="Personal data and secrets found in the output" />,
  }),
  column.accessor('scores', { id: 'flags', header: 'Flags', enableSorting: false, meta: { width: 160, group: 'scores' }, cell: (c) => <FlagChips scores={c.getValue()} short /> }),
  column.accessor('tokensIn', { header: 'Tok in', meta: { width: 80, numeric: true, hideWithDetail: true, group: 'usage' }, cell: (c) => formatCount(c.getValue()) }),
  column.accessor('tokensOut', { header: 'Tok out', meta: { width: 88, numeric: true, hideWithDetail: true, group: 'usage' }, cell: (c) => formatCount(c.getValue()) }),
  column.accessor('latencyMs', { header: 'Latency', meta: { width: 96, numeric: true, hideWithDetail: true, group: 'usage' }, cell: (c) => formatLatency(c.getValue()) }),
  column.accessor('cost', { header: 'Cost', meta: { width: 88, numeric: true, hideWithDetail: true, group: 'usage' }, cell: (c) => formatCost(c.getValue()) }),
];

/**
 * Which columns show for a column set, beside the detail panel or not, minus those a saved view hides; the sorted
 * column always stays.
 */
export function columnVisibility(set: ColumnSet, compact: boolean, sortedBy: RecordSortColumn, hidden: readonly string[] = []): Record<string, boolean> {
  const visibility: Record<string, boolean> = {};
  for (const col of recordColumns) {
    const id = col.id ?? ('accessorKey' in col ? String(col.accessorKey) : '');
    const meta = col.meta ?? {};
    const off = (meta.group !== undefined && meta.group !== set) || (compact && meta.hideWithDetail === true) || (hidden.includes(id) && id !== 'id');
    if (off && id !== sortedBy) visibility[id] = false;
  }
  return visibility;
}

function injectionTitle(record: RecordBrowseRow): string {
  const s = record.scores;
  if (!s) return 'Not analyzed yet';
  return `Input ${formatScore('injection', s.injection)} · worst retrieved context ${formatScore('injection', s.contextInjection)}`;
}

/** The output snippet, and under it the retrieved context the search matched, when it matched one. */
function OutputCell({ row }: { row: RecordBrowseRow }) {
  return (
    <>
      {/* With a context under it, the output gets one line: the row keeps its fixed height. */}
      <SnippetText snippet={row.output} testId="snippet-output" oneLine={row.context !== null} />
      {row.context ? (
        <span className="snippet-context" data-testid="snippet-context">
          <span className="snippet-context-label">Context {row.context.index + 1}:</span> <SnippetText snippet={row.context} />
        </span>
      ) : null}
    </>
  );
}

