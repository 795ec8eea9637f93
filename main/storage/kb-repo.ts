import type { Db } from './db';

export interface KbDocumentRow {
  docId: string;
  title: string | null;
  sha256: string;
  charCount: number;
}

export interface KbChunkRow {
  docId: string;
  title: string | null;
  chunkIndex: number;
  startOffset: number;
  endOffset: number;
  text: string;
}

/** Prepared writers for one KB asset version; call inside the import's transaction. */
export function kbWriters(db: Db, assetId: number): { document: (d: KbDocumentRow) => void; chunk: (c: KbChunkRow) => void } {
  const doc = db.prepare('INSERT INTO kb_documents (asset_id, doc_id, title, sha256, char_count) VALUES (?, ?, ?, ?, ?)');
  const chunk = db.prepare('INSERT INTO kb_chunks (asset_id, doc_id, title, chunk_index, start_offset, end_offset, text) VALUES (?, ?, ?, ?, ?, ?, ?)');
  return {
    document: (d) => { doc.run(assetId, d.docId, d.title, d.sha256, d.charCount); },
    chunk: (c) => { chunk.run(assetId, c.docId, c.title, c.chunkIndex, c.startOffset, c.endOffset, c.text); },
  };
}

/** The latest version of a KB by name (other than `exceptId`), to diff a new version against. */
export function latestKbVersion(db: Db, name: string, exceptId: number): { id: number; version: number } | undefined {
  return db.prepare("SELECT id, version FROM assets WHERE kind = 'kb' AND name = ? AND id != ? ORDER BY version DESC LIMIT 1")
    .get(name, exceptId) as { id: number; version: number } | undefined;
}

export function kbDocumentHashes(db: Db, assetId: number): Map<string, string> {
  const rows = db.prepare('SELECT doc_id AS d, sha256 AS s FROM kb_documents WHERE asset_id = ?').iterate(assetId) as IterableIterator<{ d: string; s: string }>;
  const out = new Map<string, string>();
  for (const r of rows) out.set(r.d, r.s);
  return out;
}

export type KbChangeKind = 'added' | 'removed' | 'changed';

export function insertKbChanges(db: Db, assetId: number, previousAssetId: number | null, changes: Iterable<{ docId: string; change: KbChangeKind }>): void {
  const stmt = db.prepare('INSERT INTO kb_changes (asset_id, previous_asset_id, doc_id, change) VALUES (?, ?, ?, ?)');
  for (const c of changes) stmt.run(assetId, previousAssetId, c.docId, c.change);
}

export function listKbChanges(db: Db, assetId: number): { docId: string; change: KbChangeKind }[] {
  return db.prepare('SELECT doc_id AS docId, change FROM kb_changes WHERE asset_id = ? ORDER BY change, doc_id').all(assetId) as { docId: string; change: KbChangeKind }[];
}

export function listKbDocuments(db: Db, assetId: number): KbDocumentRow[] {
  return db.prepare('SELECT doc_id AS docId, title, sha256, char_count AS charCount FROM kb_documents WHERE asset_id = ? ORDER BY doc_id').all(assetId) as KbDocumentRow[];
}

export function listKbChunks(db: Db, assetId: number, docId: string): KbChunkRow[] {
  return db.prepare(`SELECT doc_id AS docId, title, chunk_index AS chunkIndex, start_offset AS startOffset, end_offset AS endOffset, text
      FROM kb_chunks WHERE asset_id = ? AND doc_id = ? ORDER BY chunk_index`).all(assetId, docId) as KbChunkRow[];
}

/** The first chunks of a KB asset in the order they were written (an import preview shows them). */
export function firstKbChunks(db: Db, assetId: number, limit: number): KbChunkRow[] {
  return db.prepare(`SELECT doc_id AS docId, title, chunk_index AS chunkIndex, start_offset AS startOffset, end_offset AS endOffset, text
      FROM kb_chunks WHERE asset_id = ? ORDER BY id LIMIT ?`).all(assetId, limit) as KbChunkRow[];
}

/** The version of a KB just before `version`, which kb_changes of that version are relative to. */
export function previousKbVersion(db: Db, name: string, version: number): number | null {
  const row = db.prepare("SELECT id FROM assets WHERE kind = 'kb' AND name = ? AND version < ? ORDER BY version DESC LIMIT 1").get(name, version) as { id: number } | undefined;
  return row?.id ?? null;
}
