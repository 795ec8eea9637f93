/**
 * Ranking metrics for retrieval evaluation with binary relevance, over the first k distinct documents:
 * hit@k (any gold document retrieved), reciprocal rank of the first gold document (0 beyond k), recall@k
 * (share of gold documents retrieved) and nDCG@k = DCG / ideal DCG with gain 1 / log2(rank + 1).
 */

export interface RankScores {
  hit: number;
  reciprocalRank: number;
  recall: number;
  ndcg: number;
  /** 1-based rank of the first gold document within k, or null. */
  firstRank: number | null;
}

export function scoreRanking(retrieved: readonly string[], gold: ReadonlySet<string>, k: number): RankScores {
  const top = retrieved.slice(0, k);
  let dcg = 0;
  let found = 0;
  let firstRank: number | null = null;
  top.forEach((doc, i) => {
    if (!gold.has(doc)) return;
    found++;
    dcg += 1 / Math.log2(i + 2);
    if (firstRank === null) firstRank = i + 1;
  });
  let ideal = 0;
  for (let i = 0; i < Math.min(gold.size, k); i++) ideal += 1 / Math.log2(i + 2);
  return {
    hit: found > 0 ? 1 : 0,
    reciprocalRank: firstRank === null ? 0 : 1 / firstRank,
    recall: gold.size === 0 ? 0 : found / gold.size,
    ndcg: ideal === 0 ? 0 : dcg / ideal,
    firstRank,
  };
}

/** Document ids in order of first appearance: several chunks of one document count once, at its best rank. */
export function distinctInOrder(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const id of ids) {
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(id);
  }
  return out;
}
