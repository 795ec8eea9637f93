import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli';
import { AppPage } from '../pages/app-page';
import { chromiumMissing as missing, chromiumPath } from '../pages/demo-session';
import { GroundingDetail } from '../pages/grounding-detail';
import { OverviewPage } from '../pages/overview-page';
import { RecordsPage } from '../pages/records-page';
import { ensureRendererBuilt, serve, type ServedWorkspace } from '../pages/serve-demo';

if (missing) console.warn(`skipped: analysis KB e2e: ${missing}`);
const skipNote = missing ? ` (skipped: ${missing})` : '';

const LOGS = [
  { id: 'tool-1', input: 'Find the weather in Leeds.', output: '[tool call] get_weather({"city":"Leeds"})' },
  { id: 'pair-1', input: 'How do I pair the plug?', output: 'Hold the button for five seconds until the light blinks blue.' },
  {
    id: 'contra-1', input: 'How long is the return window?', output: 'The return window is 14 days from delivery.',
    contexts: ['Returns are accepted within 30 days of delivery, and holiday purchases until January 31.'],
  },
];

describe.skipIf(missing !== undefined)(`Evidence KB and not-applicable grounding in browser mode${skipNote}`, () => {
  let dir: string;
  let served: ServedWorkspace;
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    ensureRendererBuilt();
    dir = mkdtempSync(path.join(os.tmpdir(), 'assay-e2e-kb-'));
    const ws = path.join(dir, 'ws');
    writeFileSync(path.join(dir, 'logs.jsonl'), LOGS.map((r) => JSON.stringify(r)).join('\n'));
    for (const [name, file, text] of [
      ['plugs', 'setup.md', '# Pairing\n\nHold the button for five seconds until the light blinks blue.\n'],
      ['cafeteria', 'hours.md', '# Hours\n\nThe cafeteria opens at nine and closes at three.\n'],
    ] as const) {
      mkdirSync(path.join(dir, name));
      writeFileSync(path.join(dir, name, file), text);
    }
    expect(runCli(['init', ws]).code).toBe(0);
    expect(runCli(['import', ws, path.join(dir, 'logs.jsonl'), '--as', 'logs', '--name', 'agent']).code).toBe(0);
    expect(runCli(['import', ws, path.join(dir, 'plugs'), '--as', 'kb', '--name', 'plugs']).code).toBe(0);
    expect(runCli(['import', ws, path.join(dir, 'cafeteria'), '--as', 'kb', '--name', 'cafeteria']).code).toBe(0);
    served = await serve(ws);
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
    app = new AppPage(await browser.newPage({ viewport: { width: 1440, height: 900 } }));
    await app.open(served.url);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('runs with the KB picked on the Analysis card and preselects it for the next run', async () => {
    const overview = new OverviewPage(app.page);
    // A first run would take the newest KB; the user picks the one the bot retrieves from.
    expect(await overview.kbChoice()).toBe('cafeteria v1');
    await overview.kbPicker.selectOption({ label: 'plugs v1' });
    await overview.runAnalysis();
    expect(await overview.lastRun()).toMatchObject({ status: 'succeeded', kb: 'plugs v1' });
    await app.page.reload();
    await expect.poll(() => overview.kbChoice(), { timeout: 20_000 }).toBe('plugs v1 (previous run)');
    expect(app.problems).toEqual([]);
  }, 180_000);

  it('shows why a tool call is not grounded, and a claim its context contradicts with that context as evidence', async () => {
    await app.go('records');
    const records = new RecordsPage(app.page);
    const grounding = new GroundingDetail(app.page);
    await records.waitForRows();

    // The table shows one row per search once it has caught up with the search box.
    const only = async (search: string, shown: string) => {
      await records.search.fill(search);
      await expect.poll(async () => (await records.total()) === 1 && (await records.rows.count()) === 1 && (await records.rows.first().innerText()).includes(shown),
        { timeout: 20_000 }).toBe(true);
      await records.openAnalyzedRow(0);
    };
    await only('get_weather', 'get_weather');
    expect(await grounding.notApplicable()).toMatch(/^Not applicable: the answer only calls tools/);

    // No contexts and no KB bound to its asset: not grounded against the run's KB either.
    await only('pair the plug', 'five seconds');
    expect(await grounding.notApplicable()).toMatch(/no contexts and no knowledge base/);

    await only('return window', '14 days');
    const [claim] = await records.claimList();
    expect(claim).toMatchObject({ label: 'contradicted', fromContext: true, hasEvidence: true });
    expect(claim!.evidence).toContain('Returns are accepted within 30 days of delivery');
    expect(await grounding.contradictions()).toBe(1);
    expect(await grounding.claimCounts()).toMatch(/^1 of 1 checked claim not supported/);
    expect(await grounding.kb()).toMatch(/Evidence KB plugs v1/);
    expect(app.problems).toEqual([]);
  }, 120_000);
});
