// The Reports page in browser mode on the demo: preview says which sections have no data, keys are created with a
// passphrase, a report is generated and signed and listed with its hashes, a wrong passphrase writes nothing, and
// the Verify screen accepts the signed PDF and rejects one with bytes appended.
import { mkdtempSync, readdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppPage } from '../pages/app-page';
import { chromiumMissing as missing, openDemoSession, resultsDir, type DemoSession } from '../pages/demo-session';
import { ReportsPageModel } from '../pages/reports-page';
import type { ServedWorkspace } from '../pages/serve-demo';

if (missing) console.warn(`skipped: reports page e2e: ${missing}`);
const skipNote = missing ? ` (skipped: ${missing})` : '';
const PASS = 'e2e-passphrase-1';

describe.skipIf(missing !== undefined)(`reports page on the demo workspace${skipNote}`, () => {
  let session: DemoSession;
  let served: ServedWorkspace;
  let app: AppPage;
  let reports: ReportsPageModel;
  let keyDir: string;
  const previousKeyDir = process.env.ASSAY_KEY_DIR;

  beforeAll(async () => {
    // The server inherits this: the app's signing keys go to a temp folder, not the user's config folder.
    keyDir = mkdtempSync(path.join(os.tmpdir(), 'assay-e2e-keys-'));
    process.env.ASSAY_KEY_DIR = path.join(keyDir, 'keys');
    session = await openDemoSession('assay-e2e-reports-', { width: 1440, height: 1400 });
    ({ app, served } = session);
    reports = new ReportsPageModel(app.page);
  }, 240_000);

  afterAll(async () => {
    await session?.close();
    if (previousKeyDir === undefined) delete process.env.ASSAY_KEY_DIR;
    else process.env.ASSAY_KEY_DIR = previousKeyDir;
    rmSync(keyDir, { recursive: true, force: true });
  });

  it('previews, creates keys, generates and signs, lists the report and verifies the PDF by drop', async () => {
    await app.open(served.url);
    await app.go('reports');
    await expect(app.page.getByTestId('page-reports').innerText()).resolves.not.toMatch(/Not yet available/);

    await reports.showPreview();
    expect(await app.page.getByTestId('preview-records').innerText()).toBe('2000');
    const sections = await reports.sectionStates();
    expect(sections.find((s) => s.includes('Human review'))).toMatch(/no data.*no review queues/s);
    expect(sections.find((s) => s.includes('Drift'))).toMatch(/^data/);

    await expect(reports.keyStatus.innerText()).resolves.toMatch(/No signing key yet/);
    await reports.createKeys(PASS);
    await expect.poll(() => reports.keyStatus.innerText()).toMatch(/Signing key [0-9a-f]{6}/);

    await reports.generate('not-the-passphrase');
    await app.page.getByTestId('error-banner').waitFor();
    expect(await app.page.getByTestId('error-banner').innerText()).toMatch(/wrong passphrase/);

    await reports.generate(PASS);
    await reports.done.waitFor({ timeout: 120_000 });
    await expect.poll(() => reports.rows.count(), { timeout: 15_000 }).toBe(1);
    await app.page.screenshot({ path: path.join(resultsDir, 'reports-page.png'), fullPage: true });

    const workspace = (await app.page.getByTestId('report-done').innerText()).match(/written to\s+(\S+)/)![1]!;
    expect(readdirSync(workspace).sort()).toEqual(['report.json', 'report.json.sig', 'report.pdf', 'report.sig.json']);
    const valid = await reports.verifyFiles([path.join(workspace, 'report.pdf')], { against: true });
    expect(valid.ok).toBe('true');
    expect(valid.checks.join('\n')).toMatch(/numbers: every number recomputed/);

    const appended = path.join(keyDir, 'appended.pdf');
    writeFileSync(appended, Buffer.concat([readFileSync(path.join(workspace, 'report.pdf')), Buffer.from('\n%%EOF\n')]));
    const invalid = await reports.verifyFiles([appended]);
    expect(invalid.ok).toBe('false');
    expect(invalid.checks.join('\n')).toMatch(/bytes appended after the signed PDF/);
  }, 300_000);
});
