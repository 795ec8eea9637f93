// Commands load the API, storage and engine only when they run, so `assay --help` and the file-only commands
// (drift, metrics) start without loading every analyzer and importer.
import type { Handlers, Method, MethodInput, MethodOutput } from '../../shared/contract/api';
import type { EventBus } from '../api/event-bus';
import type { Workspace } from '../storage/workspace';

/** One API call validated at the same boundary the app uses. */
export type CallApi = <M extends Method>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;

export interface CliSession {
  ws: Workspace;
  handlers: Handlers;
  events: EventBus;
  call: CallApi;
}

/**
 * Opens a workspace for one CLI command, with the same API handlers the app uses. The CLI runs as the user and
 * takes plain paths; `assay serve` passes the browser host, whose pages may name only uploads and workspace files.
 */
export async function openForCli(dir: string, channel = 'cli', host: 'cli' | 'browser' = 'cli'): Promise<CliSession> {
  const [{ openWorkspace, defaultActor }, { createHandlers }, { EventBus }, { callApi }] = await Promise.all([
    import('../storage/workspace'), import('../api/handlers'), import('../api/event-bus'), import('../api/dispatch'),
  ]);
  const ws = openWorkspace(dir, { actor: defaultActor(channel) });
  const events = new EventBus();
  const handlers = createHandlers(ws, events, { kind: host });
  return { ws, events, handlers, call: (method, input) => callApi(handlers, method, input) };
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
