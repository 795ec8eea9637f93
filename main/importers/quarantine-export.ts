import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../shared/contract/bridge';
import { getImportRun, importRunForAsset } from '../storage/imports-repo';
import { iterateQuarantine, type QuarantineSelector } from '../storage/quarantine-repo';
import type { Db } from '../storage/db';

/** Refuses a selector naming an import or asset that does not exist (an empty export would look like "nothing wrong"). */
export function checkQuarantineSelector(db: Db, sel: QuarantineSelector): void {
  if (sel.importId !== undefined) {
    if (!getImportRun(db, sel.importId)) throw new ApiError('not_found', `import ${sel.importId} does not exist (see import.history or \`assay import --json\` for the ids)`);
  } else if (sel.assetId !== undefined && !importRunForAsset(db, sel.assetId)) {
    throw new ApiError('not_found', `asset ${sel.assetId} does not exist or was not created by an import`);
  }
}

/**
 * Writes the quarantined rows as JSONL to `out`. The selector is checked first and the rows go to a temporary
 * file beside `out` that is renamed over it at the end, so a bad request or a failure half-way leaves an
 * existing file as it was.
 */
export function exportQuarantine(db: Db, sel: QuarantineSelector, out: string): { path: string; written: number } {
  checkQuarantineSelector(db, sel);
  const target = path.resolve(out);
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  let fd: number;
  try {
    fd = openSync(tmp, 'wx');
  } catch (err) {
    throw new ApiError('bad_request', `${target}: cannot write (${(err as Error).message})`);
  }
  let written = 0;
  try {
    try {
      for (const row of iterateQuarantine(db, sel)) {
        writeSync(fd, `${JSON.stringify({ file: row.file, line: row.line, byte_offset: row.byteOffset, field: row.field, reason: row.reason, raw: row.raw, import_id: row.importId })}\n`);
        written++;
      }
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
  } catch (err) {
    rmSync(tmp, { force: true });
    if (err instanceof ApiError) throw err;
    throw new ApiError('bad_request', `${target}: cannot write (${(err as Error).message})`);
  }
  return { path: target, written };
}
