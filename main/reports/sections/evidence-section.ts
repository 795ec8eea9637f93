// Flagged records as evidence: the first few of each flag in scope (by record id, so a rebuild picks the same),
// with PII masked unless the report opts in.
import { maskPii } from '../../../shared/engine/analyzers/pii/mask';
import { controlsFor } from '../../../shared/report/control-mapping';
import { roundOrNull } from '../../../shared/report/rates';
import type { EvidenceRecord, ReportV1 } from '../../../shared/report/report-schema';
import { flaggedRecords, type FlaggedRecordRow, type FlagColumn } from '../../storage/reports-repo';
import { wants, type SectionContext } from './context';

export const EVIDENCE_PER_FLAG = 5;
const MAX_TEXT = 600;
const FLAGS: FlagColumn[] = ['hallucination', 'pii', 'injection', 'toxic'];

function clip(text: string): string {
  return text.length <= MAX_TEXT ? text : `${text.slice(0, MAX_TEXT)}…`;
}

function toEvidence(r: FlaggedRecordRow, includePii: boolean): EvidenceRecord {
  const flags = FLAGS.filter((f) => r[`flag_${f}`] === 1);
  // Masking runs on the whole text before clipping so a secret cut in half is still found.
  const text = (t: string) => clip(includePii ? t : maskPii(t));
  return {
    record_id: r.id, external_id: r.external_id, model: r.model, prompt_version: r.prompt_version, flags,
    scores: { grounding: roundOrNull(r.grounding), toxicity: roundOrNull(r.toxicity), injection: roundOrNull(r.injection), pii: roundOrNull(r.pii) },
    input: text(r.input), output: text(r.output), pii_masked: !includePii,
  };
}

export function buildEvidence(ctx: SectionContext): ReportV1['evidence'] {
  const controls = controlsFor('grounding', 'toxicity', 'pii', 'injection');
  if (!wants(ctx, 'evidence')) return { status: 'no_data', note: 'section not requested', controls, records: [] };
  const seen = new Map<number, EvidenceRecord>();
  for (const flag of FLAGS) {
    for (const row of flaggedRecords(ctx.ws.db, ctx.records, flag, EVIDENCE_PER_FLAG)) {
      if (!seen.has(row.id)) seen.set(row.id, toEvidence(row, ctx.scope.include_pii));
    }
  }
  const records = [...seen.values()].sort((a, b) => a.record_id - b.record_id);
  return { status: records.length ? 'ok' : 'no_data', note: records.length ? null : 'no flagged records in scope', controls, records };
}
