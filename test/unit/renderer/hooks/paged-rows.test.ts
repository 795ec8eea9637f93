import { describe, expect, it } from 'vitest';
import { PagedRows, type PageResult } from '../../../../renderer/hooks/paged-rows';

/** A server of `total` numbered rows whose replies the test releases by hand. */
function fakeServer(total: number) {
  const requests: { offset: number; limit: number; resolve: () => void; reject: (e: Error) => void }[] = [];
  const fetchPage = (offset: number, limit: number) => new Promise<PageResult<number>>((resolve, reject) => {
    const rows = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => offset + i);
    requests.push({ offset, limit, resolve: () => resolve({ total, rows }), reject });
  });
  return { requests, fetchPage };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('PagedRows', () => {
  it('loads the first page at once and reports the total', async () => {
    const server = fakeServer(450);
    let changes = 0;
    const rows = new PagedRows(server.fetchPage, () => { changes += 1; }, { pageSize: 100 });
    expect(server.requests.map((r) => r.offset)).toEqual([0]);
    expect(rows.get(0)).toBeUndefined();
    server.requests[0]!.resolve();
    await flush();
    expect(rows.total).toBe(450);
    expect(rows.get(0)).toBe(0);
    expect(rows.get(99)).toBe(99);
    expect(rows.get(100)).toBeUndefined();
    expect(changes).toBe(1);
  });

  it('fetches only the pages of the visible range, each once', async () => {
    const server = fakeServer(10_000);
    const rows = new PagedRows(server.fetchPage, () => undefined, { pageSize: 100, maxInFlight: 4 });
    server.requests[0]!.resolve();
    await flush();
    rows.want(5_050, 5_130);
    rows.want(5_060, 5_140);
    expect(server.requests.map((r) => r.offset)).toEqual([0, 5_000, 5_100]);
    server.requests[1]!.resolve();
    server.requests[2]!.resolve();
    await flush();
    expect(rows.get(5_140)).toBe(5_140);
    rows.want(5_000, 5_199);
    expect(server.requests).toHaveLength(3);
  });

  it('skips pages the user scrolled past before a request slot freed', async () => {
    const server = fakeServer(100_000);
    const rows = new PagedRows(server.fetchPage, () => undefined, { pageSize: 100, maxInFlight: 1 });
    rows.want(1_000, 1_050);
    rows.want(2_000, 2_050);
    rows.want(90_000, 90_050);
    expect(server.requests.map((r) => r.offset)).toEqual([0]);
    server.requests[0]!.resolve();
    await flush();
    expect(server.requests.map((r) => r.offset)).toEqual([0, 90_000]);
  });

  it('does not ask beyond the last page once the total is known', async () => {
    const server = fakeServer(150);
    const rows = new PagedRows(server.fetchPage, () => undefined, { pageSize: 100 });
    server.requests[0]!.resolve();
    await flush();
    rows.want(0, 500);
    expect(server.requests.map((r) => r.offset)).toEqual([0, 100]);
  });

  it('keeps an error until retried, then loads again', async () => {
    const server = fakeServer(300);
    const rows = new PagedRows(server.fetchPage, () => undefined, { pageSize: 100 });
    server.requests[0]!.reject(new Error('database is locked'));
    await flush();
    expect(rows.error?.message).toBe('database is locked');
    rows.want(0, 10);
    expect(server.requests).toHaveLength(1);
    rows.retry();
    expect(rows.error).toBeNull();
    expect(server.requests).toHaveLength(2);
    server.requests[1]!.resolve();
    await flush();
    expect(rows.get(0)).toBe(0);
  });

  it('ignores replies that arrive after it was disposed', async () => {
    const server = fakeServer(300);
    let changes = 0;
    const rows = new PagedRows(server.fetchPage, () => { changes += 1; }, { pageSize: 100 });
    rows.dispose();
    server.requests[0]!.resolve();
    await flush();
    expect(rows.total).toBeNull();
    expect(changes).toBe(0);
  });

  it('drops the pages farthest from view when over its cache limit', async () => {
    const server = fakeServer(100_000);
    const rows = new PagedRows(server.fetchPage, () => undefined, { pageSize: 100, maxCachedPages: 3, maxInFlight: 10 });
    server.requests[0]!.resolve();
    await flush();
    for (const start of [1_000, 2_000, 3_000, 4_000]) {
      rows.want(start, start + 10);
      server.requests.at(-1)!.resolve();
      await flush();
    }
    expect(rows.get(4_005)).toBe(4_005);
    expect(rows.get(0)).toBeUndefined();
    expect(rows.get(1_005)).toBeUndefined();
  });
});
