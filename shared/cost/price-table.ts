// The price table: model-name pattern -> USD per million input, cached input and output tokens, valid from an
// effective date (to an optional end date), with where and when each price was taken. A record is priced with
// the entry in force at its timestamp; among several, the one that took effect last wins.
import { z } from 'zod';
import pinned from './prices.json';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'expected an ISO date (YYYY-MM-DD)');

export const PriceEntry = z.object({
  id: z.number().int().optional(),
  model_pattern: z.string().min(1).max(300).refine((p) => {
    try {
      new RegExp(p, 'i');
      return true;
    } catch {
      return false;
    }
  }, 'not a valid regular expression'),
  input_per_mtok: z.number().min(0),
  cached_input_per_mtok: z.number().min(0).nullable(),
  output_per_mtok: z.number().min(0),
  effective_from: IsoDate,
  effective_to: IsoDate.nullable(),
  source: z.string().min(1).max(500),
  taken_at: IsoDate,
});
export type PriceEntry = z.infer<typeof PriceEntry>;

export const PINNED_PRICES: readonly PriceEntry[] = z.array(PriceEntry).parse(pinned.entries);

const patterns = new Map<string, RegExp>();
function patternOf(p: string): RegExp {
  let re = patterns.get(p);
  if (!re) {
    re = new RegExp(p, 'i');
    patterns.set(p, re);
  }
  return re;
}

/** The entry in force for `model` at `timestamp` (ISO); without a timestamp, the latest entry. */
export function priceFor(entries: readonly PriceEntry[], model: string | null, timestamp: string | null): PriceEntry | null {
  if (!model) return null;
  const day = timestamp ? timestamp.slice(0, 10) : null;
  let best: PriceEntry | null = null;
  for (const e of entries) {
    if (!patternOf(e.model_pattern).test(model)) continue;
    if (day !== null && (e.effective_from > day || (e.effective_to !== null && e.effective_to < day))) continue;
    if (!best || e.effective_from > best.effective_from) best = e;
  }
  return best;
}

/** USD for one call; cached input tokens (a part of the input) at the cached price where there is one. */
export function costOfTokens(price: PriceEntry, tokensIn: number, tokensOut: number, cachedIn = 0): number {
  const cachedRate = price.cached_input_per_mtok ?? price.input_per_mtok;
  return ((tokensIn - cachedIn) * price.input_per_mtok + cachedIn * cachedRate + tokensOut * price.output_per_mtok) / 1e6;
}
