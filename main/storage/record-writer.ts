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

export interface RecordWriter {
  /** Inserts the record; false when the asset already holds a record with the same external id. */
  insert(r: NewRecord): boolean;
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
    existing(externalId) {
      return find.get(assetId, externalId) as NewRecord | undefined;
    },
    stored() {
      return all.iterate(assetId) as IterableIterator<NewRecord>;
    },
  };
}
