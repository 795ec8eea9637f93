import { z } from 'zod';
import { ReportV1 } from './report-schema';

export const REPORT_SCHEMA_URI = 'https://assay.invalid/schemas/report/v1.json';

/** The published JSON Schema (draft 2020-12) of report/v1, derived from the zod schema. */
export function reportJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ReportV1, { target: 'draft-2020-12', unrepresentable: 'any', reused: 'ref' }) as Record<string, unknown>;
  return { ...schema, $id: REPORT_SCHEMA_URI, title: 'Assay governance report, report/v1' };
}
