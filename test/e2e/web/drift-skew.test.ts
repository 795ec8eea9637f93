import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppPage } from '../pages/app-page';
import { chromiumMissing as missing, openDemoSession, resultsDir, type DemoSession } from '../pages/demo-session';
import type { ServedWorkspace } from '../pages/serve-demo';

if (missing) console.warn(`skipped: drift skew e2e: ${missing}`);
const skipNote = missing ? ` (skipped: ${missing})` : '';

describe.skipIf(missing !== undefined)(`training-serving skew on the demo workspace${skipNote}`, () => {
  let session: DemoSession;
  let served: ServedWorkspace;
  let app: AppPage;

  beforeAll(async () => {
    session = await openDemoSession('assay-e2e-skew-', { width: 1440, height: 1800 });
    ({ app, served } = session);
  }, 240_000);

  afterAll(async () => {
    await session?.close();
  });

  it('opens on dataset drift; the skew mode replaces its pickers with the training and serving pickers', async () => {
    await app.open(served.url);
    await app.go('drift');
    const page = app.page;
    await page.getByTestId('drift-reference').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('drift-mode-datasets').getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('drift-mode-skew').click();
    await page.getByTestId('skew-panel').waitFor();
    expect(await page.getByTestId('drift-reference').count()).toBe(0);
    expect(await page.getByTestId('skew-training').locator('option:checked').innerText()).toContain('credit_reference');
    // The demo has a logs asset, so the serving side starts on log records.
    expect(await page.getByTestId('skew-kind-records').getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('skew-serving-records-logs').waitFor();
  }, 120_000);

  it('says plainly that the demo log records carry none of the credit features, naming them', async () => {
    const page = app.page;
    await page.getByTestId('skew-run').click();
    const message = page.getByTestId('skew-no-match-message');
    await message.waitFor({ timeout: 30_000 });
    const text = await message.innerText();
    expect(text).toMatch(/none of credit_reference's features/);
    expect(text).toMatch(/income/);
    expect(text).toMatch(/metadata keys or fields of the serving records/);
    expect(await page.getByTestId('skew-no-match').innerText()).toMatch(/Log the model's inputs into record metadata/);
    expect(await page.getByTestId('skew-row').count()).toBe(0);
    await page.getByTestId('skew-panel').screenshot({ path: path.join(resultsDir, 'e2e-drift-skew-no-match.png') });
  }, 120_000);

  it('compares credit_reference as training with credit_current as serving: income is skewed, age is not', async () => {
    const page = app.page;
    await page.getByTestId('skew-kind-dataset').click();
    expect(await page.getByTestId('skew-serving-asset').locator('option:checked').innerText()).toContain('credit_current');
    await page.getByTestId('skew-run').click();
    await page.getByTestId('skew-row').first().waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('skew-no-match').count()).toBe(0);

    const row = (name: string) => page.locator(`[data-testid="skew-row"][data-column="${name}"]`);
    expect(await row('income').getAttribute('data-drifted')).toBe('true');
    expect(await row('age').getAttribute('data-drifted')).toBe('false');
    // Feature and segment roles only: the score, prediction, label and timestamp columns are not model inputs.
    const names = await page.locator('[data-testid="skew-row"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-column')));
    expect(names).toContain('region');
    expect(names).not.toContain('label');
    expect(names).not.toContain('timestamp');
    const cells = await row('income').locator('td').allInnerTexts();
    expect(cells[1]).toMatch(/^(ks|chisquare|z|wasserstein|jensenshannon|psi)/);
    expect(cells[5]).toBe('drifted');
    expect(Number(cells[6])).toBeGreaterThan(0);

    const count = await page.getByTestId('skew-count').innerText();
    const [, skewed, tested] = /(\d+) of (\d+)/.exec(count) ?? [];
    expect(Number(tested)).toBe(names.length);
    expect(Number(skewed)).toBeGreaterThan(0);
    // The verdict follows the share of skewed features against the 50% dataset rule shown beside it.
    expect(await page.getByTestId('skew-share').innerText()).toMatch(/flagged at 50% or more/);
    const verdict = Number(skewed) / Number(tested) >= 0.5 ? 'Dataset skewed' : 'No dataset skew';
    expect(await page.getByTestId('skew-verdict').innerText()).toContain(verdict);
    expect(await page.getByTestId('skew-verdict').innerText()).toMatch(/credit_reference .* → credit_current/);
    expect(await page.getByTestId('skew-unmatched-none').innerText()).toMatch(/Every training feature was found/);

    // The most skewed feature is charted first; a click charts another, training vs serving.
    await page.locator('[data-testid="skew-distribution"] .recharts-bar-rectangle').first().waitFor();
    await row('purpose').click();
    await page.locator('[data-testid="skew-distribution"][data-kind="categorical"] .recharts-bar-rectangle').first().waitFor();
    const legend = await page.getByTestId('skew-distribution').locator('.recharts-legend-wrapper').innerText();
    expect(legend).toContain('Training');
    expect(legend).toContain('Serving');
    await row('income').click();
    await page.locator('[data-testid="skew-distribution"][data-kind="numeric"] .recharts-bar-rectangle').first().waitFor();
    await page.screenshot({ path: path.join(resultsDir, 'e2e-drift-skew.png'), fullPage: true });
  }, 120_000);

  it('logged no console errors or CSP violations along the way', () => {
    expect(app.problems).toEqual([]);
  });
});
