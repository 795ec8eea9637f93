// Drift between two sets of embeddings (e.g. last month's inputs and this month's, or prompt v1's and v2's):
// centroid distance (cosine and Euclidean; drift on Euclidean >= 0.2 as Evidently), MMD with a permutation p-value, a domain classifier's ROC AUC,
// and kNN novelty with the most novel items. Large sets are subsampled reproducibly for the quadratic parts.
import { rbfMmd } from '../../stats/mmd';
import { domainClassifierAuc } from './domain-classifier';
import { knnNovelty, type NeighbourIndex, type NoveltyResult } from './knn-novelty';
import { centroid, cosineDistance, dimensionOf, euclidean, subsample, type Metric, type Vectors } from './vectors';

export interface EmbeddingDriftOptions {
  seed?: number;
  /** Vectors per set for MMD (n^2 kernel) and the classifier. */
  maxSample?: number;
  permutations?: number;
  metric?: Metric;
  index?: NeighbourIndex;
  thresholds?: Partial<EmbeddingThresholds>;
  /** Most novel current items listed (default 10). */
  top?: number;
}

export interface EmbeddingThresholds {
  centroid_euclidean: number;
  mmd_p_value: number;
  classifier_auc: number;
  novelty_share: number;
}

export const EMBEDDING_THRESHOLDS: EmbeddingThresholds = { centroid_euclidean: 0.2, mmd_p_value: 0.05, classifier_auc: 0.55, novelty_share: 0.1 };

export interface EmbeddingDriftReport {
  reference_count: number;
  current_count: number;
  dimension: number;
  centroid: { cosine: number; euclidean: number; drifted: boolean };
  mmd: { mmd2: number; sigma: number; p_value: number; permutations: number; drifted: boolean } | null;
  classifier: { roc_auc: number; drifted: boolean } | null;
  novelty: (NoveltyResult & { drifted: boolean }) | null;
  thresholds: EmbeddingThresholds;
  drifted: boolean;
  notes: string[];
}

export function embeddingDrift(reference: Vectors, current: Vectors, options: EmbeddingDriftOptions = {}): EmbeddingDriftReport {
  const dimension = dimensionOf(reference, current);
  const t = { ...EMBEDDING_THRESHOLDS, ...options.thresholds };
  const seed = options.seed ?? 0;
  const max = options.maxSample ?? 500;
  const notes: string[] = [];
  const cr = centroid(reference);
  const cc = centroid(current);
  const cos = reference.length && current.length ? cosineDistance(cr, cc) : 0;
  const euc = euclidean(cr, cc);
  const centroidResult = { cosine: cos, euclidean: euc, drifted: euc >= t.centroid_euclidean };
  const ref = subsample(reference, max, seed);
  const cur = subsample(current, max, seed + 1);
  if (reference.length > max || current.length > max) notes.push(`MMD and classifier on a seeded sample of at most ${max} vectors per set`);
  let mmd: EmbeddingDriftReport['mmd'] = null;
  if (ref.vectors.length >= 2 && cur.vectors.length >= 2) {
    const r = rbfMmd(ref.vectors, cur.vectors, { seed, permutations: options.permutations ?? 200 });
    mmd = { mmd2: r.mmd2, sigma: r.sigma, p_value: r.pValue, permutations: r.permutations, drifted: r.pValue < t.mmd_p_value };
  } else notes.push('MMD needs at least 2 vectors in each set');
  const auc = domainClassifierAuc(ref.vectors, cur.vectors, { seed });
  const classifier = auc === null ? null : { roc_auc: auc, drifted: auc > t.classifier_auc };
  if (classifier === null) notes.push('domain classifier needs at least 5 vectors in each set');
  const noveltyOptions = {
    seed, ...(options.metric ? { metric: options.metric } : {}), ...(options.index ? { index: options.index } : {}), ...(options.top ? { top: options.top } : {}),
  };
  const nov = knnNovelty(reference, current, noveltyOptions);
  const novelty = nov === null ? null : { ...nov, drifted: nov.share_novel > t.novelty_share };
  const drifted = [centroidResult.drifted, mmd?.drifted, classifier?.drifted, novelty?.drifted].some(Boolean);
  return { reference_count: reference.length, current_count: current.length, dimension, centroid: centroidResult, mmd, classifier, novelty, thresholds: t, drifted, notes };
}
