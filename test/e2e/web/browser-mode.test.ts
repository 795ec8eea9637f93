import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../helpers/cli';
import { AppPage } from '../pages/app-page';
import { AuditPage } from '../pages/audit-page';
import { OverviewPage } from '../pages/overview-page';
import { RecordsPage } from '../pages/records-page';
import { buildDemo, ensureRendererBuilt, serve, type ServedWorkspace } from '../pages/serve-demo';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const missing = existsSync(executablePath) ? undefined : `no Chromium at ${executablePath} (install Debian's chromium or set CHROMIUM_PATH)`;
if (missing) console.warn(`skipped: browser-mode e2e: ${missing}`);
const skipNote = missing ? ` (skipped: ${missing})` : '';
const resultsDir = path.join(repoRoot, 'test-results');

describe.skipIf(missing !== undefined)(`browser mode on the demo workspace${skipNote}`, () => {
  let dir: string;
  let served: ServedWorkspace;
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    ensureRendererBuilt();
    dir = mkdtempSync(path.join(os.tmpdir(), 'assay-e2e-web-'));
    buildDemo(path.join(dir, 'demo'));
    served = await serve(path.join(dir, 'demo'));
    browser = await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--disable-quic', '--no-first-run'],
    });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    app = new AppPage(page);
    mkdirSync(resultsDir, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('opens the printed URL on the overview with the workspace and its assets', async () => {
    await app.open(served.url);
    const overview = new OverviewPage(app.page);
    await overview.waitForAssets();
    expect(await app.search()).not.toContain('token=');
    expect((await app.workspaceName()).trim()).not.toBe('');
    const assets = await overview.assets();
    expect(assets.length).toBeGreaterThan(0);
    expect(assets.every((cells) => /^[0-9a-f]{12}$/.test(cells[4] ?? ''))).toBe(true);
    expect(await overview.stat('stat-records')).toBeGreaterThan(1000);
  });

  it('lists records, loads more pages on scroll, and filters by model', async () => {
    await app.go('records');
    const records = new RecordsPage(app.page);
    await records.waitForRows();
    const total = await records.total();
    expect(total).toBeGreaterThan(1000);
    // Virtualized: far fewer rows in the DOM than records.
    expect(await records.rows.count()).toBeLessThan(100);

    await records.scrollToBottom();
    await expect.poll(async () => Math.max(...await records.renderedIndexes()), { timeout: 15_000 }).toBe(total! - 1);

    const [model] = await records.modelOptions();
    expect(model).toBeDefined();
    await records.filterByModel(model!);
    // While the filtered count loads the total reads null; wait for the new number.
    await expect.poll(async () => { const now = await records.total(); return now !== null && now !== total; }, { timeout: 15_000 }).toBe(true);
    const filtered = await records.total();
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(total!);
    await records.waitForRows();
    const models = await records.columnValues(2);
    expect(models.length).toBeGreaterThan(0);
    expect(new Set(models)).toEqual(new Set([model]));
  });

  it('opens a record in the detail panel', async () => {
    const records = new RecordsPage(app.page);
    const id = await records.openRow(1);
    expect(await records.detailTitle()).toBe(`#${id}`);
    expect((await records.detailText('record-input')).length).toBeGreaterThan('Input'.length + 5);
    expect((await records.detailText('record-output')).length).toBeGreaterThan('Output'.length + 5);
    await app.screenshot(path.join(resultsDir, 'e2e-records.png'));
  });

  it('shows the audit log with an intact chain', async () => {
    await app.go('audit');
    const audit = new AuditPage(app.page);
    await audit.waitForChain();
    expect(await audit.chainIntact()).toBe(true);
    await expect.poll(() => audit.chainStatus.innerText()).toMatch(/intact/i);
    expect((await audit.entries()).length).toBeGreaterThan(0);
    await app.screenshot(path.join(resultsDir, 'e2e-audit.png'));
  });

  it('logged no console errors or CSP violations along the way', () => {
    expect(app.problems).toEqual([]);
  });
});
