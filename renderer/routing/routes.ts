/** Hash routes (#/records?model=x) so the same build works from file:// in Electron and over HTTP. */

export const PAGES = ['overview', 'import', 'records', 'search', 'drift', 'compare', 'review', 'reports', 'audit'] as const;
export type PageId = (typeof PAGES)[number];

export interface Route {
  page: PageId;
  params: Readonly<Record<string, string>>;
}

export const DEFAULT_ROUTE: Route = { page: 'overview', params: {} };

function isPage(value: string): value is PageId {
  return (PAGES as readonly string[]).includes(value);
}

/** Unknown pages fall back to the overview rather than a blank screen. */
export function parseHash(hash: string): Route {
  const body = hash.replace(/^#\/?/, '');
  const queryAt = body.indexOf('?');
  const path = (queryAt === -1 ? body : body.slice(0, queryAt)).replace(/\/+$/, '');
  const query = queryAt === -1 ? '' : body.slice(queryAt + 1);
  const page = isPage(path) ? path : DEFAULT_ROUTE.page;
  const params: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(query)) {
    if (value !== '') params[key] = value;
  }
  return { page, params };
}

/** Empty and undefined params are dropped so URLs stay short; keys are sorted so equal routes are equal strings. */
export function formatHash(page: PageId, params: Readonly<Record<string, string | undefined>> = {}): string {
  const search = new URLSearchParams();
  for (const key of Object.keys(params).sort()) {
    const value = params[key];
    if (value !== undefined && value !== '') search.set(key, value);
  }
  const query = search.toString();
  return `#/${page}${query ? `?${query}` : ''}`;
}
