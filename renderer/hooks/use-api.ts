import { useCallback, useEffect, useState } from 'react';
import type { Method, MethodInput, MethodOutput } from '../../shared/contract/api';
import { call } from '../api/client';
import { useWorkspaceRevision } from './use-events';

export interface ApiState<T> {
  /** The last value received; kept while a reload runs so the page does not flash empty. */
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload: () => void;
}

/** Calls one API method, again whenever its input or the workspace changes. */
export function useApi<M extends Method>(method: M, input: MethodInput<M>): ApiState<MethodOutput<M>> {
  const key = JSON.stringify(input ?? {});
  const revision = useWorkspaceRevision();
  const [nonce, setNonce] = useState(0);
  const [state, setState] = useState<Omit<ApiState<MethodOutput<M>>, 'reload'>>({
    data: undefined, error: undefined, loading: true,
  });

  useEffect(() => {
    let live = true;
    setState((previous) => ({ ...previous, loading: true }));
    call(method, JSON.parse(key) as MethodInput<M>).then(
      (data) => { if (live) setState({ data, error: undefined, loading: false }); },
      (error: unknown) => { if (live) setState((previous) => ({ data: previous.data, error: toError(error), loading: false })); },
    );
    return () => { live = false; };
  }, [method, key, revision, nonce]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { ...state, reload };
}

export function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
