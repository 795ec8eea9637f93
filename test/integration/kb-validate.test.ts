// `assay kb validate`: a KB version that lost documents loses retrieval hits on a fixed question set; the
// paired comparison says so and exits 1; an unchanged version passes with 0; bad references exit 2.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliAsync } from '../helpers/cli';
import { useTempDir } from '../helpers/tmp';
import { addKb, KB_DOCS, newWorkspace } from './search-fixtures';

const tmp = useTempDir('assay-kbval-');

const QUESTIONS = [
  ['How long is a password reset link valid?', 'password-reset'], ['Which Wi-Fi band does the hub support?', 'wifi-setup'],
  ['Are clearance items refunded?', 'refund-policy'], ['How do I export my account data?', 'data-export'],
  ['How long does standard shipping take?', 'shipping-times'], ['How should I store lithium batteries?', 'battery-care'],
  ['How do I update the camera firmware?', 'camera-firmware'], ['Is accidental damage covered by the warranty?', 'warranty'],
];

describe('assay kb validate', () => {
  it('finds the retrieval regression of a KB version that dropped documents, and passes an unchanged one', async () => {
    const ws = newWorkspace(tmp());
    addKb(ws);
    // v2 keeps only two documents: every other question loses its gold document.
    addKb(ws, 'support-kb', KB_DOCS.filter((d) => d.docId === 'password-reset' || d.docId === 'wifi-setup'));
    addKb(ws, 'support-kb');
    const dir = ws.dir;
    ws.close();
    // Eight questions, each asked three times with different wording, so 18 hits can be lost.
    const q = path.join(tmp(), 'q.jsonl');
    writeFileSync(q, QUESTIONS.flatMap(([question, gold]) => ['', ' Please answer.', ' Thanks!'].map((s) => JSON.stringify({ question: `${question}${s}`, gold_doc_ids: [gold] }))).join('\n'));
    const worse = await runCliAsync(['kb', 'validate', dir, '--questions', q, '--kb', '2', '--against', '1', '--json']);
    expect(worse.stderr).not.toMatch(/error/i);
    expect(worse.code).toBe(1);
    const r = JSON.parse(worse.stdout) as { regressed: boolean; retrieval: { questions: number; metrics: { name: string; a: number; b: number; test: string; regressed: boolean }[]; lostHits: number[] } };
    expect(r.regressed).toBe(true);
    expect(r.retrieval.questions).toBe(24);
    const hit = r.retrieval.metrics.find((m) => m.name === 'hit_at_k')!;
    expect(hit).toMatchObject({ test: 'mcnemar_exact', regressed: true });
    expect(hit.b).toBeLessThan(hit.a);
    expect(r.retrieval.lostHits.length).toBeGreaterThanOrEqual(12);
    // The latest version (3) is validated against its predecessor (2) by default: hits come back, no regression.
    const better = await runCliAsync(['kb', 'validate', dir, '--questions', q]);
    expect(better.code).toBe(0);
    expect(better.stdout).toMatch(/KB support-kb v3 .* against v2/);
    // Each run is kept for release gates: v2 finds the gold document in the top 5 for under half the questions.
    const policy = path.join(tmp(), 'policy.yml');
    writeFileSync(policy, 'gates:\n  - {metric: retrieval_hit_at_5, min: 0.9, name: v2, scope: {asset: 2}}\n  - {metric: retrieval_hit_at_5, min: 0.9, name: v3, scope: {asset: 3}}\n');
    const gate = await runCliAsync(['gate', dir, '--policy', policy, '--json']);
    expect(gate.code).toBe(1);
    const [v2, v3] = (JSON.parse(gate.stdout) as { results: { name: string; passed: boolean; value: number }[] }).results;
    expect(v2).toMatchObject({ name: 'v2', passed: false, value: hit.b });
    expect(v3).toMatchObject({ name: 'v3', passed: true });
    const bad = await runCliAsync(['kb', 'validate', dir, '--questions', q, '--against', 'v9']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--against: no KB asset "v9"/);
  }, 240_000);
});
