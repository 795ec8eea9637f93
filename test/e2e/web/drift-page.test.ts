import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppPage } from '../pages/app-page';
import { chromiumMissing as missing, openDemoSession, resultsDir, type DemoSession } from '../pages/demo-session';
import type { ServedWorkspace } from '../pages/serve-demo';

if (missing) console.warn(`skipped: drift page e2e: ${missing}`);
const skipNote = missing ? ` (skipped: ${missing})` : '';

describe.skipIf(missing !== undefined)(`drift page on the demo workspace${skipNote}`, () => {
  let session: DemoSession;
  let served: ServedWorkspace;
  let app: AppPage;

  beforeAll(async () => {
    session = await openDemoSession('assay-e2e-drift-', { width: 1440, height: 2300 });
    ({ app, served } = session);
  }, 240_000);

  afterAll(async () => {
    await session?.close();
  });

  it('compares the demo datasets: income drifts, the distribution is charted, model quality has a confusion matrix', async () => {
    await app.open(served.url);
    await app.go('drift');
    const page = app.page;
    await expect.poll(() => page.getByTestId('drift-reference').inputValue(), { timeout: 15_000 }).not.toBe('');
    expect(await page.getByTestId('drift-reference').locator('option:checked').innerText()).toContain('credit_reference');
    expect(await page.getByTestId('drift-current').locator('option:checked').innerText()).toContain('credit_current');

    await page.getByTestId('drift-row').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid="drift-row"][data-column="income"]').getAttribute('data-drifted')).toBe('true');
    expect(await page.locator('[data-testid="drift-row"][data-column="age"]').getAttribute('data-drifted')).toBe('false');
    expect(await page.getByTestId('drift-count').innerText()).toMatch(/\d+ of \d+/);
    await expect.poll(() => page.getByTestId('drift-verdict').innerText()).toMatch(/drift/i);

    // Selecting a categorical column charts category shares; bars are SVG paths drawn by recharts.
    await page.locator('[data-testid="drift-row"][data-column="purpose"]').click();
    await page.locator('[data-testid="drift-distribution"][data-kind="categorical"] .recharts-bar-rectangle').first().waitFor();
    await page.locator('[data-testid="drift-row"][data-column="income"]').click();
    await page.locator('[data-testid="drift-distribution"][data-kind="numeric"] .recharts-bar-rectangle').first().waitFor();

    // Sorting by PSI puts the largest PSI first.
    await page.getByTestId('drift-sort-psi').click();
    const psis = await page.locator('[data-testid="drift-row"] td:nth-child(7)').allInnerTexts();
    const numbers = psis.map(Number).filter((n) => !Number.isNaN(n));
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));

    const matrix = page.getByTestId('confusion-matrix');
    await matrix.waitFor({ timeout: 30_000 });
    const cells = (await matrix.locator('tbody td').allInnerTexts()).map((t) => Number(t.replace(/,/g, '')));
    expect(cells).toHaveLength(4);
    expect(cells.reduce((a, b) => a + b, 0)).toBe(5000);
    expect(await page.getByTestId('quality-metrics').innerText()).toMatch(/ROC AUC/);
    await page.locator('[data-testid="reliability-chart"] .recharts-line').first().waitFor();
    await page.screenshot({ path: path.join(resultsDir, 'e2e-drift.png'), fullPage: true });
  }, 120_000);

  it('logged no console errors or CSP violations along the way', () => {
    expect(app.problems).toEqual([]);
  });
});
