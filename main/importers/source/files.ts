import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ImportKind } from '../../../shared/contract/import-schemas';
import { badInput } from '../import-error';

export interface SourceEntry {
  /** Absolute path. */
  path: string;
  /** Path relative to the folder it was found in (POSIX separators), or the file name: KB document ids use it. */
  rel: string;
  bytes: number;
  /** Found by walking a folder (rather than named by the user), so it may be skipped when its type does not fit. */
  inFolder: boolean;
}

/** Extensions read as log or dataset files when a folder is given; .gz of each is read transparently. */
const TABULAR_OR_LOG = /\.(jsonl|ndjson|json|csv|tsv|parquet)(\.gz)?$/i;

/**
 * Expands the paths the user gave into files, in a stable order (folders walked recursively, names sorted,
 * hidden entries skipped).
 */
export function expandSources(paths: readonly string[]): SourceEntry[] {
  const files: SourceEntry[] = [];
  const seen = new Set<string>();
  for (const given of paths) {
    const abs = path.resolve(given);
    let st;
    try {
      st = statSync(abs);
    } catch (err) {
      const code = (err as { code?: string }).code;
      throw badInput(code === 'ENOENT' ? `${abs}: no such file or folder` : `${abs}: cannot read (${(err as Error).message})`);
    }
    if (st.isDirectory()) {
      const before = files.length;
      walk(abs, abs, files, seen);
      if (files.length === before) throw badInput(`${abs}: folder holds no files to import`);
    } else if (st.isFile()) {
      if (!seen.has(abs)) files.push({ path: abs, rel: path.basename(abs), bytes: st.size, inFolder: false });
      seen.add(abs);
    } else {
      throw badInput(`${abs}: not a regular file or folder`);
    }
  }
  return files;
}

/**
 * Log and dataset imports read only table and log files found in folders (a README next to the exports is not
 * data); knowledge bases take every file and report the ones they cannot read.
 */
export function isDataFile(rel: string): boolean {
  return TABULAR_OR_LOG.test(rel);
}

export function filterForKind(files: SourceEntry[], kind: ImportKind): { files: SourceEntry[]; skipped: string[] } {
  if (kind === 'kb') return { files, skipped: [] };
  const kept = files.filter((f) => !f.inFolder || TABULAR_OR_LOG.test(f.rel));
  return { files: kept, skipped: files.filter((f) => !kept.includes(f)).map((f) => f.rel) };
}

function walk(root: string, dir: string, out: SourceEntry[], seen: Set<string>): void {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (err) {
    throw badInput(`${dir}: cannot list folder (${(err as Error).message})`);
  }
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const abs = path.join(dir, name);
    const st = statSync(abs, { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isDirectory()) {
      walk(root, abs, out, seen);
      continue;
    }
    if (!st.isFile() || seen.has(abs)) continue;
    const rel = path.relative(root, abs).split(path.sep).join('/');
    seen.add(abs);
    out.push({ path: abs, rel, bytes: st.size, inFolder: true });
  }
}
