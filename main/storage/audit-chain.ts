import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/util/canonical-json';
import type { AuditEntry, ChainStatus } from '../../shared/contract/schemas';
import type { Db } from './db';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditAppend {
  actor: string;
  action: string;
  payload: unknown;
}

interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  payload: string;
  prev_hash: string;
  hash: string;
}

/**
 * The hash covers every stored column as text (the payload as its stored canonical JSON), so a change to any
 * byte of an entry, or to the link to its predecessor, changes the hash.
 */
export function entryHash(prevHash: string, seq: number, at: string, actor: string, action: string, payloadText: string): string {
  return createHash('sha256').update(canonicalJson([prevHash, seq, at, actor, action, payloadText])).digest('hex');
}

/** Appends one entry; call it inside the transaction of the write it describes. */
export function appendAudit(db: Db, entry: AuditAppend, at: string = new Date().toISOString()): AuditEntry {
  const head = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  const seq = (head?.seq ?? 0) + 1;
  const prevHash = head?.hash ?? GENESIS_HASH;
  const payloadText = canonicalJson(entry.payload ?? null);
  const hash = entryHash(prevHash, seq, at, entry.actor, entry.action, payloadText);
  db.prepare('INSERT INTO audit_log (seq, at, actor, action, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(seq, at, entry.actor, entry.action, payloadText, prevHash, hash);
  return { seq, at, actor: entry.actor, action: entry.action, payload: entry.payload ?? null, prevHash, hash };
}

/** Recomputes the whole chain; names the first entry whose link or content no longer matches. */
export function verifyChain(db: Db): ChainStatus {
  const rows = db.prepare('SELECT seq, at, actor, action, payload, prev_hash, hash FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>;
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let length = 0;
  for (const row of rows) {
    length++;
    const bad = (reason: string): ChainStatus => ({ ok: false, length: countEntries(db), headHash: null, firstBadSeq: row.seq, reason });
    if (row.seq !== expectedSeq) return bad(`entry ${expectedSeq} is missing (next entry is ${row.seq})`);
    if (row.prev_hash !== prev) return bad(`entry ${row.seq} does not link to entry ${row.seq - 1} (prev_hash mismatch)`);
    if (entryHash(row.prev_hash, row.seq, row.at, row.actor, row.action, row.payload) !== row.hash) {
      return bad(`entry ${row.seq} was modified (its content no longer matches its hash)`);
    }
    prev = row.hash;
    expectedSeq++;
  }
  return { ok: true, length, headHash: length ? prev : null, firstBadSeq: null, reason: null };
}

function countEntries(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
}

export function listAudit(db: Db, offset: number, limit: number): { total: number; rows: AuditEntry[] } {
  const rows = db.prepare('SELECT seq, at, actor, action, payload, prev_hash, hash FROM audit_log ORDER BY seq DESC LIMIT ? OFFSET ?')
    .all(limit, offset) as AuditRow[];
  return {
    total: countEntries(db),
    rows: rows.map((r) => ({ seq: r.seq, at: r.at, actor: r.actor, action: r.action, payload: safeParse(r.payload), prevHash: r.prev_hash, hash: r.hash })),
  };
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
