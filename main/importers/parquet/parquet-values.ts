// Parquet values as JSON values, so Parquet rows go through the same record mapping and dataset typing as JSONL.

/** INT64 values come back as BigInt: whole numbers within 2^53 become numbers, larger ones decimal strings. */
export function jsonValue(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'bigint':
      return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString();
    case 'number':
      // JSON has no NaN or Infinity; the dataset classifier reads these texts back as the same values.
      return Number.isFinite(v) ? v : Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
    case 'string':
    case 'boolean':
      return v;
    case 'object':
      if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
      // Byte arrays without a string annotation: base64, as JSON exports of binary columns usually are.
      if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
      if (Array.isArray(v)) return v.map(jsonValue);
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, jsonValue(x)]));
    default:
      return String(v);
  }
}

export function jsonRow(row: Record<string, unknown>, columns: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of columns) out[c] = jsonValue(row[c]);
  return out;
}
