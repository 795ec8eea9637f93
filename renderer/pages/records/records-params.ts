import type { RecordFilterSpec } from '../../../shared/contract/records-schemas';
import type { RecordSortColumn } from '../../../shared/contract/schemas';
import { isRecordFlag } from '../../format/scores';
import type { RecordFilter } from '../../hooks/use-paged-records';
import type { FilterValues } from './record-filters';
import type { ColumnSet } from './record-columns';
import type { SortState } from './records-table';

/**
 * The Records page's state in its URL, so a filtered view can be bookmarked or shared. Kept apart from the page's
 * components so the app shell can read it and ask for the first rows while the page's code loads
 * (records-first-rows.ts).
 */
export interface RecordsParams {
  asset?: string;
  model?: string;
  prompt?: string;
  q?: string;
  flag?: string;
  /** Column set; absent = scores once the workspace has been analyzed, usage before. */
  cols?: string;
  /** Columns a saved view hides, comma-separated. */
  hide?: string;
  sort?: string;
  dir?: string;
  record?: string;
}

export interface RecordsPageState {
  filters: FilterValues;
  columnSet: ColumnSet | null;
  hidden: string[];
  sort: SortState;
  recordId: number | null;
}

/** Column ids equal the API's sort names where the server can sort by them. */
const SORTABLE: ReadonlySet<string> = new Set<RecordSortColumn>([
  'id', 'timestamp', 'model', 'promptVersion', 'tokensIn', 'tokensOut', 'latencyMs', 'cost',
  'grounding', 'toxicity', 'injection', 'pii',
]);

export function isSortColumn(id: string): id is RecordSortColumn {
  return SORTABLE.has(id);
}

export function readRecordsParams(params: Readonly<Record<string, string>>): RecordsPageState {
  const sort = params.sort && isSortColumn(params.sort) ? params.sort : 'id';
  const id = Number(params.record);
  return {
    filters: {
      assetId: params.asset && /^\d+$/.test(params.asset) ? params.asset : '',
      model: params.model ?? '', promptVersion: params.prompt ?? '', search: params.q ?? '',
      flag: params.flag && isRecordFlag(params.flag) ? params.flag : '',
    },
    columnSet: params.cols === 'scores' || params.cols === 'usage' ? params.cols : null,
    hidden: params.hide ? params.hide.split(',').filter(Boolean).slice(0, 64) : [],
    sort: { sort, dir: params.dir === 'desc' ? 'desc' : 'asc' },
    recordId: Number.isInteger(id) && id > 0 ? id : null,
  };
}

export function writeRecordsParams(state: RecordsPageState): RecordsParams {
  return {
    asset: state.filters.assetId || undefined,
    model: state.filters.model || undefined,
    prompt: state.filters.promptVersion || undefined,
    q: state.filters.search || undefined,
    flag: state.filters.flag || undefined,
    cols: state.columnSet ?? undefined,
    hide: state.hidden.length ? state.hidden.join(',') : undefined,
    sort: state.sort.sort === 'id' && state.sort.dir === 'asc' ? undefined : state.sort.sort,
    dir: state.sort.dir === 'asc' ? undefined : state.sort.dir,
    record: state.recordId === null ? undefined : String(state.recordId),
  };
}

/** The filter part of the state, as the API takes it. */
export function recordFilterSpec(state: RecordsPageState): RecordFilterSpec {
  const assetId = Number(state.filters.assetId);
  return {
    assetId: Number.isInteger(assetId) && assetId > 0 ? assetId : undefined,
    model: state.filters.model || undefined,
    promptVersion: state.filters.promptVersion || undefined,
    search: state.filters.search.trim() || undefined,
    flag: state.filters.flag || undefined,
  };
}

/** What the table pages through; the same object (and JSON key) for the page and for the prefetch. */
export function recordTableFilter(state: RecordsPageState, revealPii: boolean): RecordFilter {
  return { ...recordFilterSpec(state), sort: state.sort.sort, dir: state.sort.dir, revealPii };
}

