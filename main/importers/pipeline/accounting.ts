import type { QuarantineEntry } from '../../../shared/contract/import-schemas';
import type { QuarantineWrite } from '../../storage/quarantine-repo';

export interface Loc {
  file: string;
  line: number | null;
  byteOffset: number | null;
}

/** Quarantined rows returned in the summary; every one of them is stored and exportable. */
export const SUMMARY_QUARANTINE_ROWS = 100;

/**
 * The "nothing lost" ledger: every input unit read is counted exactly once as imported, quarantined (stored
 * with file, line or byte offset, field and reason) or a duplicate, so input = imported + quarantined + duplicates.
 */
export class Accounting {
  imported = 0;
  quarantined = 0;
  duplicates = 0;
  readonly sample: QuarantineEntry[] = [];

  /** `label` gives the file name to record for a path (an upload's original name rather than its temporary path). */
  constructor(private readonly write: (q: QuarantineWrite) => void, private readonly label: (file: string) => string = (f) => f) {}

  get inputCount(): number {
    return this.imported + this.quarantined + this.duplicates;
  }

  accept(n = 1): void {
    this.imported += n;
  }

  duplicate(n = 1): void {
    this.duplicates += n;
  }

  reject(loc: Loc, field: string | null, reason: string, raw: string | null): void {
    this.quarantined++;
    const entry: QuarantineEntry = { file: this.label(loc.file), line: loc.line, byteOffset: loc.byteOffset, field, reason };
    if (this.sample.length < SUMMARY_QUARANTINE_ROWS) this.sample.push(entry);
    this.write({ ...entry, raw });
  }
}
