// Human review: queues, sample design, deviations and upper limits, agreement. Plug the review domain's summary
// function in as `reviewSource` (it receives the section context and returns {note, data} or null).
import { controlsFor } from '../../../shared/report/control-mapping';
import type { ReportV1 } from '../../../shared/report/report-schema';
import type { SectionContext } from './context';
import { buildExternal, type ExternalSource } from './external-section';

const reviewSource: ExternalSource | null = null;

export function buildReview(ctx: SectionContext): Promise<ReportV1['review']> {
  return buildExternal(ctx, 'review', reviewSource, controlsFor('review'), 'no review data in this workspace');
}
