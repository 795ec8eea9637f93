// The audit anchor: length, head hash and RFC 9162 tree head of the log as the report is built, with a
// consistency proof from the newest earlier report's tree size.
import { controlsFor } from '../../../shared/report/control-mapping';
import type { ReportV1 } from '../../../shared/report/report-schema';
import { auditTreeHead, type AuditTreeHead } from '../../storage/audit-merkle';
import { latestReportAnchor } from '../../storage/reports-repo';
import type { SectionContext } from './context';

export const TREE_HASHING = 'RFC 9162 SHA-256 (leaf 0x00 || entry hash, node 0x01 || left || right)' as const;

export function buildAudit(ctx: SectionContext): { audit: ReportV1['audit']; head: AuditTreeHead } {
  const head = auditTreeHead(ctx.ws.db);
  const prev = latestReportAnchor(ctx.ws.db);
  const consistent = prev !== undefined && prev.auditLength <= head.length && prev.merkleRoot === head.tree.root(prev.auditLength);
  const previous = prev
    ? { report_id: prev.id, length: prev.auditLength, merkle_root: prev.merkleRoot, consistency_proof: consistent ? head.tree.consistencyProof(prev.auditLength) : [], consistent }
    : null;
  return {
    head,
    audit: {
      length: head.length, head_hash: head.headHash, merkle_root: head.merkleRoot, tree_hashing: TREE_HASHING,
      chain_intact: head.chainIntact, previous, controls: controlsFor('audit'),
    },
  };
}
