import type { z } from 'zod';
import { api, type Handlers, type Method } from '../../shared/contract/api';
import type { Reply } from '../../shared/contract/bridge';
import { callIn, dispatchIn } from './contract-dispatch';

/** dispatchIn over the whole contract: what the IPC channel and the browser-mode server serve. */
export function dispatch(handlers: Partial<Handlers>, method: unknown, input: unknown): Promise<Reply<unknown>> {
  return dispatchIn(api, handlers, method, input);
}

/** Calls a method in-process with the same validation, throwing ApiError on failure (used by the CLI and tests). */
export function callApi<M extends Method>(handlers: Partial<Handlers>, method: M, input: z.input<(typeof api)[M]['input']>): Promise<z.output<(typeof api)[M]['output']>> {
  return callIn(api, handlers, method, input);
}
