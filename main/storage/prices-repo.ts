// The workspace's price table (USD per million tokens). Empty until the first edit, when the pinned table is
// copied in; an edit retires the old row and adds a new one, so every price ever applied stays on record.
import type { PriceEntry } from '../../shared/cost/price-table';
import type { Db } from './db';

const COLUMNS = `id, model_pattern, input_per_mtok, cached_input_per_mtok, output_per_mtok, effective_from, effective_to, source, taken_at`;

export function activePrices(db: Db): PriceEntry[] {
  return db.prepare(`SELECT ${COLUMNS} FROM price_entries WHERE retired_at IS NULL ORDER BY model_pattern, effective_from`).all() as PriceEntry[];
}

export function countPriceRows(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM price_entries').get() as { n: number }).n;
}

export function insertPrice(db: Db, e: PriceEntry, now: string): number {
  return Number(db.prepare(`INSERT INTO price_entries (model_pattern, input_per_mtok, cached_input_per_mtok, output_per_mtok, effective_from,
      effective_to, source, taken_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(e.model_pattern, e.input_per_mtok, e.cached_input_per_mtok, e.output_per_mtok, e.effective_from, e.effective_to, e.source, e.taken_at, now).lastInsertRowid);
}

/** Retires an active row; false when there is none with this id. */
export function retirePrice(db: Db, id: number, now: string): boolean {
  return db.prepare('UPDATE price_entries SET retired_at = ? WHERE id = ? AND retired_at IS NULL').run(now, id).changes === 1;
}

export function getPrice(db: Db, id: number): PriceEntry | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM price_entries WHERE id = ? AND retired_at IS NULL`).get(id) as PriceEntry | undefined;
}
