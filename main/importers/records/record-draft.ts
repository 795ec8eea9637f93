/** A log record after format-specific reading and before storage (contexts and metadata still as values). */
export interface RecordDraft {
  id: string | null;
  timestamp: string | null;
  model: string | null;
  modelVersion: string | null;
  promptId: string | null;
  promptVersion: string | null;
  /** Template text when the log carries it; becomes part of a prompt asset, not of the record. */
  promptTemplate: string | null;
  input: string;
  output: string;
  contexts: string[];
  tokensIn: number | null;
  tokensOut: number | null;
  latencyMs: number | null;
  cost: number | null;
  metadata: Record<string, unknown>;
}

/** A value that cannot become the field it was mapped to; the row is quarantined naming field and reason. */
export class FieldError extends Error {
  constructor(readonly field: string, readonly reason: string) {
    super(`${field}: ${reason}`);
    this.name = 'FieldError';
  }
}
