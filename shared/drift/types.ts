// Types shared by the drift engine, its hosts (CLI, API) and the UI. Field names of the per-column result are
// the JSON contract of `assay drift --json`, hence snake_case.
import type { Correction } from '../stats/multiple-testing';

export type ColumnType = 'numeric' | 'categorical' | 'datetime' | 'text' | 'mixed' | 'empty';

export const DRIFT_TESTS = ['ks', 'chisquare', 'z', 'wasserstein', 'jensenshannon', 'psi'] as const;
export type DriftTest = (typeof DRIFT_TESTS)[number];

/** Tests whose statistic is a p-value test (drift when p < threshold); the others are distances (drift when >= threshold). */
export const P_VALUE_TESTS: ReadonlySet<DriftTest> = new Set(['ks', 'chisquare', 'z']);

export const DEFAULT_THRESHOLDS: Readonly<Record<DriftTest, number>> = {
  ks: 0.05,
  chisquare: 0.05,
  z: 0.05,
  wasserstein: 0.1,
  jensenshannon: 0.1,
  psi: 0.1,
};

/** Counts of what one column of one file holds, gathered while parsing. */
export interface ColumnProfile {
  rows: number;
  /** Empty cells and null tokens (NA, null, None, ...). */
  missing: number;
  /** NaN tokens; counted as missing in missing_share, reported separately in notes. */
  nan: number;
  numbers: number;
  posInf: number;
  negInf: number;
  dates: number;
  strings: number;
}

/**
 * One column of one file, row-aligned. `numbers` holds numbers (±Infinity included) with NaN elsewhere;
 * `dates` holds dates as epoch milliseconds (UTC) with NaN elsewhere; `codes` holds dictionary codes of
 * string cells with -1 elsewhere. Each is null when no cell needed it.
 */
export interface ColumnData {
  name: string;
  profile: ColumnProfile;
  numbers: Float64Array | null;
  /** True when `numbers` holds only the finite numbers, ascending (not row-aligned); set by loaders that sort early. */
  numbersSorted?: boolean;
  dates: Float64Array | null;
  codes: Int32Array | null;
  dictionary: readonly string[];
  dictionaryCounts: readonly number[];
}

export interface TestOutcome {
  test: DriftTest;
  statistic: number;
  pValue: number | null;
  notes: string[];
}

export interface UnseenCategories {
  count: number;
  /** Share of current rows whose value never occurs in the reference. */
  share: number;
  examples: string[];
}

export interface ColumnDriftResult {
  name: string;
  type: ColumnType | null;
  test: DriftTest | null;
  statistic: number | null;
  p_value: number | null;
  /** Present only when a multiple-testing correction was requested. */
  p_value_adjusted?: number | null;
  threshold: number | null;
  drifted: boolean;
  psi: number | null;
  missing_share: { reference: number | null; current: number | null };
  unseen_categories: UnseenCategories | null;
  note?: string;
}

export interface DriftReport {
  columns: ColumnDriftResult[];
  share_drifted: number;
  dataset_drifted: boolean;
}

export interface DriftOptions {
  /** Per-column test override; key '*' applies to every column without its own entry. */
  tests?: Readonly<Record<string, DriftTest>>;
  /** Per-column threshold override; key '*' applies to every column without its own entry. */
  thresholds?: Readonly<Record<string, number>>;
  correction?: Correction;
  /** Dataset drifts when the share of drifted columns is at least this (default 0.5). */
  datasetShare?: number;
  /** Reference size above which distances replace p-value tests (default 1000, as Evidently). */
  largeReference?: number;
}
