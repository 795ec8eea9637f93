// Runs a gate policy against a workspace: each gate's metric over the records in its scope (or, for drift, AUC
// and retrieval, on the asset it names: evidence-metrics.ts), its threshold, and "no significant regression"
// against a baseline version with the comparison machinery of `assay compare`. A gate whose scope has no values
// fails: a release gate must not pass on missing evidence. The run is stored and audit-logged in one transaction.
import type { GateResult, GateRun } from '../../shared/contract/compare-schemas';
import { compareVersions } from '../../shared/compare/compare-versions';
import { compareMetricOf, gateMetricValue, meetsThreshold } from '../../shared/gates/evaluate';
import { isEvidenceMetric } from '../../shared/gates/gate-metrics';
import { parsePolicy, type Gate } from '../../shared/gates/policy';
import { sha256Hex } from '../../shared/util/hash';
import { applyCosts } from '../cost/apply-costs';
import { loadScopedItems, type LoadedItem } from '../storage/compare-repo';
import { insertGateRun } from '../storage/gates-repo';
import type { Workspace } from '../storage/workspace';
import { evidenceMetricValue, type EvidenceHandlers } from './evidence-metrics';

const OP_TEXT = { min: '>=', max: '<=', equals: '=' } as const;

async function baselineCheck(ws: Workspace, gate: Gate, candidate: LoadedItem[]): Promise<NonNullable<GateResult['baseline']>> {
  const { by, version } = gate.baseline!;
  const metric = compareMetricOf(gate.metric)!;
  const scope = { from: gate.scope.from, to: gate.scope.to, [by]: by === 'asset' ? Number(version) : version };
  const base = await applyCosts(ws.db, loadScopedItems(ws.db, scope));
  if (base.length === 0 || candidate.length === 0) return { by, version, diff: null, p_value: null, regressed: true };
  const r = compareVersions(base, candidate, {
    by, a: version, b: String(gate.scope[by] ?? ''), metrics: [metric], correction: 'none', seed: 1, resamples: 10_000, bucketFlag: 'any',
  });
  const row = r.metrics[0]!;
  const worse = row.diff !== null && (row.better === 'lower' ? row.diff > 0 : row.diff < 0);
  return { by, version, diff: row.diff, p_value: row.p_value, regressed: row.significant && worse };
}

async function evaluateEvidenceGate(ws: Workspace, handlers: EvidenceHandlers, gate: Gate & { metric: Parameters<typeof evidenceMetricValue>[2] }): Promise<GateResult> {
  const { value, detail } = await evidenceMetricValue(ws, handlers, gate.metric, gate.scope.asset);
  const base = { name: gate.name, metric: gate.metric, line: gate.line, scope: { ...gate.scope }, op: gate.op, threshold: gate.threshold, value, baseline: null, estimate: false };
  if (value === null) return { ...base, passed: false, detail: `fails: no data: ${detail}` };
  const passed = meetsThreshold(gate, value);
  return { ...base, passed, detail: `${gate.metric} ${value.toPrecision(4)} ${passed ? 'meets' : 'violates'} ${gate.op ? `${OP_TEXT[gate.op]} ${gate.threshold}` : ''}: ${detail}` };
}

async function evaluateGate(ws: Workspace, handlers: EvidenceHandlers, gate: Gate): Promise<GateResult> {
  const metric = gate.metric;
  if (isEvidenceMetric(metric)) return evaluateEvidenceGate(ws, handlers, { ...gate, metric });
  const items = await applyCosts(ws.db, loadScopedItems(ws.db, gate.scope));
  const value = gateMetricValue(items, gate.metric);
  const base = { name: gate.name, metric: gate.metric, line: gate.line, scope: { ...gate.scope }, op: gate.op, threshold: gate.threshold, value };
  const estimate = items.some((i) => i.estimated) && /cost|tokens/.test(gate.metric);
  if (value === null) {
    const why = items.length === 0 ? 'no records in scope' : 'no record in scope has this value (not analyzed? run `assay analyze`)';
    return { ...base, baseline: null, passed: false, detail: `fails: ${why}`, estimate };
  }
  const details: string[] = [];
  let passed = meetsThreshold(gate, value);
  if (gate.op) details.push(`${gate.metric} ${value.toPrecision(4)} ${passed ? 'meets' : 'violates'} ${OP_TEXT[gate.op]} ${gate.threshold} over ${items.length} records`);
  let baseline: GateResult['baseline'] = null;
  if (gate.baseline) {
    const b = await baselineCheck(ws, gate, items);
    baseline = b;
    if (b.regressed) passed = false;
    details.push(b.diff === null
      ? `no records to compare with baseline ${b.version}`
      : `vs baseline ${b.version}: diff ${b.diff.toPrecision(3)}, p ${b.p_value?.toPrecision(3)}${b.regressed ? ': significant regression' : ': no significant regression'}`);
  }
  return { ...base, baseline, passed, detail: details.join('; '), estimate };
}

export async function runGates(ws: Workspace, handlers: EvidenceHandlers, policyText: string, policyPath: string | undefined): Promise<GateRun> {
  const gates = parsePolicy(policyText, policyPath ?? 'policy');
  const results: GateResult[] = [];
  for (const gate of gates) results.push(await evaluateGate(ws, handlers, gate));
  await ws.writes.idle();
  const run: Omit<GateRun, 'id'> = {
    createdAt: new Date().toISOString(), policyPath: policyPath ?? null, policySha256: sha256Hex(policyText),
    passed: results.every((r) => r.passed), results,
  };
  const id = ws.mutate('gates.run', (db) => insertGateRun(db, run), (rowId) => ({
    gateRunId: rowId, policyPath: run.policyPath, policySha256: run.policySha256, passed: run.passed,
    failed: results.filter((r) => !r.passed).map((r) => r.name),
  }));
  return { id, ...run };
}
