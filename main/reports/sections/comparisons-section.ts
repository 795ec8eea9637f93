// Version comparisons and gate results. Plug the compare domain's summary function in as `comparisonsSource`.
import { controlsFor } from '../../../shared/report/control-mapping';
import type { ReportV1 } from '../../../shared/report/report-schema';
import type { SectionContext } from './context';
import { buildExternal, type ExternalSource } from './external-section';

const comparisonsSource: ExternalSource | null = null;

export function buildComparisons(ctx: SectionContext): Promise<ReportV1['comparisons']> {
  return buildExternal(ctx, 'comparisons', comparisonsSource, controlsFor('comparisons'), 'no comparisons or gate results in this workspace');
}
