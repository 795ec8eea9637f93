import { createHandlers } from '../api/handlers';
import { EventBus } from '../api/event-bus';
import type { Handlers } from '../../shared/contract/api';
import { openWorkspace, defaultActor, type Workspace } from '../storage/workspace';

export interface CliSession {
  ws: Workspace;
  handlers: Handlers;
  events: EventBus;
}

/** Opens a workspace for one CLI command, with the same API handlers the app uses. */
export function openForCli(dir: string, channel = 'cli'): CliSession {
  const ws = openWorkspace(dir, { actor: defaultActor(channel) });
  const events = new EventBus();
  return { ws, events, handlers: createHandlers(ws, events) };
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
