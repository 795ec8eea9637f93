// Prices, budgets and the cost summary. Every price and budget edit goes through Workspace.mutate with its audit
// entry; the first price edit copies the pinned table in, so the workspace's table is complete from then on.
import type { Handlers } from '../../shared/contract/api';
import { ApiError } from '../../shared/contract/bridge';
import { PINNED_PRICES } from '../../shared/cost/price-table';
import { costSummary } from '../cost/cost-summary';
import { priceTable } from '../cost/apply-costs';
import { deleteBudget, upsertBudget } from '../storage/budgets-repo';
import { activePrices, countPriceRows, getPrice, insertPrice, retirePrice } from '../storage/prices-repo';
import type { Db } from '../storage/db';
import type { Workspace } from '../storage/workspace';

type CostHandlers = Pick<Handlers, 'cost.summary' | 'prices.list' | 'prices.set' | 'prices.retire' | 'budgets.set' | 'budgets.delete'>;

function seedPinned(db: Db, now: string): number {
  if (countPriceRows(db) > 0) return 0;
  for (const e of PINNED_PRICES) insertPrice(db, e, now);
  return PINNED_PRICES.length;
}

export function createCostHandlers(ws: Workspace): CostHandlers {
  return {
    async 'cost.summary'() {
      return costSummary(ws.db);
    },
    async 'prices.list'() {
      return { edited: activePrices(ws.db).length > 0, entries: [...priceTable(ws.db)] };
    },
    async 'prices.set'({ entry, replaces }) {
      await ws.writes.idle();
      return ws.mutate('prices.set', (db) => {
        const now = new Date().toISOString();
        const seeded = seedPinned(db, now);
        let old = null;
        if (replaces !== undefined) {
          old = getPrice(db, replaces) ?? null;
          if (!old || !retirePrice(db, replaces, now)) throw new ApiError('not_found', `price ${replaces} is not in force`);
        }
        const id = insertPrice(db, entry, now);
        return { stored: { ...entry, id }, old, seeded };
      }, ({ stored, old, seeded }) => ({ price: stored, replaced: old, seededFromPinned: seeded })).stored;
    },
    async 'prices.retire'({ id }) {
      await ws.writes.idle();
      const { retired } = ws.mutate('prices.retire', (db) => {
        const old = getPrice(db, id);
        return { retired: old ? retirePrice(db, id, new Date().toISOString()) : false, old };
      }, ({ old }) => ({ id, price: old ?? null }));
      return { retired };
    },
    async 'budgets.set'(b) {
      await ws.writes.idle();
      return ws.mutate('budgets.set', (db) => upsertBudget(db, b, new Date().toISOString()), (budget) => ({ budget }));
    },
    async 'budgets.delete'({ id }) {
      await ws.writes.idle();
      const removed = ws.mutate('budgets.delete', (db) => deleteBudget(db, id) ?? null, (budget) => ({ id, budget }));
      return { deleted: removed !== null };
    },
  };
}
