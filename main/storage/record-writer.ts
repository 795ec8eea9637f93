import type { Db } from './db';

/** A normalized log record ready to store; contexts and metadata are already JSON text (hashed as stored). */
export interface NewRecord {
  externalId: string | null;
  timestamp: string | null;
  model: string | null;
  modelVersion: string | null;
  promptId: string | null;
  promptVersion: string | null;
  input: string;
  output: string;
  contextsJson: string;
  tokensIn: number | null;
  tokensOut: number | null;
  latencyMs: number | null;
  cost: number | null;
  metadataJson: string;
}

/**
 * A record whose long text fields are UTF-8 bytes (packed by the JSONL import worker): stored as TEXT without
 * being decoded into JS strings and encoded again on the way into SQLite.
 */
export interface EncodedRecord extends Omit<NewRecord, 'input' | 'output' | 'contextsJson' | 'metadataJson'> {
  input: Uint8Array;
  output: Uint8Array;
  contextsJson: Uint8Array;
  metadataJson: Uint8Array;
}

const DECODER = new TextDecoder();

/** The record as strings (for the rare repeated id, which is compared with the stored one). */
export function decodeRecord(r: EncodedRecord): NewRecord {
  return {
    ...r, input: DECODER.decode(r.input), output: DECODER.decode(r.output), contextsJson: DECODER.decode(r.contextsJson),
    metadataJson: DECODER.decode(r.metadataJson),
  };
}

/** SQLite binds bytes as a BLOB; CAST makes them TEXT again. An empty view could bind as NULL, so it goes as ''. */
function textBytes(b: Uint8Array): Uint8Array | string {
  return b.length === 0 ? '' : b;
}

export interface RecordWriter {
  /** Inserts the record; false when the asset already holds a record with the same external id. */
  insert(r: NewRecord): boolean;
  /** insert() for a record whose long fields are UTF-8 bytes. */
  insertEncoded(r: EncodedRecord): boolean;
  /** The stored record with this external id, to tell an exact repeat from a conflicting one. */
  existing(externalId: string): NewRecord | undefined;
  /** Every record of the asset in insertion order (to rehash what was stored). */
  stored(): IterableIterator<NewRecord>;
}

/** Prepared statements for bulk import into one asset; call inside the import's transaction. */
export function recordWriter(db: Db, assetId: number): RecordWriter {
  const insert = db.prepare(`INSERT INTO records (asset_id, external_id, timestamp, model, model_version, prompt_id, prompt_version,
    input, output, contexts, tokens_in, tokens_out, latency_ms, cost, metadata) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT DO NOTHING`);
  const insertBytes = db.prepare(`INSERT INTO records (asset_id, external_id, timestamp, model, model_version, prompt_id, prompt_version,
    input, output, contexts, tokens_in, tokens_out, latency_ms, cost, metadata) VALUES (?, ?, ?, ?, ?, ?, ?,
    CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), ?, ?, ?, ?, CAST(? AS TEXT)) ON CONFLICT DO NOTHING`);
  const find = db.prepare(`SELECT external_id AS externalId, timestamp, model, model_version AS modelVersion, prompt_id AS promptId,
    prompt_version AS promptVersion, input, output, contexts AS contextsJson, tokens_in AS tokensIn, tokens_out AS tokensOut,
    latency_ms AS latencyMs, cost, metadata AS metadataJson FROM records WHERE asset_id = ? AND external_id = ?`);
  const all = db.prepare(`SELECT external_id AS externalId, timestamp, model, model_version AS modelVersion, prompt_id AS promptId,
    prompt_version AS promptVersion, input, output, contexts AS contextsJson, tokens_in AS tokensIn, tokens_out AS tokensOut,
    latency_ms AS latencyMs, cost, metadata AS metadataJson FROM records WHERE asset_id = ? ORDER BY id`);
  return {
    insert(r) {
      return insert.run(assetId, r.externalId, r.timestamp, r.model, r.modelVersion, r.promptId, r.promptVersion, r.input, r.output,
        r.contextsJson, r.tokensIn, r.tokensOut, r.latencyMs, r.cost, r.metadataJson).changes === 1;
    },
    insertEncoded(r) {
      return insertBytes.run(assetId, r.externalId, r.timestamp, r.model, r.modelVersion, r.promptId, r.promptVersion, textBytes(r.input),
        textBytes(r.output), textBytes(r.contextsJson), r.tokensIn, r.tokensOut, r.latencyMs, r.cost, textBytes(r.metadataJson)).changes === 1;
    },
    existing(externalId) {
      return find.get(assetId, externalId) as NewRecord | undefined;
    },
    stored() {
      return all.iterate(assetId) as IterableIterator<NewRecord>;
    },
  };
}
