// Time windows: slice rows by UTC day or ISO week (Monday start), compute a value per window (a drift
// statistic against the reference, or a model metric), and compare it with alert bands taken from the
// reference: the same value on reference chunks, mean +- 3 standard deviations (as NannyML does).
import { std } from '../stats/descriptive';

export type Period = 'day' | 'week';

const DAY = 86_400_000;

/** Start (epoch ms, UTC) of the day or Monday-start week containing `ms`. */
export function windowStart(ms: number, period: Period): number {
  const day = Math.floor(ms / DAY) * DAY;
  if (period === 'day') return day;
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday = 0
  return day - weekday * DAY;
}

export interface Window {
  start: number;
  rows: number[];
}

/** Rows grouped by window, in time order. Rows without a valid time are left out. */
export function sliceByPeriod(times: ArrayLike<number>, period: Period): Window[] {
  const groups = new Map<number, number[]>();
  for (let i = 0; i < times.length; i++) {
    const t = times[i]!;
    if (!Number.isFinite(t)) continue;
    const key = windowStart(t, period);
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  }
  return [...groups].sort((a, b) => a[0] - b[0]).map(([start, rows]) => ({ start, rows }));
}

/** Consecutive chunks of `size` rows; a last chunk under half the size is dropped (too noisy for a band). */
export function chunkRows(rowCount: number, size: number): number[][] {
  const chunks: number[][] = [];
  const step = Math.max(1, Math.floor(size));
  for (let s = 0; s < rowCount; s += step) {
    const e = Math.min(rowCount, s + step);
    if (e - s < step / 2 && chunks.length > 0) break;
    chunks.push(Array.from({ length: e - s }, (_, k) => s + k));
  }
  return chunks;
}

export interface Band {
  mean: number;
  std: number;
  lower: number;
  upper: number;
  chunks: number;
}

export function bandFromValues(values: readonly number[], width = 3): Band | null {
  const finite = values.filter(Number.isFinite);
  if (finite.length < 2) return null;
  const mean = finite.reduce((s, v) => s + v, 0) / finite.length;
  const sd = std(finite);
  return { mean, std: sd, lower: mean - width * sd, upper: mean + width * sd, chunks: finite.length };
}

export interface WindowPoint {
  /** ISO date of the window start. */
  start: string;
  rows: number;
  value: number | null;
  /** Outside the reference band. */
  alert: boolean;
}

export interface WindowSeries {
  band: Band | null;
  points: WindowPoint[];
}

/**
 * Evaluates `compute` on each window and on each reference chunk. `compute` receives row indices (into the
 * current data for windows, into the reference for chunks, told apart by `isReference`).
 */
export function seriesOverWindows(
  windows: readonly Window[],
  referenceChunks: readonly number[][],
  compute: (rows: number[], isReference: boolean) => number | null,
): WindowSeries {
  const band = bandFromValues(referenceChunks.map((c) => compute(c, true)).filter((v): v is number => v !== null));
  const points = windows.map((w) => {
    const raw = compute(w.rows, false);
    const value = raw !== null && Number.isFinite(raw) ? raw : null;
    const alert = band !== null && value !== null && (value < band.lower || value > band.upper);
    return { start: new Date(w.start).toISOString().slice(0, 10), rows: w.rows.length, value, alert };
  });
  return { band, points };
}

/** Reference chunks: by the same period when the reference has times, else by the median window size. */
export function referenceChunks(referenceRows: number, referenceTimes: ArrayLike<number> | null, windows: readonly Window[], period: Period): number[][] {
  if (referenceTimes) {
    const byPeriod = sliceByPeriod(referenceTimes, period).map((w) => w.rows);
    if (byPeriod.length >= 2) return byPeriod;
  }
  const sizes = windows.map((w) => w.rows.length).sort((a, b) => a - b);
  const median = sizes.length ? sizes[Math.floor(sizes.length / 2)]! : referenceRows;
  return chunkRows(referenceRows, Math.min(median, Math.floor(referenceRows / 2)) || referenceRows);
}
