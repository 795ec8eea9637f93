import type { ReactNode } from 'react';
import { icons } from './icons';

/** An error as the user should read it: the API's message as-is, and a way to try again. */
export function ErrorBanner({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  return (
    <div className="banner banner-error" role="alert" data-testid="error-banner">
      {icons.alert}
      <span className="banner-text">{error.message}</span>
      {onRetry ? <button type="button" className="button button-small" onClick={onRetry}>Retry</button> : null}
    </div>
  );
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <div className="empty-title">{title}</div>
      {children ? <div className="empty-body">{children}</div> : null}
    </div>
  );
}
