import { Component, lazy, type ComponentType, type ReactNode } from 'react';
import { ErrorBanner } from '../components/feedback';
import { parseHash } from '../routing/routes';
import { prefetchRecordsPage } from './records/records-first-rows';

/**
 * Every page is its own chunk, loaded when it is first shown: the Records page at a million records should not
 * wait for the chart library or the review workbench to download and compile. Chunks shared by several pages
 * (charts, score badges) are split out by the bundler and loaded once.
 */
function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => ({ default: await load() }));
}

type PageParams = { params: Readonly<Record<string, string>> };

export const OverviewPage = lazyPage(() => import('./overview-page').then((m) => m.OverviewPage));
export const ImportPage = lazyPage(() => import('./import/import-page').then((m) => m.ImportPage));
// The first rows are asked for as the page's code starts loading, not after it has loaded and rendered; the code
// first, as the server answers one request at a time and the rows take it longer than a file.
export const RecordsPage = lazyPage<PageParams>(() => {
  const page = import('./records/records-page');
  prefetchRecordsPage(parseHash(window.location.hash).params);
  return page.then((m) => m.RecordsPage);
});
export const SearchPage = lazyPage<PageParams>(() => import('./search/search-page').then((m) => m.SearchPage));
export const AuditPage = lazyPage(() => import('./audit-page').then((m) => m.AuditPage));
export const DriftPage = lazyPage(() => import('./drift/drift-page').then((m) => m.DriftPage));
export const ReviewPage = lazyPage<PageParams>(() => import('./review/review-page').then((m) => m.ReviewPage));
export const ReportsPage = lazyPage(() => import('./reports/reports-page').then((m) => m.ReportsPage));
export const ComparePage = lazyPage<PageParams>(() => import('./compare/compare-page').then((m) => m.ComparePage));

interface BoundaryState { error: Error | null }

/**
 * A page whose chunk cannot load (the app was rebuilt while this window stayed open, so the old file name is gone)
 * says so with a way out, instead of leaving the whole window blank. Keyed by page, so moving on clears it.
 */
export class PageChunkBoundary extends Component<{ children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return <ErrorBanner error={new Error(`This page could not be shown: ${error.message}`)} onRetry={() => window.location.reload()} />;
  }
}
