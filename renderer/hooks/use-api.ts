import { useCallback, useEffect, useState } from 'react';
import type { Method, MethodInput, MethodOutput } from '../../shared/contract/api';
import { call } from '../api/client';
import { useWorkspaceRevision } from './use-events';

export interface ApiState<T> {
  /** The last value received; kept while a reload runs so the page does not flash empty. */
  data: T | undefined;
  /** False while `data` still belongs to an earlier input (it is kept so the page does not flash empty). */
  current: boolean;
  error: Error | undefined;
  loading: boolean;
  reload: () => void;
}

/** Calls one API method, again whenever its input or the workspace changes. */
export function useApi<M extends Method>(method: M, input: MethodInput<M>): ApiState<MethodOutput<M>> {
  const key = JSON.stringify(input ?? {});
  const revision = useWorkspaceRevision();
  const [nonce, setNonce] = useState(0);
  const [state, setState] = useState<{ data: MethodOutput<M> | undefined; dataKey: string | null; error: Error | undefined; loading: boolean }>({
    data: undefined, dataKey: null, error: undefined, loading: true,
  });

  useEffect(() => {
    let live = true;
    setState((previous) => ({ ...previous, loading: true }));
    call(method, JSON.parse(key) as MethodInput<M>).then(
      (data) => { if (live) setState({ data, dataKey: key, error: undefined, loading: false }); },
      (error: unknown) => { if (live) setState((previous) => ({ ...previous, error: toError(error), loading: false })); },
    );
    return () => { live = false; };
  }, [method, key, revision, nonce]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { data: state.data, current: state.dataKey === key, error: state.error, loading: state.loading, reload };
}

export function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
