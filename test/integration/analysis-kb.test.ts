import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventBus } from '../../main/api/event-bus';
import { createHandlers } from '../../main/api/handlers';
import { runAnalysis } from '../../main/analysis/run-analysis';
import { importJsonlRecords } from '../../main/importers/jsonl-records';
import { runImport } from '../../main/importers/run-import';
import { verifyChain } from '../../main/storage/audit-chain';
import { listRecords } from '../../main/storage/records-repo';
import { createWorkspace, type Workspace } from '../../main/storage/workspace';
import { runCli } from '../helpers/cli';
import { useTempDir } from '../helpers/tmp';

const tmp = useTempDir();

const RECORDS = [
  { id: 'ctx', input: 'How long is the warranty?', output: 'The Cam Indoor has a two-year warranty.', contexts: ['The Cam Indoor has a two-year warranty.'] },
  { id: 'bare', input: 'How do I pair the plug?', output: 'Hold the button for five seconds until the light blinks blue.' },
  { id: 'tool', input: 'Weather in Leeds?', output: '[tool call] get_weather({"city":"Leeds"})' },
];

async function importKb(ws: Workspace, name: string, files: Record<string, string>): Promise<number> {
  const dir = path.join(tmp(), name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, file), text);
  const summary = await runImport(ws, { paths: [dir], name, spec: { kind: 'kb' } });
  return summary.assetId!;
}

async function setup() {
  const dir = path.join(tmp(), 'ws');
  const ws = createWorkspace(dir);
  const file = path.join(tmp(), 'r.jsonl');
  writeFileSync(file, RECORDS.map((r) => JSON.stringify(r)).join('\n'));
  const logs = await importJsonlRecords(ws, file, { name: 'logs' });
  const plugs = await importKb(ws, 'plugs', { 'setup.md': '# Pairing\n\nHold the button for five seconds until the light blinks blue, then pair it in the app.\n' });
  return { ws, dir, logsAsset: logs.assetId!, plugs };
}

function grounding(ws: Workspace): Record<string, number | null> {
  const rows = listRecords(ws.db, { sort: 'id', dir: 'asc', offset: 0, limit: 10 }).rows;
  return Object.fromEntries(rows.map((r) => [r.externalId, r.scores?.grounding ?? null]));
}

describe('the KB behind grounding', () => {
  it('uses the newest KB on a first run, then the previous run\'s KB, never one imported since, unless chosen', async () => {
    const { ws, plugs } = await setup();
    const first = await runAnalysis(ws, { analyzerIds: ['grounding'], workers: 0 });
    expect(first.kb).toMatchObject({ assetId: plugs, name: 'plugs', version: 1 });
    // Without contexts and without a binding, a record is not grounded against the run's KB.
    expect(grounding(ws)).toMatchObject({ ctx: expect.any(Number), bare: null, tool: null });

    const other = await importKb(ws, 'unrelated', { 'notes.md': '# Notes\n\nThe cafeteria opens at nine.\n' });
    const again = await runAnalysis(ws, { analyzerIds: ['grounding'], workers: 0 });
    expect(again).toMatchObject({ status: 'up-to-date', kb: { assetId: plugs } });

    const chosen = await runAnalysis(ws, { analyzerIds: ['grounding'], workers: 0, kb: { assetId: other } });
    expect(chosen).toMatchObject({ status: 'succeeded', scored: 3, kb: { assetId: other, name: 'unrelated' } });
    const next = await runAnalysis(ws, { analyzerIds: ['grounding'], workers: 0 });
    expect(next).toMatchObject({ status: 'up-to-date', kb: { assetId: other } });
    const none = await runAnalysis(ws, { analyzerIds: ['grounding'], workers: 0, kb: 'none' });
    expect(none).toMatchObject({ status: 'succeeded', kb: null });
    ws.close();
  });

  it('grounds a bound asset\'s records without contexts against its KB, shows the KB on the finding, and audits the binding', async () => {
    const { ws, logsAsset, plugs } = await setup();
    const api = createHandlers(ws, new EventBus());
    await runAnalysis(ws, { analyzerIds: ['grounding'], workers: 0, kb: 'none' });
    expect(grounding(ws).bare).toBeNull();
    const bound = await api['analysis.bindKb']({ assetId: logsAsset, kbAssetId: plugs });
    expect(bound).toMatchObject({ binding: { assetId: logsAsset, kb: { assetId: plugs, name: 'plugs' } }, findingsDropped: 3 });
    expect(await api['analysis.kbOptions']({})).toMatchObject({ defaultKb: null, kbs: [{ assetId: plugs }], bindings: [{ assetId: logsAsset }] });

    const run = await runAnalysis(ws, { analyzerIds: ['grounding'], workers: 0 });
    expect(run).toMatchObject({ status: 'succeeded', scored: 3 });
    const scores = grounding(ws);
    expect(scores.bare).toBeGreaterThan(0.8);
    expect(scores.tool).toBeNull();
    const bare = listRecords(ws.db, { sort: 'id', dir: 'asc', offset: 0, limit: 10 }).rows.find((r) => r.externalId === 'bare')!;
    const [finding] = await api['records.findings']({ id: bare.id });
    expect(finding).toMatchObject({ analyzerId: 'grounding', kb: { assetId: plugs, name: 'plugs', version: 1 } });
    const claims = finding!.details!.claims as { evidence: { source: string; name?: string } }[];
    expect(claims[0]!.evidence).toMatchObject({ source: 'kb', name: 'setup.md › Pairing' });

    await expect(api['analysis.bindKb']({ assetId: plugs, kbAssetId: plugs })).rejects.toThrow(/not a logs asset/);
    expect(verifyChain(ws.db).ok).toBe(true);
    ws.close();
  });

  it('assay analyze --kb picks a KB by id or name[:version], names the KBs when it is wrong, and bind-kb binds', async () => {
    const { ws, dir, logsAsset, plugs } = await setup();
    ws.close();
    const wrong = runCli(['analyze', dir, '--analyzers', 'grounding', '--kb', '999']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/--kb asset 999 is not a knowledge base in this workspace \(knowledge bases here: \d+ \(plugs v1\)\)/);
    expect(runCli(['analyze', dir, '--kb', 'plugs:x']).code).toBe(2);
    const ok = runCli(['analyze', dir, '--analyzers', 'grounding', '--kb', 'plugs:1', '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ status: 'succeeded', kb: { assetId: plugs, name: 'plugs', version: 1 } });
    const bind = runCli(['bind-kb', dir, String(logsAsset), 'plugs']);
    expect(bind).toMatchObject({ code: 0, stdout: expect.stringMatching(/asset \d+ is grounded against KB \d+ \(plugs v1\); 3 grounding finding/) });
    const search = runCli(['search', dir, 'pair the plug', '--json']);
    expect(search.code).toBe(0);
    expect(JSON.parse(search.stdout)).toMatchObject({ index: { assetId: plugs } });
  }, 120_000);
});
