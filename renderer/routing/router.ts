import { useSyncExternalStore } from 'react';
import { formatHash, parseHash, type PageId, type Route } from './routes';

// replaceState does not fire hashchange, so navigations made here notify subscribers themselves.
const listeners = new Set<() => void>();
let current: Route = parseHash(window.location.hash);
let currentHash = window.location.hash;

function refresh(): void {
  if (window.location.hash === currentHash) return;
  currentHash = window.location.hash;
  current = parseHash(currentHash);
  for (const listener of [...listeners]) listener();
}

window.addEventListener('hashchange', refresh);

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useRoute(): Route {
  return useSyncExternalStore(subscribe, () => current);
}

/**
 * `replace` is for state that changes as the user types or clicks within a page (filters, the open record):
 * it keeps the URL shareable without filling the back button with every keystroke.
 */
export function navigate(page: PageId, params: Readonly<Record<string, string | undefined>> = {}, replace = false): void {
  const hash = formatHash(page, params);
  if (hash === window.location.hash) return;
  if (replace) {
    const url = new URL(window.location.href);
    url.hash = hash;
    window.history.replaceState(window.history.state, '', url);
    refresh();
  } else {
    window.location.hash = hash;
  }
}
