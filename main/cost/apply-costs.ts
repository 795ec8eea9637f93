// Fills in tokens and cost where the logs lack them: token counts from the model's exact tokenizer (or an
// estimate, marked as such), cost from the price in force at the record's timestamp. Logged values are kept.
import { costOfTokens, PINNED_PRICES, priceFor, type PriceEntry } from '../../shared/cost/price-table';
import { countTokens, encodingFor, type TokenEncoding } from '../../shared/cost/token-count';
import type { Db } from '../storage/db';
import { activePrices } from '../storage/prices-repo';
import { recordTexts, type LoadedItem } from '../storage/compare-repo';
import { loadEncoders } from './encoders';

/** The workspace's edited price table, or the pinned one until the first edit. */
export function priceTable(db: Db): readonly PriceEntry[] {
  const edited = activePrices(db);
  return edited.length ? edited : PINNED_PRICES;
}

const BATCH = 2000;

export async function applyCosts(db: Db, items: LoadedItem[]): Promise<LoadedItem[]> {
  const prices = priceTable(db);
  const missing = items.filter((i) => i.tokensIn === null || i.tokensOut === null);
  if (missing.length) {
    const needed = missing.map((i) => encodingFor(i.model)).filter((e): e is TokenEncoding => e !== null);
    const encoders = await loadEncoders(needed);
    for (let start = 0; start < missing.length; start += BATCH) {
      const batch = missing.slice(start, start + BATCH);
      const records = new Map(recordTexts(db, batch.map((i) => i.recordId)).map((r) => [r.id, r]));
      for (const item of batch) {
        const r = records.get(item.recordId);
        if (!r) continue;
        if (item.tokensIn === null) {
          const c = countTokens([r.input, ...r.contexts].join('\n'), item.model, encoders);
          item.tokensIn = c.tokens;
          item.estimated ||= !c.exact;
        }
        if (item.tokensOut === null) {
          const c = countTokens(r.output, item.model, encoders);
          item.tokensOut = c.tokens;
          item.estimated ||= !c.exact;
        }
      }
    }
  }
  for (const item of items) {
    if (item.cost !== null) continue;
    const price = priceFor(prices, item.model, item.timestamp);
    if (price && item.tokensIn !== null && item.tokensOut !== null) item.cost = costOfTokens(price, item.tokensIn, item.tokensOut);
  }
  return items;
}
