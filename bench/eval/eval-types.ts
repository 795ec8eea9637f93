/** One line of the `npm run eval` table: one analyzer on one labeled data set. */
export interface EvalRow {
  analyzer: string;
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
