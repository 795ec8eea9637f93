// Version comparison and release gates on a real workspace: the CLI shapes and exit codes, stored and
// audit-logged results, costs priced at the record's timestamp, and missing versions explained.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../main/analysis/run-analysis';
import { callApi } from '../../main/api/dispatch';
import { EventBus } from '../../main/api/event-bus';
import { createHandlers } from '../../main/api/handlers';
import { importJsonlRecords } from '../../main/importers/jsonl-records';
import type { CallApi } from '../../main/cli/open';
import { listAudit } from '../../main/storage/audit-chain';
import { governanceResults } from '../../main/storage/gates-repo';
import { createWorkspace, type Workspace } from '../../main/storage/workspace';
import { apiError } from '../helpers/api-error';
import { runCliAsync } from '../helpers/cli';
import { useTempDir } from '../helpers/tmp';

const tmp = useTempDir('assay-compare-');

async function workspace(): Promise<{ ws: Workspace; dir: string; call: CallApi }> {
  const dir = path.join(tmp(), 'ws');
  const ws = createWorkspace(dir, { actor: 'tester (test)' });
  const file = path.join(tmp(), 'r.jsonl');
  const lines: string[] = [];
  for (let i = 0; i < 30; i++) {
    for (const v of ['v1', 'v2']) {
      // v2 leaks an email on every third item; v2 records carry no cost, so it is priced from the table.
      const leak = v === 'v2' && i % 3 === 0;
      lines.push(JSON.stringify({
        id: `${v}-${i}`, timestamp: '2026-11-02T10:00:00Z', model: 'gpt-4o', prompt_version: v, input: `Where is order ${100 + i}?`,
        output: `Order ${100 + i} ships from Leeds in 3 days.${leak ? ' Ask maria.lopez@example.com.' : ''}`,
        contexts: [`Order ${100 + i} ships from Leeds in 3 days.`], tokens_in: 1000, tokens_out: 100, ...(v === 'v1' ? { cost: 0.01 } : {}),
      }));
    }
  }
  writeFileSync(file, lines.join('\n'));
  await importJsonlRecords(ws, file, { name: 'logs' });
  await runAnalysis(ws, { workers: 0 });
  const handlers = createHandlers(ws, new EventBus());
  return { ws, dir, call: (method, input) => callApi(handlers, method, input) };
}

