/**
 * Where a figure comes from. 'in-sample': the analyzer (its weights, word lists, patterns or threshold) was built
 * or tuned with data from this source, even if these exact rows were held out. 'out-of-source': nothing about the
 * analyzer was derived from this source; leave-one-source-out rows retrain without it and pick the threshold on
 * the other sources.
 */
export type EvalScope = 'in-sample' | 'out-of-source';

/** One line of the `npm run eval` table: one analyzer on one labeled data set. */
export interface EvalRow {
  analyzer: string;
  /** Every figure says whether it is in-sample; a row without one prints as "UNLABELLED". */
  scope?: EvalScope;
  dataset: string;
  n: number;
  positives: number;
  auroc: number | null;
  threshold: number;
  precision: number;
  recall: number;
  f1: number;
  /** False-positive rate at the threshold (share of negatives flagged); the benign-set figure for injection. */
  fpr: number;
  note?: string;
}

/** Each bench/eval/<name>.eval.ts default-exports one of these; the harness finds them by file name. */
export interface EvalSuite {
  name: string;
  /** Rows for every data set found; a string for each set skipped (missing files), saying why. */
  run(evaldataDir: string): Promise<{ rows: EvalRow[]; skipped: string[] }>;
}
