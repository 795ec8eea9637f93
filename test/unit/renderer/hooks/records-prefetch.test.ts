import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls: unknown[] = [];
let revision = 0;
vi.mock('../../../../renderer/api/client', () => ({
  call: (method: string, input: unknown) => { calls.push({ method, input }); return Promise.resolve({ total: 1, rows: [], next: null, offset: 0, piiMasked: true }); },
}));
vi.mock('../../../../renderer/hooks/use-events', () => ({ workspaceRevision: () => revision }));

const { prefetchRecords, takePrefetchedRecords } = await import('../../../../renderer/hooks/records-prefetch');
const { readRecordsParams, recordTableFilter } = await import('../../../../renderer/pages/records/records-params');

const filterOf = (params: Record<string, string>, reveal = false) => recordTableFilter(readRecordsParams(params), reveal);

describe('records first-rows prefetch', () => {
  beforeEach(() => { calls.length = 0; revision = 0; });

  it('asks for the first rows of the URL\'s view, and gives them to the table with the same filter, once', async () => {
    const params = { model: 'gpt-4o', sort: 'cost', dir: 'desc', q: ' refund ' };
    prefetchRecords(filterOf(params), 50);
    expect(calls).toEqual([{ method: 'records.browse', input: { model: 'gpt-4o', search: 'refund', sort: 'cost', dir: 'desc', revealPii: false, offset: 0, limit: 50 } }]);
    const key = JSON.stringify(filterOf(params));
    expect(takePrefetchedRecords(key, 50)).not.toBeNull();
    expect(takePrefetchedRecords(key, 50)).toBeNull();
  });

  it('is not used for another filter, another size, personal data shown, or after the workspace changed', () => {
    const key = JSON.stringify(filterOf({}));
    prefetchRecords(filterOf({}), 50);
    expect(takePrefetchedRecords(JSON.stringify(filterOf({ model: 'x' })), 50)).toBeNull();
    prefetchRecords(filterOf({}), 50);
    expect(takePrefetchedRecords(key, 200)).toBeNull();
    prefetchRecords(filterOf({}), 50);
    expect(takePrefetchedRecords(JSON.stringify(filterOf({}, true)), 50)).toBeNull();
    prefetchRecords(filterOf({}), 50);
    revision = 1;
    expect(takePrefetchedRecords(key, 50)).toBeNull();
  });
});
