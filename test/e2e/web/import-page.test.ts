// The Import page in browser mode: a picked file is uploaded and imported by handle, a typed path outside the
// workspace folder is refused, and the quarantine export arrives as a download (the server writes nowhere the page names).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing as missing, openDemoSession, resultsDir, type DemoSession } from '../pages/demo-session';

if (missing) console.warn(`skipped: import page e2e: ${missing}`);
const skipNote = missing ? ` (skipped: ${missing})` : '';

describe.skipIf(missing !== undefined)(`import page in browser mode${skipNote}`, () => {
  let session: DemoSession;

  beforeAll(async () => {
    session = await openDemoSession('assay-e2e-import-', { width: 1280, height: 1200 });
  }, 240_000);

  afterAll(async () => {
    await session?.close();
  });

  it('refuses a path outside the workspace, imports an uploaded file and downloads its quarantine', async () => {
    const page = session.app.page;
    try {
      await session.app.open(session.served.url);
      await page.goto(`${new URL(session.served.url).origin}/#/import`);
      await page.getByTestId('import-page').waitFor();
      await page.getByTestId('import-paths').fill('/etc/passwd');
      await page.getByText(/relative to the workspace folder/).waitFor({ timeout: 15_000 });
      await page.getByTestId('import-paths').fill('');

      const body = `${JSON.stringify({ id: 'u1', input: 'question', output: 'answer' })}\n{"bad"\n`;
      await page.locator('[data-testid="import-drop"] input[type="file"]').setInputFiles({ name: 'uploaded-logs.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(body) });
      await page.getByTestId('import-picked').getByText('uploaded-logs.jsonl').waitFor({ timeout: 15_000 });
      await expect.poll(() => page.getByTestId('import-start').isEnabled(), { timeout: 15_000 }).toBe(true);
      await page.getByTestId('import-start').click();
      await page.getByTestId('import-result').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('import-ledger').innerText()).toMatch(/2 input = 1 imported \+ 1 quarantined/);

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-quarantine-export').click()]);
      expect(download.suggestedFilename()).toMatch(/^quarantine-import-\d+\.jsonl$/);
      const rows = readFileSync((await download.path())!, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(rows).toEqual([expect.objectContaining({ file: 'uploaded-logs.jsonl', line: 2, raw: '{"bad"' })]);
      expect(session.app.problems.filter((p) => !/Failed to load resource/.test(p))).toEqual([]);
    } catch (err) {
      await page.screenshot({ path: path.join(resultsDir, 'e2e-import-fail.png') });
      throw err;
    }
  }, 120_000);
});
