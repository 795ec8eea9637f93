import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { RecordInput } from '../../shared/contract/record-input';
import type { ImportSummary, QuarantineEntry } from '../../shared/contract/schemas';
import { appendAudit } from '../storage/audit-chain';
import { findAssetBySha, insertAsset, nextAssetVersion, setAssetRowCount } from '../storage/assets-repo';
import { recordInserter } from '../storage/records-repo';
import type { Workspace } from '../storage/workspace';
import { WorkspaceError } from '../storage/workspace-error';
import { describeZodIssue } from './zod-issue';

/** Keep the summary small; the full list is what issue-3 quarantine export will store. */
const QUARANTINE_SHOWN = 1000;

export interface ImportOptions {
  name?: string;
  onProgress?: (rows: number, bytes: number, totalBytes: number) => void;
}

/**
 * Imports Assay's native JSONL records as a new logs asset version, in one transaction with its audit entry.
 * Bad lines are quarantined with file, line, field and reason; a file identical to an existing asset is
 * reported as a duplicate and nothing is written.
 */
export async function importJsonlRecords(ws: Workspace, file: string, options: ImportOptions = {}): Promise<ImportSummary> {
  const abs = path.resolve(file);
  let totalBytes: number;
  try {
    const st = statSync(abs);
    if (!st.isFile()) throw new Error('not a file');
    totalBytes = st.size;
  } catch (err) {
    throw new WorkspaceError(`${abs}: cannot read (${(err as Error).message})`);
  }
  const name = options.name ?? path.basename(abs).replace(/\.(jsonl|ndjson|json)$/i, '');
  const db = ws.db;
  const hash = createHash('sha256');
  const quarantine: QuarantineEntry[] = [];
  let quarantined = 0;
  let imported = 0;
  let duplicates = 0;
  let bytes = 0;
  const seenIds = new Set<string>();
  const stream = createReadStream(abs);
  stream.on('data', (chunk) => {
    hash.update(chunk);
    bytes += chunk.length;
  });
  const quarantineLine = (line: number, field: string | null, reason: string) => {
    quarantined++;
    if (quarantine.length < QUARANTINE_SHOWN) quarantine.push({ file: abs, line, field, reason });
  };

  db.exec('BEGIN IMMEDIATE');
  try {
    const version = nextAssetVersion(db, 'logs', name);
    const assetId = insertAsset(db, { kind: 'logs', name, version, sha256: 'pending', sourcePath: abs });
    const insert = recordInserter(db, assetId);
    let lineNo = 0;
    const lines = createInterface({ input: stream, crlfDelay: Infinity });
    for await (const raw of lines) {
      lineNo++;
      const text = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (text.trim() === '') continue;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (err) {
        quarantineLine(lineNo, null, `invalid JSON: ${(err as Error).message}`);
        continue;
      }
      const parsed = RecordInput.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        quarantineLine(lineNo, issue.path.join('.') || null, describeZodIssue(issue));
        continue;
      }
      const externalId = parsed.data.id === undefined ? undefined : String(parsed.data.id);
      if (externalId !== undefined) {
        if (seenIds.has(externalId)) {
          duplicates++;
          continue;
        }
        seenIds.add(externalId);
      }
      insert(parsed.data);
      imported++;
      if (imported % 5000 === 0) options.onProgress?.(imported, bytes, totalBytes);
    }
    const sha256 = hash.digest('hex');
    const existing = findAssetBySha(db, 'logs', sha256);
    if (existing) {
      db.exec('ROLLBACK');
      return { assetId: existing.id, version: existing.version, sha256, imported: 0, quarantined: 0, duplicates: imported + duplicates + quarantined, duplicateOfAssetId: existing.id, quarantine: [] };
    }
    db.prepare('UPDATE assets SET sha256 = ? WHERE id = ?').run(sha256, assetId);
    setAssetRowCount(db, assetId, imported);
    appendAudit(db, { actor: ws.actor, action: 'asset.imported', payload: { assetId, kind: 'logs', name, version, sha256, source: abs, imported, quarantined, duplicates } });
    db.exec('COMMIT');
    options.onProgress?.(imported, bytes, totalBytes);
    return { assetId, version, sha256, imported, quarantined, duplicates, duplicateOfAssetId: null, quarantine };
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    stream.destroy();
    if (err instanceof WorkspaceError) throw err;
    throw new WorkspaceError(`${abs}: import failed, nothing was stored (${(err as Error).message})`);
  }
}