describe('compare and gates', () => {
  it('compare --json prints the documented shape; --store keeps it and logs it', async () => {
    const { ws, dir } = await workspace();
    ws.close();
    const r = await runCliAsync(['compare', dir, '--by', 'prompt_version', '--a', 'v1', '--b', 'v2', '--metrics', 'pii_rate,cost_mean', '--store', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown> & { metrics: Record<string, unknown>[] };
    expect(Object.keys(out).slice(0, 8)).toEqual(['by', 'a', 'b', 'paired', 'unpaired_a', 'unpaired_b', 'metrics', 'buckets']);
    expect(out.paired).toBe(30);
    expect(Object.keys(out.metrics[0]!).slice(0, 10)).toEqual(['name', 'a', 'b', 'diff', 'ci_low', 'ci_high', 'test', 'p_value', 'p_adjusted', 'significant']);
    const pii = out.metrics[0]!;
    expect(pii).toMatchObject({ name: 'pii_rate', a: 0, test: 'mcnemar_exact' });
    expect(pii.b).toBeCloseTo(10 / 30, 12);
    // gpt-4o at $2.50 in / $10 out per million: 1000 in + 100 out = $0.0035 for every v2 record.
    const cost = out.metrics[1]!;
    expect(cost.a).toBeCloseTo(0.01, 12);
    expect(cost.b).toBeCloseTo(0.0035, 12);
    const { openWorkspace } = await import('../../main/storage/workspace');
    const again = openWorkspace(dir);
    const stored = governanceResults(again.db).comparisons;
    expect(stored).toHaveLength(1);
    expect(listAudit(again.db, 0, 50).rows.map((e) => e.action)).toContain('compare.stored');
    again.close();
  }, 120_000);

  it('gate exits 0, 1 and 2; results are stored and audit-logged; a baseline regression fails', async () => {
    const { ws, dir } = await workspace();
    ws.close();
    const write = (name: string, text: string) => {
      const file = path.join(tmp(), name);
      writeFileSync(file, text);
      return file;
    };
    const pass = write('pass.yml', 'gates:\n  - metric: pii_rate\n    max: 0.5\n  - metric: cost_per_query\n    max: 0.02\n');
    const regress = write('regress.yml', 'gates:\n  - metric: pii_rate\n    baseline: v1\n    scope: {prompt_version: v2}\n');
    const bad = write('bad.yml', 'gates:\n  - metric: pii_rate\n    max: "high"\n');
    const empty = write('empty.yml', 'gates:\n  - metric: pii_rate\n    max: 1\n    scope: {model: no-such-model}\n');
    const ok = await runCliAsync(['gate', dir, '--policy', pass]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/all 2 gates passed/);
    const failed = await runCliAsync(['gate', dir, '--policy', regress, '--json']);
    expect(failed.code).toBe(1);
    const run = JSON.parse(failed.stdout) as { passed: boolean; results: { baseline: { regressed: boolean; p_value: number } }[] };
    expect(run.passed).toBe(false);
    expect(run.results[0]!.baseline.regressed).toBe(true);
    const badRun = await runCliAsync(['gate', dir, '--policy', bad]);
    expect(badRun.code).toBe(2);
    expect(badRun.stderr).toMatch(/bad\.yml:3: gates\[0\]\.max: expected a number/);
    const none = await runCliAsync(['gate', dir, '--policy', empty]);
    expect(none.code).toBe(1);
    expect(none.stdout).toMatch(/no records in scope/);
    const { openWorkspace } = await import('../../main/storage/workspace');
    const again = openWorkspace(dir);
    expect(governanceResults(again.db).latestGateRun?.results[0]!.detail).toMatch(/no records in scope/);
    expect(listAudit(again.db, 0, 50).rows.filter((e) => e.action === 'gates.run')).toHaveLength(3);
    again.close();
  }, 180_000);

  it('explains a version with no records and lists the ones there are', async () => {
    const { ws, call } = await workspace();
    const err = await apiError(call('compare.run', { by: 'prompt_version', a: 'v1', b: 'v9' }));
    expect(err.message).toMatch(/side B: no records with prompt_version = "v9"; this workspace has v1, v2/);
    expect(await call('compare.values', { by: 'prompt_version' })).toEqual([
      { value: 'v1', label: 'v1', records: 30 }, { value: 'v2', label: 'v2', records: 30 },
    ]);
    ws.close();
  }, 120_000);

  it('prices edits are audit-logged and applied at the record\'s date; budgets raise alerts', async () => {
    const { ws, call } = await workspace();
    const before = await call('cost.summary', {});
    // 30 logged v1 costs of $0.01, 30 v2 records priced at gpt-4o's $0.0035.
    expect(before.total.costUsd).toBeCloseTo(0.3 + 30 * 0.0035, 10);
    expect(before.total.computed).toBe(true);
    expect(before.priceTable.edited).toBe(false);
    const stored = await call('prices.set', { entry: {
      model_pattern: '^gpt-4o$', input_per_mtok: 5, cached_input_per_mtok: null, output_per_mtok: 20,
      effective_from: '2026-11-01', effective_to: null, source: 'test', taken_at: '2026-12-07' } });
    const after = await call('cost.summary', {});
    expect(after.priceTable.edited).toBe(true);
    expect(after.total.costUsd).toBeCloseTo(0.3 + 30 * 0.007, 10);
    expect(await apiError(call('prices.set', { entry: { ...stored, model_pattern: '(' } }))).toMatchObject({ code: 'bad_request' });
    await call('prices.set', { entry: { ...stored, output_per_mtok: 10 }, replaces: stored.id });
    expect((await call('prices.list', {})).entries.filter((e) => e.model_pattern === '^gpt-4o$').map((e) => e.output_per_mtok)).toEqual([10]);
    await call('budgets.set', { scope: 'prompt_version', value: 'v1', period: 'day', limitUsd: 0.1 });
    const alerts = (await call('cost.summary', {})).alerts;
    expect(alerts).toEqual([expect.objectContaining({ value: 'v1', when: '2026-11-02', limitUsd: 0.1 })]);
    expect(alerts[0]!.spentUsd).toBeCloseTo(0.3, 10);
    const actions = listAudit(ws.db, 0, 100).rows.map((e) => e.action);
    expect(actions.filter((a) => a === 'prices.set')).toHaveLength(2);
    expect(actions).toContain('budgets.set');
    ws.close();
  }, 120_000);
});
