import { describe, expect, it } from 'vitest';
import { PagedRows, type PageResult } from '../../../../renderer/hooks/paged-rows';

/** A keyset server of `total` numbered rows whose replies the test releases by hand. */
function keysetServer(total: number) {
  const requests: { offset: number; limit: number; after: number | undefined; resolve: () => void; reject: (e: Error) => void }[] = [];
  const fetchPage = (offset: number, limit: number, after: number | undefined) => new Promise<PageResult<number, number>>((resolve, reject) => {
    const from = after === undefined ? offset : after + 1;
    const rows = Array.from({ length: Math.max(0, Math.min(limit, total - from)) }, (_, i) => from + i);
    requests.push({ offset, limit, after, resolve: () => resolve({ total, rows, next: rows.length === limit ? rows.at(-1)! : null }), reject });
  });
  return { requests, fetchPage };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('PagedRows first rows', () => {
  it('shows a screenful first, then fills the rest of the first page from its cursor', async () => {
    const server = keysetServer(1_000);
    let changes = 0;
    const rows = new PagedRows(server.fetchPage, () => { changes += 1; }, { pageSize: 200, firstRows: 50 });
    expect(server.requests.map(({ offset, limit, after }) => ({ offset, limit, after }))).toEqual([{ offset: 0, limit: 50, after: undefined }]);
    server.requests[0]!.resolve();
    await flush();
    expect(rows.total).toBe(1_000);
    expect(rows.get(49)).toBe(49);
    expect(rows.get(50)).toBeUndefined();
    expect(rows.loading).toBe(true);
    expect(changes).toBe(1);
    expect(server.requests.map(({ offset, limit, after }) => ({ offset, limit, after }))[1]).toEqual({ offset: 50, limit: 150, after: 49 });
    server.requests[1]!.resolve();
    await flush();
    expect(rows.get(199)).toBe(199);
    expect(rows.loading).toBe(false);
    // The next page continues from the end of the whole first page.
    rows.want(250, 260);
    expect(server.requests[2]).toMatchObject({ offset: 200, limit: 200, after: 199 });
  });

  it('a page asked for while the one before it loads waits for its cursor instead of seeking its offset', async () => {
    const server = keysetServer(10_000);
    const rows = new PagedRows(server.fetchPage, () => undefined, { pageSize: 200, firstRows: 50, maxInFlight: 2 });
    server.requests[0]!.resolve();
    await flush();
    rows.want(150, 450);
    expect(server.requests.map((r) => r.offset)).toEqual([0, 50]);
    server.requests[1]!.resolve();
    await flush();
    expect(server.requests.slice(2).map(({ offset, after }) => ({ offset, after }))).toEqual([{ offset: 200, after: 199 }]);
    server.requests[2]!.resolve();
    await flush();
    expect(server.requests.slice(3).map(({ offset, after }) => ({ offset, after }))).toEqual([{ offset: 400, after: 399 }]);
    // A jump far ahead has nothing to wait for: the server seeks it.
    rows.want(5_000, 5_010);
    expect(server.requests.at(-1)).toMatchObject({ offset: 5_000, after: undefined });
  });

  it('asks no more when the first rows are all there are', async () => {
    const server = keysetServer(30);
    const rows = new PagedRows(server.fetchPage, () => undefined, { pageSize: 200, firstRows: 50 });
    server.requests[0]!.resolve();
    await flush();
    expect(rows.total).toBe(30);
    expect(rows.get(29)).toBe(29);
    expect(rows.loading).toBe(false);
    expect(server.requests).toHaveLength(1);
  });

  it('reports an error when the rest of the page fails, and a retry loads the whole page again', async () => {
    const server = keysetServer(1_000);
    const rows = new PagedRows(server.fetchPage, () => undefined, { pageSize: 200, firstRows: 50 });
    server.requests[0]!.resolve();
    await flush();
    server.requests[1]!.reject(new Error('database is locked'));
    await flush();
    expect(rows.error?.message).toBe('database is locked');
    expect(rows.loading).toBe(false);
    rows.retry();
    expect(server.requests[2]).toMatchObject({ offset: 0, limit: 50, after: undefined });
    server.requests[2]!.resolve();
    await flush();
    server.requests[3]!.resolve();
    await flush();
    expect(rows.get(199)).toBe(199);
    expect(rows.error).toBeNull();
  });
});
