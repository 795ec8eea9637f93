// Cost per model, prompt version and day, token efficiency and budget alerts. Logged costs are used as they are;
// records without one are priced from their token counts at the price in force on their day.
import type { Budget, BudgetAlert, CostSummary } from '../../shared/contract/cost-schemas';
import { costOfTokens, priceFor } from '../../shared/cost/price-table';
import { listBudgets } from '../storage/budgets-repo';
import type { Db } from '../storage/db';
import { activePrices } from '../storage/prices-repo';
import { tokenOutliers, tokenQuartiles, usageByModelVersionDay, type UsageRow } from '../storage/usage-repo';
import { priceTable } from './apply-costs';

interface Priced extends UsageRow {
  cost: number;
  leftOut: number;
  fromTable: boolean;
}

function price(rows: UsageRow[], db: Db): Priced[] {
  const prices = priceTable(db);
  return rows.map((r) => {
    const p = r.unpriced > 0 ? priceFor(prices, r.model, r.day) : null;
    const priced = p && r.unpriced > r.noTokens;
    return {
      ...r,
      cost: r.loggedCost + (priced ? costOfTokens(p, r.unpricedIn, r.unpricedOut) : 0),
      leftOut: priced ? r.noTokens : r.unpriced,
      fromTable: Boolean(priced),
    };
  });
}

function total(rows: readonly Priced[]): CostSummary['total'] {
  const records = rows.reduce((s, r) => s + r.records, 0);
  const costUsd = rows.reduce((s, r) => s + r.cost, 0);
  const unpriced = rows.reduce((s, r) => s + r.leftOut, 0);
  return {
    records, tokensIn: rows.reduce((s, r) => s + r.tokensIn, 0), tokensOut: rows.reduce((s, r) => s + r.tokensOut, 0),
    costUsd, costPerRecord: records - unpriced > 0 ? costUsd / (records - unpriced) : null, unpriced, computed: rows.some((r) => r.fromTable),
  };
}

function groupBy<K>(rows: readonly Priced[], key: (r: Priced) => K): Map<K, Priced[]> {
  const out = new Map<K, Priced[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

export function budgetAlerts(rows: readonly Priced[], budgets: readonly Budget[]): BudgetAlert[] {
  return budgets.flatMap((b) => {
    const mine = rows.filter((r) => (b.scope === 'model' ? r.model : r.promptVersion) === b.value);
    const when = (r: Priced) => (b.period === 'total' ? 'total' : b.period === 'month' ? (r.day ?? 'undated').slice(0, 7) : r.day ?? 'undated');
    return [...groupBy(mine, when)].flatMap(([key, list]) => {
      const spent = list.reduce((s, r) => s + r.cost, 0);
      return spent > b.limitUsd ? [{ budgetId: b.id, scope: b.scope, value: b.value, period: b.period, when: key, spentUsd: spent, limitUsd: b.limitUsd, estimate: list.some((r) => r.fromTable) }] : [];
    });
  });
}

export function costSummary(db: Db): CostSummary {
  const rows = price(usageByModelVersionDay(db), db);
  const t = total(rows);
  const grouped = (key: (r: Priced) => string | null) => [...groupBy(rows, key)].map(([value, list]) => ({ value, ...total(list) })).sort((a, b) => b.costUsd - a.costUsd);
  const promptChars = rows.reduce((s, r) => s + r.promptChars, 0);
  const contextChars = rows.reduce((s, r) => s + Math.max(0, r.contextChars), 0);
  const tokens = t.tokensIn + t.tokensOut;
  const inputShare = tokens ? t.tokensIn / tokens : null;
  const contextPart = promptChars + contextChars ? contextChars / (promptChars + contextChars) : 0;
  const q = tokenQuartiles(db);
  const limit = q ? q.q3 + 3 * (q.q3 - q.q1) : null;
  const budgets = listBudgets(db);
  return {
    total: t,
    byModel: grouped((r) => r.model),
    byPromptVersion: grouped((r) => r.promptVersion),
    byDay: [...groupBy(rows, (r) => r.day)].map(([day, list]) => ({ day, costUsd: list.reduce((s, r) => s + r.cost, 0), records: list.reduce((s, r) => s + r.records, 0) })),
    efficiency: {
      outputShare: tokens ? t.tokensOut / tokens : null,
      promptShare: inputShare === null ? null : inputShare * (1 - contextPart),
      contextShare: inputShare === null ? null : inputShare * contextPart,
      outputPerInput: t.tokensIn ? t.tokensOut / t.tokensIn : null,
      outliers: limit === null ? { limit: null, count: 0, top: [] } : { limit, ...tokenOutliers(db, limit) },
    },
    budgets,
    alerts: budgetAlerts(rows, budgets),
    priceTable: { edited: activePrices(db).length > 0, entries: priceTable(db).length },
  };
}
