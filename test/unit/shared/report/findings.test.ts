import { describe, expect, it } from 'vitest';
import { deriveFindings, deriveVerdicts, type ReportBody } from '../../../../shared/report/findings';
import { rateStat } from '../../../../shared/report/rates';

const none = { status: 'no_data' as const, note: 'n/a', controls: [] };

function body(flags: { hallucination: number; pii: number }, scored: number, records = scored): ReportBody {
  const f = { hallucination: rateStat(flags.hallucination, scored), toxic: rateStat(0, scored), injection: rateStat(0, scored), pii: rateStat(flags.pii, scored), any: rateStat(flags.hallucination + flags.pii, scored) };
  return {
    schema: 'report/v1', report_id: 'r', generator: { name: 'assay', version: '0' }, created_at: 't', workspace: { name: 'w' },
    scope: { asset_ids: [1], models: null, prompt_versions: null, from: null, to: null, sections: [], include_pii: false },
    pii: { masked: true, note: '' }, inputs: { assets: [], indexes: [] }, analyzers: [],
    summary: { records, scored, flags: f, tokens_in: 10, tokens_out: 5, cost: null, verdicts: [], controls: [] },
    metrics: { ...none, by_model: [], by_prompt_version: [] },
    drift: { ...none, reference: null, current: null, columns: [], share_drifted: null, dataset_drifted: null },
    model_quality: { ...none, asset: null, task: null, rows: null, metrics: {} },
    review: { ...none, data: null },
    comparisons: { status: 'ok', note: 'gates', controls: [], data: { verdict: 'fail', findings: [{ id: 'gate max <= 0.1', severity: 'high', title: 'Gate failed', detail: 'd' }] } },
    methods: [],
    evidence: { ...none, records: [{ record_id: 7, external_id: null, model: null, prompt_version: null, flags: ['hallucination'], scores: {}, input: '', output: '', pii_masked: true }] },
    audit: { length: 3, head_hash: 'a'.repeat(64), merkle_root: 'b'.repeat(64), tree_hashing: 'RFC 9162 SHA-256 (leaf 0x00 || entry hash, node 0x01 || left || right)', chain_intact: true, previous: null, controls: [] },
  };
}

describe('findings and verdicts', () => {
  it('turns flag rates into findings with severity by rate, evidence records and controls', () => {
    const findings = deriveFindings(body({ hallucination: 10, pii: 1 }, 200));
    const hall = findings.find((f) => f.id === 'flag-hallucination')!;
    expect(hall.severity).toBe('high');
    expect(hall.evidence.record_ids).toEqual([7]);
    expect(hall.detail).toMatch(/10 of 200 scored records/);
    expect(hall.controls.map((c) => c.framework)).toEqual(expect.arrayContaining(['EU AI Act', 'NIST AI RMF', 'NIST AI 600-1', 'ISO/IEC 42001']));
    expect(findings.find((f) => f.id === 'flag-pii')!.severity).toBe('medium');
    expect(findings.find((f) => f.id === 'comparisons-gate-max-0.1')).toMatchObject({ severity: 'high', title: 'Gate failed' });
    expect(findings.map((f) => f.severity)).toEqual([...findings.map((f) => f.severity)].sort((a, b) => ['high', 'medium', 'low', 'info'].indexOf(a) - ['high', 'medium', 'low', 'info'].indexOf(b)));
    for (const f of findings) expect(f.controls.length).toBeGreaterThan(0);
  });

  it('says no data rather than pass when nothing was analysed, and flags the gap', () => {
    const b = body({ hallucination: 0, pii: 0 }, 0, 50);
    const verdicts = deriveVerdicts(b.summary, { drift: b.drift, chainIntact: true, review: b.review, comparisons: b.comparisons });
    expect(verdicts.find((v) => v.id === 'hallucination')!.status).toBe('no_data');
    expect(verdicts.find((v) => v.id === 'review')!.status).toBe('no_data');
    expect(verdicts.find((v) => v.id === 'comparisons')!.status).toBe('fail');
    expect(deriveFindings(b).find((f) => f.id === 'analysis-coverage')).toMatchObject({ severity: 'high' });
  });

  it('reports a broken chain and a log rewritten since the previous report as high findings', () => {
    const broken = body({ hallucination: 0, pii: 0 }, 10);
    broken.audit.chain_intact = false;
    expect(deriveFindings(broken).find((f) => f.id === 'audit-broken')!.severity).toBe('high');
    const rewritten = body({ hallucination: 0, pii: 0 }, 10);
    rewritten.audit.previous = { report_id: 'p', length: 2, merkle_root: 'c'.repeat(64), consistency_proof: [], consistent: false };
    expect(deriveFindings(rewritten).find((f) => f.id === 'audit-rewritten')!.severity).toBe('high');
  });
});
