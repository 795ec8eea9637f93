// Row times for time windows: epoch milliseconds per row from a date column, or from a numeric column holding
// epoch seconds or milliseconds; null when the column holds neither.
import type { ColumnData } from './types';

/** Epochs after 2001-09-09 in seconds (or any later millisecond epoch): smaller numbers are not times. */
const MIN_EPOCH_SECONDS = 1e9;
/** Below this a plausible epoch is in seconds, above it in milliseconds. */
const MILLISECONDS_FROM = 1e11;

export function rowTimes(c: ColumnData): Float64Array | null {
  if (c.dates && c.profile.dates > 0 && c.profile.dates >= c.profile.numbers) return c.dates;
  if (!c.numbers || c.numbersSorted) return null;
  let min = Infinity;
  let max = -Infinity;
  for (const v of c.numbers) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === Infinity || !(min >= MIN_EPOCH_SECONDS)) return null;
  const scale = max < MILLISECONDS_FROM ? 1000 : 1;
  return c.numbers.map((v) => v * scale);
}
