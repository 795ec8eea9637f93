import type { PageId } from '../routing/routes';
import { formatHash } from '../routing/routes';
import { icons } from './icons';

interface NavItem {
  page: PageId;
  label: string;
}

const SECTIONS: { title: string; items: NavItem[] }[] = [
  {
    title: 'Workspace',
    items: [
      { page: 'overview', label: 'Overview' },
      { page: 'import', label: 'Import' },
      { page: 'records', label: 'Records' },
      { page: 'search', label: 'Search' },
    ],
  },
  {
    title: 'Analysis',
    items: [
      { page: 'drift', label: 'Drift' },
      { page: 'compare', label: 'Compare' },
      { page: 'review', label: 'Review' },
    ],
  },
  {
    title: 'Governance',
    items: [{ page: 'reports', label: 'Reports' }, { page: 'audit', label: 'Audit log' }],
  },
];

export function Sidebar({ current }: { current: PageId }) {
  return (
    <nav className="sidebar" aria-label="Main" data-testid="sidebar">
      <div className="brand">
        <img className="brand-mark" src="./favicon.svg" alt="" width="26" height="26" />
        <span className="brand-name">Assay</span>
      </div>
      {SECTIONS.map((section) => (
        <div className="nav-section" key={section.title}>
          <div className="nav-section-title">{section.title}</div>
          <ul>
            {section.items.map((item) => (
              <li key={item.page}>
                <a
                  href={formatHash(item.page)}
                  className={item.page === current ? 'nav-link active' : 'nav-link'}
                  aria-current={item.page === current ? 'page' : undefined}
                  data-testid={`nav-${item.page}`}
                >
                  {icons[item.page]}
                  <span>{item.label}</span>
                </a>
              </li>
            ))}
          </ul>
        </div>
      ))}
      <div className="sidebar-foot">Offline · local workspace</div>
    </nav>
  );
}
