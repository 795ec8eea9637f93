import { describe, expect, it } from 'vitest';
import { PagedRows, type PageResult } from '../../../../renderer/hooks/paged-rows';

describe('PagedRows keyset cursors', () => {
  it('continues from the cursor the previous page ended with, and lets the server seek a page it jumped to', async () => {
    const calls: Array<{ offset: number; after: string | undefined }> = [];
    const fetch = (offset: number, limit: number, after: string | undefined): Promise<PageResult<number, string>> => {
      calls.push({ offset, after });
      return Promise.resolve({ total: 1000, rows: Array.from({ length: limit }, (_, i) => offset + i), next: `end-${offset + limit - 1}` });
    };
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    const rows = new PagedRows<number, string>(fetch, () => undefined, { pageSize: 100 });
    await settle();
    rows.want(150, 160);
    await settle();
    rows.want(700, 710);
    await settle();
    expect(calls).toEqual([{ offset: 0, after: undefined }, { offset: 100, after: 'end-99' }, { offset: 700, after: undefined }]);
    expect(rows.get(705)).toBe(705);
  });
});
