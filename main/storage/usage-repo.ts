// Token and cost totals per model, prompt version and day, in one grouped query: logged costs summed as they are,
// and the tokens of records without a logged cost kept apart so the caller can price them at that day's price.
import type { Db } from './db';

export interface UsageRow {
  model: string | null;
  promptVersion: string | null;
  day: string | null;
  records: number;
  tokensIn: number;
  tokensOut: number;
  loggedCost: number;
  /** Records with a logged cost. */
  costed: number;
  /** Tokens of records without a logged cost (to price), and how many of those lack token counts. */
  unpricedIn: number;
  unpricedOut: number;
  unpriced: number;
  noTokens: number;
  promptChars: number;
  contextChars: number;
}

export function usageByModelVersionDay(db: Db): UsageRow[] {
  return db.prepare(`SELECT model, prompt_version AS promptVersion, substr(timestamp, 1, 10) AS day, count(*) AS records,
      coalesce(sum(tokens_in), 0) AS tokensIn, coalesce(sum(tokens_out), 0) AS tokensOut,
      coalesce(sum(cost), 0) AS loggedCost, count(cost) AS costed,
      coalesce(sum(CASE WHEN cost IS NULL THEN tokens_in END), 0) AS unpricedIn,
      coalesce(sum(CASE WHEN cost IS NULL THEN tokens_out END), 0) AS unpricedOut,
      sum(cost IS NULL) AS unpriced, sum(cost IS NULL AND (tokens_in IS NULL OR tokens_out IS NULL)) AS noTokens,
      sum(length(input)) AS promptChars, sum(length(contexts) - 2) AS contextChars
    FROM records GROUP BY model, prompt_version, day ORDER BY day`).all() as UsageRow[];
}

export interface TokenOutlier {
  id: number;
  model: string | null;
  promptVersion: string | null;
  tokens: number;
}

/** Records whose total tokens lie above `limit`, largest first. */
export function tokenOutliers(db: Db, limit: number, max = 10): { count: number; top: TokenOutlier[] } {
  const count = (db.prepare('SELECT count(*) AS n FROM records WHERE coalesce(tokens_in, 0) + coalesce(tokens_out, 0) > ?').get(limit) as { n: number }).n;
  const top = db.prepare(`SELECT id, model, prompt_version AS promptVersion, coalesce(tokens_in, 0) + coalesce(tokens_out, 0) AS tokens FROM records
    WHERE coalesce(tokens_in, 0) + coalesce(tokens_out, 0) > ? ORDER BY tokens DESC LIMIT ?`).all(limit, max) as TokenOutlier[];
  return { count, top };
}

/** Quartiles of total tokens per record (records with token counts). */
export function tokenQuartiles(db: Db): { q1: number; q3: number } | null {
  const n = (db.prepare('SELECT count(*) AS n FROM records WHERE tokens_in IS NOT NULL OR tokens_out IS NOT NULL').get() as { n: number }).n;
  if (n < 4) return null;
  const at = (q: number) => (db.prepare(`SELECT coalesce(tokens_in, 0) + coalesce(tokens_out, 0) AS t FROM records WHERE tokens_in IS NOT NULL OR tokens_out IS NOT NULL
    ORDER BY t LIMIT 1 OFFSET ?`).get(Math.floor(q * (n - 1))) as { t: number }).t;
  return { q1: at(0.25), q3: at(0.75) };
}
