// Which files the API may read for an import and write a quarantine export to. The renderer is less trusted
// than main: in the desktop app it may only name files the user picked in a main-process dialog (it gets an
// opaque handle, never a path it could choose); in browser mode, uploads (also handles) or paths inside the
// workspace folder. The CLI runs as the user, so its host takes plain paths. The host is fixed when the
// handlers are made, so no request can claim to come from the CLI.
import { randomBytes } from 'node:crypto';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../shared/contract/bridge';

export type HandleUse = 'read' | 'write';

/** Handles look like this, so a handle is never mistaken for a relative path. */
const HANDLE = /^handle:[0-9a-f]{32}$/;

/** Per-session map from random, unguessable ids to absolute paths; a handle from another session is unknown here. */
export class PathHandles {
  private readonly entries = new Map<string, { path: string; use: HandleUse }>();

  register(absPath: string, use: HandleUse): string {
    if (!path.isAbsolute(absPath)) throw new Error(`${absPath}: handles name absolute paths`);
    const handle = `handle:${randomBytes(16).toString('hex')}`;
    this.entries.set(handle, { path: absPath, use });
    return handle;
  }

  resolve(handle: string, use: HandleUse): string {
    const entry = this.entries.get(handle);
    if (!entry || entry.use !== use) {
      throw new ApiError('bad_request', `${handle}: unknown file handle (pick the file again; handles last one session)`);
    }
    return entry.path;
  }
}

export function isHandle(s: string): boolean {
  return HANDLE.test(s);
}

/**
 * A path inside the workspace folder, given relative to it. Refuses absolute paths, `..` and symlinks that lead
 * outside (checked on the real path when it exists; a path that does not exist is left for the importer to report).
 */
export function confineToWorkspace(workspaceDir: string, rel: string): string {
  if (path.isAbsolute(rel) || path.win32.isAbsolute(rel)) {
    throw new ApiError('bad_request', `${rel}: give a path relative to the workspace folder, or upload the file`);
  }
  if (rel.split(/[\\/]/).includes('..')) throw new ApiError('bad_request', `${rel}: ".." is not allowed; give a path inside the workspace folder`);
  const root = realpathSync(workspaceDir);
  const target = path.resolve(root, rel);
  let real: string;
  try {
    real = realpathSync(target);
  } catch {
    return target;
  }
  const back = path.relative(root, real);
  if (back.startsWith('..') || path.isAbsolute(back)) {
    throw new ApiError('bad_request', `${rel}: leads outside the workspace folder (through a symlink)`);
  }
  return real;
}

/** Who is calling the API, fixed when the handlers are created. */
export type ApiHost =
  | { kind: 'cli' }
  | { kind: 'browser' }
  | { kind: 'electron'; pickSources: (folders: boolean) => Promise<string[]>; pickSaveTarget: (defaultName: string) => Promise<string | undefined> };

/** Turns what the caller sent into paths the importer may read, by the rules of its host. */
export function readablePaths(host: ApiHost, handles: PathHandles, workspaceDir: string, given: readonly string[]): string[] {
  return given.map((p) => {
    if (isHandle(p)) return handles.resolve(p, 'read');
    if (host.kind === 'cli') return p;
    if (host.kind === 'browser') return confineToWorkspace(workspaceDir, p);
    throw new ApiError('bad_request', `${p}: the app imports files picked with "Choose files" (a raw path is not accepted)`);
  });
}
