import { useCallback, useState } from 'react';

const KEY = 'assay.reviewer';

/**
 * The reviewer's name, set once and kept by this browser profile (or Electron's) so every verdict is signed with it.
 * Stored locally rather than in the workspace: a workspace is shared between reviewers.
 */
export function useReviewer(): [string | null, (name: string | null) => void] {
  const [name, setName] = useState<string | null>(() => window.localStorage.getItem(KEY));
  const set = useCallback((next: string | null) => {
    if (next) window.localStorage.setItem(KEY, next);
    else window.localStorage.removeItem(KEY);
    setName(next);
  }, []);
  return [name, set];
}
