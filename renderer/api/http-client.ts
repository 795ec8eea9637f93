import { ApiError } from '../../shared/contract/bridge';
import type { ApiErrorCode, AssayBridge, Reply } from '../../shared/contract/bridge';
import type { Method, MethodInput, MethodOutput } from '../../shared/contract/api';
import type { AssayEvent } from '../../shared/contract/events';

/** The message shown when the server refuses the session; the user's only fix is to reopen the printed URL. */
export const SESSION_EXPIRED_MESSAGE =
  'session token missing or expired: reopen the URL printed by assay serve';

/** An error from the transport rather than from a handler: the server answered 401, was down, or sent junk. */
export class TransportError extends ApiError {
  constructor(message: string, readonly status: number | null) {
    super('internal', message);
    this.name = 'TransportError';
  }
}

type EventSourceLike = Pick<EventSource, 'close'> & {
  onmessage: ((event: MessageEvent<string>) => void) | null;
  onopen: ((event: Event) => void) | null;
};

/** Sent to listeners when the event stream reconnects: events may have been missed, so data and jobs are rechecked. */
export const RECONNECTED_REASON = 'events.reconnected';

export interface HttpBridgeOptions {
  /** Prefix for API paths; '' means same origin as the page. */
  baseUrl?: string;
  fetch?: typeof fetch;
  createEventSource?: (url: string) => EventSourceLike;
}

const API_ERROR_CODES: ReadonlySet<string> = new Set<ApiErrorCode>([
  'bad_request', 'not_found', 'unknown_method', 'workspace', 'internal',
]);

/** Browser-mode bridge: POST /api/<method> with the input as JSON, and server-sent events from /api/events. */
export function createHttpBridge(options: HttpBridgeOptions = {}): AssayBridge {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const createEventSource =
    options.createEventSource ??
    ((url: string) => new EventSource(url, { withCredentials: true }) as EventSourceLike);
  const listeners = new Set<(event: AssayEvent) => void>();
  let source: EventSourceLike | null = null;

  async function call<M extends Method>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      throw new TransportError(
        `cannot reach the Assay server for ${method}: is assay serve still running?`, null);
    }
    if (response.status === 401) throw new TransportError(SESSION_EXPIRED_MESSAGE, 401);
    const body = await readJson(response);
    const reply = asReply(body);
    if (reply === null) {
      throw new TransportError(
        `unexpected reply to ${method} (HTTP ${response.status}): not an Assay API reply`, response.status);
    }
    if (!reply.ok) throw new ApiError(reply.error.code, reply.error.message);
    return reply.value as MethodOutput<M>;
  }

  function subscribe(listener: (event: AssayEvent) => void): () => void {
    listeners.add(listener);
    if (source === null) {
      source = createEventSource(`${baseUrl}/api/events`);
      let opened = false;
      // EventSource reconnects by itself after a drop; whatever was sent meanwhile is lost.
      source.onopen = () => {
        if (opened) for (const each of [...listeners]) each({ type: 'workspace.changed', reason: RECONNECTED_REASON });
        opened = true;
      };
      source.onmessage = (message) => {
        const event = parseEvent(message.data);
        if (event === null) return;
        for (const each of [...listeners]) each(event);
      };
    }
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && source !== null) {
        source.close();
        source = null;
      }
    };
  }

  return { call, subscribe };
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

function asReply(body: unknown): Reply<unknown> | null {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return null;
  if (body.ok === true && 'value' in body) return { ok: true, value: body.value };
  if (body.ok === false && 'error' in body && typeof body.error === 'object' && body.error !== null) {
    const error = body.error as { code?: unknown; message?: unknown };
    const code = typeof error.code === 'string' && API_ERROR_CODES.has(error.code)
      ? (error.code as ApiErrorCode) : 'internal';
    const message = typeof error.message === 'string' ? error.message : 'the server reported an error';
    return { ok: false, error: { code, message } };
  }
  return null;
}

const EVENT_TYPES: ReadonlySet<string> = new Set<AssayEvent['type']>(['progress', 'job.finished', 'workspace.changed']);

/**
 * Events come from our own server, but a malformed line must not break every listener; the renderer keeps
 * zod out of its bundle (zod 4 probes `new Function`, which the CSP forbids), so the check is structural.
 */
export function parseEvent(data: string): AssayEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || !('type' in value)) return null;
  return typeof value.type === 'string' && EVENT_TYPES.has(value.type) ? (value as AssayEvent) : null;
}
