import type { Budget } from '../../shared/contract/cost-schemas';
import type { Db } from './db';

const COLUMNS = 'id, scope, value, period, limit_usd AS limitUsd, created_at AS createdAt';

export function listBudgets(db: Db): Budget[] {
  return db.prepare(`SELECT ${COLUMNS} FROM budgets ORDER BY scope, value, period`).all() as Budget[];
}

/** Adds a budget or replaces the limit of the one with the same scope, value and period. */
export function upsertBudget(db: Db, b: Omit<Budget, 'id' | 'createdAt'>, now: string): Budget {
  db.prepare(`INSERT INTO budgets (scope, value, period, limit_usd, created_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (scope, value, period) DO UPDATE SET limit_usd = excluded.limit_usd`).run(b.scope, b.value, b.period, b.limitUsd, now);
  return db.prepare(`SELECT ${COLUMNS} FROM budgets WHERE scope = ? AND value = ? AND period = ?`).get(b.scope, b.value, b.period) as Budget;
}

export function deleteBudget(db: Db, id: number): Budget | undefined {
  const row = db.prepare(`SELECT ${COLUMNS} FROM budgets WHERE id = ?`).get(id) as Budget | undefined;
  if (row) db.prepare('DELETE FROM budgets WHERE id = ?').run(id);
  return row;
}
