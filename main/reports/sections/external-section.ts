// Sections whose numbers come from another domain's summary function (review, comparisons and gates). A source
// returns null when the workspace holds no such data; the section then says so instead of vanishing.
import type { Control } from '../../../shared/report/report-schema';
import type { ReportV1 } from '../../../shared/report/report-schema';
import { wants, type SectionContext } from './context';

export interface ExternalResult {
  /** One line for the executive summary. */
  note: string | null;
  /** The source's own summary, JSON-serialisable; may carry `verdict` ('pass'|'attention'|'fail') and `findings`. */
  data: unknown;
}

export type ExternalSource = (ctx: SectionContext) => Promise<ExternalResult | null> | ExternalResult | null;

export async function buildExternal(ctx: SectionContext, id: 'review' | 'comparisons', source: ExternalSource | null, controls: Control[],
  absent: string): Promise<ReportV1['review']> {
  if (!wants(ctx, id)) return { status: 'no_data', note: 'section not requested', controls, data: null };
  const result = source ? await source(ctx) : null;
  if (!result) return { status: 'no_data', note: absent, controls, data: null };
  // Round-trip through JSON so the signed bytes hold exactly what a reader re-parses.
  return { status: 'ok', note: result.note, controls, data: JSON.parse(JSON.stringify(result.data ?? null)) as unknown };
}
