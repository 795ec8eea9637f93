// Files dropped on the browser-mode import page arrive in chunks and land outside the workspace (so a zipped
// workspace does not carry them). They are deleted once imported, and anything left by an abandoned upload is
// swept after a day, so user data does not pile up in the temp folder.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const UPLOAD_DIR = path.join(os.tmpdir(), 'assay-uploads');
export const STALE_UPLOAD_MS = 24 * 60 * 60 * 1000;
/** Beside each upload: the file name as the user's browser gave it (the stored name is made safe for disk). */
const ORIGINAL_NAME = '.original-name';

export interface UploadChunk {
  uploadId: string;
  fileName: string;
  offset: number;
  data: Buffer;
}

/** Appends one chunk; throws a message naming the expected offset when chunks arrive out of order. */
export function writeUploadChunk(chunk: UploadChunk, root = UPLOAD_DIR): { path: string; bytes: number } {
  const dir = path.join(root, path.basename(chunk.uploadId));
  const file = path.join(dir, path.basename(chunk.fileName).replace(/[^\w.\- ]/g, '_') || 'upload');
  mkdirSync(dir, { recursive: true });
  const size = statSync(file, { throwIfNoEntry: false })?.size ?? 0;
  if (chunk.offset !== size) throw new Error(`upload ${chunk.uploadId}: expected the chunk at offset ${size}, got ${chunk.offset}`);
  if (chunk.offset === 0) writeFileSync(path.join(dir, ORIGINAL_NAME), chunk.fileName);
  writeFileSync(file, chunk.data, { flag: chunk.offset === 0 ? 'w' : 'a' });
  return { path: file, bytes: statSync(file).size };
}

/**
 * How a source path is recorded: an upload by the name the user picked (its temporary path names nothing
 * they would recognise, and is deleted after the import), any other path as it is. Its sha256 is recorded
 * beside it either way.
 */
export function sourceLabel(p: string, root = UPLOAD_DIR): string {
  const rel = path.relative(root, path.resolve(p));
  const parts = rel.split(path.sep);
  if (rel.startsWith('..') || path.isAbsolute(rel) || parts.length !== 2) return p;
  try {
    return readFileSync(path.join(root, parts[0]!, ORIGINAL_NAME), 'utf8') || parts[1]!;
  } catch {
    return parts[1]!;
  }
}

/** Deletes the upload folders of those paths that are uploads; other paths are the user's own files and stay. */
export function removeUploads(paths: readonly string[], root = UPLOAD_DIR): void {
  for (const p of paths) {
    const rel = path.relative(root, path.resolve(p));
    const [uploadId] = rel.split(path.sep);
    if (!uploadId || rel.startsWith('..') || path.isAbsolute(rel) || uploadId === rel) continue;
    rmSync(path.join(root, uploadId), { recursive: true, force: true });
  }
}

/** Removes upload folders untouched for longer than `maxAgeMs`. */
export function sweepStaleUploads(now = Date.now(), maxAgeMs = STALE_UPLOAD_MS, root = UPLOAD_DIR): number {
  let removed = 0;
  let entries: string[];
  try {
    entries = readdirSync(root);
  } catch {
    return 0;
  }
  for (const name of entries) {
    const dir = path.join(root, name);
    try {
      if (now - statSync(dir).mtimeMs > maxAgeMs) {
        rmSync(dir, { recursive: true, force: true });
        removed++;
      }
    } catch {
      // Removed concurrently by another Assay process: nothing to do.
    }
  }
  return removed;
}
