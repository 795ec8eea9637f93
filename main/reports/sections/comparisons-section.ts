// Version comparisons and gate results, from the compare domain's governanceResults(): the latest gate run
// (policy hash, each gate's value against its threshold) and the stored comparisons with their result hashes.
import { controlsFor } from '../../../shared/report/control-mapping';
import { roundOrNull } from '../../../shared/report/rates';
import type { ReportV1 } from '../../../shared/report/report-schema';
import { governanceResults } from '../../storage/gates-repo';
import type { SectionContext } from './context';
import { buildExternal, type ExternalResult } from './external-section';

export function comparisonsSource(ctx: SectionContext): ExternalResult | null {
  const { latestGateRun: run, comparisons } = governanceResults(ctx.ws.db);
  if (!run && comparisons.length === 0) return null;
  const gates = run?.results.map((g) => ({
    name: g.name, metric: g.metric, op: g.op, threshold: roundOrNull(g.threshold), value: roundOrNull(g.value), passed: g.passed, detail: g.detail, estimate: g.estimate,
  })) ?? [];
  const failed = gates.filter((g) => !g.passed);
  const data = {
    verdict: run ? (run.passed ? 'pass' : 'fail') : 'attention',
    latest_gate_run: run ? { id: run.id, created_at: run.createdAt, policy_sha256: run.policySha256, passed: run.passed, gates } : null,
    comparisons: comparisons.map((c) => ({ id: c.id, created_at: c.createdAt, by: c.by, a: c.a, b: c.b, result_sha256: c.resultSha256 })),
    findings: failed.map((g) => ({ id: `gate-${g.name}`, severity: 'high', title: `Gate "${g.name}" failed`, detail: g.detail })),
  };
  const note = run
    ? `Latest gate run ${run.passed ? 'passed' : 'failed'} (${gates.length - failed.length} of ${gates.length} gates passed); ${comparisons.length} stored comparison(s).`
    : `No gate run; ${comparisons.length} stored comparison(s).`;
  return { note, data };
}

export function buildComparisons(ctx: SectionContext): Promise<ReportV1['comparisons']> {
  return buildExternal(ctx, 'comparisons', comparisonsSource, controlsFor('comparisons'), 'no comparisons or gate results in this workspace');
}
