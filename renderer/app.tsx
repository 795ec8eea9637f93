import { Suspense, useEffect, type ReactNode } from 'react';
import { Loading } from './components/feedback';
import { Sidebar } from './components/sidebar';
import { TopBar } from './components/top-bar';
import { useEventStream } from './hooks/use-events';
import {
  AuditPage, ComparePage, DriftPage, ImportPage, OverviewPage, PageChunkBoundary, RecordsPage, ReportsPage, ReviewPage, SearchPage,
} from './pages/page-chunks';
import { useRoute } from './routing/router';
import type { Route } from './routing/routes';

export function App() {
  useEventStream();
  const route = useRoute();
  useEffect(() => { document.title = `${TITLES[route.page]} · Assay`; }, [route.page]);
  return (
    <div className="app-shell">
      <Sidebar current={route.page} />
      <div className="app-main">
        <TopBar />
        <main className="app-content" data-testid={`page-${route.page}`}>
          <PageChunkBoundary key={route.page}>
            <Suspense fallback={<Loading />}>{pageFor(route)}</Suspense>
          </PageChunkBoundary>
        </main>
      </div>
    </div>
  );
}

const TITLES: Record<Route['page'], string> = {
  overview: 'Overview', import: 'Import', records: 'Records', search: 'Search', drift: 'Drift', compare: 'Compare', review: 'Review', reports: 'Reports', audit: 'Audit log',
};

function pageFor(route: Route): ReactNode {
  switch (route.page) {
    case 'overview': return <OverviewPage />;
    case 'records': return <RecordsPage params={route.params} />;
    case 'import': return <ImportPage />;
    case 'search': return <SearchPage params={route.params} />;
    case 'audit': return <AuditPage />;
    case 'drift': return <DriftPage />;
    case 'review': return <ReviewPage params={route.params} />;
    case 'reports': return <ReportsPage />;
    case 'compare': return <ComparePage params={route.params} />;
  }
}
