import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { callApi } from '../../main/api/dispatch';
import { EventBus } from '../../main/api/event-bus';
import { createHandlers } from '../../main/api/handlers';
import type { ApiHost } from '../../main/api/import-sources';
import { createWorkspace, type Workspace } from '../../main/storage/workspace';
import type { ImportSummary } from '../../shared/contract/import-schemas';
import type { Handlers } from '../../shared/contract/api';

const here = fileURLToPath(new URL('.', import.meta.url));
export const repoRoot = path.resolve(here, '..', '..');
export const fixtures = path.join(repoRoot, 'test', 'fixtures', 'import');
/** Real third-party exports, read in place (never copied into the repo); tests skip where absent. */
export const evaldata = path.resolve(repoRoot, '..', 'shared', 'evaldata');

export interface Session {
  ws: Workspace;
  handlers: Handlers;
  events: EventBus;
  dir: string;
}

/** A workspace and API handlers; engine tests use the CLI host (plain paths), page-facing tests the browser's. */
export function session(tmp: () => string, host: ApiHost = { kind: 'cli' }): Session {
  const dir = tmp();
  const ws = createWorkspace(path.join(dir, 'ws'));
  const events = new EventBus();
  return { ws, handlers: createHandlers(ws, events, host), events, dir };
}

export function importFiles(s: Session, paths: string[], extra: { name?: string; spec?: Record<string, unknown>; repeatOf?: number } = {}): Promise<ImportSummary> {
  return callApi(s.handlers, 'import.file', { paths, ...extra } as never);
}

/** Every import must account for every input unit. */
export function expectBalanced(s: ImportSummary): void {
  if (s.inputCount !== s.imported + s.quarantined + s.duplicates) {
    throw new Error(`unbalanced: ${s.inputCount} != ${s.imported} + ${s.quarantined} + ${s.duplicates}`);
  }
}

export function writeLines(file: string, lines: unknown[], eol = '\n'): string {
  writeFileSync(file, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join(eol) + eol);
  return file;
}

export function count(ws: Workspace, sql: string, ...args: unknown[]): number {
  return ws.db.prepare(sql).pluck().get(...args) as number;
}
