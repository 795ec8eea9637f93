import { useCallback, useRef, useState } from 'react';
import type { SearchQuery, SearchResult } from '../../../shared/contract/retrieval-schemas';
import { call } from '../../api/client';
import { toError } from '../../hooks/use-api';

export interface SearchState {
  result: SearchResult | undefined;
  error: Error | undefined;
  running: boolean;
  run: (query: SearchQuery) => void;
}

/**
 * Runs searches on demand (not on every workspace change: a first search may build an index). A newer search
 * supersedes an older one still in flight, so a slow answer never overwrites a fresher one.
 */
export function useSearch(): SearchState {
  const [state, setState] = useState<Omit<SearchState, 'run'>>({ result: undefined, error: undefined, running: false });
  const latest = useRef(0);
  const run = useCallback((query: SearchQuery) => {
    const ticket = ++latest.current;
    setState((previous) => ({ ...previous, running: true }));
    call('search.query', query).then(
      (result) => { if (ticket === latest.current) setState({ result, error: undefined, running: false }); },
      (error: unknown) => { if (ticket === latest.current) setState({ result: undefined, error: toError(error), running: false }); },
    );
  }, []);
  return { ...state, run };
}
