import { prefetchRecords } from '../../hooks/records-prefetch';
import { RECORD_FIRST_ROWS } from '../../hooks/use-paged-records';
import { readRecordsParams, recordTableFilter } from './records-params';

/** Asks for the first rows the Records page will show for these URL params (personal data masked, as it opens). */
export function prefetchRecordsPage(params: Readonly<Record<string, string>>): void {
  prefetchRecords(recordTableFilter(readRecordsParams(params), false), RECORD_FIRST_ROWS);
}
