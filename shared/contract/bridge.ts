import type { Method, MethodInput, MethodOutput } from './api';
import type { AssayEvent } from './events';

/** What both hosts give the renderer: Electron's preload and the browser-mode HTTP client. */
export interface AssayBridge {
  call<M extends Method>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  subscribe(listener: (event: AssayEvent) => void): () => void;
}

/** The wire shape of one reply; errors travel as data because IPC and HTTP both lose Error subclasses. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

export interface ApiErrorShape {
  code: ApiErrorCode;
  message: string;
}

export type ApiErrorCode = 'bad_request' | 'not_found' | 'unknown_method' | 'workspace' | 'internal';

/** An error a caller can act on; its message is shown to the user as it is. */
export class ApiError extends Error {
  constructor(readonly code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
  }
}

export const IPC_CHANNEL = 'assay:api';
export const IPC_EVENT_CHANNEL = 'assay:event';
