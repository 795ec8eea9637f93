import type { ReactNode } from 'react';

/** Small stroke icons drawn inline so the app needs no icon font or remote asset. */
function Icon({ children }: { children: ReactNode }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor"
      strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

export const icons = {
  overview: <Icon><rect x="3" y="3" width="7" height="9" rx="1.5" /><rect x="14" y="3" width="7" height="5" rx="1.5" /><rect x="14" y="12" width="7" height="9" rx="1.5" /><rect x="3" y="16" width="7" height="5" rx="1.5" /></Icon>,
  records: <Icon><path d="M4 6h16M4 12h16M4 18h16" /><path d="M8 3v18" /></Icon>,
  drift: <Icon><path d="M3 17c3 0 4-10 7-10s4 6 6 6 3-3 5-3" /><path d="M3 21h18" /></Icon>,
  compare: <Icon><path d="M8 4v16M16 4v16" /><path d="M4 8h4M16 14h4M4 16h4M16 8h4" /></Icon>,
  review: <Icon><path d="M9 11l2 2 4-4" /><rect x="4" y="3" width="16" height="18" rx="2" /></Icon>,
  reports: <Icon><path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z" /><path d="M14 3v5h5M9 13h6M9 17h4" /></Icon>,
  audit: <Icon><path d="M10 14a4 4 0 0 1 0-5.7l2.3-2.3a4 4 0 0 1 5.7 5.7l-1.2 1.2" /><path d="M14 10a4 4 0 0 1 0 5.7l-2.3 2.3a4 4 0 0 1-5.7-5.7l1.2-1.2" /></Icon>,
  import: <Icon><path d="M12 3v12" /><path d="M7 10l5 5 5-5" /><path d="M4 19h16" /></Icon>,
  search: <Icon><circle cx="11" cy="11" r="6.5" /><path d="M20 20l-4.2-4.2" /></Icon>,
  close: <Icon><path d="M6 6l12 12M18 6L6 18" /></Icon>,
  check: <Icon><path d="M5 12.5l4.5 4.5L19 7.5" /></Icon>,
  alert: <Icon><path d="M12 4l9 16H3z" /><path d="M12 10v4M12 17.5v.01" /></Icon>,
  refresh: <Icon><path d="M20 11a8 8 0 1 0-2.3 5.7" /><path d="M20 4v7h-7" /></Icon>,
  sortAsc: <Icon><path d="M12 19V5M6 11l6-6 6 6" /></Icon>,
  sortDesc: <Icon><path d="M12 5v14M6 13l6 6 6-6" /></Icon>,
} as const;
